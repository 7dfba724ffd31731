"""Journey 1: a citizen reads a topic briefing in Ukrainian, then switches to Arabic."""

import re
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import expect

from content.demo import data
from content.demo.translations.ar import TRANSLATIONS as AR
from content.demo.translations.uk import TRANSLATIONS as UK

from .support import VIDEO_HOSTS

pytestmark = pytest.mark.e2e


def is_video_host(url):
    host = (urlsplit(url).hostname or "").lower()
    return any(host == video or host.endswith("." + video) for video in VIDEO_HOSTS)


def test_citizen_reads_a_briefing_in_ukrainian_then_arabic(page, shot):
    requests = []
    page.on("request", lambda request: requests.append(request.url))

    # The Ukrainian home page lists the dialogue.
    page.goto("/uk/")
    assert page.locator("html").get_attribute("lang") == "uk"
    assert page.locator("html").get_attribute("dir") == "ltr"
    shot(page, "ukrainian home")

    page.locator("main .card__title a").first.click()
    expect_heading(page, UK[data.DIALOGUE["title"]])
    shot(page, "ukrainian dialogue")

    # The first topic briefing of the dialogue.
    topic = data.TOPICS[0]
    page.get_by_role("link", name=UK[topic["title"]], exact=True).click()
    expect_heading(page, UK[topic["title"]])
    assert page.locator("html").get_attribute("lang") == "uk"
    assert page.locator(".notice--translation").count() == 0, "the briefing is translated, not a copy of the English"
    shot(page, "ukrainian topic")

    # FAQ: a native <details> element opens on click and shows the answer.
    item = page.locator(".faq__item").first
    answer = item.locator(".rich-text")
    assert item.get_attribute("open") is None
    assert not answer.is_visible()
    item.locator("summary").click()
    assert item.get_attribute("open") is not None
    assert answer.is_visible()
    assert answer.inner_text().strip()
    shot(page, "faq opened")

    # Video: a consent box, and nothing requested from the video host until the visitor asks.
    consent = page.locator(".video__consent").first
    consent.scroll_into_view_if_needed()
    assert consent.is_visible()
    play = consent.locator("button.video__play")
    assert play.is_visible(), "site.js reveals the play button"
    embed_url = consent.get_attribute("data-embed-url")
    assert is_video_host(embed_url), embed_url
    shot(page, "video consent box")
    leaked = [url for url in requests if is_video_host(url)]
    assert not leaked, f"video host contacted before consent: {leaked}"

    with page.expect_request(lambda request: is_video_host(request.url)):
        play.click()
    frame = page.locator("figure.video iframe.video__frame").first
    assert frame.get_attribute("src") == embed_url
    assert frame.get_attribute("title") == UK[topic["video"]["title"]]
    assert page.locator(".video__consent").count() == 0
    shot(page, "video iframe inserted")

    # Switch to Arabic: the same briefing, right to left.
    alternate = page.locator('link[rel="alternate"][hreflang="ar"]').get_attribute("href")
    seen = len(requests)
    page.locator('.language-switcher a[hreflang="ar"]').click()
    page.wait_for_url(re.compile(r"/ar/"))
    assert unquote(page.url) == unquote(alternate)
    html = page.locator("html")
    assert html.get_attribute("lang") == "ar"
    assert html.get_attribute("dir") == "rtl"
    expect_heading(page, AR[topic["title"]])
    assert AR[topic["question"]] in page.locator(".briefing__question").inner_text()
    assert page.locator(".notice--translation").count() == 0
    assert page.locator('.language-switcher a[hreflang="ar"]').get_attribute("aria-current") == "true"
    shot(page, "arabic topic")

    leaked_after = [url for url in requests[seen:] if is_video_host(url)]
    assert not leaked_after, f"video host contacted on the Arabic page without consent: {leaked_after}"
    assert not page.js_errors, page.js_errors


def expect_heading(page, text):
    """Wait for the page (after a click, maybe still loading) to show this main heading."""
    expect(page.locator("main h1")).to_have_text(text)


def test_briefing_lists_are_translated(page):
    """Key facts and FAQ of a translated briefing are in the page's language."""
    topic = data.TOPICS[0]
    page.goto("/en/we-the-internet/%s/" % topic["slug"])
    page.locator('.language-switcher a[hreflang="uk"]').click()
    page.wait_for_url(re.compile(r"/uk/"))
    facts = page.locator(".key-facts__item dd").all_inner_texts()
    questions = page.locator(".faq__item summary").all_inner_texts()
    assert facts == [UK[fact["label"]] for fact in topic["key_facts"]]
    assert questions == [UK[item["question"]] for item in topic["faq"]]
