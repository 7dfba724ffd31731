"""Places stay exact when many people register at once (PostgreSQL, real threads).

As in tests/participation/proposals/test_concurrency.py: every write happens in a worker thread
whose connection commits at once, and the test deletes exactly those rows."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, connections

from content.models import DialoguePage
from participation.events import services
from participation.events.models import Registration, Session
from tests.factories import make_person, make_session
from tests.threads import committed as in_thread

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL; SQLite serialises writes"),
    pytest.mark.django_db,
]


@pytest.fixture
def committed():
    rows = {"users": [], "sessions": [], "sign_ins": []}
    yield rows

    def delete():
        from django.contrib.sessions.models import Session as SignIn

        Session.objects.filter(pk__in=rows["sessions"]).delete()
        get_user_model().objects.filter(pk__in=rows["users"]).delete()
        # Sign-ins are rows of their own (no key to the user): other tests count them.
        SignIn.objects.filter(session_key__in=rows["sign_ins"]).delete()

    in_thread(delete)


def test_forty_people_racing_for_ten_places(committed):
    dialogue = DialoguePage.objects.get(locale__language_code="en")
    session = in_thread(lambda: make_session(dialogue, capacity=10))
    committed["sessions"].append(session.pk)
    people = in_thread(lambda: [make_person("racer") for _ in range(40)])
    committed["users"] += [person.pk for person in people]
    barrier = threading.Barrier(len(people))
    outcomes = [None] * len(people)

    def run(index, person):
        try:
            barrier.wait()
            outcomes[index] = services.register(person, session).status
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            outcomes[index] = repr(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index, person)) for index, person in enumerate(people)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["confirmed"] * 10 + ["waitlisted"] * 30
    registrations = list(Registration.objects.filter(session=session))
    assert sum(r.status == "confirmed" for r in registrations) == 10
    waiting = [r for r in registrations if r.status == "waitlisted"]
    # Everyone confirmed arrived before everyone waiting, and the positions are 1..30 in arrival order.
    assert max(r.created_at for r in registrations if r.status == "confirmed") <= min(r.created_at for r in waiting)
    positions = {r.pk: services.waiting_position(r) for r in waiting}
    assert sorted(positions.values()) == list(range(1, 31))
    assert [positions[r.pk] for r in sorted(waiting, key=lambda r: (r.created_at, r.pk))] == list(range(1, 31))


def test_twelve_people_posting_the_form_at_once_for_three_places(committed):
    """Through the view, as browsers do: no 500, exactly the capacity confirmed, the rest waiting
    in the order they got the session's lock."""
    from tests.factories import client_for
    from tests.threads import run_together

    dialogue = DialoguePage.objects.get(locale__language_code="en")
    session = in_thread(lambda: make_session(dialogue, capacity=3))
    committed["sessions"].append(session.pk)
    people = in_thread(lambda: [make_person("form-racer") for _ in range(12)])
    committed["users"] += [person.pk for person in people]
    # Signing in writes last_login: on committed connections, or cleaning up would wait for the test's transaction.
    clients = in_thread(lambda: [client_for(person) for person in people])
    committed["sign_ins"] += [client.session.session_key for client in clients]
    statuses = []

    def post(client):
        def send():
            response = client.post(f"/en/gatherings/{dialogue.pk}/register/", {"sessions": [session.pk], "consent": "on"})
            statuses.append((response.status_code, response.get("Location")))

        return send

    run_together([post(client) for client in clients])
    assert statuses == [(302, dialogue.url)] * 12  # back to the page, signed in: no 500, no sign-in detour
    registrations = sorted(Registration.objects.filter(session=session), key=lambda r: (r.created_at, r.pk))
    assert [r.status for r in registrations] == ["confirmed"] * 3 + ["waitlisted"] * 9
    assert [services.waiting_position(r) for r in registrations[3:]] == list(range(1, 10))
