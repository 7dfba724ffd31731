"""An edition's selection by lot, end to end: the organiser sets quotas (by hand or from a CSV),
checked at once; the background task computes the tickets; the seed's source is announced, the
seed typed, the panel drawn; the public transparency page and its bundle."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction

from participation.events.models import REFERENCE_ALPHABET, Registration
from participation.selection import bundle, services
from participation.selection.models import Selection
from tests.factories import (
    PROFILE_QUESTIONS, client_for, make_drawn_selection, make_edition, make_organiser, make_person, make_registration, make_session,
)  # fmt: skip

pytestmark = pytest.mark.django_db

AGES = ["18_29", "30_plus"]


@pytest.fixture
def edition(dialogue):
    return make_edition(dialogue, profile_questions=PROFILE_QUESTIONS, participants_preselected=True, total_places=6)


@pytest.fixture
def slots(edition):
    now = timezone.now()
    return [make_session(edition, title="Morning", starts_at=now + timedelta(days=7)), make_session(edition, title="Evening", starts_at=now + timedelta(days=8))]


@pytest.fixture
def registrants(slots):
    """20 people: half young; the first 12 in the morning, the others in the evening; the first
    person can attend both slots."""
    people = []
    for n in range(20):
        person = make_person(f"r{n}")
        slot = slots[0] if n < 12 else slots[1]
        people.append(make_registration(slot, person, answers={"age_band": AGES[n % 2]}))
    make_registration(slots[1], people[0].user, answers={"age_band": AGES[0]})
    return people


@pytest.fixture
def organiser(edition):
    return client_for(make_organiser(edition))


def admin_url(edition):
    return reverse("selection_admin_page", args=[edition.pk])


def quota_fields(edition, bounds, panel_size=6, **extra):
    """POST data for the quotas form: bounds {(category key, feature value): (min, max)}."""
    data = {"panel_size": panel_size, "algorithm": "leximin", "time_limit": 30, **extra}
    index = 0
    for category in services.categories(edition):
        for feature in category["features"]:
            low, high = bounds.get((category["key"], feature["value"]), ("", ""))
            data[f"min_{index}"], data[f"max_{index}"] = low, high
            index += 1
    return data


def slot_name(session):
    return services.profile(session.page, Registration(session=session, answers={}))["slot"]


def computed(edition, organiser, slots, django_capture_on_commit_callbacks):
    bounds = {("age_band", "18_29"): (3, 3), ("age_band", "30_plus"): (3, 3), ("slot", slot_name(slots[0])): (2, 4), ("slot", slot_name(slots[1])): (2, 4)}
    with django_capture_on_commit_callbacks(execute=True):
        response = organiser.post(admin_url(edition), quota_fields(edition, bounds, action="compute"))
    assert response.status_code == 302, response.content.decode()[:3000]
    return Selection.objects.get(page=edition)


def test_the_organiser_sees_each_feature_with_its_registrants(edition, registrants, organiser, slots):
    page = organiser.get(admin_url(edition)).content.decode()
    assert "20 people registered." in page
    categories = {category["key"]: {f["value"]: f["count"] for f in category["features"]} for category in services.categories(edition)}
    # The person registered for both slots counts once, in the earlier slot.
    assert categories == {"age_band": {"18_29": 10, "30_plus": 10}, "slot": {slot_name(slots[0]): 12, slot_name(slots[1]): 8}}
    assert "18 to 29" in page and slot_name(slots[1]) in page
    # Every number field is named for screen readers by its feature.
    assert '<label class="w-sr-only" for="id_min_0">Minimum for Your age “18 to 29”</label>' in page


def test_registrations_loaded_in_bulk_join_the_pool_with_a_reference_each(edition, slots):
    people = [make_person(f"bulk{n}") for n in range(3)]
    Registration.objects.bulk_create(
        Registration(session=slots[0], user=person, status=Registration.CONFIRMED, answers={"age_band": AGES[0]}) for person in people
    )
    pool = services.registrants(edition)
    assert len(pool) == 3 and "" not in pool
    assert set(Registration.objects.values_list("reference", flat=True)) == set(pool)


def test_the_selection_button_is_offered_to_the_page_organisers(edition, slots, organiser, editor_client):
    edit = reverse("wagtailadmin_pages:edit", args=[edition.pk])
    assert admin_url(edition) in organiser.get(edit).content.decode()
    assert admin_url(edition) in editor_client.get(edit).content.decode()


def test_quotas_that_cannot_hold_are_named_and_nothing_is_saved(edition, registrants, organiser, slots):
    bounds = {("age_band", "18_29"): (11, 12)}  # only 10 young people registered
    response = organiser.post(admin_url(edition), quota_fields(edition, bounds, panel_size=15, action="save"))
    page = response.content.decode()
    assert response.status_code == 400
    assert "age_band “18_29”: its minimum is 11 but the pool has 10 people with it." in page
    assert 'value="11"' in page  # the organiser's numbers are shown back
    assert not Selection.objects.exists()


def test_bad_numbers_and_infeasible_quotas_are_explained_in_the_organisers_language(edition, registrants):
    organiser = client_for(make_organiser(edition, "francophone", language="fr"))
    response = organiser.post(admin_url(edition), quota_fields(edition, {("age_band", "18_29"): (4, 2)}, action="save"))
    assert response.status_code == 400
    assert "Le maximum ne doit pas être inférieur au minimum." in response.content.decode()
    response = organiser.post(admin_url(edition), quota_fields(edition, {("age_band", "18_29"): (11, 12)}, panel_size=15, action="save"))
    assert "age_band « 18_29 » : son minimum est 11 mais le vivier compte 10 personnes qui l’ont." in response.content.decode()
    assert not Selection.objects.exists()


def test_quotas_that_conflict_only_together_name_the_conflicting_bounds(edition, slots, organiser):
    # Every young person is in the morning: "at least 3 young" and "at most 1 in the morning" cannot both hold.
    for n in range(8):
        make_registration(slots[n % 2], make_person(f"c{n}"), answers={"age_band": AGES[n % 2]})
    bounds = {("age_band", "18_29"): (3, 6), ("slot", slot_name(slots[0])): (0, 1)}
    page = organiser.post(admin_url(edition), quota_fields(edition, bounds, panel_size=4, action="save")).content.decode()
    assert "No panel of 4 meets these quotas together:" in page
    assert "age_band “18_29”: at least 3" in page and f"slot “{slot_name(slots[0])}”: at most 1" in page


def test_a_quotas_file_is_imported_and_checked(edition, registrants, organiser, slots):
    good = f"category,feature,min,max\nage_band,18_29,2,4\nage_band,30_plus,2,4\nslot,{slot_name(slots[0])},1,5\nslot,{slot_name(slots[1])},1,5\n"
    response = organiser.post(
        admin_url(edition), {"action": "import", "panel_size": 6, "file": SimpleUploadedFile("q.csv", good.encode(), "text/csv")}
    )
    assert response.status_code == 302
    assert Selection.objects.get().quotas[0] == {"category": "age_band", "feature": "18_29", "min": 2, "max": 4}


@pytest.mark.parametrize(
    "text, message",
    [
        ("category,feature,min,max\nincome,high,1,2\n", "“income” is not a category of this page"),
        ("category,feature,min,max\nage_band,60_plus,1,2\n", "“60_plus” is not a feature of age_band here"),
        ("category,feature,min,max\nage_band,18_29,1,2\nage_band,18_29,1,3\n", "line 3: age_band “18_29” is listed twice"),
        ("category,feature,min,max\nage_band,18_29,,2\n", "line 2: min and max must be whole numbers"),
        ("category,feature,min,max\nage_band,18_29,0,2\nage_band,30_plus,0,2\n", "The maximums of age_band add up to 4, fewer than the panel of 6."),
        ("category,feature,min,max\nage_band,18_29,0,6\n", "age_band “30_plus”: 10 registrants have it, but the quotas do not list it."),
    ],
)
def test_a_bad_quotas_file_is_refused_with_the_reason(edition, registrants, organiser, text, message):
    response = organiser.post(admin_url(edition), {"action": "import", "panel_size": 6, "file": SimpleUploadedFile("q.csv", text.encode())})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Selection.objects.exists()


def test_a_panel_larger_than_the_pool_is_refused(edition, registrants, organiser):
    response = organiser.post(admin_url(edition), quota_fields(edition, {("age_band", "18_29"): (0, 30)}, panel_size=30, action="save"))
    assert "The panel of 30 is larger than the pool of 20 people." in response.content.decode()


def test_people_who_do_not_organise_the_page_are_refused(edition, registrants, dialogue):
    other = make_edition(dialogue, title="Another edition")
    for client in (client_for(make_person("citizen")), client_for(make_organiser(other, "elsewhere"))):
        response = client.post(admin_url(edition), quota_fields(edition, {("age_band", "18_29"): (1, 3)}, action="save"))
        assert response.status_code in (302, 403)
    assert not Selection.objects.exists()


def test_the_task_computes_the_tickets_and_the_page_reports_how(edition, registrants, organiser, slots, django_capture_on_commit_callbacks):
    selection = computed(edition, organiser, slots, django_capture_on_commit_callbacks)
    assert selection.status == Selection.COMPUTED
    assert selection.algorithm_run == "leximin" and "LEXIMIN finished" in selection.algorithm_reason
    assert len(selection.results["tickets"]) == 1000 and selection.progress == 1.0
    probabilities = services.person_probabilities(selection)
    assert set(probabilities) == {r.reference for r in registrants}
    assert sum(probabilities.values()) == pytest.approx(6)
    admin = organiser.get(admin_url(edition)).content.decode()
    assert "Computed, waiting for the draw" in admin and "leximin" in admin
    # The quotas of a computed run no longer change.
    response = organiser.post(admin_url(edition), quota_fields(edition, {("age_band", "18_29"): (1, 5)}, action="save"))
    assert "its quotas no longer change" in response.content.decode()
    selection.refresh_from_db()
    assert selection.quotas[0]["min"] == 3


def test_a_failed_computation_keeps_nothing_and_says_why(edition, registrants, organiser, slots, monkeypatch, django_capture_on_commit_callbacks):
    def broken(*args, **kwargs):
        raise RuntimeError("solver crashed")

    monkeypatch.setattr("participation.selection.engine.find_distribution", broken)
    selection = computed(edition, organiser, slots, django_capture_on_commit_callbacks)
    assert selection.status == Selection.FAILED and selection.results == {}
    assert "The computation stopped with an error" in organiser.get(admin_url(edition)).content.decode()


def test_the_page_refreshes_itself_while_the_task_runs(edition, registrants, organiser, slots):
    Selection.objects.create(page=edition, panel_size=6, status=Selection.RUNNING, progress=0.4, progress_message="LEXIMIN level 2 — about 3 s left")
    page = organiser.get(admin_url(edition)).content.decode()
    assert '<meta http-equiv="refresh"' in page and "about 3 s left" in page and 'value="0.4' in page


def test_the_draw_needs_a_source_announced_before_and_happens_once(edition, registrants, organiser, slots, django_capture_on_commit_callbacks):
    selection = computed(edition, organiser, slots, django_capture_on_commit_callbacks)
    response = organiser.post(admin_url(edition), {"action": "draw", "seed": "4 8 15 16 23 42"})
    assert "Announce where the seed will come from before the draw" in response.content.decode()
    assert not Registration.objects.exclude(selected_at=None).exists()
    organiser.post(admin_url(edition), {"action": "announce", "seed_source": "Lotto of 14 March, six numbers in order"})
    # The source is fixed once announced.
    response = organiser.post(admin_url(edition), {"action": "announce", "seed_source": "Something else"})
    assert "already announced" in response.content.decode()
    assert organiser.post(admin_url(edition), {"action": "draw", "seed": "4 8 15 16 23 42"}).status_code == 302
    selection.refresh_from_db()
    assert selection.status == Selection.DRAWN and selection.seed == "4 8 15 16 23 42"
    panel = selection.results["panel"]
    assert len(panel) == 6 and len(selection.results["reserve"]) == 14
    selected = Registration.objects.exclude(selected_at=None)
    assert sorted(selected.values_list("reference", flat=True)) == sorted(panel)
    # Every quota holds on the drawn panel, checked without the solver.
    assert services.check.check_panel(services.instance_of(selection), panel) == []
    # A second draw is refused and changes nothing.
    response = organiser.post(admin_url(edition), {"action": "draw", "seed": "another seed"})
    assert "already drawn" in response.content.decode()
    selection.refresh_from_db()
    assert selection.seed == "4 8 15 16 23 42" and selection.results["panel"] == panel


def test_starting_over_keeps_both_runs_published(edition, registrants, organiser, slots, django_capture_on_commit_callbacks):
    computed(edition, organiser, slots, django_capture_on_commit_callbacks)
    organiser.post(admin_url(edition), {"action": "announce", "seed_source": "Lotto of 14 March"})
    organiser.post(admin_url(edition), {"action": "draw", "seed": "1 2 3"})
    assert organiser.post(admin_url(edition), {"action": "start_over"}).status_code == 302
    second = Selection.objects.get(page=edition, run=2)
    assert second.status == Selection.DRAFT and second.quotas == Selection.objects.get(run=1).quotas
    with django_capture_on_commit_callbacks(execute=True):
        organiser.post(admin_url(edition), quota_fields(edition, {("age_band", "18_29"): (2, 4)}, action="compute"))
    organiser.post(admin_url(edition), {"action": "announce", "seed_source": "Lotto of 21 March"})
    organiser.post(admin_url(edition), {"action": "draw", "seed": "7 8 9"})
    second.refresh_from_db()
    assert second.is_drawn
    # Only the latest draw's panel is selected now.
    assert sorted(Registration.objects.exclude(selected_at=None).values_list("reference", flat=True)) == sorted(second.results["panel"])
    page = Client().get(reverse("selection:transparency", args=[edition.pk])).content.decode()
    assert "Lotto of 14 March" in page and "Lotto of 21 March" in page and "Run 1" in page and "Run 2" in page


def test_the_transparency_page_publishes_everything_but_names(edition, registrants, organiser, slots, django_capture_on_commit_callbacks):
    selection = computed(edition, organiser, slots, django_capture_on_commit_callbacks)
    url = reverse("selection:transparency", args=[edition.pk])
    before = Client().get(url).content.decode()
    assert "LEXIMIN" in before and "Not announced yet." in before and "0–" in before  # the tickets, before the draw
    organiser.post(admin_url(edition), {"action": "announce", "seed_source": "Lotto of 14 March"})
    organiser.post(admin_url(edition), {"action": "draw", "seed": "4 8 15 16 23 42"})
    selection.refresh_from_db()
    page = Client().get(url).content.decode()
    for text in ("Lotto of 14 March", "4 8 15 16 23 42", "highspy", "Gini"):
        assert text in page
    for registration in registrants:
        assert registration.reference in page
        assert registration.user.email not in page and registration.user.participant.nickname not in page
    mine = registrants[3].reference
    found = Client().get(url, {"reference": mine.lower()}).content.decode()
    probability = services.person_probabilities(selection)[mine]
    assert f"{mine}</bdi>: probability {probability:.4f}" in found


def test_the_edition_page_links_to_the_transparency_page(edition, slots):
    assert reverse("selection:transparency", args=[edition.pk]) in Client().get(edition.url).content.decode()


def test_the_bundle_downloaded_from_the_page_verifies(edition, registrants, organiser, slots, tmp_path, django_capture_on_commit_callbacks):
    computed(edition, organiser, slots, django_capture_on_commit_callbacks)
    organiser.post(admin_url(edition), {"action": "announce", "seed_source": "Lotto of 14 March"})
    organiser.post(admin_url(edition), {"action": "draw", "seed": "4 8 15 16 23 42"})
    page = Client().get(reverse("selection:transparency", args=[edition.pk])).content.decode()
    url = reverse("selection:bundle", args=[edition.pk, 1])
    assert url in page
    response = Client().get(url)
    assert response["Content-Type"] == "application/zip"
    archive = tmp_path / "bundle.zip"
    archive.write_bytes(response.content)
    assert bundle.verify(archive) == []
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert "verify_standalone.py" in names and "people.csv" in names
    people = zipfile.ZipFile(archive).read("people.csv").decode()
    assert registrants[0].user.email not in people and registrants[0].reference in people


@pytest.mark.parametrize("restriction", ["unpublished", "login", "password"])
def test_the_transparency_page_follows_the_editions_visibility(edition, restriction, dialogue):
    make_drawn_selection_on(edition)
    url = reverse("selection:transparency", args=[edition.pk])
    bundle_url = reverse("selection:bundle", args=[edition.pk, 1])
    assert Client().get(url).status_code == 200
    if restriction == "unpublished":
        edition.unpublish()
    elif restriction == "login":
        PageViewRestriction.objects.create(page=edition, restriction_type=PageViewRestriction.LOGIN)
    else:
        PageViewRestriction.objects.create(page=edition, restriction_type=PageViewRestriction.PASSWORD, password="sesame")
    assert Client().get(url).status_code == 404
    assert Client().get(bundle_url).status_code == 404
    signed_in = client_for(make_person("reader"))
    assert signed_in.get(url).status_code == (200 if restriction == "login" else 404)


def make_drawn_selection_on(edition, size=10):
    people = {f"R{n:04d}": (AGES[n % 2],) for n in range(size)}
    return make_drawn_selection(edition, [("age_band", "18_29", 2, 3), ("age_band", "30_plus", 2, 3)], people, 5)


def test_the_probability_table_reads_a_fixed_number_of_queries(edition, django_assert_num_queries):
    url = reverse("selection:transparency", args=[edition.pk])
    make_drawn_selection_on(edition, 10)
    client = Client()
    client.get(url)  # the visibility state, read once per process
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    Selection.objects.all().delete()
    make_drawn_selection_on(edition, 400)
    with django_assert_num_queries(len(small)):
        response = client.get(url)
    assert "R0399" in response.content.decode()


def test_each_person_has_one_random_reference_per_edition_shown_to_them(edition, slots, dialogue, mailoutbox):
    person = make_person("ref")
    client = client_for(person)
    response = client.post(reverse("events:register", args=[edition.pk]), {"sessions": [s.pk for s in slots], "consent": "on", "q_age_band": "18_29"})
    assert response.status_code == 302
    references = set(Registration.objects.filter(user=person).values_list("reference", flat=True))
    assert len(references) == 1
    (reference,) = references
    # 8 characters of Crockford's base 32 (no I, L, O, U to misread), drawn at random.
    assert len(reference) == 8 and set(reference) <= set(REFERENCE_ALPHABET)
    other = make_edition(dialogue, title="Another edition", participants_preselected=True)
    elsewhere = make_registration(make_session(other), person)
    assert elsewhere.reference != reference  # one per edition
    assert reference in mailoutbox[-1].body
    assert reference in client.get(reverse("events:mine")).content.decode()


@pytest.mark.parametrize("language", ["fr", "es", "uk", "ar"])
def test_the_transparency_page_speaks_the_visitors_language(edition, language):
    selection = make_drawn_selection_on(edition)
    response = Client().get(f"/{language}/selections/{edition.pk}/")
    page = response.content.decode()
    assert response.status_code == 200
    with translation.override(language):
        assert translation.gettext("Everyone's probability") in page
        assert translation.gettext("Everyone's probability") != "Everyone's probability"
        reason = selection.reason()  # why LEXIMIN ran, said again in the reader's language
    assert reason in page.replace("&#x27;", "'") and "LEXIMIN finished" not in reason
    assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}">' in page
    assert "<bdi>4 8 15 16 23 42</bdi>" in page  # the seed keeps its own direction
