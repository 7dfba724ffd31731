"""Who may report and who moderates: a Rulebook (participation.core.rules), each refusal with
its reason. The services enforce it; views ask it what to offer."""

import rules
from django.utils.translation import gettext_lazy as _

from participation.core.rules import Rulebook, is_moderator, is_not_blocked, is_participant


@rules.predicate
def is_not_own_contribution(user, obj):
    return obj is None or obj.author_id is None or obj.author_id != getattr(user, "pk", None)


SIGN_IN = _("Sign in to report content.")

CHECKS = {
    "report_content": [
        (is_participant, SIGN_IN),
        (is_not_blocked, _("Your account has been blocked by the moderators: you cannot report content.")),
        (is_not_own_contribution, _("You cannot report your own contribution.")),
    ],
    "use_queue": [(is_participant, SIGN_IN), (is_moderator, _("Only moderators can do this."))],
}

RULES = Rulebook("participation_moderation", CHECKS)
can = RULES.can
denial = RULES.denial
