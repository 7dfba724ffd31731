"""The results page: published results only, to those who may see the dialogue; no breakdown of
fewer than five people; filters; charts readable right to left with their data tables; free text
only once moderated; a fixed number of queries; never stale in the page cache."""

import re
from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser, Group
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from participation.questionnaires import charts
from participation.questionnaires.models import Answer, Question
from tests.conftest import login
from tests.factories import add_responses, answers_for, client_for, make_person, make_results_page, translate_page

pytestmark = pytest.mark.django_db

DAY = date(2026, 11, 28)


def publish(questionnaire, published=True):
    questionnaire.results_published = published
    questionnaire.save()


@pytest.fixture
def answered(questionnaire):
    """France 20, Kenya 12, Mexico 8, Ukraine 4: Ukraine is left out, and Mexico with it (the
    total minus France and Kenya would give Ukraine's 4 away)."""
    add_responses(questionnaire, answers_for(questionnaire, "Health", ["Privacy"], ["Laws", "Research"], {"Governments": 2}, 7, 34), 20, "FR", "fr", DAY)
    add_responses(questionnaire, answers_for(questionnaire, "Climate", ["Access"], ["Research", "Laws"], {"Companies": 5}, 3, 50), 12, "KE", "en", DAY)
    add_responses(questionnaire, answers_for(questionnaire, "Climate", scale=9), 8, "MX", "es", date(2026, 11, 29))
    add_responses(questionnaire, answers_for(questionnaire, "Health", ["Privacy"], ["Laws", "Research"], {"Governments": 2}, 7, 34), 4, "UA", "uk", date(2026, 11, 29))
    return questionnaire


@pytest.fixture
def page(dialogue, answered):
    publish(answered)
    return make_results_page(dialogue, answered)


def results_section(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one(".questionnaire-results")


def cells(section):
    return [cell.get_text(strip=True) for cell in section.select("table td")]


def test_the_results_show_only_once_published(dialogue, answered):
    page = make_results_page(dialogue, answered)
    body = Client().get(page.url).content.decode()
    assert "The results of this questionnaire are not published yet." in body
    assert "results-figure" not in body and "results-table" not in body
    publish(answered)
    section = results_section(Client().get(page.url))
    assert section.select("svg[role=img]") and section.select("table.results-table")
    assert "44 respondents" in section.get_text(" ", strip=True).replace("\xa0", " ")
    links = {a["href"] for a in section.select("a[href$='.csv']")}
    assert links == {f"/en/open-data/questionnaires/{answered.pk}/responses.csv", f"/en/open-data/questionnaires/{answered.pk}/aggregates.csv"}


def test_a_country_of_four_never_appears_nor_its_number(page):
    section = results_section(Client().get(page.url))
    text = section.get_text(" ", strip=True)
    assert "France" in text and "Kenya" in text
    assert "Ukraine" not in text and "Mexico" not in text  # Mexico left out so Ukraine cannot be worked out
    assert "(and 2 countries not shown separately)" in text
    # Not offered as filters either: Mexico alone would give Ukraine away by difference.
    assert not section.select('input[value="UA"]') and not section.select('input[value="MX"]')
    assert "4" not in cells(section)


def test_the_data_tables_hold_the_numbers_of_the_charts(page, answered):
    section = results_section(Client().get(page.url))
    single = section.select_one(f"#results-question-{answered.asks[Question.SINGLE].translation_key}")
    overall, summary, by_country = single.select("table")
    rows = {row.th.get_text(strip=True): [td.get_text(strip=True) for td in row.select("td")] for row in overall.select("tbody tr")}
    assert rows["Health"] == ["24", "54.5%"] and rows["Climate"] == ["20", "45.5%"] and rows["Other"] == ["0", "0%"]
    # The global count still includes everyone; what is left out is who said what where.
    countries = {row.th.get_text(strip=True): [td.get_text(strip=True) for td in row.select("td")] for row in by_country.select("tbody tr")}
    assert set(countries) == {"France", "Kenya"}
    assert countries["France"] == ["20", "0", "20 (100%)", "0 (0%)", "0 (0%)"]
    svg = single.select("svg")
    assert len(svg) == 2 and all(chart.title and chart.desc for chart in svg)
    assert svg[0]["aria-labelledby"].split() == [svg[0].title["id"], svg[0].desc["id"]]
    scale = section.select_one(f"#results-question-{answered.asks[Question.SCALE].translation_key}")
    summary = {row.th.get_text(strip=True): row.td.get_text(strip=True) for row in scale.select("table")[1].select("tbody tr")}
    assert summary["Mean"] == str(round((24 * 7 + 12 * 3 + 8 * 9) / 44, 2)) and summary["No answer"] == "0"
    ranking = section.select_one(f"#results-question-{answered.asks[Question.RANKING].translation_key}")
    assert "Mean rank" in ranking.get_text()


def test_filters_by_country_date_and_language_and_bad_values_are_ignored_with_a_message(page):
    kenya = results_section(Client().get(page.url, {"country": "KE"}))
    assert "12 respondents" in kenya.get_text(" ", strip=True)
    assert kenya.select_one('input[value="KE"]').has_attr("checked")
    assert not kenya.select('input[value="MX"]')  # still not offered
    by_day = results_section(Client().get(page.url, {"date": DAY.isoformat(), "language": "fr"}))
    assert "20 respondents" in by_day.get_text(" ", strip=True)
    bad = Client().get(page.url, {"country": ["ZZ", "UA"], "date": "2026-13-45", "language": "xx"})
    section = results_section(bad)
    notice = section.select_one("[role=status]").get_text(" ", strip=True)
    assert "ignored" in notice and "ZZ" in notice and "2026-13-45" in notice and "xx" in notice
    assert "44 respondents" in section.get_text(" ", strip=True)  # the whole view instead
    assert results_section(Client().get(page.url, {"date": "yesterday"})) is not None


def test_free_text_shows_only_published_answers_marked_with_their_language(dialogue, questionnaire):
    add_responses(questionnaire, answers_for(questionnaire, "Other", other="Routes"), 6, "FR", "fr")
    add_responses(questionnaire, answers_for(questionnaire, "Other", other="طرق"), 5, "EG", "ar")
    add_responses(questionnaire, answers_for(questionnaire, "Other", other="Unmoderated secret"), 5, "KE", "en")
    texts = Answer.objects.exclude(text="")
    texts.filter(text__in=["Routes", "طرق"]).update(text_status=Answer.PUBLISHED)
    publish(questionnaire)
    page = make_results_page(dialogue, questionnaire)
    section = results_section(Client().get(page.url))
    assert "Unmoderated secret" not in str(section)
    items = section.select(".results-texts li")
    assert len(items) == 10  # a bounded number, then a link to more
    more = section.select_one(".results-texts__pages a")
    assert more.get_text(strip=True) == "More answers"
    rest = results_section(Client().get(page.url + more["href"].split("#")[0]))
    assert len(rest.select(".results-texts li")) == 1
    arabic = [item for item in items + rest.select(".results-texts li") if item.get_text(strip=True) == "طرق"]
    assert arabic and all(item["lang"] == "ar" and item["dir"] == "rtl" for item in arabic)
    assert all(item["lang"] == "fr" and item["dir"] == "ltr" for item in items if item.get_text(strip=True) == "Routes")


def boxes(chart, fill):
    """(x, width) of each bar a chart draws in `fill`: the bars of one look are one path."""
    return [(float(x), float(width)) for path in chart.select(f'path[fill="{fill}"]') for x, width in re.findall(r"M([\d.]+) [\d.]+h([\d.]+)", path["d"])]


def test_multiple_choices_and_matrices_are_compared_a_row_per_country_with_a_mark_per_option(page, answered):
    """A bar per country and option made these charts several metres long with 80 countries.
    (Kenya is left out of both questions: with Mexico and Ukraine it would give Ukraine's 4 away.)"""
    section = results_section(Client().get(page.url))
    for kind, legend, marks in (
        (Question.MULTIPLE, ["Privacy", "Access", "Safety"], {charts.COLOURS[0]: 1, charts.COLOURS[1]: 1, charts.COLOURS[2]: 1}),
        (Question.MATRIX, ["Governments", "Companies"], {charts.COLOURS[0]: 1}),  # nobody in France rated companies
    ):
        chart = section.select(f"#results-question-{answered.asks[kind].translation_key} svg")[-1]
        labels = [text.get_text().replace("\xa0", " ") for text in chart.select("text")]
        assert labels[0] == "France (n = 20)" and labels[-len(legend) :] == legend, (kind, labels)
        assert len(labels) == 1 + 3 + len(legend)  # a row, the axis' three figures, the legend
        assert chart.desc.get_text().startswith("Dot chart: for each country, a mark per item of the legend")
        drawn = {path["fill"]: len(re.findall("M", path["d"])) for path in chart.select("path[stroke='#fff']")}  # the rows' marks
        assert drawn == marks, (kind, drawn)
        assert len(chart.select("path:not([stroke])")) == len(legend)  # the legend's


def test_a_chart_of_many_rows_draws_one_path_per_look_and_leaves_the_figures_to_its_table():
    few = BeautifulSoup(charts.bars("Q", [(f"Country {n}", n, 5.0) for n in range(charts.FIGURES_UP_TO)]), "html.parser")
    many = BeautifulSoup(charts.bars("Q", [(f"Country {n}", n, 5.0) for n in range(charts.FIGURES_UP_TO + 60)]), "html.parser")
    assert [text.get_text() for text in few.select("text")][:2] == ["Country 0", "0 · 5%"]
    assert [text.get_text() for text in many.select("text")][:2] == ["Country 0", "Country 1"]  # labels only
    assert len(many.select("path")) == 2 and len(boxes(many, charts.COLOURS[0])) == charts.FIGURES_UP_TO + 60


def test_in_arabic_the_charts_are_mirrored(page, locales):
    arabic = translate_page(page, locales["ar"])
    response = Client().get(arabic.url)
    section = results_section(response)
    assert BeautifulSoup(response.content, "html.parser").html["dir"] == "rtl"
    chart = section.select_one("svg.results-chart")
    assert chart["direction"] == "rtl"
    # Bars grow from the right edge: every coloured bar ends where the axis starts, on the right.
    bars = boxes(chart, charts.COLOURS[0])
    assert bars and all(abs(x + width - (charts.WIDTH - charts.PAD)) < 0.2 for x, width in bars)
    labels = chart.select("text")
    assert all(float(label["x"]) > charts.WIDTH / 2 for label in labels[:1])


def test_a_chart_right_to_left_is_the_mirror_of_left_to_right():
    items = [("Yes", 3, 60.0), ("No", 2, 40.0)]
    ltr, rtl = BeautifulSoup(charts.bars("Q", items), "html.parser"), BeautifulSoup(charts.bars("Q", items, rtl=True), "html.parser")
    for fill in (charts.TRACK, charts.COLOURS[0]):
        assert len(boxes(ltr, fill)) == len(boxes(rtl, fill)) == 2
        for (left, _width), (right, width) in zip(boxes(ltr, fill), boxes(rtl, fill)):
            assert left == pytest.approx(charts.WIDTH - right - width, abs=0.11)
    assert [float(t["x"]) for t in ltr.select("text")] == pytest.approx([charts.WIDTH - float(t["x"]) for t in rtl.select("text")], abs=0.11)


def test_the_results_page_reads_a_fixed_number_of_queries_whatever_the_responses(dialogue, questionnaire):
    add_responses(questionnaire, answers_for(questionnaire, "Other", other="A", scale=3, comment="Z"), 5, "FR")
    Answer.objects.exclude(text="").update(text_status=Answer.PUBLISHED)
    publish(questionnaire)
    page = make_results_page(dialogue, questionnaire)
    reader = client_for(make_person("reader"))  # signed in: never the page cache
    reader.get(page.url)
    with CaptureQueriesContext(connection) as few:
        assert reader.get(page.url).status_code == 200
    for country in ("KE", "UA", "MX", "IN", "BR", "DE"):
        add_responses(questionnaire, answers_for(questionnaire, "Other", ["Access"], ["Laws"], {"Companies": 3}, 9, 40, other="B", comment="Yes"), 12, country, "es")
    Answer.objects.exclude(text="").update(text_status=Answer.PUBLISHED)
    reader.get(page.url)  # the tallies of the new batches, cached as for the first size
    with CaptureQueriesContext(connection) as many:
        body = reader.get(page.url).content.decode()
    assert "77 respondents" in body
    assert len(many) == len(few)


def test_the_cached_page_follows_new_responses_and_publication(dialogue, questionnaire, settings):
    settings.PAGE_CACHE_SECONDS = 300
    add_responses(questionnaire, answers_for(questionnaire, "Health"), 6, "FR")
    page = make_results_page(dialogue, questionnaire)
    first = Client().get(page.url)
    assert "not published yet" in first.content.decode()
    assert Client().get(page.url)["X-Page-Cache"] == "hit"
    publish(questionnaire)
    assert "6 respondents" in Client().get(page.url).content.decode()
    add_responses(questionnaire, answers_for(questionnaire, "Climate"), 5, "KE")
    assert "11 respondents" in Client().get(page.url).content.decode()
    filtered = Client().get(page.url, {"country": "KE"})
    assert "5 respondents" in filtered.content.decode() and "X-Page-Cache" not in filtered


# --- who sees the results ----------------------------------------------------------------------

SCENARIOS = {
    # scenario -> roles that see the results
    "public": {"anonymous", "citizen", "member", "editor"},
    "unpublished dialogue": set(),
    "login-restricted dialogue": {"citizen", "member", "editor"},
    "group-restricted dialogue": {"member"},
    "password-protected dialogue": set(),
}


def restrict(dialogue, scenario, members):
    if scenario == "unpublished dialogue":
        dialogue.unpublish()
    elif scenario == "login-restricted dialogue":
        PageViewRestriction.objects.create(page=dialogue, restriction_type=PageViewRestriction.LOGIN)
    elif scenario == "group-restricted dialogue":
        PageViewRestriction.objects.create(page=dialogue, restriction_type=PageViewRestriction.GROUPS).groups.add(members)
    elif scenario == "password-protected dialogue":
        PageViewRestriction.objects.create(page=dialogue, restriction_type=PageViewRestriction.PASSWORD, password="open sesame")


def user_for(role, members):
    from django.contrib.auth import get_user_model

    if role == "anonymous":
        return AnonymousUser()
    if role == "editor":
        return get_user_model().objects.get(username="editor")
    person = make_person(role)
    if role == "member":
        person.groups.add(members)
    return person


def render_tag(questionnaire, user):
    """The tag where any page may place it (another dialogue's page, a host's page)."""
    request = RequestFactory().get("/en/anywhere/")
    request.user, request.session = user, SessionStore()
    return Template("{% load questionnaire_tags %}{% questionnaire_results questionnaire %}").render(Context({"request": request, "questionnaire": questionnaire}))


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_results_show_only_to_those_who_may_see_the_dialogue(scenario, dialogue, page, answered):
    members = Group.objects.create(name="Invited")
    restrict(dialogue, scenario, members)
    for role in ("anonymous", "citizen", "member", "editor"):
        user = user_for(role, members)
        html = render_tag(answered, user)
        if role in SCENARIOS[scenario]:
            assert "<svg" in html and "44 respondents" in html, (scenario, role)
        else:
            assert html.strip() == "", (scenario, role)  # not even "not published yet"
        client = Client()
        if role != "anonymous":
            client.force_login(user)
        response = client.get(page.url) if page.url else None
        body = response.content.decode() if response is not None else ""
        assert ("44 respondents" in body) == (role in SCENARIOS[scenario]), (scenario, role, getattr(response, "status_code", None))


def test_an_unpublished_results_page_shows_nothing(page):
    page.unpublish()
    assert Client().get(page.url or "/en/no-such-page/").status_code == 404
    assert "44 respondents" not in login("editor").get(f"/en/{page.slug}/").content.decode()


def test_the_password_of_the_dialogue_opens_its_results(dialogue, page):
    restrict(dialogue, "password-protected dialogue", None)
    restriction = PageViewRestriction.objects.get(page=dialogue)
    reader = Client()
    assert "44 respondents" not in reader.get(page.url).content.decode()
    form = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    assert reader.post(form, {"password": "open sesame", "return_url": page.url}).status_code == 302
    assert "44 respondents" in reader.get(page.url).content.decode()


def test_the_questionnaire_shows_in_the_pages_language_when_translated(page, answered, locales):
    from tests.factories import translate_questionnaire

    translate_questionnaire(answered, locales["fr"], {"Health": "Santé", "Which topic matters most?": "Quel sujet compte le plus ?"})
    french = translate_page(page, locales["fr"])
    section = results_section(Client().get(french.url))
    assert "Quel sujet compte le plus ?" in section.get_text() and "Santé" in section.get_text()
    assert french.questionnaire_id == page.questionnaire_id



def test_labels_and_answers_with_markup_stay_text_in_charts_and_lists(dialogue, questionnaire):
    payload = '<script>alert(1)</script><img src=x onerror=alert(2)>'
    questionnaire.asks[Question.SINGLE].options.filter(label="Health").update(label=f"Health {payload}")
    add_responses(questionnaire, answers_for(questionnaire, "Other", other=f"Roads {payload}"), 6, "FR", "fr")
    add_responses(questionnaire, answers_for(questionnaire, f"Health {payload}"), 6, "KE", "en")
    Answer.objects.exclude(text="").update(text_status=Answer.PUBLISHED)
    publish(questionnaire)
    page = make_results_page(dialogue, questionnaire)
    section = results_section(Client().get(page.url))
    assert not section.select("script") and not section.select("img") and not section.select("[onerror]")
    assert payload in section.select_one("svg").get_text() and f"Roads {payload}" in section.select_one(".results-texts").get_text()


def test_the_dialogue_page_links_its_results_pages(dialogue, page):
    body = BeautifulSoup(Client().get(dialogue.url).content, "html.parser")
    assert body.select_one(f'#results-heading + ul a[href="{page.url}"]').get_text(strip=True) == "What people said"
