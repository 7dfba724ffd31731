from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def send_mail_task(subject, body, to, html_body=None, from_email=None):
    """Send one email from the task queue, so a slow mail server never slows a page down.

    Takes rendered text only (JSON-serialisable arguments): the caller renders it in the
    recipient's language."""
    message = EmailMultiAlternatives(subject=subject, body=body, to=list(to), from_email=from_email)
    if html_body:
        message.attach_alternative(html_body, "text/html")
    message.send()
