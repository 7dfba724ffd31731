"""Who may register for or cancel a session, and why not (participation.core.rules).

Decisions: registration is open from `registration_opens_at` (if set) until the earlier of
`registration_closes_at` and the start; people may cancel until the session starts."""

import rules
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participation.core.rules import SIGN_IN, Rulebook, is_not_blocked, is_participant


@rules.predicate
def not_cancelled(user, session):
    return session is not None and not session.is_cancelled


@rules.predicate
def not_started(user, session):
    return session is not None and timezone.now() < session.starts_at


@rules.predicate
def registration_opened(user, session):
    return session is not None and (session.registration_opens_at is None or session.registration_opens_at <= timezone.now())


@rules.predicate
def before_deadline(user, session):
    return session is not None and (session.registration_closes_at is None or timezone.now() < session.registration_closes_at)


STARTED = _("This session has already started.")

CHECKS = {
    "register": [
        (is_participant, SIGN_IN),
        (is_not_blocked, _("Moderators have blocked your account from taking part.")),
        (not_cancelled, _("This session was cancelled.")),
        (not_started, STARTED),
        (registration_opened, _("Registration for this session has not opened yet.")),
        (before_deadline, _("The registration deadline for this session has passed.")),
    ],
    "cancel_registration": [(is_participant, SIGN_IN), (not_started, STARTED)],
}

RULES = Rulebook("participation_events", CHECKS)
can = RULES.can
denial = RULES.denial
