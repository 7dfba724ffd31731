"""Reads of a person's notifications, shared by the notifications page and the header."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from participation.core.models import Contribution

from .models import Notification

LATEST = 50  # the page lists this many, newest first; older ones stay in the data export


def unread_count(user):
    """One indexed COUNT: the header shows it on every page a signed-in person opens."""
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def _visible_subjects(viewer, notifications):
    """{content type id: ids of the subjects this person may still see}: one query per kind of
    subject (page, proposal, comment), however many notifications."""
    wanted = defaultdict(set)
    for notification in notifications:
        wanted[notification.content_type_id].add(notification.object_id)
    visible = {}
    for content_type_id, ids in wanted.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None and issubclass(model, Page):
            rows = viewer.visible_pages()
        elif model is not None and issubclass(model, Contribution):
            rows = model.objects.visible_to(viewer)
        else:  # a kind of subject nobody can check: shown to nobody
            rows = Page.objects.none()
        visible[content_type_id] = set(rows.filter(pk__in=ids).values_list("pk", flat=True))
    return visible


def latest_for(viewer):
    """The person's latest notifications, newest first, leaving out those about what they may no
    longer see (a page restricted or unpublished since, a contribution moved with it)."""
    notifications = list(Notification.objects.filter(user=viewer.user).order_by("-created_at", "-pk")[:LATEST])
    about = [notification for notification in notifications if notification.content_type_id is not None]
    visible = _visible_subjects(viewer, about)
    return [n for n in notifications if n.content_type_id is None or n.object_id in visible[n.content_type_id]]


def mark_all_read(user, now):
    return Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=now)
