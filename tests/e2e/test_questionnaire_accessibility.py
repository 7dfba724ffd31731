"""axe-core on a questionnaire's answering page and its results page, in English and Arabic, on a
375 px phone: no serious violation and no sideways scrolling; the charts are drawn mirrored in
Arabic."""

import pytest
from playwright.sync_api import expect

from .support import assert_no_serious_violations, sign_in_citizen

pytestmark = pytest.mark.e2e


def assert_fits_a_phone(page, label):
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{label}: {overflow}px of sideways scrolling at {page.viewport_size['width']}px"


def check(page, shot, label, language):
    html = page.locator("html")
    assert html.get_attribute("lang") == language
    assert html.get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    shot(page, label)
    assert_no_serious_violations(page, label)
    assert_fits_a_phone(page, label)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_results_page_is_accessible_on_a_phone(page, shot, participation, language):
    page.set_viewport_size({"width": 375, "height": 800})
    response = page.goto(participation["results_urls"][language])
    assert response.status == 200
    charts = page.locator("svg.results-chart[role=img]")
    expect(charts.first).to_be_visible()
    assert charts.first.get_attribute("direction") == ("rtl" if language == "ar" else "ltr")
    expect(page.locator("table.results-table").first).to_be_visible()
    check(page, shot, f"results-{language}-phone", language)
    # The filters work without JavaScript: a plain GET form.
    page.locator('input[name="country"][value="FR"]').check()
    with page.expect_navigation():
        page.locator(".results-filters button[type=submit]").click()
    assert "country=FR" in page.url
    expect(page.locator(".results-facts")).to_contain_text("14")
    check(page, shot, f"results-{language}-phone-filtered", language)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_answering_page_is_accessible_on_a_phone(page, server, shot, participation, language):
    sign_in_citizen(page, server, participation["citizens"]["alice"])
    page.set_viewport_size({"width": 375, "height": 800})
    response = page.goto(f"/{language}/questionnaires/{participation['questionnaire_id']}/")
    assert response.status == 200
    expect(page.locator("form.questionnaire-form")).to_be_visible()
    check(page, shot, f"questionnaire-{language}-phone", language)
