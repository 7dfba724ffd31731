from django.core.mail import EmailMultiAlternatives
from django_tasks import task


def queue_email(*, user, subject, body, to, html_body="", from_email=None, ics=""):
    """Send one email from the task queue, so a slow mail server never slows a page down.

    Takes rendered text (the caller renders it in the recipient's language); the message waits in
    OutgoingEmail, and the task carries only its id."""
    from .models import OutgoingEmail

    email = OutgoingEmail.objects.create(
        user=user, to=to, subject=subject[:300], body=body, html_body=html_body or "", from_email=from_email or "",
        ics=ics or "",
    )
    return send_queued_email.enqueue(email.pk)


@task()
def send_queued_email(email_id):
    from .models import OutgoingEmail

    email = OutgoingEmail.objects.filter(pk=email_id).first()
    if email is None:  # its account was deleted meanwhile
        return
    message = EmailMultiAlternatives(subject=email.subject, body=email.body, to=[email.to], from_email=email.from_email or None)
    if email.html_body:
        message.attach_alternative(email.html_body, "text/html")
    if email.ics:
        message.attach("invite.ics", email.ics, "text/calendar; charset=utf-8")
    message.send()
    email.delete()
