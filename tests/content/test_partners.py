"""Partners run their country edition: a group per edition that edits and publishes that page
only, sees its sessions and registrations, exports them and messages the registrants, and
nothing of other editions."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.models import GroupPagePermission

from content.partners import partner_group
from participation.events import services
from tests.factories import PROFILE_QUESTIONS, client_for, make_edition, make_person, make_session

pytestmark = pytest.mark.django_db

SESSIONS = reverse("wagtailsnippets_participation_events_session:list")


@pytest.fixture
def editions(dialogue):
    """Ukraine (A) and Kenya (B), each with a slot and a registration."""
    ukraine = make_edition(dialogue, profile_questions=PROFILE_QUESTIONS)
    kenya = make_edition(dialogue, title="Citizens' Dialogue in Kenya", country="KE", time_zone="Africa/Nairobi")
    for page, label in ((ukraine, "Kyiv slot"), (kenya, "Nairobi slot")):
        services.register(make_person("citizen"), make_session(page, title=label), answers={"age_band": "18_29", "region": "Lviv"})
    return ukraine, kenya


def partner_of(edition):
    user = make_person("partner")
    user.groups.add(partner_group(edition))
    return get_user_model().objects.get(pk=user.pk)


def test_each_new_edition_gets_its_partner_group(editions):
    ukraine, kenya = editions
    group = Group.objects.get(name="Partners — Citizens' Dialogue in Ukraine")
    assert partner_group(ukraine) == group and partner_group(kenya).name == "Partners — Citizens' Dialogue in Kenya"
    assert {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()} == {
        "wagtailadmin.access_admin", "participation_events.view_session", "participation_events.view_registration",
    }  # fmt: skip
    rights = {(permission.page_id, permission.permission.codename) for permission in GroupPagePermission.objects.filter(group=group)}
    assert rights == {(ukraine.pk, "change_page"), (ukraine.pk, "publish_page")}


def test_a_translation_of_the_edition_joins_the_group(editions, locales):
    ukraine, _kenya = editions
    ukrainian = ukraine.copy_for_translation(locales["uk"], copy_parents=True)
    assert partner_group(ukrainian) == partner_group(ukraine)
    assert GroupPagePermission.objects.filter(group=partner_group(ukraine), page=ukrainian, permission__codename="change_page").exists()
    assert Group.objects.filter(name__startswith="Partners — ").count() == 2


def test_two_editions_with_one_title_get_two_groups(editions, dialogue):
    ukraine, _kenya = editions
    again = make_edition(dialogue, slug="ukraine-again")
    assert partner_group(again) != partner_group(ukraine)
    assert partner_group(again).name == f"Partners — Citizens' Dialogue in Ukraine ({again.pk})"


def test_partners_edit_their_edition_only(editions, dialogue):
    ukraine, kenya = editions
    client = client_for(partner_of(ukraine))
    assert client.get(reverse("wagtailadmin_pages:edit", args=[ukraine.pk])).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[kenya.pk])).status_code == 302  # Wagtail's refusal
    assert client.get(reverse("wagtailadmin_pages:edit", args=[dialogue.pk])).status_code == 302


def test_partners_see_export_and_message_their_edition_only(editions):
    ukraine, kenya = editions
    client = client_for(partner_of(ukraine))
    sessions = client.get(SESSIONS).content.decode()
    assert "Kyiv slot" in sessions and "Nairobi slot" not in sessions
    response = client.get(reverse("events_organiser_export", args=[ukraine.pk]))
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert [(row["age_band"], row["region"]) for row in rows] == [("18_29", "Lviv")]  # one column per profile question
    assert "email" not in rows[0]
    assert client.get(reverse("events_organiser_export", args=[kenya.pk])).status_code == 403
    message = {"subject": "Your slot", "body": "See you on Zoom.", "who": "confirmed"}
    assert client.post(reverse("events_organiser_message", args=[kenya.pk]), message).status_code == 403
    assert mail.outbox == []
    assert client.post(reverse("events_organiser_message", args=[ukraine.pk]), message).status_code == 302
    assert len(mail.outbox) == 1
