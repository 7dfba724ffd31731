"""Who may report and who moderates. Other apps compose these predicates (proposals, comments):

    from participation.moderation.rules import can_participate, is_moderator, is_not_blocked
"""

import rules

from participation.accounts.models import person_of

from .services import can_moderate, is_blocked


@rules.predicate
def is_active_participant(user):
    """Signed in, active, and not an account deleted by its owner."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and getattr(person_of(user), "deleted_at", None) is None
    )


@rules.predicate
def is_not_blocked(user):
    return not is_blocked(user)


@rules.predicate
def is_moderator(user):
    """Holds the "participation_moderation.moderate" permission (the "Moderators (participation)" group)."""
    return can_moderate(user)


@rules.predicate
def is_not_own_contribution(user, obj):
    return obj is None or obj.author_id is None or obj.author_id != getattr(user, "pk", None)


can_participate = is_active_participant & is_not_blocked

rules.add_perm("participation_moderation.report_content", can_participate & is_not_own_contribution)
rules.add_perm("participation_moderation.use_queue", is_active_participant & is_moderator)
