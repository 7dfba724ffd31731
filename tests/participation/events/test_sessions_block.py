"""The sessions block on event and edition pages ({% event_sessions %}) and {% session_when %}:
what a visitor, a registered person and someone waiting read, in which zones, at a fixed cost."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone, translation

from participation.events import services
from participation.events.models import Registration
from tests.factories import make_person, make_session

pytestmark = pytest.mark.django_db


def render(source, user=None, **context):
    request = RequestFactory().get("/en/dialogue/")
    request.user = user or AnonymousUser()
    return Template("{% load events_tags %}" + source).render(Context({"request": request, **context}))


def block(page, user=None):
    return render("{% event_sessions page %}", user, page=page)


def when(session, user=None):
    return render("{% session_when session %}", user, session=session)


def kyiv(dialogue, day, month=10, **fields):
    # 10:00 to 13:00 Kyiv time; Kyiv leaves summer time on 25 October 2026 (UTC+3 -> UTC+2).
    offset = 3 if (month, day) < (10, 25) else 2
    starts_at = datetime(2026, month, day, 10 - offset, tzinfo=UTC)
    return make_session(dialogue, starts_at=starts_at, ends_at=starts_at + timedelta(hours=3), time_zone="Europe/Kyiv", **fields)


def test_times_are_in_the_sessions_zone_named_in_the_visitors_language(dialogue):
    before, after = kyiv(dialogue, 24), kyiv(dialogue, 26)
    assert "Saturday, October 24, 2026, 10:00\u202fAM – 1:00\u202fPM (Kyiv time)" in when(before)
    assert "Monday, October 26, 2026, 10:00\u202fAM – 1:00\u202fPM (Kyiv time)" in when(after)
    with translation.override("uk"):
        assert "субота, 24 жовтня 2026\u202fр., 10:00 – 13:00 (час: Київ)" in when(before)


def test_a_saved_zone_adds_the_visitors_own_time_across_the_dst_change(dialogue):
    # New York keeps summer time until 1 November: 10:00 in Kyiv is 03:00, then 04:00 there.
    person = make_person("traveller", time_zone="America/New_York")
    assert "Your time: Saturday, October 24, 2026, 3:00\u202fAM – 6:00\u202fAM (New York time)" in when(kyiv(dialogue, 24), person)
    assert "Your time: Monday, October 26, 2026, 4:00\u202fAM – 7:00\u202fAM (New York time)" in when(kyiv(dialogue, 26), person)
    at_home = make_person("at-home", time_zone="Europe/Kyiv")
    assert "· Your time" not in when(kyiv(dialogue, 24), at_home)


def test_the_browser_zone_element_carries_what_the_script_needs(dialogue):
    html = when(kyiv(dialogue, 24))
    assert 'data-session-when data-start="2026-10-24T07:00:00+00:00" data-end="2026-10-24T10:00:00+00:00" data-zone="Europe/Kyiv"' in html
    assert '<time datetime="2026-10-24T07:00:00+00:00">' in html


def test_a_session_past_midnight_says_which_day_it_ends(dialogue):
    late = make_session(dialogue, starts_at=datetime(2026, 11, 3, 22, tzinfo=UTC), ends_at=datetime(2026, 11, 4, 1, tzinfo=UTC))
    assert "Tuesday, November 3, 2026, 10:00\u202fPM – Wednesday, November 4, 2026, 1:00\u202fAM (UTC time)" in when(late)


def test_visitors_see_places_left_or_the_waiting_list_and_no_personal_state(dialogue):
    open_session = make_session(dialogue, title="Slot 1", capacity=3, mode="in_person", address="Khreshchatyk 1")
    full = make_session(dialogue, title="Slot 2", capacity=1, address="Hidden flat 3", address_is_private=True)
    services.register(make_person("early"), open_session)
    services.register(make_person("first"), full)
    html = block(dialogue)
    assert "2 places left" in html and "Full — waiting list" in html
    assert "Khreshchatyk 1" in html and "Hidden flat 3" not in html
    assert "You are registered" not in html and "csrfmiddlewaretoken" not in html
    assert f'href="/en/gatherings/{dialogue.pk}/register/"' in html


def test_a_registered_person_reads_their_state_and_when_the_access_details_appear(dialogue):
    session = make_session(dialogue, title="Slot 1", capacity=1, join_url="https://meet.example.org/abc", time_zone="Europe/Kyiv")
    holder, waiting = make_person("holder"), make_person("waiting")
    services.register(holder, session)
    services.register(make_person("second"), session)
    services.register(waiting, session)
    html = block(dialogue, holder)
    assert "You are registered." in html and "place" not in html.split("You are registered.")[1].split("</li>")[0]
    assert "The access details will appear here on" in html and "(Kyiv time)." in html
    assert "meet.example.org" not in html
    assert "Cancel my registration" in html
    assert "You are number 2 on the waiting list." in block(dialogue, waiting)


def test_access_details_show_inside_the_window_only_to_the_selected_in_a_preselected_edition(dialogue, monkeypatch):
    from content.models import DialoguePage

    soon = timezone.now() + timedelta(minutes=5)
    session = make_session(dialogue, starts_at=soon, join_url="https://meet.example.org/abc", passcode="kyiv")
    person = make_person("participant")
    services.register(person, session)
    assert "https://meet.example.org/abc" in block(dialogue, person)
    monkeypatch.setattr(DialoguePage, "participants_preselected", True, raising=False)
    html = block(dialogue, person)
    assert "meet.example.org" not in html and "The access details will appear" not in html
    Registration.objects.filter(user=person).update(selected_at=timezone.now())
    assert "https://meet.example.org/abc" in block(dialogue, person)


def _registrations(sessions, per_session):
    User = get_user_model()
    users = User.objects.bulk_create([User(username=f"bulk-{n}", email=f"bulk-{n}@example.org") for n in range(per_session)])
    Registration.objects.bulk_create(
        [Registration(session=session, user=user, status=Registration.CONFIRMED) for session in sessions for user in users]
    )


@pytest.mark.parametrize("sessions, registrations", [(5, 10), (50, 5000)])
def test_a_fixed_number_of_queries_at_two_sizes(dialogue, sessions, registrations, django_assert_num_queries):
    made = [make_session(dialogue, title=f"Slot {n}", capacity=registrations) for n in range(sessions)]
    _registrations(made, registrations // sessions)
    person = make_person("reader", time_zone="America/New_York")
    services.register(person, made[0])
    services.register(person, made[1])
    person = get_user_model().objects.get(pk=person.pk)  # nothing cached on the user
    block(dialogue, make_person("warm-up"))  # the visibility state, cached for every request
    # sessions with places, the person's registrations with positions, their saved zone, whether blocked
    with django_assert_num_queries(4):
        html = block(dialogue, person)
    assert html.count("You are registered.") == 2
