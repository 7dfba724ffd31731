"""axe-core (WCAG 2.0/2.1/2.2, A and AA) on every public page type, in English and in Arabic.

Arabic pages are reached as a visitor does, through the language switcher of the English page,
so the test also checks that each page type is translated and laid out right to left."""

import re

import pytest

from content.demo import data

from .support import assert_no_serious_violations

pytestmark = pytest.mark.e2e

DIALOGUE = "/en/%s/" % data.DIALOGUE["slug"]
PAGE_TYPES = {
    "home": "/en/",
    "dialogue": DIALOGUE,
    "topic": DIALOGUE + data.TOPICS[0]["slug"] + "/",
    "standard": "/en/%s/" % data.ABOUT["slug"],
    "open data": "/en/open-data/",
}
SEARCH_TERMS = {"en": "data", "ar": "البيانات"}
MISSING = "/%s/this-page-does-not-exist/"


def open_page(page, kind, language):
    """Open one page type in one language; returns the HTTP status."""
    if kind == "search":
        response = page.goto(f"/{language}/search/?q={SEARCH_TERMS[language]}")
        assert page.locator(".search-results li").count() > 0, "the search found nothing: no result markup to check"
        return response.status
    if kind == "404":
        return page.goto(MISSING % language).status
    response = page.goto(PAGE_TYPES[kind])
    if language == "en":
        return response.status
    with page.expect_navigation() as navigation:
        page.locator(f'.language-switcher a[hreflang="{language}"]').click()
    assert page.locator(".notice--translation").count() == 0, f"the {kind} page is not translated into {language}"
    return navigation.value.status


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize(
    "kind", ["home", "dialogue", "topic", "standard", "open data", "search", "404"]
)
def test_page_has_no_serious_accessibility_violations(page, shot, kind, language):
    status = open_page(page, kind, language)
    assert status == (404 if kind == "404" else 200)
    assert re.match(rf"^https?://[^/]+/{language}/", page.url), page.url
    html = page.locator("html")
    assert html.get_attribute("lang") == language
    assert html.get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    shot(page, f"{kind} {language}")
    assert_no_serious_violations(page, f"{kind}-{language}")
