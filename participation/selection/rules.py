"""Who may do what with a selection by lot (participation.core.rules): a selected person
confirms or declines their place. Organisers run selections in the admin
(admin_views.py, participation.events.organisers)."""

import rules
from django.utils.translation import gettext_lazy as _

from participation.core.rules import SIGN_IN, Rulebook, is_participant


@rules.predicate
def is_selected(user, registration):
    return registration is not None and registration.user_id == user.pk and registration.selected_at is not None


@rules.predicate
def not_answered(user, registration):
    return registration is not None and registration.selection_confirmed_at is None


NOT_SELECTED = _("You are not selected for this gathering.")

CHECKS = {
    "confirm": [(is_participant, SIGN_IN), (is_selected, NOT_SELECTED), (not_answered, _("You have already confirmed your place."))],
    # Declining stays possible after confirming: plans change, and the place then goes to the reserve list.
    "decline": [(is_participant, SIGN_IN), (is_selected, NOT_SELECTED)],
}

RULES = Rulebook("participation_selection", CHECKS)
can = RULES.can
