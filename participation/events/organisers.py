"""Organisers: who runs which gatherings, in one place, for the admin's listings, export and
messages (admin_views.py, wagtail_hooks.py).

Decisions: a person organises the gatherings of the pages they may edit (Wagtail's "change" page
permission, on any language version of the page: a partner may hold it on their translation
only); editors, who may change every session (the `participation_events.change_session` model
permission, the Sessions snippet's own), organise them all. Names and email addresses of
registrants are personal data: only people who may see participants in the admin
(`participation_accounts.view_person`) get them in an export."""

from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from participation.accounts.emails import language_of
from participation.accounts.tasks import queue_email

from .models import Registration, Session

ALL_SESSIONS = "participation_events.change_session"
CONTACTS = "participation_accounts.view_person"

# Whom a message goes to.
CONFIRMED, WAITING, EVERYONE = "confirmed", "waiting", "all"
RECIPIENT_STATUSES = {
    CONFIRMED: [Registration.CONFIRMED],
    WAITING: [Registration.WAITLISTED],
    EVERYONE: [Registration.CONFIRMED, Registration.WAITLISTED],
}


def may_see_registrations(user):
    """The model permission that opens Gatherings in the admin; which ones, the rest of this module."""
    return user.has_perm("participation_events.view_registration")


def organises_all(user):
    return user.is_active and user.has_perm(ALL_SESSIONS)


def sees_contacts(user):
    return user.is_active and user.has_perm(CONTACTS)


def _editable(user):
    return PagePermissionPolicy().instances_user_has_permission_for(user, "change")


def _editable_keys(user):
    return _editable(user).values("translation_key")


def organised_sessions(user):
    """Sessions whose page `user` organises."""
    if organises_all(user):
        return Session.objects.all()
    return Session.objects.filter(page__translation_key__in=_editable_keys(user))


def organised_registrations(user):
    if organises_all(user):
        return Registration.objects.all()
    return Registration.objects.filter(session__page__translation_key__in=_editable_keys(user))


def organised_pages(user):
    """The pages with sessions that `user` organises (their default-locale versions, which hold
    the sessions), with how many people are confirmed and waiting."""
    confirmed = Count("event_sessions__registrations", filter=Q(event_sessions__registrations__status=Registration.CONFIRMED))
    waiting = Count("event_sessions__registrations", filter=Q(event_sessions__registrations__status=Registration.WAITLISTED))
    pages = Page.objects.filter(pk__in=organised_sessions(user).values("page"))
    return pages.annotate(confirmed=confirmed, waiting=waiting).order_by("title", "pk")


def may_organise(user, page):
    return organises_all(user) or _editable(user).filter(translation_key=page.translation_key).exists()


def recipients(page, who, session=None):
    """The people a message to `page`'s registrants reaches, once each however many of its
    sessions they registered for; accounts deleted or deactivated meanwhile are left out."""
    registrations = Registration.objects.filter(session__page=page, status__in=RECIPIENT_STATUSES[who])
    if session is not None:
        registrations = registrations.filter(session=session)
    User = get_user_model()
    return (
        User._default_manager.filter(pk__in=registrations.values("user"), is_active=True)
        .exclude(participant__deleted_at__isnull=False)
        .select_related("participant")
        .order_by("pk")
    )


def message_registrants(page, *, subject, body, who, session=None):
    """Queue the organisers' message to each registrant, one email (and task) per person, with a
    line in their language saying why they receive it. Returns how many were queued."""
    sent = 0
    for user in recipients(page, who, session).iterator(chunk_size=500):
        address = getattr(user, user.get_email_field_name(), "")
        if not address:
            continue
        with translation.override(language_of(user)):
            why = gettext("You receive this message from the organisers of “%(page)s” because you registered for it.") % {"page": page.title}
        queue_email(user=user, subject=subject, body=f"{body}\n\n-- \n{why}\n", to=address)
        sent += 1
    return sent
