"""Organisers split a session into diverse focus groups and name facilitators; a facilitator sees
their group's nicknames, marks who came and moves people until the session starts."""

import random
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from participation.focusgroups import diversity, services
from participation.focusgroups.models import FocusGroup, Member
from tests.factories import PROFILE_QUESTIONS, client_for, make_edition, make_focus_group, make_person, make_registration, make_session

pytestmark = pytest.mark.django_db

AGES = ["18_29", "30_plus"]


@pytest.fixture
def edition(dialogue):
    return make_edition(dialogue, profile_questions=PROFILE_QUESTIONS)


@pytest.fixture
def session(edition):
    return make_session(edition, time_zone="Europe/Kyiv")


def register_many(session, count, start=0):
    """`count` confirmed participants, ages in blocks (the first half young), as people arrive."""
    return [
        make_registration(session, make_person(f"p{start + n}"), answers={"age_band": AGES[(start + n) * 2 // (start + count) if start + count else 0]})
        for n in range(count)
    ]


def organiser_post(client, edition, **data):
    return client.post(reverse("focusgroups_admin_page", args=[edition.pk]), data)


def test_group_sizes_differ_by_one_at_most():
    assert diversity.group_sizes(17, 8) == [6, 6, 5]
    assert diversity.group_sizes(16, 8) == [8, 8]
    assert diversity.group_sizes(7, 8) == [7]
    assert diversity.group_sizes(0, 8) == []


def test_the_split_mixes_profiles_far_better_than_arrival_order():
    rng = random.Random(3)
    values = {"gender": "wmx", "age": "abcd", "region": "nsewc"}
    # people arrive in clusters: all of one region, then the next...
    profiles = sorted(({key: rng.choice(options) for key, options in values.items()} for _ in range(96)), key=lambda p: (p["region"], p["age"]))
    keys = list(values)
    groups = diversity.split(profiles, 8, keys)
    assert sorted(index for group in groups for index in group) == list(range(96))
    assert [len(group) for group in groups] == [8] * 12
    mixed, _worst = diversity.measure([[profiles[i] for i in group] for group in groups], keys)
    chunks, _worst = diversity.measure([profiles[i : i + 8] for i in range(0, 96, 8)], keys)
    assert mixed < chunks / 2
    assert diversity.split(profiles, 8, keys) == groups  # the same people give the same groups


def test_an_organiser_splits_a_session_into_mixed_groups(editor_client, edition, session):
    register_many(session, 16)
    make_registration(session, make_person("waiting"), status="waitlisted", answers={"age_band": "18_29"})
    response = organiser_post(editor_client, edition, session=session.pk, action="split", size=8)
    assert response.status_code == 302
    groups = list(FocusGroup.objects.filter(session=session).order_by("number"))
    assert len(groups) == 2
    for group in groups:
        ages = sorted(member.registration.answers["age_band"] for member in group.members.select_related("registration"))
        assert ages == ["18_29"] * 4 + ["30_plus"] * 4  # each group mirrors the session: half young
    assert not Member.objects.filter(registration__status="waitlisted").exists()
    page = editor_client.get(reverse("focusgroups_admin_page", args=[edition.pk]))
    assert "Mix distance: 0% on average, 0% at most." in page.content.decode()


def test_in_a_preselected_edition_only_selected_people_are_grouped(dialogue):
    edition = make_edition(dialogue, title="Selected", participants_preselected=True, profile_questions=PROFILE_QUESTIONS)
    session = make_session(edition)
    chosen = [make_registration(session, make_person("chosen"), selected_at=timezone.now()) for _ in range(3)]
    make_registration(session, make_person("not-chosen"))
    services.split_session(session, 8)
    assert {member.registration_id for member in Member.objects.all()} == {registration.pk for registration in chosen}


def test_splitting_again_keeps_each_numbers_facilitator_and_is_refused_once_started(session):
    register_many(session, 16)
    services.split_session(session, 8)
    facilitator = make_person("facilitator")
    services.set_facilitator(FocusGroup.objects.get(session=session, number=2), facilitator)
    services.split_session(session, 8)
    assert FocusGroup.objects.get(session=session, number=2).facilitator == facilitator
    session.starts_at = timezone.now() - timedelta(minutes=1)
    session.save()
    with pytest.raises(services.FocusGroupError) as error:
        services.split_session(session, 8)
    assert error.value.message == "The session has started: groups no longer change."


def test_the_facilitator_is_named_by_nickname_or_email(editor_client, edition, session):
    register_many(session, 4)
    services.split_session(session, 8)
    group = FocusGroup.objects.get(session=session)
    facilitator = make_person("anna", nickname="Anna K")
    organiser_post(editor_client, edition, session=session.pk, group=group.pk, action="facilitator", person="anna k")
    group.refresh_from_db()
    assert group.facilitator == facilitator
    response = organiser_post(editor_client, edition, session=session.pk, group=group.pk, action="facilitator", person="nobody@example.org")
    assert "Nobody has this nickname or email address." in editor_client.get(response["Location"]).content.decode()
    group.refresh_from_db()
    assert group.facilitator == facilitator  # nothing changed


def test_only_organisers_reach_the_groups_and_the_rosters(edition, session):
    citizen = client_for(make_person("citizen"))
    assert citizen.get(reverse("focusgroups_admin_page", args=[edition.pk])).status_code in (302, 403)
    assert citizen.get(reverse("focusgroups_admin_rosters", args=[edition.pk])).status_code in (302, 403)
    assert organiser_post(citizen, edition, session=session.pk, action="split", size=8).status_code in (302, 403)
    assert not FocusGroup.objects.exists()


def test_rosters_give_nicknames_and_attendance_never_other_personal_data(editor_client, edition, session):
    registrations = register_many(session, 2) + [make_registration(session, make_person("olena", full_name="Olena Petrenko"), answers={"age_band": "18_29"})]
    group = make_focus_group(session, make_person("fac", nickname="Facilitator F"), registrations)
    Member.objects.filter(registration=registrations[0]).update(attended=True)
    body = b"".join(editor_client.get(reverse("focusgroups_admin_rosters", args=[edition.pk])).streaming_content).decode("utf-8-sig")
    lines = body.strip().splitlines()
    assert lines[0] == "session,group,facilitator,participant,attended"
    assert len(lines) == 4 and all(",1,Facilitator F," in line for line in lines[1:])
    assert registrations[0].user.participant.nickname in body and "yes" in body
    assert "@" not in body and "18_29" not in body and "Olena Petrenko" not in body
    assert group.number == 1


def facilitated(session, count=3):
    facilitator = make_person("facilitator")
    registrations = register_many(session, count)
    group = make_focus_group(session, facilitator, registrations)
    return facilitator, group, registrations


def test_a_facilitator_sees_the_group_and_marks_who_came(session):
    facilitator, group, registrations = facilitated(session)
    client = client_for(facilitator)
    mine = client.get(reverse("focusgroups:mine"))
    assert reverse("focusgroups:group", args=[group.pk]) in mine.content.decode()
    page = BeautifulSoup(client.get(reverse("focusgroups:group", args=[group.pk])).content, "html.parser")
    names = [label.get_text() for label in page.select(".focus-group__roster label")]
    assert sorted(names) == sorted(r.user.participant.nickname for r in registrations)
    assert "@" not in page.get_text()
    members = list(group.members.order_by("pk"))
    client.post(reverse("focusgroups:group", args=[group.pk]), {"action": "attendance", "present": [members[0].pk, members[2].pk]})
    assert [m.attended for m in group.members.order_by("pk")] == [True, False, True]


def test_someone_else_cannot_see_or_change_a_group(session):
    _facilitator, group, _registrations = facilitated(session)
    stranger = client_for(make_person("stranger"))
    assert stranger.get(reverse("focusgroups:group", args=[group.pk])).status_code == 404
    assert stranger.post(reverse("focusgroups:group", args=[group.pk]), {"action": "attendance", "present": []}).status_code == 404
    assert not Member.objects.filter(attended=False).exists()


def test_moves_happen_before_the_session_starts_within_the_session(session, edition):
    facilitator, group, _registrations = facilitated(session)
    other = make_focus_group(session)
    elsewhere = make_focus_group(make_session(edition))
    client = client_for(facilitator)
    member = group.members.first()
    response = client.post(reverse("focusgroups:group", args=[group.pk]), {"action": "move", "member": member.pk, "to": elsewhere.pk})
    assert response.status_code == 400
    client.post(reverse("focusgroups:group", args=[group.pk]), {"action": "move", "member": member.pk, "to": other.pk})
    member.refresh_from_db()
    assert member.group == other
    session.starts_at = timezone.now() - timedelta(minutes=5)
    session.save()
    second = group.members.first()
    refusal = client.post(reverse("focusgroups:group", args=[group.pk]), {"action": "move", "member": second.pk, "to": other.pk})
    assert refusal.status_code == 403 and "The session has started: groups no longer change." in refusal.content.decode()
    second.refresh_from_db()
    assert second.group == group


@pytest.mark.parametrize("kind", ["unpublished", "group", "password"])
def test_a_group_of_a_page_the_facilitator_may_not_see_does_not_exist(dialogue, session, kind):
    facilitator, group, _registrations = facilitated(session)
    if kind == "unpublished":
        dialogue.unpublish()
    elif kind == "group":
        PageViewRestriction.objects.create(page=dialogue, restriction_type=PageViewRestriction.GROUPS).groups.add(Group.objects.create(name="Invited"))
    else:
        PageViewRestriction.objects.create(page=dialogue, restriction_type=PageViewRestriction.PASSWORD, password="open sesame")
    client = client_for(facilitator)
    assert client.get(reverse("focusgroups:group", args=[group.pk])).status_code == 404
    assert reverse("focusgroups:group", args=[group.pk]) not in client.get(reverse("focusgroups:mine")).content.decode()
    assert client.post(reverse("focusgroups:group", args=[group.pk]), {"action": "attendance", "present": []}).status_code == 404


def test_the_organisers_page_and_the_facilitators_page_read_a_fixed_number_of_queries(editor_client, edition, session):
    facilitator, group, _registrations = facilitated(session, 2)
    client = client_for(facilitator)
    admin_url, group_url = reverse("focusgroups_admin_page", args=[edition.pk]), reverse("focusgroups:group", args=[group.pk])
    editor_client.get(admin_url), client.get(group_url)
    with CaptureQueriesContext(connection) as few_admin, CaptureQueriesContext(connection) as _unused:
        editor_client.get(admin_url)
    with CaptureQueriesContext(connection) as few_group:
        client.get(group_url)
    Member.objects.bulk_create(Member(group=group, registration=registration) for registration in register_many(session, 10, start=2))
    make_focus_group(session, make_person("second"), register_many(session, 5, start=12))
    with CaptureQueriesContext(connection) as many_admin:
        editor_client.get(admin_url)
    with CaptureQueriesContext(connection) as many_group:
        client.get(group_url)
    assert len(many_admin) == len(few_admin)
    assert len(many_group) == len(few_group)
