"""Builders shared by the comments and moderation tests."""

from participation.comments.models import target_content_type
from tests.factories import client_for, comment_on, make_moderator, make_person  # noqa: F401 (shared with the moderation tests)
from tests.threads import committed, run_together  # noqa: F401 (shared with the moderation tests)


def make_user(nickname=None, **extra):
    """A citizen whose nickname is exactly `nickname` (citizenN by default)."""
    return make_person(nickname or "citizen", nickname=nickname, **extra)


def new_comment_data(target, body, parent=None, **extra):
    data = {"content_type": target_content_type(target).pk, "object_id": target.pk, "body": body}
    if parent is not None:
        data["parent"] = parent.pk
    data.update(extra)
    return data


JSON = {"HTTP_ACCEPT": "application/json"}
