"""Votes stay exact when many arrive at once (PostgreSQL, real threads; see
tests/participation/proposals/test_concurrency.py for why rows are committed by threads and
deleted afterwards). The poll is placed on the topic in memory only: no page row to restore."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from participation.polls import queries, services
from participation.polls.models import Poll, Selection, Vote
from tests.factories import make_person, make_poll
from tests.threads import committed as in_thread
from tests.threads import run_together

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL; SQLite serialises writes"),
    pytest.mark.django_db,
]


@pytest.fixture
def rows(topic):
    made = {"users": [], "polls": []}

    def person():
        user = in_thread(make_person)
        made["users"].append(user.pk)
        return user

    def poll(**fields):
        created = in_thread(lambda: make_poll(**fields))
        made["polls"].append(created.pk)
        topic.body.append(("poll", created))  # in memory: the service reads the page it is given
        return created

    yield person, poll
    in_thread(lambda: (Poll.objects.filter(pk__in=made["polls"]).delete(), get_user_model().objects.filter(pk__in=made["users"]).delete()))


def test_thirty_people_voting_at_once_are_all_counted(topic, rows):
    person, make = rows
    poll = make(choices=("Parks", "Libraries", "Buses"), kind="multiple")
    keys = {choice.text: choice.translation_key for choice in poll.choices.all()}
    people = [person() for _ in range(30)]

    def voter(user, index):
        chosen = ["Parks"] if index % 3 else ["Parks", "Buses"]
        return lambda: services.cast_vote(user, poll, topic, [keys[text] for text in chosen])

    run_together([voter(user, index) for index, user in enumerate(people)])
    results = queries.results(poll, list(poll.choices.all()))
    assert results.voters == 30
    assert {row.choice.text: row.count for row in results.rows} == {"Parks": 30, "Libraries": 0, "Buses": 10}


def test_one_person_sending_many_votes_at_once_keeps_exactly_one(topic, rows):
    person, make = rows
    poll = make(choices=("Yes", "No", "Not sure"))
    user = person()
    keys = [choice.translation_key for choice in poll.choices.all()]
    run_together([lambda key=key: services.cast_vote(user, poll, topic, [key]) for key in keys * 4])
    assert Vote.objects.filter(poll=poll).count() == 1
    assert Selection.objects.filter(vote__poll=poll).count() == 1
