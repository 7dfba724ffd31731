"""Following things and turning events into notifications, emailed at once or in a digest."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import translation
from wagtail.models import Page

from participation.accounts.models import person_of
from participation.core.visibility import viewer_for

from .models import Follow, Notification, Preference

EXCERPT_LENGTH = 280


def content_type_of(obj):
    # Pages are followed as pages, whatever their type, as comments refer to them.
    return ContentType.objects.get_for_model(Page if isinstance(obj, Page) else obj)


def _target_filter(obj):
    return {"content_type": content_type_of(obj), "object_id": obj.pk}


def follow(user, obj):
    try:
        with transaction.atomic():
            Follow.objects.get_or_create(user=user, **_target_filter(obj))
    except IntegrityError:  # a concurrent click already created it
        pass


def unfollow(user, obj):
    Follow.objects.filter(user=user, **_target_filter(obj)).delete()


def is_following(user, obj):
    return user.is_authenticated and Follow.objects.filter(user=user, **_target_filter(obj)).exists()


def followers(*objects):
    """Ids of people following any of the objects (one query)."""
    ids = set()
    for obj in objects:
        if obj is not None:
            ids.update(Follow.objects.filter(**_target_filter(obj)).values_list("user_id", flat=True))
    return ids


def url_of(obj, language):
    with translation.override(language):
        if hasattr(obj, "get_absolute_url"):
            return obj.get_absolute_url()
        return obj.url


def notify(user_ids, kind, subject, excerpt="", actor=None):
    """Record one notification per recipient (never the actor) and email those who want it now."""
    from .tasks import send_notification_email

    user_ids = set(user_ids) - {getattr(actor, "pk", None), None}
    if not user_ids:
        return []
    users = get_user_model()._default_manager.filter(pk__in=user_ids, is_active=True).select_related("participant")
    frequencies = dict(Preference.objects.filter(user_id__in=user_ids).values_list("user_id", "frequency"))
    created = []
    for user in users:
        frequency = frequencies.get(user.pk, Preference.Frequency.IMMEDIATE)
        if frequency == Preference.Frequency.NEVER or not viewer_for(user).sees(subject):
            continue
        language = getattr(person_of(user), "language", "") or translation.get_language()
        notification = Notification.objects.create(
            user=user,
            kind=kind,
            content_type=content_type_of(subject),
            object_id=subject.pk,
            subject_title=str(subject)[:300],
            excerpt=(excerpt or "")[:EXCERPT_LENGTH],
            url=url_of(subject, language),
        )
        created.append(notification)
        if frequency == Preference.Frequency.IMMEDIATE:
            transaction.on_commit(lambda pk=notification.pk: send_notification_email.enqueue(pk))
    return created
