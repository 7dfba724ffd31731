"""Reads of a person's notifications, shared by the notifications page and the header."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page

from participation.core.models import Contribution

from .models import Notification

LATEST = 50  # the page lists this many, newest first; older ones stay in the data export


def _still_visible(viewer):
    """A Q for the notifications this person may still see: those about nothing in particular,
    and those whose subject (a page, a contribution) passes participation.core.visibility now (a
    page restricted or unpublished since, a contribution moved with it, drop out). Subqueries,
    so a list or a count stays one query however many notifications and kinds there are."""
    page_types = ContentType.objects.get_for_models(*[model for model in apps.get_models() if issubclass(model, Page)])
    condition = Q(content_type__isnull=True) | Q(content_type__in=page_types.values(), object_id__in=viewer.visible_pages().values("pk"))
    for model in apps.get_models():
        if issubclass(model, Contribution):
            condition |= Q(content_type=ContentType.objects.get_for_model(model), object_id__in=model.objects.visible_to(viewer).values("pk"))
    return condition


def unread_count(viewer):
    """One COUNT: the header shows it on every page a signed-in person opens. What they may no
    longer see is not counted, as the list does not show it."""
    return Notification.objects.filter(_still_visible(viewer), user=viewer.user, read_at__isnull=True).count()


def latest_for(viewer):
    """The person's latest notifications they may still see, newest first."""
    return list(Notification.objects.filter(_still_visible(viewer), user=viewer.user).order_by("-created_at", "-pk")[:LATEST])


def mark_all_read(user, now):
    return Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=now)
