"""Supports stay exact when many people press the button at the same moment (PostgreSQL row locks).

Real threads on their own connections: the rows they read must be committed, so this test runs in
a transaction that commits, and the database is restored afterwards (serialized_rollback)."""

import re
import threading

import pytest
from django.db import connection, connections
from django.test import Client

from web import form_action, link, sign_up, submit

PEOPLE = 12

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL; SQLite serialises writes"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_simultaneous_supports_are_all_counted_once(consultation):
    author = sign_up("author@example.org", "Author")
    page = author.get(consultation.url).content.decode()
    proposal_url = submit(author, link(page, r"/dialogues/\d+/proposals/new/"), {"title": "Night buses", "body": "Until 2 am.", "language": "en"})["Location"]
    # Each from an address of its own: sign-ups are rate-limited per address.
    supporters = [sign_up(f"person{n}@example.org", f"Person{n}", remote_addr=f"10.0.0.{n + 1}") for n in range(PEOPLE)]
    support_url = form_action(supporters[0].get(proposal_url).content.decode(), r"/proposals/\d+/support/")
    barrier = threading.Barrier(PEOPLE)
    statuses = []

    def press(client):
        try:
            barrier.wait(timeout=30)
            statuses.append(client.post(support_url).status_code)
            statuses.append(client.post(support_url).status_code)  # a double click
        finally:
            connections.close_all()

    threads = [threading.Thread(target=press, args=(client,)) for client in supporters]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert len(statuses) == 2 * PEOPLE and all(status < 500 for status in statuses), statuses
    html = Client().get(proposal_url).content.decode()
    assert re.search(rf"<strong>{PEOPLE}</strong> people support this proposal", html)
