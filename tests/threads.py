"""Real threads on PostgreSQL, for the tests that prove counts stay exact under races."""

import threading

from django.db import connections


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
