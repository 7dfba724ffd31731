"""The registration form, cancelling and "my registrations", as a citizen uses them."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import Locale

from content.models import DialoguePage
from participation.events import services
from participation.events.models import Registration
from tests.factories import client_for, make_person, make_session

pytestmark = pytest.mark.django_db

QUESTIONS = [
    {"key": "age_band", "label": "Age", "required": True, "choices": [("18-24", "18 to 24"), ("25-34", "25 to 34")]},
    {"key": "region", "label": "Region", "required": False, "choices": []},
]


@pytest.fixture
def questions(monkeypatch):
    """A page type asking profile questions and its own consent text (as an edition does)."""
    monkeypatch.setattr(DialoguePage, "registration_questions", lambda self: QUESTIONS, raising=False)
    monkeypatch.setattr(DialoguePage, "registration_consent_text", "I agree to the Ukrainian partner's terms.", raising=False)


@pytest.fixture
def slots(dialogue):
    start = timezone.now() + timedelta(days=10)
    return [
        make_session(dialogue, title=f"Slot {n + 1}", starts_at=start + timedelta(hours=5 * n), capacity=1, time_zone="Europe/Kyiv")
        for n in range(3)
    ]


@pytest.fixture
def citizen(db):
    return make_person("citizen")


def url(page):
    return f"/en/gatherings/{page.pk}/register/"


def form_data(*sessions, **extra):
    return {"sessions": [session.pk for session in sessions], "consent": "on", "q_age_band": "25-34", **extra}


def test_the_form_offers_open_sessions_questions_and_the_pages_consent(dialogue, slots, citizen, questions):
    slots[2].cancelled_at = timezone.now()
    slots[2].save()
    html = client_for(citizen).get(url(dialogue)).content.decode()
    assert f'value="{slots[0].pk}"' in html and f'value="{slots[1].pk}"' in html
    assert f'value="{slots[2].pk}"' not in html
    assert "(Kyiv time)" in html
    assert "Age" in html and "25 to 34" in html and "Region" in html
    assert "I agree to the Ukrainian partner&#x27;s terms." in html


def test_registering_for_two_slots_confirms_both_and_sends_one_email(dialogue, slots, citizen, questions, mailoutbox):
    response = client_for(citizen).post(url(dialogue), form_data(slots[0], slots[1], q_region="Lviv"))
    assert response.status_code == 302 and response["Location"] == dialogue.url
    registrations = Registration.objects.filter(user=citizen).order_by("session__starts_at")
    assert [(r.session_id, r.status) for r in registrations] == [(slots[0].pk, "confirmed"), (slots[1].pk, "confirmed")]
    assert registrations[0].answers == {"age_band": "25-34", "region": "Lviv"}
    assert len(mailoutbox) == 1


def test_signed_out_visitors_sign_in_and_come_back(dialogue, slots, client):
    response = client.get(url(dialogue))
    assert response.status_code == 302
    assert response["Location"].endswith("?next=" + url(dialogue).replace("/", "%2F"))


@pytest.mark.parametrize(
    "change, message",
    [
        ({"consent": ""}, "Please give your consent to register."),
        ({"q_age_band": ""}, "Please answer this question."),
        ({"q_age_band": "99+"}, "Choose one of the answers offered."),
        ({"sessions": []}, "Choose at least one session."),
        ({"sessions": ["999999"]}, "There is no such session."),
    ],
)
def test_bad_input_redisplays_the_form_with_the_persons_text(dialogue, slots, citizen, questions, change, message):
    response = client_for(citizen).post(url(dialogue), {**form_data(slots[0], q_region="My village"), **change})
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert 'value="My village"' in html
    assert not Registration.objects.filter(user=citizen).exists()


def test_refusals_are_translated_and_keep_the_choice(dialogue, slots, citizen, questions):
    services.register(citizen, slots[0])
    response = client_for(citizen).post("/fr/gatherings/%d/register/" % dialogue.pk, form_data(slots[0], slots[1], q_region="Kharkiv"))
    with translation.override("fr"):
        expected = gettext("You are already registered for this session.")
    html = response.content.decode()
    assert response.status_code == 409
    assert expected in html and 'value="Kharkiv"' in html
    # All or none: the second slot was not taken either.
    assert list(Registration.objects.filter(user=citizen).values_list("session", flat=True)) == [slots[0].pk]


@pytest.mark.parametrize(
    "change, message",
    [
        ({"registration_closes_at": timezone.now() - timedelta(hours=1)}, "The registration deadline for this session has passed."),
        ({"registration_opens_at": timezone.now() + timedelta(days=1)}, "Registration for this session has not opened yet."),
        ({"cancelled_at": timezone.now()}, "This session was cancelled."),
        ({"starts_at": timezone.now() - timedelta(minutes=1)}, "This session has already started."),
    ],
)
def test_closed_sessions_are_refused_with_the_reason(dialogue, slots, citizen, questions, change, message):
    for name, value in change.items():
        setattr(slots[0], name, value)
    slots[0].save()
    response = client_for(citizen).post(url(dialogue), form_data(slots[0], slots[1]))
    assert response.status_code in (400, 403)
    assert message in response.content.decode()
    assert not Registration.objects.filter(user=citizen).exists()


def test_scripts_get_json(dialogue, slots, citizen, questions):
    client = client_for(citizen, headers={"Accept": "application/json"})
    created = client.post(url(dialogue), form_data(slots[0]))
    assert created.status_code == 201
    assert created.json() == {"registrations": [{"session": slots[0].pk, "status": "confirmed", "position": None}]}
    again = client.post(url(dialogue), form_data(slots[0]))
    assert (again.status_code, again.json()["error"]) == (409, "You are already registered for this session.")
    invalid = client.post(url(dialogue), form_data(slots[1], consent=""))
    assert invalid.status_code == 400
    assert invalid.json()["errors"]["consent"] == ["Please give your consent to register."]


def test_a_full_session_puts_people_on_the_waiting_list(dialogue, slots, questions):
    first, second = make_person("first"), make_person("second")
    client_for(first).post(url(dialogue), form_data(slots[0]))
    client_for(second).post(url(dialogue), form_data(slots[0]))
    assert Registration.objects.get(user=second).status == "waitlisted"


def test_the_form_post_is_rate_limited(dialogue, slots, citizen, questions, settings):
    settings.RATE_LIMITS = {"registration": (1, 3600)}
    client = client_for(citizen)
    client.post(url(dialogue), form_data(slots[0]))
    response = client.post(url(dialogue), form_data(slots[1], q_region="Odesa"))
    assert response.status_code == 429
    assert "You sent many registrations in a short time." in response.content.decode()
    assert 'value="Odesa"' in response.content.decode()


def test_unknown_pages_and_pages_without_sessions_are_404(dialogue, citizen, home):
    client = client_for(citizen)
    assert client.get("/en/gatherings/999999/register/").status_code == 404
    assert client.get(url(home)).status_code == 404
    scripted = client_for(citizen, headers={"Accept": "application/json"}).post("/en/gatherings/999999/register/")
    assert (scripted.status_code, scripted.json()) == (404, {"error": "There is no such event."})


def test_cancelling_frees_the_place_for_the_first_waiting(dialogue, slots, mailoutbox):
    holder, waiting = make_person("holder"), make_person("waiting")
    services.register(holder, slots[0])
    services.register(waiting, slots[0])
    response = client_for(holder).post(f"/en/gatherings/sessions/{slots[0].pk}/cancel/", {"next": "/en/gatherings/mine/"})
    assert response.status_code == 302 and response["Location"] == "/en/gatherings/mine/"
    assert Registration.objects.get(user=waiting, status="confirmed")
    assert [message.to for message in mailoutbox] == [[waiting.email]]


def test_cancelling_without_a_registration_or_after_the_start_is_refused(dialogue, slots, citizen):
    client = client_for(citizen, headers={"Accept": "application/json"})
    response = client.post(f"/en/gatherings/sessions/{slots[0].pk}/cancel/")
    assert (response.status_code, response.json()["error"]) == (409, "You are not registered for this session.")
    assert client.post("/en/gatherings/sessions/999999/cancel/").status_code == 404
    services.register(citizen, slots[1])
    slots[1].starts_at = timezone.now() - timedelta(minutes=5)
    slots[1].save()
    response = client.post(f"/en/gatherings/sessions/{slots[1].pk}/cancel/")
    assert (response.status_code, response.json()["error"]) == (403, "This session has already started.")


def test_my_registrations_list_states_and_positions(dialogue, slots, citizen, django_assert_num_queries):
    services.register(make_person("other"), slots[1])
    services.register(citizen, slots[0])
    services.register(citizen, slots[1])
    html = client_for(citizen).get("/en/gatherings/mine/").content.decode()
    assert "You are registered." in html
    assert "You are number 1 on the waiting list." in html
    assert html.count("Cancel my registration") == 2


def test_my_registrations_name_the_pages_in_the_visitors_language(dialogue, slots, citizen):
    services.register(citizen, slots[0])
    french = dialogue.get_translation(Locale.objects.get(language_code="fr"))
    html = client_for(citizen).get("/fr/gatherings/mine/").content.decode()
    assert f'<a href="{french.url}">{french.title}</a>' in html.replace("&#x27;", "'")


def test_my_registrations_cost_the_same_number_of_queries_at_two_sizes(dialogue, citizen):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(citizen)
    client.get("/en/gatherings/mine/")  # warm: the visibility state is cached for every request
    counts = []
    for size in (2, 20):
        for n in range(size - Registration.objects.filter(user=citizen).count()):
            services.register(citizen, make_session(dialogue, title=f"Extra {size}-{n}"))
        with CaptureQueriesContext(connection) as queries:
            html = client.get("/en/gatherings/mine/").content.decode()
        assert html.count("You are registered.") == size
        counts.append(len(queries))
    assert counts[0] == counts[1]
