"""Who may do what with comments. Checked with rules.has_perm (not user.has_perm) in views and
templates, so a superuser is not silently allowed to edit someone else's words."""

import rules

from participation.moderation.rules import can_participate, is_active_participant, is_moderator


@rules.predicate
def is_comment_author(user, comment):
    return comment is not None and comment.author_id is not None and comment.author_id == getattr(user, "pk", None)


@rules.predicate
def is_deleted(user, comment):
    return comment is not None and comment.deleted_at is not None


@rules.predicate
def is_hidden(user, comment):
    return comment is not None and comment.hidden_at is not None


# Post or reply: signed in, active, not blocked by the moderators.
rules.add_perm("participation_comments.post_comment", can_participate)
# Edit: the author, while the comment is neither deleted nor hidden (and the author not blocked).
rules.add_perm("participation_comments.edit_comment", can_participate & is_comment_author & ~is_deleted & ~is_hidden)
# Delete ("remove": Django already names the admin permission comments.delete_comment).
rules.add_perm("participation_comments.remove_comment", is_active_participant & (is_comment_author | is_moderator) & ~is_deleted)
# Vote: signed in, not on one's own comment, nor on a deleted or hidden one.
rules.add_perm("participation_comments.vote_comment", is_active_participant & ~is_comment_author & ~is_deleted & ~is_hidden)
# Reply to this comment: as posting, on a comment still visible.
rules.add_perm("participation_comments.reply_comment", can_participate & ~is_deleted & ~is_hidden)
