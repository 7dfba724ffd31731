from django.contrib.auth import get_user_model
from django.utils import timezone
from django_tasks import task

from . import emails
from .models import Notification, Preference


@task()
def send_notification_email(notification_id):
    notification = Notification.objects.select_related("user").filter(pk=notification_id, sent_at__isnull=True).first()
    if notification is None:
        return
    if emails.still_visible(notification.user, [notification]):
        emails.send(notification.user, [notification])
    Notification.objects.filter(pk=notification.pk).update(sent_at=timezone.now())


@task()
def send_daily_digests():
    """One email per person who chose the daily digest, with everything since the last one."""
    pending = Notification.objects.filter(sent_at__isnull=True, user__notification_preference__frequency=Preference.Frequency.DAILY)
    users = get_user_model().objects.filter(pk__in=pending.values("user_id"), is_active=True)
    sent = 0
    for user in users:
        items = list(pending.filter(user=user).prefetch_related("subject"))
        shown = emails.still_visible(user, items)
        if shown:
            emails.send(user, shown, digest=True)
            sent += 1
        Notification.objects.filter(pk__in=[item.pk for item in items]).update(sent_at=timezone.now())
    return sent
