"""Editors write polls in the admin; a poll's settings are checked before it is saved."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from participation.polls.models import Poll
from tests.factories import client_for, make_person, make_poll, place_poll

pytestmark = pytest.mark.django_db

ADD = "/admin/snippets/participation_polls/poll/add/"


def form_data(**fields):
    data = {
        "question": "Which day suits the next session?",
        "kind": "multiple",
        "max_choices": "2",
        "opens_at": "2030-01-01 10:00",
        "closes_at": "2030-01-08 10:00",
        "results": "after_voting",
        "choices-TOTAL_FORMS": "3",
        "choices-INITIAL_FORMS": "0",
        "choices-MIN_NUM_FORMS": "2",
        "choices-MAX_NUM_FORMS": "1000",
    }
    for index, text in enumerate(("Monday", "Wednesday", "Saturday")):
        data.update({f"choices-{index}-text": text, f"choices-{index}-ORDER": str(index + 1), f"choices-{index}-id": ""})
    data.update(fields)
    return data


def test_an_editor_adds_a_poll_with_its_choices(editor_client):
    assert editor_client.get("/admin/snippets/participation_polls/poll/").status_code == 200
    response = editor_client.post(f"{ADD}?locale=en", form_data())
    assert response.status_code == 302, response.content.decode()[:2000]
    poll = Poll.objects.get(question="Which day suits the next session?")
    assert [choice.text for choice in poll.choices.all()] == ["Monday", "Wednesday", "Saturday"]
    assert poll.max_choices == 2 and poll.locale.language_code == "en"
    assert {choice.locale_id for choice in poll.choices.all()} == {poll.locale_id}


def test_a_poll_closing_before_it_opens_is_refused_with_the_editors_text_kept(editor_client):
    response = editor_client.post(f"{ADD}?locale=en", form_data(closes_at="2029-12-31 10:00"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "The poll must close after it opens." in html and "Which day suits the next session?" in html
    assert not Poll.objects.filter(question="Which day suits the next session?").exists()


def test_citizens_cannot_reach_the_polls_admin():
    response = client_for(make_person()).get("/admin/snippets/participation_polls/poll/")
    assert response.status_code in (302, 403)


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"results": "after_closing", "closes_at": None}, "closes_at"),
        ({"kind": "single", "max_choices": 2}, "max_choices"),
        ({"kind": "multiple", "max_choices": 0}, "max_choices"),
    ],
)
def test_settings_that_cannot_work_are_refused(fields, field):
    poll = make_poll(opens_at=timezone.now(), closes_at=timezone.now() + timedelta(days=1))
    for name, value in fields.items():
        setattr(poll, name, value)
    with pytest.raises(ValidationError) as caught:
        poll.full_clean()
    assert field in caught.value.message_dict


def test_an_editor_places_a_poll_in_a_briefing(editor_client, topic):
    poll = make_poll(question="Should the library open on Sundays?")
    place_poll(topic, poll)
    editor = editor_client.get(f"/admin/pages/{topic.pk}/edit/")
    assert editor.status_code == 200 and "Should the library open on Sundays?" in editor.content.decode()
    chooser = editor_client.get("/admin/snippets/choose/participation_polls/poll/")
    assert chooser.status_code == 200 and "Should the library open on Sundays?" in chooser.content.decode()
