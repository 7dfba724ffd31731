"""Counts stay exact when many requests arrive at once (PostgreSQL, real threads).

Threads use their own connections, so what they read must be committed. pytest-django's
transactional mode would commit, but it ends by flushing the whole database, and the demo seeded
once per run cannot come back (serialized_rollback restores the database as it was before the
demo was seeded, and wagtail-localize's signals break restoring a page tree). So these tests run
in the usual rolled-back transaction and do every write in a worker thread, whose connection
commits at once (PostgreSQL's READ COMMITTED lets the test see it), then delete exactly those
rows."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, connections

from content.models import DialoguePage
from participation.proposals import services
from participation.proposals.models import DialogueSettings, Proposal, Support

from tests.threads import committed as in_thread

from .conftest import make_proposal, make_user

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL; SQLite serialises writes"),
    pytest.mark.django_db,
]


class Committed:
    """Rows committed for the threads to see, deleted when the test ends."""

    def __init__(self):
        self.dialogue = DialoguePage.objects.get(locale__language_code="en")
        self.users, self.proposals = [], []

    def user(self, name=None):
        user = in_thread(lambda: make_user(name))
        self.users.append(user.pk)
        return user

    def proposal(self, **extra):
        author = self.user("author")
        proposal = in_thread(lambda: make_proposal(self.dialogue, author, **extra))
        self.proposals.append(proposal.pk)
        return proposal

    def configure(self, **values):
        return in_thread(lambda: DialogueSettings.objects.create(dialogue=self.dialogue, **values))

    def cleanup(self):
        def delete():
            Proposal.objects.filter(pk__in=self.proposals).delete()
            DialogueSettings.objects.filter(dialogue=self.dialogue).delete()
            get_user_model().objects.filter(pk__in=self.users).delete()

        in_thread(delete)


@pytest.fixture
def committed():
    rows = Committed()
    try:
        yield rows
    finally:
        rows.cleanup()


def race(work, arguments):
    """Run work(argument) in one thread per argument, all released at the same moment."""
    barrier = threading.Barrier(len(arguments))
    outcomes = [None] * len(arguments)

    def run(index, argument):
        try:
            barrier.wait()
            work(argument)
            outcomes[index] = "ok"
        except services.ProposalError as error:
            outcomes[index] = type(error).__name__
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            outcomes[index] = repr(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index, argument)) for index, argument in enumerate(arguments)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def test_twenty_people_supporting_at_once(committed):
    proposal = committed.proposal()
    people = [committed.user() for _ in range(20)]
    outcomes = race(lambda person: services.cast_support(person, proposal), people)
    assert outcomes == ["ok"] * 20
    proposal.refresh_from_db()
    assert proposal.support_count == 20 == Support.objects.filter(proposal=proposal).count()


def test_one_person_clicking_ten_times(committed):
    proposal = committed.proposal()
    person = committed.user()
    outcomes = race(lambda _n: services.cast_support(person, proposal), list(range(10)))
    assert sorted(outcomes) == ["Conflict"] * 9 + ["ok"]
    proposal.refresh_from_db()
    assert proposal.support_count == 1 == Support.objects.filter(proposal=proposal).count()


def test_limit_holds_when_one_person_races_ten_proposals(committed):
    committed.configure(support_limit=3)
    proposals = [committed.proposal(title=f"Idea {n}") for n in range(10)]
    person = committed.user()
    outcomes = race(lambda proposal: services.cast_support(person, proposal), proposals)
    assert sorted(outcomes) == ["Conflict"] * 7 + ["ok"] * 3
    assert Support.objects.filter(user=person).count() == 3
    assert sum(Proposal.objects.filter(pk__in=committed.proposals).values_list("support_count", flat=True)) == 3


def test_supporting_and_withdrawing_at_once_stays_consistent(committed):
    proposal = committed.proposal()
    people = [committed.user() for _ in range(10)]
    for person in people[:5]:
        in_thread(lambda person=person: services.cast_support(person, proposal))

    def toggle(person):
        if Support.objects.filter(user=person, proposal=proposal).exists():
            services.withdraw_support(person, proposal)
        else:
            services.cast_support(person, proposal)

    outcomes = race(toggle, people)
    assert outcomes == ["ok"] * 10
    proposal.refresh_from_db()
    assert proposal.support_count == 5 == Support.objects.filter(proposal=proposal).count()


def test_one_person_supporting_and_withdrawing_under_a_limit_never_deadlocks(committed):
    """Supports lock the proposal, then the person; withdrawals only the proposal: a person's
    racing clicks never wait on each other in a circle (PostgreSQL would abort one)."""
    committed.configure(support_limit=4)
    proposals = [committed.proposal(title=f"Idea {n}") for n in range(8)]
    person = committed.user()
    for proposal in proposals[:4]:
        in_thread(lambda proposal=proposal: services.cast_support(person, proposal))

    def click(proposal):
        if proposal in proposals[:4]:
            services.withdraw_support(person, proposal)
        else:
            services.cast_support(person, proposal)

    outcomes = race(click, proposals * 2)
    assert set(outcomes) <= {"ok", "Conflict"}, outcomes  # never a deadlock or another error
    supports = Support.objects.filter(user=person).count()
    assert supports <= 4
    counts = dict(Proposal.objects.filter(pk__in=committed.proposals).values_list("pk", "support_count"))
    for proposal in proposals:
        assert counts[proposal.pk] == Support.objects.filter(proposal=proposal).count()


def test_nothing_committed_outlives_the_test(committed):
    before = (Proposal.objects.count(), get_user_model().objects.count())
    proposal = committed.proposal()
    supporter = committed.user()
    in_thread(lambda: services.cast_support(supporter, proposal))
    assert Proposal.objects.count() == before[0] + 1  # committed, so visible here
    committed.cleanup()
    assert (Proposal.objects.count(), get_user_model().objects.count()) == before
