"""Organisers in the admin: a partner sees, exports and messages the registrations of the pages
they may edit, and nothing of other pages; editors do all of it everywhere."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import GroupPagePermission

from participation.events import services
from participation.events.models import Registration
from tests.factories import client_for, make_person, make_session

pytestmark = pytest.mark.django_db

SESSIONS = reverse("wagtailsnippets_participation_events_session:list")
REGISTRATIONS = reverse("wagtailsnippets_participation_events_registration:list")


def permissions(*names):
    return [Permission.objects.get(content_type__app_label=name.split(".")[0], codename=name.split(".")[1]) for name in names]


def organiser_of(page, name="partner"):
    """Someone in a group that may edit `page` and see gatherings' sessions and registrations."""
    group = Group.objects.create(name=f"Organisers of {page.pk}")
    group.permissions.add(*permissions("wagtailadmin.access_admin", "participation_events.view_session", "participation_events.view_registration"))
    GroupPagePermission.objects.create(group=group, page=page, permission=Permission.objects.get(codename="change_page"))
    user = make_person(name)
    user.groups.add(group)
    return get_user_model().objects.get(pk=user.pk)


@pytest.fixture
def pages(topic):
    """Two gatherings: A (the topic) and B (its sibling), each with a session and registrations."""
    other = topic.get_next_sibling().specific
    result = {}
    for name, page in (("A", topic), ("B", other)):
        session = make_session(page, title=f"Slot {name}", capacity=1)
        confirmed = make_person(f"first{name}", full_name=f"First of {name}", language="fr")
        waiting = make_person(f"second{name}", full_name=f"Second of {name}")
        services.register(confirmed, session, answers={"region": "north"})
        services.register(waiting, session)
        result[name] = {"page": page, "session": session, "confirmed": confirmed, "waiting": waiting}
    return result


def export(client, page):
    response = client.get(reverse("events_organiser_export", args=[page.pk]))
    if response.status_code != 200:
        return response.status_code, None
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return 200, list(csv.DictReader(io.StringIO(text)))


def test_a_partner_lists_only_their_sessions_and_registrations(pages):
    client = client_for(organiser_of(pages["A"]["page"]))
    sessions = client.get(SESSIONS).content.decode()
    assert "Slot A" in sessions and "Slot B" not in sessions
    registrations = client.get(REGISTRATIONS).content.decode()
    assert pages["A"]["confirmed"].participant.nickname in registrations
    assert pages["B"]["confirmed"].participant.nickname not in registrations
    assert pages["A"]["confirmed"].email not in registrations  # people by their public name only
    inspect = "wagtailsnippets_participation_events_registration:inspect"
    mine = Registration.objects.get(user=pages["A"]["confirmed"])
    theirs = Registration.objects.get(user=pages["B"]["confirmed"])
    shown = client.get(reverse(inspect, args=[mine.pk])).content.decode()
    assert pages["A"]["confirmed"].participant.nickname in shown and pages["A"]["confirmed"].email not in shown
    assert client.get(reverse(inspect, args=[theirs.pk])).status_code == 403
    listing = client.get(reverse("events_organiser_pages")).content.decode()
    assert pages["A"]["page"].title in listing and pages["B"]["page"].title not in listing


def test_page_permission_on_a_translation_is_enough(pages, locales):
    french = pages["A"]["page"].get_translation(locales["fr"])
    client = client_for(organiser_of(french))
    assert "Slot A" in client.get(SESSIONS).content.decode()
    status, rows = export(client, pages["A"]["page"])
    assert status == 200 and len(rows) == 2
    assert export(client, french)[0] == 200  # the French page's id leads to the same sessions


def test_a_partner_exports_their_registrations_without_names_or_addresses(pages):
    client = client_for(organiser_of(pages["A"]["page"]))
    status, rows = export(client, pages["A"]["page"])
    assert status == 200
    assert list(rows[0]) == ["reference", "session", "status", "registered_at", "moved_up_at", "selected_at", "consent_at"]
    assert [(row["status"], row["reference"]) for row in rows] == [
        ("Confirmed", Registration.objects.get(user=pages["A"]["confirmed"]).reference),
        ("On the waiting list", Registration.objects.get(user=pages["A"]["waiting"]).reference),
    ]
    assert rows[0]["session"].startswith("Slot A · ") and rows[0]["consent_at"]
    assert export(client, pages["B"]["page"]) == (403, None)
    assert client.get(reverse("events_organiser_export", args=[999999])).status_code == 403


def test_people_who_may_see_participants_get_names_and_addresses(pages):
    superuser = make_person("boss", is_superuser=True, is_staff=True)
    status, rows = export(client_for(superuser), pages["B"]["page"])
    assert status == 200
    assert (rows[0]["name"], rows[0]["email"]) == ("First of B", pages["B"]["confirmed"].email)


def test_a_partner_messages_their_confirmed_registrants(pages):
    client = client_for(organiser_of(pages["A"]["page"]))
    url = reverse("events_organiser_message", args=[pages["A"]["page"].pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"subject": "Zoom link tomorrow", "body": "See you at 10:00 Kyiv time.", "who": "confirmed", "session": ""})
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [[pages["A"]["confirmed"].email]]
    message = mail.outbox[0]
    assert message.subject == "Zoom link tomorrow"
    assert "See you at 10:00 Kyiv time." in message.body
    assert "parce que vous vous y êtes inscrit" in message.body  # why, in the person's language


def test_everyone_or_the_waiting_list_of_one_session(pages):
    page = pages["A"]["page"]
    second = make_session(page, title="Slot A2")
    services.register(pages["A"]["confirmed"], second)  # the same person in two sessions: one email
    client = client_for(organiser_of(page))
    url = reverse("events_organiser_message", args=[page.pk])
    client.post(url, {"subject": "Hello", "body": "Welcome", "who": "all", "session": ""})
    assert sorted(m.to[0] for m in mail.outbox) == sorted([pages["A"]["confirmed"].email, pages["A"]["waiting"].email])
    mail.outbox.clear()
    client.post(url, {"subject": "Hello", "body": "Still waiting", "who": "waiting", "session": pages["A"]["session"].pk})
    assert [m.to for m in mail.outbox] == [[pages["A"]["waiting"].email]]


def test_a_partner_cannot_message_another_page(pages):
    client = client_for(organiser_of(pages["A"]["page"]))
    url = reverse("events_organiser_message", args=[pages["B"]["page"].pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"subject": "Spam", "body": "Spam", "who": "all"}).status_code == 403
    # Nor through a session of another page on their own page's form.
    own = reverse("events_organiser_message", args=[pages["A"]["page"].pk])
    response = client.post(own, {"subject": "Spam", "body": "Spam", "who": "all", "session": pages["B"]["session"].pk})
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert mail.outbox == []


def test_bad_input_is_shown_back_with_the_reason(pages):
    organiser = organiser_of(pages["A"]["page"])
    organiser.participant.language = "fr"  # the admin speaks the person's own language
    organiser.participant.save()
    client = client_for(organiser)
    url = reverse("events_organiser_message", args=[pages["A"]["page"].pk])
    response = client.post(url, {"subject": "", "body": "My careful words", "who": "nobody"})
    text = response.content.decode()
    assert response.status_code == 200 and "My careful words" in text
    assert "Champ requis." in text and "Sélectionnez un choix valide" in text
    assert mail.outbox == []


def test_editors_see_export_and_message_every_page(editor_client, pages):
    editor_client.get(SESSIONS)
    sessions = editor_client.get(SESSIONS).content.decode()
    assert "Slot A" in sessions and "Slot B" in sessions
    assert export(editor_client, pages["B"]["page"])[0] == 200
    url = reverse("events_organiser_message", args=[pages["B"]["page"].pk])
    assert editor_client.post(url, {"subject": "Hi", "body": "Hello", "who": "confirmed"}).status_code == 302
    assert [m.to for m in mail.outbox] == [[pages["B"]["confirmed"].email]]


def test_the_admin_menu_leads_organisers_to_their_pages(pages, translator_client):
    menu_link = reverse("events_organiser_pages")
    assert menu_link in client_for(organiser_of(pages["A"]["page"])).get(reverse("wagtailadmin_home")).content.decode()
    assert menu_link not in translator_client.get(reverse("wagtailadmin_home")).content.decode()


def test_people_without_registration_rights_have_none_of_it(pages, translator_client):
    # Translators may edit pages of their locale but see no gatherings.
    assert translator_client.get(reverse("events_organiser_pages")).status_code in (302, 403)
    assert export(translator_client, pages["A"]["page"])[0] in (302, 403)
    assert translator_client.get(reverse("events_organiser_message", args=[pages["A"]["page"].pk])).status_code in (302, 403)


@pytest.mark.parametrize("listing", ["export", "pages"])
def test_query_count_does_not_grow(pages, listing):
    page = pages["A"]["page"]
    client = client_for(organiser_of(page))
    url = reverse("events_organiser_export", args=[page.pk]) if listing == "export" else reverse("events_organiser_pages")
    counts = []
    for size in (3, 30):
        for _n in range(size - Registration.objects.filter(session__page=page).count()):
            services.register(make_person("many"), pages["A"]["session"])
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
            assert b"".join(response.streaming_content) if response.streaming else response.content
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_page_editor_offers_the_export_and_the_message_to_organisers(pages, editor_client):
    page = pages["A"]["page"]
    export_url = reverse("events_organiser_export", args=[page.pk])
    for client in (client_for(organiser_of(page)), editor_client):
        assert export_url in client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    without_sessions = page.get_parent()
    assert "registrations.csv" not in editor_client.get(reverse("wagtailadmin_pages:edit", args=[without_sessions.pk])).content.decode()
