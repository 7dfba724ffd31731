"""Who may do what with proposals, in one place.

Each action is a list of (predicate, reason) checks in a Rulebook (participation.core.rules):
the permission is all of them, and the first failing one tells the person why not, in their
language. Services enforce them; views and templates ask `can(user, action, obj)`.

Decisions: authors cannot support their own proposal (a support means someone else agrees);
authors may withdraw until the proposal has an official answer, in any phase; editing needs the
proposal phase to be open; an official answer is given by editors or moderators."""

import rules
from django.utils.translation import gettext_lazy as _

from participation.core import dialogues
from participation.core.rules import SIGN_IN, Rulebook, is_author, is_moderator, is_not_blocked, is_participant

from .models import DialogueSettings, Proposal


def dialogue_of(obj):
    return obj.dialogue if isinstance(obj, Proposal) else obj


def phase_kind(dialogue):
    """The dialogue's current phase kind, looked up once per page object."""
    if not hasattr(dialogue, "_phase_kind"):
        dialogue._phase_kind = dialogues.phase_kind(dialogue)
    return dialogue._phase_kind


def _phase_open(dialogue, field):
    kind = phase_kind(dialogue)
    if kind == dialogues.ALWAYS:
        return True
    # No phase running (before the first, after the last): closed.
    return kind is not None and kind in getattr(DialogueSettings.for_dialogue(dialogue), field)


@rules.predicate
def is_editor(user):
    """Organiser staff: admin access plus the right to change proposals."""
    return bool(user.is_authenticated and user.has_perm("wagtailadmin.access_admin") and user.has_perm("participation_proposals.change_proposal"))


@rules.predicate
def proposals_open(user, obj):
    return obj is not None and _phase_open(dialogue_of(obj), "proposals_open_phases")


@rules.predicate
def supports_open(user, obj):
    return obj is not None and _phase_open(dialogue_of(obj), "supports_open_phases")


@rules.predicate
def proposal_editable(user, proposal):
    return proposal is not None and proposal.is_editable


@rules.predicate
def not_withdrawn(user, proposal):
    return proposal is not None and not proposal.is_withdrawn


@rules.predicate
def not_hidden(user, proposal):
    return proposal is not None and not proposal.is_hidden


@rules.predicate
def not_answered(user, proposal):
    return proposal is not None and not proposal.is_answered


BLOCKED = _("Moderators have blocked your account from posting.")
PROPOSALS_CLOSED = _("Proposals are closed in the current phase of this dialogue.")
SUPPORTS_CLOSED = _("Supporting is closed in the current phase of this dialogue.")
WITHDRAWN = _("This proposal was withdrawn by its author.")
HIDDEN = _("This proposal was hidden by moderation.")

CHECKS = {
    "create_proposal": [(is_participant, SIGN_IN), (is_not_blocked, BLOCKED), (proposals_open, PROPOSALS_CLOSED)],
    "edit_proposal": [
        (is_participant, SIGN_IN),
        (is_not_blocked, BLOCKED),
        (is_author, _("Only the author of a proposal can edit it.")),
        (not_withdrawn, WITHDRAWN),
        (not_hidden, HIDDEN),
        (proposal_editable, _("This proposal can no longer be edited: people support it or it has an official answer.")),
        (proposals_open, PROPOSALS_CLOSED),
    ],
    "withdraw_proposal": [
        (is_participant, SIGN_IN),
        (is_author, _("Only the author of a proposal can withdraw it.")),
        (not_withdrawn, _("This proposal is already withdrawn.")),
        (not_answered, _("This proposal has an official answer and can no longer be withdrawn.")),
    ],
    "support_proposal": [
        (is_participant, SIGN_IN),
        (not_withdrawn, WITHDRAWN),
        (not_hidden, HIDDEN),
        (~is_author, _("You cannot support your own proposal.")),
        (supports_open, SUPPORTS_CLOSED),
    ],
    "unsupport_proposal": [
        (is_participant, SIGN_IN),
        (not_withdrawn, WITHDRAWN),
        (not_hidden, HIDDEN),
        (supports_open, SUPPORTS_CLOSED),
    ],
    "answer_proposal": [(is_editor | is_moderator, _("Only editors and moderators can answer proposals."))],
}

RULES = Rulebook("participation_proposals", CHECKS)
can = RULES.can
denial = RULES.denial


def support_permissions(user, proposal):
    """What a support box offers `user` for `proposal`: support, sign in first, withdraw, or why not."""
    signed_in = user is not None and user.is_authenticated
    reason = denial(user, "support_proposal", proposal, assume_signed_in=not signed_in)
    return {
        "can_support": signed_in and reason is None,
        # Visitors see the button when signing in would let them support.
        "invite_sign_in": not signed_in and reason is None,
        "can_unsupport": can(user, "unsupport_proposal", proposal),
        "support_denial": reason,
    }
