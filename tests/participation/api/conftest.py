"""A dialogue with something of everything the API and the open-data files show: proposals on a
topic and without, answered, supported, withdrawn, hidden, by a person who deleted their account;
a thread with replies, votes, a deleted and a hidden comment; a comment on a topic briefing.

Every person has an email address and a private name that must never come out."""

import csv
import io
import itertools
from types import SimpleNamespace

import pytest

from participation.accounts.services import delete_account
from participation.comments.models import Comment
from participation.comments.services import delete_comment, post_comment, vote
from participation.moderation import services as moderation
from participation.proposals import services as proposal_services
from participation.proposals.models import Proposal, ProposalAnswer, ProposalState
from tests import factories

_numbers = itertools.count(1)


def make_person(name, **fields):
    """A citizen with an address and a private name that must never come out."""
    return factories.make_person(name, email=f"{name}.{next(_numbers)}@private.example", full_name=f"{name.title()} Privatesurname", **fields)


def make_moderator():
    return factories.make_moderator()


def state(kind):
    return ProposalState.objects.get(kind=kind, is_builtin=True)


def secrets_of(*people):
    """What must never appear: addresses, private names, usernames."""
    return [value for person in people for value in (person.email, person.participant.full_name, person.username)]


def csv_rows(response):
    """The rows of a streamed CSV download, header first (the BOM checked and dropped)."""
    data = b"".join(response.streaming_content).decode("utf-8")
    assert data.startswith("\ufeff"), "no BOM: Excel would garble Arabic and Ukrainian"
    return list(csv.reader(io.StringIO(data[1:])))


def csv_dicts(response):
    header, *rows = csv_rows(response)
    return [dict(zip(header, row)) for row in rows]


@pytest.fixture
def moderator(db):
    return make_moderator()


@pytest.fixture
def world(dialogue, topic, locales, moderator):
    ana, bob, cleo, gone = (make_person(name) for name in ("ana", "bob", "cleo", "gone"))
    on_topic = Proposal.objects.create(
        dialogue=dialogue, author=ana, topic=topic, title="Libraries open on Sundays", body="People work all week.\nSecond line."
    )
    proposal_services.answer_proposal(on_topic, state=state("accepted"), text="We will open them from June.")
    source = ProposalAnswer.objects.get(proposal=on_topic)
    ProposalAnswer.objects.create(
        proposal=on_topic, locale=locales["fr"], translation_key=source.translation_key, text="Nous les ouvrirons en juin."
    )
    popular = Proposal.objects.create(dialogue=dialogue, author=bob, title="Night buses", body="Safe journeys home.")
    for person in (ana, cleo):
        proposal_services.cast_support(person, popular)
    withdrawn = Proposal.objects.create(dialogue=dialogue, author=cleo, title="A withdrawn idea", body="Changed my mind.")
    proposal_services.withdraw_proposal(cleo, withdrawn)
    hidden = Proposal.objects.create(dialogue=dialogue, author=bob, title="Secretly hidden proposal", body="Hidden body words.")
    on_hidden = post_comment(cleo, hidden, "Secretly said under a proposal hidden since.")
    moderation.hide(moderator, hidden, "Spam.")
    orphan = Proposal.objects.create(dialogue=dialogue, author=gone, title="Written by someone who left", body="Still here.")

    first = post_comment(bob, on_topic, "I agree, and evenings too.")
    reply = post_comment(cleo, on_topic, "Evenings would help students.", parent=first)
    deleted = post_comment(cleo, on_topic, "Words deleted later.")
    answer_to_deleted = post_comment(bob, on_topic, "A reply that stays.", parent=deleted)
    delete_comment(cleo, deleted)
    hidden_comment = post_comment(gone, on_topic, "Secretly hidden comment")
    moderation.hide(moderator, hidden_comment, "Off-topic.")
    Comment.objects.filter(pk=first.pk).update(position="for")
    vote(ana, first, 1)
    vote(cleo, first, 1)
    vote(ana, reply, -1)
    Proposal.objects.filter(pk=on_topic.pk).update(comment_count=3)
    briefing = post_comment(ana, topic, "A comment on the briefing itself.")
    secrets = secrets_of(ana, bob, cleo, gone) + ["Privatesurname", "private.example", "Hidden body words", "Secretly"]
    delete_account(gone)
    for proposal in (on_topic, popular, withdrawn, hidden, orphan):
        proposal.refresh_from_db()
    return SimpleNamespace(
        dialogue=dialogue, topic=topic, people=(ana, bob, cleo, gone), ana=ana, bob=bob, cleo=cleo,
        on_topic=on_topic, popular=popular, withdrawn=withdrawn, hidden=hidden, orphan=orphan,
        first=first, reply=reply, deleted=deleted, answer_to_deleted=answer_to_deleted, hidden_comment=hidden_comment,
        briefing=briefing, on_hidden=on_hidden,
        secrets=secrets,
    )  # fmt: skip
