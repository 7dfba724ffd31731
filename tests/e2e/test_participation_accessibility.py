"""axe-core (same WCAG A/AA rules as test_accessibility.py) on the participation pages, signed
out and signed in, in English and Arabic; and a keyboard-only citizen who comments and supports."""

import pytest
from playwright.sync_api import expect

from .support import assert_focus_visible, assert_no_serious_violations, focused, sign_in_citizen

pytestmark = pytest.mark.e2e

MAX_TABS = 150
INTERACTIVE = {"a", "button", "summary", "input", "select", "textarea"}


def participation_url(kind, language, data):
    dialogue = data["dialogue_id"]
    return {
        "proposal-list": f"/{language}/dialogues/{dialogue}/proposals/",
        "proposal-detail": f"/{language}/proposals/{data['proposals']['to_support']}/",
        "proposal-form": f"/{language}/dialogues/{dialogue}/proposals/new/",
        "signup": f"/{language}/accounts/signup/",
        "signin": f"/{language}/accounts/login/",
    }[kind]


def open_topic(page, language, data):
    page.goto(data["topic_url"])
    if language != "en":
        with page.expect_navigation():
            page.locator(f'.language-switcher a[hreflang="{language}"]').click()


def check(page, shot, label, language):
    html = page.locator("html")
    assert html.get_attribute("lang") == language
    assert html.get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    shot(page, label)
    assert_no_serious_violations(page, label)


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("kind", ["proposal-list", "proposal-detail", "signup", "signin"])
def test_participation_page_signed_out(page, shot, participation, kind, language):
    response = page.goto(participation_url(kind, language, participation))
    assert response.status == 200
    if kind == "proposal-detail":
        # Signed out, the support button invites to sign in.
        expect(page.locator(".support-box form button")).to_be_visible()
    check(page, shot, f"{kind}-{language}-signed-out", language)


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("kind", ["proposal-list", "proposal-detail", "proposal-form", "topic"])
def test_participation_page_signed_in(page, server, shot, participation, kind, language):
    sign_in_citizen(page, server, participation["citizens"]["bob"])
    if kind == "topic":
        open_topic(page, language, participation)
        expect(page.locator("#comment-body-new")).to_be_visible()
    else:
        response = page.goto(participation_url(kind, language, participation))
        assert response.status == 200
    if kind == "proposal-detail":
        expect(page.locator("form[data-support-form] button")).to_be_visible()
    if kind == "proposal-form":
        expect(page.locator("#id_title")).to_be_visible()
    check(page, shot, f"{kind}-{language}-signed-in", language)


def tab_to(page, shot, label, matches):
    """Press Tab until `matches(info)`, checking every interactive stop shows its focus."""
    stops = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        info = focused(page)
        assert info is not None, f"focus fell back to the page body after {stops[-5:]}"
        if info["tag"] in INTERACTIVE:
            assert_focus_visible(info)
        stops.append(f"<{info['tag']}> {info['text']}")
        if matches(info):
            shot(page, f"{label} focused")
            return info
    pytest.fail(f"{label} was not reached in {MAX_TABS} Tab presses: {stops[-10:]}")


def test_keyboard_citizen_comments_and_supports(page, server, shot, participation):
    sign_in_citizen(page, server, participation["citizens"]["carol"])

    # Comment: Tab to the new-comment field, type, Tab to "Post comment", Enter.
    page.goto(participation["topic_url"])
    page.wait_for_load_state()
    tab_to(page, shot, "comment field", lambda info: info["id"] == "comment-body-new")
    text = "Posted with the keyboard only: skip links help a lot."
    page.keyboard.type(text)
    info = tab_to(page, shot, "post comment button", lambda info: info["tag"] == "button")
    assert info["text"] == "Post comment", info
    page.keyboard.press("Enter")
    expect(page.locator(".comment__text", has_text=text)).to_have_count(1)
    assert_focus_visible_or_programmatic(page)
    shot(page, "comment posted with enter")

    # Support: Tab to "Support this proposal", Space; the count goes up in place.
    page.goto(f"/en/proposals/{participation['proposals']['keyboard']}/")
    page.wait_for_load_state()
    count = page.locator(".support-box__count strong")
    before = int(count.inner_text())
    tab_to(page, shot, "support button", lambda info: info["tag"] == "button" and info["text"] == "Support this proposal")
    page.keyboard.press("Space")
    expect(count).to_have_text(str(before + 1))
    page.wait_for_function("document.activeElement && document.activeElement.tagName === 'BUTTON'")
    info = focused(page)
    assert info["text"] == "Withdraw my support", info
    assert_focus_visible(info)
    shot(page, "supported with space")
    assert not page.js_errors, page.js_errors


def assert_focus_visible_or_programmatic(page):
    """After posting, site.js moves focus to the new comment (tabindex=-1 article): it must be
    on screen; keyboard focus moved by script keeps :focus-visible in Chromium."""
    info = focused(page)
    assert info is not None, "focus was lost after posting"
    assert info["bottom"] > 0 and info["top"] < info["viewportHeight"], f"focused element off screen: {info}"
