"""Nothing scrolls sideways: every page type, in every language, at 320, 375 and 768 px.

The same walk saves a screenshot of each page type in English, Ukrainian and Arabic at 375 and
1280 px under artifacts/e2e/screenshots/ (a few of them are committed in docs/screenshots/)."""

import re

import pytest

from content.demo import data

from .conftest import ARTIFACTS
from .support import sign_in_citizen

pytestmark = pytest.mark.e2e

LANGUAGES = ["en", "fr", "es", "uk", "ar"]
NARROW = [320, 375, 768]
SCREENSHOTS = {"en", "uk", "ar"}
SCREENSHOT_WIDTHS = [375, 1280]
SCREENSHOT_DIR = ARTIFACTS / "screenshots"
SEARCH_TERMS = {"en": "data", "fr": "données", "es": "datos", "uk": "дані", "ar": "البيانات"}
DIALOGUE = f"/en/{data.DIALOGUE['slug']}/"
# Wagtail pages: the English address; other languages follow the page's hreflang alternates
# (translated slugs).
WAGTAIL_PAGES = {
    "home": "/en/",
    "dialogue": DIALOGUE,
    "topic": DIALOGUE + data.TOPICS[0]["slug"] + "/",
    "edition": DIALOGUE + data.UKRAINE["slug"] + "/",
    "results": DIALOGUE + "results/",
    "events": f"/en/{data.EVENTS_INDEX['slug']}/",
    "standard": f"/en/{data.ABOUT['slug']}/",
}
# The deepest elements whose content sticks out of them (and is not scrolled inside them): where
# the page's extra width comes from.
OVERFLOW = """() => ({
  scrollWidth: document.documentElement.scrollWidth,
  innerWidth: window.innerWidth,
  culprits: [...document.querySelectorAll("body *")]
    .filter((el) => el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === "visible")
    .slice(-3)
    .map((el) => `<${el.tagName.toLowerCase()} class="${el.getAttribute("class") || ""}"> ${el.scrollWidth}px in ${el.clientWidth}px`),
})"""


def addresses(page, participation, language):
    """Every page type's address in `language`."""
    found = {}
    for kind, english in WAGTAIL_PAGES.items():
        if language == "en":
            found[kind] = english
            continue
        page.goto(english)
        link = page.locator(f'link[rel=alternate][hreflang="{language}"]')
        assert link.count() == 1, f"the {kind} page has no {language} translation"
        found[kind] = re.sub(r"^https?://[^/]+", "", link.get_attribute("href"))
    page.goto(found["events"])
    event = page.locator("main a[href*='/%s/']" % found["events"].strip("/").split("/")[-1]).first
    found["event"] = re.sub(r"^https?://[^/]+", "", event.get_attribute("href"))
    dialogue = participation["dialogue_id"]
    found.update(
        {
            "proposals": f"/{language}/dialogues/{dialogue}/proposals/",
            "proposal": f"/{language}/proposals/{participation['proposals']['to_support']}/",
            "questionnaire": f"/{language}/questionnaires/{participation['questionnaire_id']}/",
            "sign-in": f"/{language}/accounts/login/",
            "search": f"/{language}/search/?q={SEARCH_TERMS[language]}",
            "open-data": f"/{language}/open-data/",
        }
    )
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_scrolls_sideways(browser, server, participation, language):
    # One context per language; signed in only for the questionnaire, which is answered signed in.
    context = browser.new_context(base_url=server.url, viewport={"width": 1280, "height": 900})
    context.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/]|localhost[:/])"), lambda route: route.fulfill(status=200, body=""))
    page = context.new_page()
    try:
        urls = addresses(page, participation, language)
        overflowing = []
        for width in sorted({*NARROW, *(SCREENSHOT_WIDTHS if language in SCREENSHOTS else [])}):
            page.set_viewport_size({"width": width, "height": 900})
            for kind, url in urls.items():
                if kind == "questionnaire":
                    sign_in_citizen(page, server, participation["citizens"]["carol"], language=language)
                response = page.goto(url)
                if kind == "questionnaire":
                    page.context.clear_cookies()
                assert response.status == 200, f"{kind} {language}: {url} answered {response.status}"
                if width in NARROW:
                    found = page.evaluate(OVERFLOW)
                    if found["scrollWidth"] > found["innerWidth"]:
                        overflowing.append(f"{kind} {language} {width}px ({url}): {found['scrollWidth']}px wide; {found['culprits']}")
                if language in SCREENSHOTS and width in SCREENSHOT_WIDTHS:
                    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
                    page.screenshot(path=str(SCREENSHOT_DIR / f"{kind}-{language}-{width}.png"))
        assert not overflowing, "pages wider than the screen:\n" + "\n".join(overflowing)
    finally:
        context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_the_phone_menu_opens_with_and_without_javascript(browser, server, javascript):
    context = browser.new_context(base_url=server.url, viewport={"width": 375, "height": 800}, java_script_enabled=javascript)
    page = context.new_page()
    try:
        page.goto("/ar/")
        menu = page.locator("#site-menu")
        assert not menu.is_visible(), "the menu is open before anyone asks"
        page.locator(".site-menu-button").click()
        assert menu.is_visible() and page.locator('#site-menu .language-switcher a[hreflang="en"]').is_visible()
        assert page.locator("#site-menu .account-nav").is_visible()
        if javascript:
            assert page.locator(".site-menu-button").get_attribute("aria-expanded") == "true"
            page.locator(".site-menu-button").click()
        else:
            page.locator(".site-menu__close").click()
        assert not menu.is_visible()
    finally:
        context.close()


# The header's parts, each of which must sit on the one row at 1280 px.
HEADER_PARTS = [".site-logo", ".site-nav", ".site-search", ".site-header .language-switcher", ".site-header .account-nav"]
HEADER_BOXES = """(selectors) => ({
  header: document.querySelector(".site-header").getBoundingClientRect().height,
  boxes: selectors.map((selector) => {
    const box = document.querySelector(selector).getBoundingClientRect();
    return {selector, top: box.top, bottom: box.bottom, left: box.left, right: box.right};
  }),
  // The navigation's links may shrink (with an ellipsis), never below a word's start.
  links: [...document.querySelectorAll(".site-nav a")].map((link) => link.getBoundingClientRect().width),
  scrollWidth: document.documentElement.scrollWidth,
})"""


@pytest.mark.parametrize("language", ["en", "uk", "ar"])
@pytest.mark.parametrize("signed_in", [False, True])
def test_the_desktop_header_is_one_row(browser, server, participation, language, signed_in):
    """Title, navigation, search, languages and account side by side at 1280 px, in English,
    Ukrainian (long words) and Arabic (right to left), signed out and signed in."""
    context = browser.new_context(base_url=server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        if signed_in:
            sign_in_citizen(page, server, participation["citizens"]["carol"], language=language)
        page.goto(f"/{language}/{data.DIALOGUE['slug']}/" if language == "en" else f"/{language}/")
        found = page.evaluate(HEADER_BOXES, HEADER_PARTS)
        assert found["header"] <= 72, f"the header is {found['header']}px high: more than one row"
        middles = [(box["top"] + box["bottom"]) / 2 for box in found["boxes"]]
        assert max(middles) - min(middles) <= 8, f"not on one row: {found['boxes']}"
        boxes = sorted(found["boxes"], key=lambda box: box["left"])
        assert all(left["right"] <= right["left"] + 1 for left, right in zip(boxes, boxes[1:])), f"parts overlap: {boxes}"
        order = [box["selector"] for box in boxes]
        assert order == (HEADER_PARTS if language != "ar" else HEADER_PARTS[::-1]), order
        assert found["links"] and all(width >= 40 for width in found["links"]), f"a link shrank to nothing: {found['links']}"
        assert found["scrollWidth"] <= 1280
        if signed_in:
            assert page.locator(".site-header .account-nav a[href$='/notifications/']").is_visible()
    finally:
        context.close()
