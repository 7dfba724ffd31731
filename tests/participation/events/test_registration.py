"""Registering and cancelling: every rule, the waiting list and who moves up."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.utils import timezone
from django.utils.translation import override
from wagtail.models import PageViewRestriction

from participation.events import services
from participation.events.models import Registration
from participation.events.services import EventError
from participation.moderation.services import block
from tests.factories import make_moderator, make_person, make_session

pytestmark = pytest.mark.django_db


def refusal(call):
    with pytest.raises(EventError) as caught:
        call()
    return caught.value


def test_registration_is_confirmed_while_places_are_left_then_waitlisted(session, people):
    statuses = [services.register(person, session).status for person in people[:4]]
    assert statuses == ["confirmed", "confirmed", "waitlisted", "waitlisted"]
    assert Registration.objects.filter(session=session, status="confirmed").count() == session.capacity


def test_a_session_without_capacity_has_room_for_everyone(dialogue, people):
    unlimited = make_session(dialogue)
    assert {services.register(person, unlimited).status for person in people} == {"confirmed"}


def test_consent_and_answers_are_kept(session, people):
    registration = services.register(people[0], session, answers={"age_band": "25-34", "region": "Lviv"})
    registration.refresh_from_db()
    assert registration.answers == {"age_band": "25-34", "region": "Lviv"}
    assert registration.consent_at is not None


def test_registering_twice_is_refused(session, people):
    services.register(people[0], session)
    error = refusal(lambda: services.register(people[0], session))
    assert (error.status, str(error.message)) == (409, "You are already registered for this session.")
    assert Registration.objects.filter(session=session).count() == 1


def test_after_cancelling_a_person_may_register_again(session, people):
    services.register(people[0], session)
    services.cancel(people[0], session)
    assert services.register(people[0], session).status == "confirmed"


def test_no_registration_without_consent(session, people):
    error = refusal(lambda: services.register(people[0], session, consent=False))
    assert str(error.message) == "Please give your consent to register."
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"registration_closes_at": timezone.now() - timedelta(minutes=1)}, "The registration deadline for this session has passed."),
        ({"registration_opens_at": timezone.now() + timedelta(days=1)}, "Registration for this session has not opened yet."),
        ({"starts_at": timezone.now() - timedelta(minutes=5)}, "This session has already started."),
        ({"cancelled_at": timezone.now()}, "This session was cancelled."),
    ],
)
def test_registration_outside_its_window_is_refused(dialogue, people, fields, message):
    closed = make_session(dialogue, **fields)
    assert str(refusal(lambda: services.register(people[0], closed)).message) == message
    assert not Registration.objects.exists()


def test_registration_inside_its_window_is_accepted(dialogue, people):
    now = timezone.now()
    open_session = make_session(dialogue, registration_opens_at=now - timedelta(days=1), registration_closes_at=now + timedelta(days=1))
    assert services.register(people[0], open_session).status == "confirmed"


def test_visitors_and_blocked_people_cannot_register(session, people):
    assert str(refusal(lambda: services.register(AnonymousUser(), session)).message) == "Please sign in first."
    block(make_moderator(), people[0], "Spam")
    assert str(refusal(lambda: services.register(people[0], session)).message) == "Moderators have blocked your account from taking part."


def test_a_session_on_a_page_the_person_may_not_see_does_not_exist(session, people):
    restriction = PageViewRestriction.objects.create(page=session.page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="Steering committee"))
    error = refusal(lambda: services.register(people[0], session))
    assert (error.status, str(error.message)) == (404, "There is no such session.")
    assert not Registration.objects.exists()


def test_refusals_speak_the_persons_language(session, people):
    services.register(people[0], session)
    with override("fr"):
        message = str(refusal(lambda: services.register(people[0], session)).message)
    assert message == "Vous êtes déjà inscrit·e à cette session."


def test_cancelling_promotes_the_first_person_waiting(session, people):
    for person in people:  # 2 confirmed, then 3 waiting in this order
        services.register(person, session)
    promoted = services.cancel(people[1], session)
    assert promoted.user == people[2]
    assert (promoted.status, promoted.promoted_at is not None) == ("confirmed", True)
    promoted = services.cancel(people[0], session)
    assert promoted.user == people[3]
    confirmed = set(Registration.objects.filter(session=session, status="confirmed").values_list("user", flat=True))
    assert confirmed == {people[2].pk, people[3].pk}
    assert [services.waiting_position(r) for r in Registration.objects.filter(session=session, status="waitlisted")] == [1]


def test_waiting_positions_follow_arrival(session, people):
    registrations = [services.register(person, session) for person in people]
    assert [services.waiting_position(r) for r in registrations] == [None, None, 1, 2, 3]
    services.cancel(people[3], session)  # someone waiting leaves: nobody moves up to a place
    assert Registration.objects.get(session=session, user=people[4]).status == "waitlisted"
    assert services.waiting_position(Registration.objects.get(session=session, user=people[4])) == 2


def test_cancelling_a_place_with_nobody_waiting_promotes_nobody(session, people):
    services.register(people[0], session)
    assert services.cancel(people[0], session) is None
    assert Registration.objects.get(user=people[0]).status == "cancelled"


def test_cancelling_without_a_registration_is_refused(session, people):
    error = refusal(lambda: services.cancel(people[0], session))
    assert (error.status, str(error.message)) == (409, "You are not registered for this session.")


def test_cancelling_after_the_start_is_refused(dialogue, people):
    started = make_session(dialogue, starts_at=timezone.now() + timedelta(days=1))
    services.register(people[0], started)
    started.__class__.objects.filter(pk=started.pk).update(starts_at=timezone.now() - timedelta(minutes=1))
    assert str(refusal(lambda: services.cancel(people[0], started)).message) == "This session has already started."
    assert Registration.objects.get(user=people[0]).status == "confirmed"


def test_a_deleted_account_takes_its_registrations_along(session, people):
    services.register(people[0], session)
    people[0].delete()
    assert not Registration.objects.exists()


def test_a_new_person_registering_after_a_promotion_waits(session, people):
    for person in people[:3]:
        services.register(person, session)
    services.cancel(people[0], session)
    assert services.register(make_person("late"), session).status == "waitlisted"
