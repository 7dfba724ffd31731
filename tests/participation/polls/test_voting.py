"""Voting on a quick poll from a briefing: without JavaScript (a form, then back to the page with a
message) and with it (JSON); once per person, changeable while open; every bad request refused
with a reason in the person's language, never a 500."""

import json
import uuid
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from participation.moderation.models import BlockedUser
from participation.polls.models import Vote
from tests.factories import client_for, make_person, make_poll, place_poll

pytestmark = pytest.mark.django_db


@pytest.fixture
def poll(topic):
    poll = make_poll()
    place_poll(topic, poll)
    return poll


def key(poll, text):
    return str(poll.choices.get(text=text).translation_key)


def vote(client, poll, page, *texts, language="en", **extra):
    choices = [key(poll, text) for text in texts]
    return client.post(f"/{language}/polls/{poll.pk}/vote/", {"page": page.pk, "choice": choices}, **extra)


def as_json(client, poll, page, choices, language="en"):
    return client.post(
        f"/{language}/polls/{poll.pk}/vote/", {"page": page.pk, "choice": choices}, HTTP_ACCEPT="application/json"
    )


def counted(poll):
    return sorted(Vote.objects.filter(poll=poll).values_list("selections__choice__text", flat=True))


def test_a_citizen_votes_without_javascript_and_comes_back_to_the_poll(topic, poll):
    client = client_for(make_person())
    response = vote(client, poll, topic, "No")
    assert response.status_code == 302 and response["Location"] == f"{topic.url}#poll-{poll.pk}"
    page = client.get(response["Location"]).content.decode()
    assert "Thank you: your vote is counted." in page
    assert "Your vote: <strong>No</strong>" in page
    assert counted(poll) == ["No"]


def test_changing_ones_vote_replaces_it(topic, poll):
    client = client_for(make_person())
    vote(client, poll, topic, "No")
    vote(client, poll, topic, "Yes")
    assert counted(poll) == ["Yes"]
    assert Vote.objects.get(poll=poll).changed_at is not None
    assert "Change my vote" in client.get(topic.url).content.decode()


def test_anonymous_visitors_are_asked_to_sign_in_and_come_back(client, topic, poll):
    html = client.get(topic.url).content.decode()
    assert "Sign in to vote" in html and f'action="/en/polls/{poll.pk}/vote/"' not in html
    response = vote(client, poll, topic, "Yes")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=") and "data-safety" in response["Location"]
    assert as_json(client, poll, topic, [key(poll, "Yes")]).status_code == 401
    assert counted(poll) == []


@pytest.mark.parametrize(
    "when, message",
    [
        ({"opens_at": timezone.now() + timedelta(days=1), "closes_at": None}, "This poll is not open yet."),
        ({"opens_at": timezone.now() - timedelta(days=2), "closes_at": timezone.now() - timedelta(days=1)}, "This poll is closed."),
    ],
)
def test_votes_before_opening_or_after_closing_are_refused(topic, when, message):
    poll = make_poll(**when)
    place_poll(topic, poll)
    client = client_for(make_person())
    response = vote(client, poll, topic, "Yes")
    assert response.status_code == 302
    assert message in client.get(response["Location"]).content.decode()
    answer = as_json(client, poll, topic, [key(poll, "Yes")])
    assert answer.status_code == 403 and answer.json()["error"] == message
    assert counted(poll) == []


def test_refusals_come_in_the_persons_language(topic, locales):
    poll = make_poll(opens_at=timezone.now() - timedelta(days=2), closes_at=timezone.now() - timedelta(days=1))
    french_topic = topic.get_translation(locales["fr"])
    place_poll(french_topic, poll)
    answer = as_json(client_for(make_person()), poll, french_topic, [key(poll, "Yes")], language="fr")
    assert answer.status_code == 403 and answer.json()["error"] == "Ce sondage est fermé."


def test_a_single_choice_poll_takes_one_answer(topic, poll):
    answer = as_json(client_for(make_person()), poll, topic, [key(poll, "Yes"), key(poll, "No")])
    assert answer.status_code == 400 and answer.json()["error"] == "Choose only one answer."
    assert counted(poll) == []


def test_the_maximum_of_a_multiple_choice_poll_is_enforced(topic):
    poll = make_poll(choices=("Parks", "Libraries", "Buses", "Schools"), kind="multiple", max_choices=2)
    place_poll(topic, poll)
    client = client_for(make_person())
    too_many = as_json(client, poll, topic, [key(poll, "Parks"), key(poll, "Buses"), key(poll, "Schools")])
    assert too_many.status_code == 400 and too_many.json()["error"] == "Choose at most 2 answers."
    response = vote(client, poll, topic, "Parks", "Buses")
    assert response.status_code == 302
    assert counted(poll) == ["Buses", "Parks"]


@pytest.mark.parametrize(
    "data",
    [
        {"choice": "not-a-choice"},
        {"choice": str(uuid.uuid4())},
        {"choice": []},
        {"choice": ["'; DROP TABLE polls;--", "0" * 5000]},
    ],
)
def test_tampered_choices_are_refused(topic, poll, data):
    client = client_for(make_person())
    response = client.post(f"/en/polls/{poll.pk}/vote/", {"page": topic.pk, **data}, HTTP_ACCEPT="application/json")
    assert response.status_code == 400 and response.json()["error"]
    assert counted(poll) == []


def test_a_choice_of_another_poll_is_refused(topic, poll):
    other = make_poll(choices=("Red", "Blue"))
    answer = as_json(client_for(make_person()), poll, topic, [key(other, "Red")])
    assert answer.status_code == 400 and answer.json()["error"] == "This answer is not one of this poll's choices."
    assert Vote.objects.count() == 0


@pytest.mark.parametrize("page", ["", "abc", "-1", "99999999", "99999999999999999999999", "1e3", "7.5"])
def test_a_tampered_page_is_not_found(topic, poll, page):
    client = client_for(make_person())
    response = client.post(f"/en/polls/{poll.pk}/vote/", {"page": page, "choice": key(poll, "Yes")})
    assert response.status_code == 404
    assert counted(poll) == []


def test_a_poll_counts_only_from_a_page_that_shows_it(topic, poll):
    """A public page id does not open a poll placed on a restricted page."""
    sibling = topic.get_next_sibling().specific
    answer = as_json(client_for(make_person()), poll, sibling, [key(poll, "Yes")])
    assert answer.status_code == 404
    for missing in ("999999", "99999999999999999999999"):
        assert client_for(make_person()).post(f"/en/polls/{missing}/vote/", {"page": topic.pk}).status_code == 404
    assert counted(poll) == []


def test_a_restricted_page_refuses_whoever_may_not_see_it(topic, poll):
    restriction = PageViewRestriction.objects.create(page=topic, restriction_type=PageViewRestriction.LOGIN)
    assert vote(client_for(make_person()), poll, topic, "Yes").status_code == 302  # signed in: may see
    restriction.restriction_type = PageViewRestriction.PASSWORD
    restriction.password = "open sesame"
    restriction.save()
    assert vote(client_for(make_person()), poll, topic, "No").status_code == 404
    assert counted(poll) == ["Yes"]


def test_the_json_answer_carries_the_persons_choices_and_the_results(topic, poll):
    client_for(make_person()).post(f"/en/polls/{poll.pk}/vote/", {"page": topic.pk, "choice": key(poll, "No")})
    answer = as_json(client_for(make_person()), poll, topic, [key(poll, "Yes")])
    assert answer.status_code == 200
    body = answer.json()
    assert body["chosen"] == [key(poll, "Yes")]
    assert body["results"]["voters"] == 2
    assert {row["text"]: (row["count"], row["percent"]) for row in body["results"]["choices"]} == {
        "Yes": (1, 50), "No": (1, 50), "Not sure": (0, 0)
    }


def test_results_after_closing_stay_hidden_until_then(topic):
    poll = make_poll(results="after_closing")
    place_poll(topic, poll)
    answer = as_json(client_for(make_person()), poll, topic, [key(poll, "Yes")])
    assert answer.status_code == 200 and answer.json()["results"] is None
    client = client_for(make_person())
    vote(client, poll, topic, "No")
    html = client.get(topic.url).content.decode()
    assert "Results will be shown when the poll closes." in html and "poll-results" not in html
    type(poll).objects.filter(pk=poll.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    closed = client.get(topic.url).content.decode()
    assert "Results: 2 people voted" in closed and "This poll is closed." not in closed


def test_a_person_moderators_blocked_is_told_why_and_not_counted(topic, poll):
    person = make_person()
    BlockedUser.objects.create(user=person, reason="Spam")
    client = client_for(person)
    section = client.get(topic.url).content.decode()
    assert "Moderators have blocked your account from taking part." in section and f'action="/en/polls/{poll.pk}/vote/"' not in section
    answer = as_json(client, poll, topic, [key(poll, "Yes")])
    assert answer.status_code == 403 and answer.json()["error"] == "Moderators have blocked your account from taking part."
    assert counted(poll) == []


def test_several_answers_of_a_multiple_choice_poll_are_listed_as_the_persons_vote(topic):
    poll = make_poll(choices=("Parks", "Libraries", "Buses"), kind="multiple")
    place_poll(topic, poll)
    client = client_for(make_person())
    page = client.get(vote(client, poll, topic, "Parks", "Buses")["Location"]).content.decode()
    assert "Your vote: <strong>Parks</strong>, <strong>Buses</strong>" in page
    assert "Results: 1 person voted" in page and "each could choose several answers" in page


def test_the_original_polls_dates_rule_over_a_translation_not_synced_yet(topic, poll, locales):
    french = poll.copy_for_translation(locales["fr"])
    french.save()
    french_topic = place_poll(topic.get_translation(locales["fr"]), french)
    type(poll).objects.filter(pk=poll.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    answer = as_json(client_for(make_person()), french, french_topic, [key(french, "Yes")], language="fr")
    assert answer.status_code == 403 and answer.json()["error"] == "Ce sondage est fermé."
    assert Vote.objects.count() == 0


def test_a_persons_data_export_holds_their_poll_votes(topic, poll):
    person = make_person()
    client = client_for(person)
    vote(client, poll, topic, "Not sure")
    vote(client_for(make_person()), poll, topic, "No")
    data = json.loads(client.post("/en/accounts/export/").content)
    [mine] = data["poll votes"]
    assert (mine["poll"], mine["choices"]) == ("Should the park stay open at night?", ["Not sure"])
