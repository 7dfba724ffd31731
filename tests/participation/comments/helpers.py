"""Builders shared by the comments and moderation tests."""

import itertools
import threading

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connections
from django.test import Client

from participation.comments.models import Comment, target_content_type
from participation.comments.services import post_comment

_numbers = itertools.count(1)
MODERATORS = "Moderators (participation)"


def make_user(nickname=None, **extra):
    number = next(_numbers)
    nickname = nickname or f"citizen{number}"
    return get_user_model().objects.create_user(
        username=f"{nickname}-{number}", email=f"{nickname}-{number}@example.org", password="x-secret-1234", nickname=nickname, **extra
    )


def make_moderator(nickname="moderator"):
    user = make_user(nickname)
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def comment_on(target, author, body="A thoughtful comment.", parent=None, **fields):
    comment = post_comment(author, target, body, parent=parent)
    if fields:
        Comment.objects.filter(pk=comment.pk).update(**fields)
        comment.refresh_from_db()
    return comment


def new_comment_data(target, body, parent=None, **extra):
    data = {"content_type": target_content_type(target).pk, "object_id": target.pk, "body": body}
    if parent is not None:
        data["parent"] = parent.pk
    data.update(extra)
    return data


JSON = {"HTTP_ACCEPT": "application/json"}



def committed(function):
    """Run `function` on a connection of its own, in autocommit: what it writes is committed and
    seen by every thread (and, PostgreSQL reading committed data, by the test itself).

    Thread tests use this instead of transactional tests: those flush the database, and a
    serialized rollback cannot bring the seeded demo back (it was serialized before the demo
    existed). Whatever `function` creates must be deleted with another committed() call."""
    result = {}

    def run():
        try:
            result["value"] = function()
        except BaseException as error:  # noqa: BLE001 - raised again in the caller's thread
            result["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in result:
        raise result["error"]
    return result.get("value")


def run_together(functions):
    """Start every function at the same moment, each on its own connection; re-raise failures."""
    barrier = threading.Barrier(len(functions))
    errors = []

    def run(function):
        try:
            barrier.wait()
            function()
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(function,)) for function in functions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
