"""Gatherings in a real browser on the demo: axe on the edition, events index and event pages in
English, Ukrainian and Arabic, no sideways scrolling on a phone, a citizen who registers for two
slots of the Ukraine edition, and session times rewritten into the browser's own zone."""

import re

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from content.demo import data

from .support import assert_no_serious_violations, sign_in_citizen

pytestmark = pytest.mark.e2e

EDITION = f"{data.DIALOGUE['slug']}/{data.UKRAINE['slug']}/"
INDEX = f"{data.EVENTS_INDEX['slug']}/"


def in_language(page, english_url, language):
    """The address of a page's translation, as a visitor finds it: the language switcher (slugs
    are translated)."""
    page.goto(english_url)
    if language == "en":
        return page.url
    with page.expect_navigation():
        page.locator(f'.language-switcher a[hreflang="{language}"]').click()
    return page.url


def first_event_url(page):
    """The newest past call in the index's log (it has a recording, slides and notes)."""
    page.goto(f"/en/{INDEX}")
    return page.locator(".events-log a").first.get_attribute("href")


def assert_fits_a_phone(page, label):
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{label}: {overflow}px of sideways scrolling at {page.viewport_size['width']}px"


@pytest.mark.parametrize("language", ["en", "uk", "ar"])
def test_gathering_pages_are_accessible_and_fit_a_phone(page, shot, server, language):
    english = {"edition": f"/en/{EDITION}", "index": f"/en/{INDEX}", "event": first_event_url(page)}
    pages = {label: in_language(page, url, language) for label, url in english.items()}
    for label, url in pages.items():
        response = page.goto(url)
        assert response.status == 200, url
        html = page.locator("html")
        assert html.get_attribute("lang") == language
        assert html.get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
        shot(page, f"{label}-{language}")
        assert_no_serious_violations(page, f"{label}-{language}")
    page.set_viewport_size({"width": 375, "height": 800})
    for label, url in pages.items():
        page.goto(url)
        shot(page, f"{label}-{language}-phone")
        assert_fits_a_phone(page, f"{label}-{language}")


def test_a_citizen_registers_for_two_slots_and_finds_them_in_their_calendar(page, shot, server, participation):
    sign_in_citizen(page, server, participation["citizens"]["carol"])
    page.goto(f"/en/{EDITION}")
    expect(page.get_by_text("We have only 100 places.", exact=True)).to_be_visible()
    page.locator(".participation-sessions__register a").click()
    expect(page.locator("h1")).to_have_text("Register")
    assert_no_serious_violations(page, "register-form")

    # Without consent the browser itself stops the form, choices kept (the server refuses it too:
    # tests/participation/events/test_register_views.py).
    slots = page.locator("input[name=sessions]")
    assert slots.count() == 4
    slots.nth(0).check()
    slots.nth(2).check()
    for select in page.locator("form.event-register-form select").all():
        select.select_option(index=1)
    page.locator("form.event-register-form button[type=submit]").click()
    assert page.locator("input[name=consent]").evaluate("box => box.validity.valueMissing")
    assert "/register/" in page.url
    expect(page.locator("input[name=sessions]").nth(0)).to_be_checked()
    expect(page.locator("input[name=sessions]").nth(2)).to_be_checked()
    shot(page, "register-form-without-consent")

    page.locator("input[name=consent]").check()
    with page.expect_navigation():
        page.locator("form.event-register-form button[type=submit]").click()
    assert page.url.endswith(f"/en/{EDITION}"), page.url
    expect(page.locator(".participation-session__state", has_text="You are registered.")).to_have_count(2)
    shot(page, "registered")
    # A pre-selected edition: the join link is not for registrants who were not selected.
    assert "zoom.us" not in page.content()

    page.goto("/en/gatherings/mine/")
    address = page.locator("#personal-calendar-url").input_value()
    assert re.search(r"/calendar/people/[^/]+\.ics$", address), address
    calendar = Calendar.from_ical(page.request.get(address).body())
    events = [component for component in calendar.walk("VEVENT")]
    assert len(events) == 2
    assert all("zoom.us" not in str(event.get("LOCATION", "")) + str(event.get("DESCRIPTION", "")) for event in events)


def test_times_appear_in_the_browsers_own_zone(browser, server, shot):
    context = browser.new_context(base_url=server.url, timezone_id="America/New_York", locale="en-US")
    try:
        page = context.new_page()
        page.goto(f"/en/{EDITION}")
        visitor = page.locator("[data-session-when]").first
        expect(visitor).to_be_visible()
        expect(visitor).to_contain_text("Your time:")
        shot(page, "edition-in-new-york")
    finally:
        context.close()
