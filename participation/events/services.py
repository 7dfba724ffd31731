"""Registering for sessions, cancelling, and who sees the access details.

Errors are `EventError`s (participation.core.rules.Refused): a translated message and an HTTP
status. Places stay exact under concurrency: the session's row is locked while places are
counted, so registrations and cancellations of one session run one after the other; the waiting
list is the arrival order (created_at, then id)."""

from datetime import timedelta
from typing import NamedTuple

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participation.core.rules import Refused
from participation.core.visibility import viewer_for

from . import hooks
from .models import Registration, Session
from .rules import RULES
from .signals import selected_registration_cancelled


class EventError(Refused):
    pass


def _locked(session, user, viewer):
    """The session's row, locked; a session on a page the person may not see does not exist."""
    session = Session.objects.select_for_update(of=("self",)).select_related("page").get(pk=session.pk)
    if not (viewer or viewer_for(user)).sees_page(session.page):
        raise EventError(_("There is no such session."), 404)
    return session


def _current(user, session):
    return Registration.objects.active().filter(session=session, user=user).first()


@transaction.atomic
def register(user, session, answers=None, consent=True, viewer=None):
    """Register `user`: confirmed while places are left, otherwise on the waiting list."""
    session = _locked(session, user, viewer)
    RULES.check(user, "register", session, error=EventError)
    if not consent:
        raise EventError(_("Please give your consent to register."), 400)
    if _current(user, session) is not None:
        raise EventError(_("You are already registered for this session."), 409)
    confirmed = session.registrations.filter(status=Registration.CONFIRMED).count()
    full = session.capacity is not None and confirmed >= session.capacity
    now = timezone.now()
    try:
        return Registration.objects.create(
            session=session,
            user=user,
            status=Registration.WAITLISTED if full else Registration.CONFIRMED,
            created_at=now,
            consent_at=now,
            answers=answers or {},
        )
    except IntegrityError:
        # Only if the session's lock did not serialise us (it does): the constraint still says no.
        raise EventError(_("You are already registered for this session."), 409) from None


@transaction.atomic
def register_many(user, sessions, answers=None, consent=False, viewer=None):
    """Register `user` for several sessions at once (an edition's slots): all of them, or, at
    the first refusal, none. Sessions are locked in id order, so two people choosing the same
    slots wait for each other in turn instead of deadlocking."""
    sessions = sorted(sessions, key=lambda session: session.pk)
    if not sessions:
        raise EventError(_("Choose at least one session."), 400)
    return [register(user, session, answers=answers, consent=consent, viewer=viewer) for session in sessions]


@transaction.atomic
def cancel(user, session, viewer=None):
    """Cancel `user`'s registration. When it held a place, the first person waiting gets it:
    returns that registration (promoted, so the caller can tell them), or None."""
    session = _locked(session, user, viewer)
    RULES.check(user, "cancel_registration", session, error=EventError)
    registration = _current(user, session)
    if registration is None:
        raise EventError(_("You are not registered for this session."), 409)
    held_place = registration.status == Registration.CONFIRMED
    now = timezone.now()
    registration.status, registration.cancelled_at = Registration.CANCELLED, now
    registration.save(update_fields=["status", "cancelled_at"])
    if registration.selected_at is not None:
        transaction.on_commit(lambda: selected_registration_cancelled.send(sender=Registration, registration=registration))
    if not held_place or session.is_cancelled:
        return None
    waiting = session.registrations.filter(status=Registration.WAITLISTED).in_arrival_order().first()
    if waiting is None:
        return None
    waiting.status, waiting.promoted_at = Registration.CONFIRMED, now
    waiting.save(update_fields=["status", "promoted_at"])
    return waiting


def waiting_position(registration):
    """1 for the first person waiting; None when not on the waiting list."""
    if registration.status != Registration.WAITLISTED:
        return None
    ahead = registration.session.registrations.filter(status=Registration.WAITLISTED).filter(
        Q(created_at__lt=registration.created_at) | Q(created_at=registration.created_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


class Access(NamedTuple):
    """`details` (a dict) when the person may see them now; otherwise None, and `opens_at` says
    when they will appear (None when they never will: not confirmed, or the session is over)."""

    details: dict | None
    opens_at: object = None


def access_details_for(user, session, now=None, viewer=None):
    """What `user` may see of how to get into `session` now (see access_from)."""
    if session.is_cancelled or not (viewer or viewer_for(user)).sees_page(session.page):
        return Access(None)
    registration = None
    if user is not None and user.is_authenticated:
        registration = Registration.objects.filter(session=session, user=user, status=Registration.CONFIRMED).first()
    return access_from(session, registration, preselected=hooks.preselected(session.page), now=now)


def access_from(session, registration, preselected, now=None):
    """The access rule on what the caller has loaded (the sessions block loads a page's at once):
    a confirmed registration (in a pre-selected edition: a selected one) sees the details from
    `access_opens_minutes` before the start until the end. The caller checked visibility."""
    now = now or timezone.now()
    allowed = (
        not session.is_cancelled
        and registration is not None
        and registration.status == Registration.CONFIRMED
        and (not preselected or registration.selected_at is not None)
    )
    if not allowed or now >= session.ends_at:
        return Access(None)
    opens_at = session.starts_at - timedelta(minutes=session.access_opens_minutes)
    if now < opens_at:
        return Access(None, opens_at)
    details = {"join_url": session.join_url, "meeting_id": session.meeting_id, "passcode": session.passcode}
    if session.address_is_private:
        details["address"] = session.address
    return Access(details)
