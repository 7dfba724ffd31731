"""Who may vote on a poll, and why not (participation.core.rules)."""

import rules
from django.utils.translation import gettext_lazy as _

from participation.core.rules import SIGN_IN, Rulebook, is_not_blocked, is_participant


@rules.predicate
def has_opened(user, poll):
    return poll is not None and poll.has_opened()


@rules.predicate
def not_closed(user, poll):
    return poll is not None and not poll.has_closed()


CHECKS = {
    "vote": [
        (is_participant, SIGN_IN),
        (is_not_blocked, _("Moderators have blocked your account from taking part.")),
        (has_opened, _("This poll is not open yet.")),
        (not_closed, _("This poll is closed.")),
    ],
}

RULES = Rulebook("participation_polls", CHECKS)
can = RULES.can
denial = RULES.denial
