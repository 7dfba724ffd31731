"""Who may do what with a focus group (participation.core.rules): its facilitator sees it, marks
who came and, until the session starts, moves people between the session's groups. Organisers
split sessions into groups in the admin (admin_views.py, participation.events.organisers)."""

import rules
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participation.core.rules import SIGN_IN, Rulebook, is_participant


@rules.predicate
def facilitates(user, group):
    return group is not None and group.facilitator_id is not None and group.facilitator_id == user.pk


@rules.predicate
def not_started(user, group):
    return group is not None and timezone.now() < group.session.starts_at


NOT_YOURS = _("Only the group's facilitator may do this.")

CHECKS = {
    "facilitate": [(is_participant, SIGN_IN), (facilitates, NOT_YOURS)],
    "move": [(is_participant, SIGN_IN), (facilitates, NOT_YOURS), (not_started, _("The session has started: groups no longer change."))],
}

RULES = Rulebook("participation_focusgroups", CHECKS)
can = RULES.can
denial = RULES.denial
