"""After the draw: everyone is told in their language; selected people confirm or decline; a
place given up goes to the first person on the reserve list who keeps every quota, or, when
nobody does, the organisers are told which quota would break and choose. The record is public."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from participation.events.models import Registration
from participation.selection import services
from participation.selection.models import Selection
from tests.factories import PROFILE_QUESTIONS, client_for, make_edition, make_organiser, make_person, make_registration, make_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition(dialogue):
    return make_edition(dialogue, profile_questions=PROFILE_QUESTIONS, participants_preselected=True, total_places=4)


@pytest.fixture
def slot(edition):
    return make_session(edition, title="Morning", starts_at=timezone.now() + timedelta(days=7))


@pytest.fixture
def organiser(edition):
    return make_organiser(edition)


def draw(edition, organiser, young, old, quotas, panel_size, django_capture_on_commit_callbacks, languages=("en",)):
    """`young` and `old` registrants (age band), a selection with `quotas` {feature: (min, max)}
    computed and drawn; returns the selection."""
    for n in range(young + old):
        person = make_person(f"p{n}", language=languages[n % len(languages)])
        make_registration(slot_of(edition), person, answers={"age_band": "18_29" if n < young else "30_plus"})
    from participation.selection.quotas import Quota, Quotas

    rows = Quotas(tuple(Quota("age_band", feature, low, high) for feature, (low, high) in quotas.items()))
    with django_capture_on_commit_callbacks(execute=True):
        selection = services.save_quotas(edition, rows, panel_size, organiser)
        services.queue(selection)
    selection.refresh_from_db()
    services.announce_seed_source(selection, "Lotto of 14 March")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        return services.draw_panel(selection, "4 8 15 16 23 42", organiser)


def slot_of(edition):
    from participation.events.models import Session

    return Session.objects.filter(page=edition).first()


def person_of(reference):
    return Registration.objects.select_related("user").get(reference=reference).user


def test_everyone_is_told_in_their_language_with_their_reference(edition, slot, organiser, django_capture_on_commit_callbacks):
    selection = draw(edition, organiser, 4, 4, {"18_29": (2, 2), "30_plus": (2, 2)}, 4, django_capture_on_commit_callbacks, languages=("en", "fr"))
    assert len(mail.outbox) == 8
    by_address = {message.to[0]: message for message in mail.outbox}
    for reference in selection.results["panel"]:
        user = person_of(reference)
        message = by_address[user.email]
        assert reference in message.body
        with translation.override(user.participant.language):
            assert translation.gettext("Hello,") in message.body
        assert edition.title in message.subject
        assert "/gatherings/mine/" in message.body
    for position, reference in enumerate(selection.results["reserve"], start=1):
        user = person_of(reference)
        with translation.override(user.participant.language):
            assert translation.gettext("Hello,") in by_address[user.email].body
        if user.participant.language == "en":
            assert f"You are number {position} on the reserve list" in by_address[user.email].body
    assert any(person_of(reference).participant.language == "fr" for reference in selection.results["panel"] + selection.results["reserve"])


def test_a_selected_person_confirms_on_their_registrations_page(edition, slot, organiser, django_capture_on_commit_callbacks):
    selection = draw(edition, organiser, 4, 4, {"18_29": (2, 2), "30_plus": (2, 2)}, 4, django_capture_on_commit_callbacks)
    user = person_of(selection.results["panel"][0])
    client = client_for(user)
    mine = client.get(reverse("events:mine")).content.decode()
    assert "You are selected to take part." in mine and "I will come" in mine
    response = client.post(reverse("selection:answer", args=[edition.pk]), {"action": "confirm", "next": reverse("events:mine")})
    assert response.status_code == 302
    assert Registration.objects.get(user=user).selection_confirmed_at is not None
    assert "You confirmed your place." in client.get(reverse("events:mine")).content.decode()


def test_someone_not_selected_cannot_answer(edition, slot, organiser, django_capture_on_commit_callbacks):
    selection = draw(edition, organiser, 4, 4, {"18_29": (2, 2), "30_plus": (2, 2)}, 4, django_capture_on_commit_callbacks)
    outsider = person_of(selection.results["reserve"][0])
    response = client_for(outsider).post(reverse("selection:answer", args=[edition.pk]), {"action": "decline"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 403 and "not selected" in response.json()["error"]
    assert Client().post(reverse("selection:answer", args=[edition.pk]), {"action": "decline"}).status_code == 302  # sign in first
    selection.refresh_from_db()
    assert selection.results["replacements"] == []


def test_a_decline_goes_to_the_first_reserve_who_keeps_every_quota(edition, slot, organiser, django_capture_on_commit_callbacks):
    selection = draw(edition, organiser, 4, 4, {"18_29": (2, 2), "30_plus": (2, 2)}, 4, django_capture_on_commit_callbacks)
    leaving = selection.results["panel"][0]
    leaving_age = selection.pool["people"][leaving][0]
    expected = next(ref for ref in selection.results["reserve"] if selection.pool["people"][ref][0] == leaving_age)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client_for(person_of(leaving)).post(reverse("selection:answer", args=[edition.pk]), {"action": "decline"})
    selection.refresh_from_db()
    assert selection.results["replacements"][0]["leaving"] == leaving and selection.results["replacements"][0]["joining"] == expected
    assert services.check.check_panel(services.instance_of(selection), services.current_panel(selection)) == []
    joined = Registration.objects.get(reference=expected)
    assert joined.selected_at is not None and Registration.objects.get(reference=leaving).selected_at is None
    assert [message.to[0] for message in mail.outbox] == [joined.user.email] and expected in mail.outbox[0].body
    page = Client().get(reverse("selection:transparency", args=[edition.pk])).content.decode()
    assert f"<bdi>{leaving}</bdi> left; <bdi>{expected}</bdi>" in page


def test_when_no_reserve_keeps_the_quotas_the_organiser_is_told_and_chooses(edition, slot, organiser, django_capture_on_commit_callbacks):
    # Two young people only, both needed on the panel: no one on the reserve list can replace them.
    selection = draw(edition, organiser, 2, 6, {"18_29": (2, 2), "30_plus": (2, 2)}, 4, django_capture_on_commit_callbacks)
    leaving = next(ref for ref in selection.results["panel"] if selection.pool["people"][ref][0] == "18_29")
    mail.outbox.clear()
    admin = client_for(organiser)
    url = reverse("selection_admin_page", args=[edition.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert admin.post(url, {"action": "dropout", "reference": leaving}).status_code == 302
    assert [message.to[0] for message in mail.outbox] == [organiser.email]
    assert "age_band “18_29”: 1 on the panel, fewer than the minimum of 2." in mail.outbox[0].body
    page = admin.get(url).content.decode()
    assert "fewer than the minimum of 2" in page
    chosen = services.candidates(Selection.objects.get(pk=selection.pk))[0]
    # Someone not on the reserve list cannot be chosen.
    response = admin.post(url, {"action": "choose", "leaving": leaving, "reference": "NOBODY"})
    assert response.status_code == 400 and "Choose someone on the reserve list." in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert admin.post(url, {"action": "choose", "leaving": leaving, "reference": chosen}).status_code == 302
    selection.refresh_from_db()
    assert selection.results["replacements"][0] | {"at": "", "chosen_at": ""} == {
        "leaving": leaving, "joining": chosen, "by": "organiser", "at": "", "chosen_at": "", "dropout": True,
    }  # fmt: skip
    assert Registration.objects.get(reference=chosen).selected_at is not None
    assert "the organisers chose" in Client().get(reverse("selection:transparency", args=[edition.pk])).content.decode()
    # A filled place is not filled twice.
    response = admin.post(url, {"action": "choose", "leaving": leaving, "reference": services.candidates(selection)[0]})
    assert response.status_code == 409 and "This place is not open." in response.content.decode()


def test_a_selected_person_who_cancels_their_registration_is_replaced(edition, slot, organiser, django_capture_on_commit_callbacks):
    selection = draw(edition, organiser, 4, 4, {"18_29": (2, 2), "30_plus": (2, 2)}, 4, django_capture_on_commit_callbacks)
    leaving = selection.results["panel"][1]
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(person_of(leaving)).post(reverse("events:cancel", args=[slot.pk]), {"next": "/en/"})
    assert response.status_code == 302
    selection.refresh_from_db()
    (entry,) = selection.results["replacements"]
    assert entry["leaving"] == leaving and entry["joining"] in selection.results["reserve"]
    assert leaving not in services.current_panel(selection) and len(services.current_panel(selection)) == 4


def test_closed_accounts_and_people_who_may_no_longer_see_the_page_are_not_written_to(edition, slot, organiser, django_capture_on_commit_callbacks):
    from wagtail.models import PageViewRestriction

    for n in range(6):
        make_registration(slot, make_person(f"q{n}"), answers={"age_band": "18_29" if n < 3 else "30_plus"})
    closed = Registration.objects.filter(session=slot).first().user
    closed.participant.deleted_at = timezone.now()
    closed.participant.save()
    from participation.selection.quotas import Quota, Quotas

    with django_capture_on_commit_callbacks(execute=True):
        selection = services.save_quotas(edition, Quotas((Quota("age_band", "18_29", 1, 1), Quota("age_band", "30_plus", 1, 1))), 2, organiser)
        services.queue(selection)
    selection.refresh_from_db()
    services.announce_seed_source(selection, "Lotto")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.draw_panel(selection, "1 2 3", organiser)
    recipients = {message.to[0] for message in mail.outbox}
    assert len(recipients) == 5 and closed.email not in recipients
    # A restricted edition: nobody signed out of its group hears about it.
    restriction = PageViewRestriction.objects.create(page=edition, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(organiser.groups.first())
    mail.outbox.clear()
    from participation.selection.emails import tell_everyone

    tell_everyone(Selection.objects.get(pk=selection.pk))
    assert mail.outbox == []
