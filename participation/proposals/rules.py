"""Who may do what with proposals, in one place.

Each action is a list of (predicate, reason) checks: the permission is all of them, and the
first failing one tells the person why not, in their language. Views and templates use
`can(user, action, obj)`, which (unlike user.has_perm) gives superusers no free pass on
author-only actions. The same rules are registered as "proposals.<action>" permissions.

Decisions: authors cannot support their own proposal (a support means someone else agrees);
authors may withdraw until the proposal has an official answer, in any phase; editing needs the
proposal phase to be open; an official answer is given by editors or moderators."""

import rules
from django.apps import apps
from django.utils.translation import gettext_lazy as _

from participation.accounts.models import person_of
from participation.core import dialogues

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
def is_participant(user):
    return bool(user and user.is_authenticated and user.is_active and not getattr(person_of(user), "deleted_at", None))


@rules.predicate
def is_not_blocked(user):
    """Moderators may block a person from posting (when the moderation app is installed)."""
    if not apps.is_installed("participation.moderation"):
        return True
    from participation.moderation.rules import is_not_blocked as moderation_allows

    return moderation_allows.test(user)


@rules.predicate
def is_author(user, proposal):
    return bool(proposal is not None and user.is_authenticated and proposal.author_id == user.pk)


@rules.predicate
def is_editor(user):
    """Organiser staff: admin access plus the right to change proposals."""
    return bool(user.is_authenticated and user.has_perm("wagtailadmin.access_admin") and user.has_perm("participation_proposals.change_proposal"))


@rules.predicate
def is_moderator(user):
    # The permission is defined by the moderation app.
    return bool(user.is_authenticated and user.has_perm("participation_moderation.moderate"))


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


SIGN_IN = _("Please sign in first.")
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

for _action, _checks in CHECKS.items():
    _rule = _checks[0][0]
    for _predicate, _reason in _checks[1:]:
        _rule = _rule & _predicate
    rules.add_perm(f"proposals.{_action}", _rule)


def can(user, action, obj=None):
    return denial(user, action, obj) is None


def denial(user, action, obj=None, assume_signed_in=False):
    """Why `user` may not do `action` on `obj` (translated), or None when they may.

    With `assume_signed_in`, answers for a visitor as if they signed in: is there any point
    in asking them to?"""
    for predicate, reason in CHECKS[action]:
        if assume_signed_in and predicate is is_participant:
            continue
        if not predicate.test(user, obj):
            return reason
    return None
