"""The report for decision makers: built in the background as HTML and PDF in any site language,
a page per country shown and none for those left out, no suppressed figure, no unmoderated text;
downloadable only where the results page shows the results."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import PageViewRestriction

from participation.questionnaires.models import Answer, Question, Questionnaire, Report
from participation.questionnaires.tasks import build_report
from tests.conftest import login
from tests.factories import add_responses, answers_for, client_for, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(questionnaire):
    """France 20, Kenya 12, Mexico 8 and Ukraine 4: Ukraine and Mexico are left out."""
    add_responses(questionnaire, answers_for(questionnaire, "Other", ["Privacy"], ["Laws", "Research"], {"Governments": 2}, 7, 34, other="Published words"), 20, "FR", "fr", date(2026, 11, 28))
    add_responses(questionnaire, answers_for(questionnaire, "Climate", ["Access"], ["Research", "Laws"], {"Companies": 5}, 3, 50), 12, "KE", "en")
    add_responses(questionnaire, answers_for(questionnaire, "Other", other="Unmoderated words", scale=9), 8, "MX", "es")
    add_responses(questionnaire, answers_for(questionnaire, "Climate", scale=9), 4, "UA", "uk")
    Answer.objects.filter(text="Published words").update(text_status=Answer.PUBLISHED)
    Questionnaire.objects.filter(pk=questionnaire.pk).update(results_published=True, method="Participants were drawn by lot from the population register.")
    questionnaire.refresh_from_db()
    return questionnaire


def url(questionnaire, language, extension):
    return f"/en/questionnaires/{questionnaire.pk}/report/{language}.{extension}"


@pytest.mark.parametrize("language, direction, words", [("fr", "ltr", "Méthode"), ("ar", "rtl", "المنهجية")])
def test_the_task_builds_html_and_pdf_with_a_page_per_country_shown(answered, language, direction, words):
    build_report.enqueue(answered.pk, language)  # the immediate backend runs it now
    report = Report.objects.get(questionnaire=answered, language=language)
    assert report.status == Report.DONE and report.built_at and not report.error
    assert report.pdf.read(5) == b"%PDF-"
    html = BeautifulSoup(report.html.read().decode(), "html.parser")
    assert html.html["lang"] == language and html.html["dir"] == direction
    assert words in html.get_text()
    assert "DejaVu Sans" in html.style.get_text()
    assert [section["id"] for section in html.select("section.country")] == ["country-FR", "country-KE"]
    text = html.get_text(" ", strip=True)
    assert "Participants were drawn by lot from the population register." in text
    assert "Published words" in text and "Unmoderated words" not in text
    # The questionnaire itself, every question with its options.
    questionnaire_part = html.select_one(".questionnaire").get_text(" ", strip=True)
    assert all(label in questionnaire_part for label in ("Which topic matters most?", "Health", "Climate", "Governments", "Anything else?"))
    assert html.select("svg[role=img]") and all(svg.title for svg in html.select("svg"))
    # Countries' pages give their figures as tables: charts there would make long reports slow to print.
    assert not html.select("section.country svg") and html.select("section.country table")
    if direction == "rtl":
        assert all(svg["direction"] == "rtl" for svg in html.select("svg"))


def test_a_left_out_country_has_no_page_and_no_figure(answered):
    build_report.enqueue(answered.pk, "en")
    html = BeautifulSoup(Report.objects.get(questionnaire=answered, language="en").html.read().decode(), "html.parser")
    text = html.get_text(" ", strip=True)
    assert "Ukraine" not in text and "Mexico" not in text
    assert "2 more countries, with too few respondents to be shown on their own." in text
    assert "4" not in [cell.get_text(strip=True) for cell in html.select("td")]
    france = html.select_one("#country-FR").get_text(" ", strip=True)
    assert "20 respondents" in france


def test_a_failed_build_is_recorded_for_the_editor(answered, monkeypatch):
    from participation.questionnaires import report as module

    def broken(html):
        raise RuntimeError("no fonts")

    monkeypatch.setattr(module, "render_pdf", broken)
    build_report.enqueue(answered.pk, "es")
    report = Report.objects.get(questionnaire=answered, language="es")
    assert report.status == Report.FAILED and "no fonts" in report.error


def test_publishing_the_results_builds_the_report_in_every_language(questionnaire, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        questionnaire.results_published = True
        questionnaire.save()
    assert len(callbacks) == 1 + len(settings.LANGUAGES)  # the results made ready (test_results.py), a report per language
    with django_capture_on_commit_callbacks() as again:
        questionnaire.save()  # already published: no new report, the results made ready again
    assert len(again) == 1


def test_editors_build_the_report_from_the_admin(answered, django_capture_on_commit_callbacks):
    editor = login("editor")
    listing = editor.get("/admin/snippets/participation_questionnaires/questionnaire/").content.decode()
    assert f"/admin/questionnaires/{answered.pk}/report/" in listing
    page = editor.get(f"/admin/questionnaires/{answered.pk}/report/")
    assert page.status_code == 200 and "Build the report" in page.content.decode()
    with django_capture_on_commit_callbacks() as callbacks:
        assert editor.post(f"/admin/questionnaires/{answered.pk}/report/").status_code == 302
    assert len(callbacks) == len(settings.LANGUAGES)
    assert client_for(make_person("citizen")).post(f"/admin/questionnaires/{answered.pk}/report/").status_code in (302, 403)
    assert not Report.objects.exists()


def test_the_results_page_links_the_built_reports(answered, dialogue, settings):
    from tests.factories import make_results_page

    settings.PAGE_CACHE_SECONDS = 300
    page = make_results_page(dialogue, answered)
    assert url(answered, "ar", "pdf") not in Client().get(page.url).content.decode()
    build_report.enqueue(answered.pk, "ar")  # the cached page is dropped
    body = Client().get(page.url).content.decode()
    assert url(answered, "ar", "pdf") in body and url(answered, "ar", "html") in body
    assert url(answered, "fr", "pdf") not in body  # not built


def test_downloads_follow_the_results_pages_checks(answered, dialogue):
    build_report.enqueue(answered.pk, "fr")
    reader = Client()
    pdf = reader.get(url(answered, "fr", "pdf"))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    html = reader.get(url(answered, "fr", "html"))
    assert html.status_code == 200 and html["Content-Type"].startswith("text/html")
    for missing in (url(answered, "es", "pdf"), url(answered, "fr", "docx"), url(answered, "xx", "pdf")):
        assert reader.get(missing).status_code == 404
    Questionnaire.objects.filter(pk=answered.pk).update(results_published=False)
    assert reader.get(url(answered, "fr", "pdf")).status_code == 404


@pytest.mark.parametrize("scenario", ["unpublished", "login", "group", "password"])
def test_downloads_404_for_a_dialogue_the_person_may_not_see(answered, dialogue, scenario):
    build_report.enqueue(answered.pk, "fr")
    if scenario == "unpublished":
        dialogue.unpublish()
    elif scenario == "group":
        PageViewRestriction.objects.create(page=dialogue, restriction_type=PageViewRestriction.GROUPS).groups.add(Group.objects.create(name="Invited"))
    else:
        kind = PageViewRestriction.LOGIN if scenario == "login" else PageViewRestriction.PASSWORD
        PageViewRestriction.objects.create(page=dialogue, restriction_type=kind, password="open sesame")
    readers = {"anonymous": Client(), "citizen": client_for(make_person("citizen")), "editor": login("editor")}
    for role, reader in readers.items():
        allowed = scenario == "login" and role != "anonymous"  # signing in is all a login restriction asks
        for extension in ("pdf", "html"):
            status = reader.get(url(answered, "fr", extension)).status_code
            assert status == (200 if allowed else 404), (scenario, role, extension, status)


def test_the_html_report_keeps_its_inline_print_styles_and_runs_no_script(answered):
    build_report.enqueue(answered.pk, "en")
    response = Client().get(url(answered, "en", "html"))
    policy = response["Content-Security-Policy"]
    assert "style-src 'self' 'unsafe-inline'" in policy and "script-src" not in policy and "default-src 'self'" in policy
    assert b"<script" not in b"".join(response.streaming_content)


def test_a_country_page_is_a_row_per_question_with_its_figures(answered):
    """A country's profile on one page: each question's respondents and figures in a row (80
    countries' pages of tables were most of a report's printing time)."""
    build_report.enqueue(answered.pk, "en")
    html = BeautifulSoup(Report.objects.get(questionnaire=answered, language="en").html.read().decode(), "html.parser")
    [table] = html.select("#country-FR table")
    assert table.caption.get_text(strip=True) == "France: figures per question"
    assert [th.get_text(strip=True) for th in table.select("thead th")] == ["Question", "Respondents", "No answer", "Figures"]
    rows = {tr.th.get_text(strip=True): [td.get_text(" ", strip=True) for td in tr.select("td")] for tr in table.select("tbody tr")}
    # Every question with figures, none of the free-text ones.
    assert list(rows) == ["Which topic matters most?", "Which two topics next?", "Rank these actions", "How much do you trust", "How useful was the dialogue?", "How old are you?"]
    assert rows["Which topic matters most?"][:2] == ["20", "0"] and "Other: 20 (100%)" in rows["Which topic matters most?"][2]
    assert "Privacy: 20 (100%)" in rows["Which two topics next?"][2]
    assert rows["Rank these actions"][2].startswith("Laws: mean rank 1")
    assert rows["How much do you trust"][2] == "Governments: mean 2, spread 0 · Companies: –"  # nobody in France rated companies
    assert rows["How useful was the dialogue?"][2].startswith("mean 7, spread 0 · ") and "7: 20 (100%)" in rows["How useful was the dialogue?"][2]
    assert rows["How old are you?"] == ["20", "0", "mean 34, spread 0"]


def test_on_paper_countries_are_compared_a_row_each_in_figures_no_taller_than_a_page(answered):
    """A chart taller than a page is cut off in a PDF; the screen's charts of a multiple choice
    or a matrix (a row per country and option) would be metres long with 80 countries."""
    from participation.questionnaires import charts

    build_report.enqueue(answered.pk, "en")
    html = BeautifulSoup(Report.objects.get(questionnaire=answered, language="en").html.read().decode(), "html.parser")
    multiple = html.select_one("#results-question-" + str(answered.asks[Question.MULTIPLE].translation_key))
    [comparison] = multiple.select("svg.results-chart--print")
    labels = [text.get_text() for text in comparison.select("text")]
    assert labels[:2] == ["France", "Kenya"] and all("·" not in label for label in labels)  # one row per country
    assert {"Privacy", "Access", "Safety"} <= set(labels)  # the legend
    page = charts.PRINT_WIDTH * (29.7 - 4) / (21 - 3.6)  # A4's printed area, in the chart's units
    many = BeautifulSoup(charts.print_stacked("Q", [(f"Country {n}", [60.0, 40.0]) for n in range(100)], ["Yes", "No"]), "html.parser")
    parts = many.select("svg")
    assert [svg.title.get_text() for svg in parts] == ["Q (part 1 of 3)", "Q (part 2 of 3)", "Q (part 3 of 3)"]
    assert all(float(svg["viewbox"].split()[3]) < 0.8 * page for svg in parts)
    assert [text.get_text() for text in parts[2].select("text")] == [f"Country {n}" for n in range(86, 100)] + ["Yes", "No"]  # 43 rows a part
    mirrored = BeautifulSoup(charts.markers("Q", [("Kenya", [(3.0, 1.0)])], [], 1, 5, rtl=True, paper=True), "html.parser")
    assert float(mirrored.select_one("text")["x"]) > charts.PRINT_WIDTH / 2
