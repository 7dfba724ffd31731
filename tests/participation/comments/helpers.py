"""Builders shared by the comments and moderation tests."""

import threading

from django.db import connections

from participation.comments.models import target_content_type
from tests.factories import client_for, comment_on, make_moderator, make_person  # noqa: F401 (shared with the moderation tests)


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
