"""Who may do what with comments: a Rulebook (participation.core.rules), each refusal with its
reason. The services enforce it; views and templates ask it what to offer."""

import rules
from django.utils.translation import gettext_lazy as _

from participation.core.rules import SIGN_IN, Rulebook, is_author, is_moderator, is_not_blocked, is_participant


@rules.predicate
def is_deleted(user, comment):
    return comment is not None and comment.deleted_at is not None


@rules.predicate
def is_hidden(user, comment):
    return comment is not None and comment.hidden_at is not None


BLOCKED = _("Your account has been blocked by the moderators: you cannot post comments.")
GONE = _("This comment cannot receive replies or votes any more.")

CHECKS = {
    # Post or reply: signed in, active, not blocked by the moderators.
    "post_comment": [(is_participant, SIGN_IN), (is_not_blocked, BLOCKED)],
    # Reply to this comment: as posting, on a comment still visible.
    "reply_comment": [(is_participant, SIGN_IN), (is_not_blocked, BLOCKED), (~is_deleted & ~is_hidden, GONE)],
    # Edit: the author, while the comment is neither deleted nor hidden (and the author not blocked).
    "edit_comment": [
        (is_participant, SIGN_IN),
        (is_not_blocked, BLOCKED),
        (is_author & ~is_deleted & ~is_hidden, _("Only the author can edit this comment, while it is visible.")),
    ],
    # Delete ("remove": Django already names the admin permission delete_comment).
    "remove_comment": [
        (is_participant, SIGN_IN),
        ((is_author | is_moderator) & ~is_deleted, _("Only the author or a moderator can delete this comment.")),
    ],
    # Vote: signed in, not on one's own comment, nor on a deleted or hidden one.
    "vote_comment": [
        (is_participant, SIGN_IN),
        (~is_author, _("You cannot vote on your own comment.")),
        (~is_deleted & ~is_hidden, _("This comment cannot receive votes.")),
    ],
}

RULES = Rulebook("participation_comments", CHECKS)
can = RULES.can
denial = RULES.denial
