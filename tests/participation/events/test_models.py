"""What editors may save: bad input gets a clear message, never a broken session."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from participation.events.models import Registration, Session
from tests.factories import make_session

pytestmark = pytest.mark.django_db


def errors(session):
    with pytest.raises(ValidationError) as caught:
        session.full_clean()
    return {field: [str(message) for message in messages] for field, messages in caught.value.message_dict.items()}


def test_an_unknown_time_zone_is_refused(dialogue):
    session = make_session(dialogue)
    for zone in ("Europe/Atlantis", "../../etc/passwd", ""):
        session.time_zone = zone
        assert "time_zone" in errors(session)
    session.time_zone = "Europe/Atlantis"
    assert errors(session)["time_zone"] == ["“Europe/Atlantis” is not a time zone. Use a name such as Europe/Kyiv or America/New_York."]


def test_a_known_time_zone_is_accepted(dialogue):
    make_session(dialogue, time_zone="America/Sao_Paulo").full_clean()


def test_join_links_must_be_https(dialogue):
    session = make_session(dialogue, join_url="http://meet.example.org/abc")
    assert "Enter a link starting with https://." in errors(session)["join_url"]
    session.join_url = "javascript:alert(1)"
    assert "join_url" in errors(session)


def test_a_session_must_end_after_it_starts(dialogue):
    session = make_session(dialogue)
    session.ends_at = session.starts_at
    assert errors(session)["ends_at"] == ["A session must end after it starts."]
    with pytest.raises(IntegrityError), transaction.atomic():
        Session.objects.filter(pk=session.pk).update(ends_at=session.starts_at - timedelta(minutes=1))


def test_capacity_is_positive(dialogue):
    session = make_session(dialogue)
    session.capacity = 0
    assert "capacity" in errors(session)
    with pytest.raises(IntegrityError), transaction.atomic():
        Session.objects.filter(pk=session.pk).update(capacity=0)


def test_the_deadline_comes_after_opening(dialogue):
    session = make_session(dialogue)
    session.registration_opens_at = session.starts_at - timedelta(days=1)
    session.registration_closes_at = session.starts_at - timedelta(days=2)
    assert "registration_closes_at" in errors(session)


def test_the_database_keeps_one_active_registration_per_person(dialogue, people):
    session = make_session(dialogue)
    Registration.objects.create(session=session, user=people[0], status="cancelled")
    Registration.objects.create(session=session, user=people[0], status="confirmed")
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(session=session, user=people[0], status="waitlisted")


@pytest.fixture
def no_overlap(monkeypatch):
    """A page type saying its sessions may not overlap (as a country edition does)."""
    from content.models import DialoguePage

    monkeypatch.setattr(DialoguePage, "sessions_may_overlap", False, raising=False)


def test_overlapping_sessions_are_refused_when_the_page_says_so(dialogue, no_overlap):
    first = make_session(dialogue, title="Slot 1")
    overlapping = Session(page=dialogue, starts_at=first.starts_at + timedelta(minutes=30), ends_at=first.ends_at + timedelta(hours=1))
    message = errors(overlapping)["starts_at"][0]
    assert message.startswith("This session overlaps another session of this page (Slot 1, ")
    assert message.endswith("UTC), and the page says its sessions may not overlap.")


def test_back_to_back_and_cancelled_sessions_do_not_overlap(dialogue, no_overlap):
    first = make_session(dialogue)
    Session(page=dialogue, starts_at=first.ends_at, ends_at=first.ends_at + timedelta(hours=1)).full_clean()
    first.cancelled_at = first.starts_at
    first.save()
    Session(page=dialogue, starts_at=first.starts_at, ends_at=first.ends_at).full_clean()
    first.full_clean()  # a session never overlaps itself


def test_overlap_is_allowed_by_default(dialogue):
    first = make_session(dialogue)
    Session(page=dialogue, starts_at=first.starts_at, ends_at=first.ends_at).full_clean()
