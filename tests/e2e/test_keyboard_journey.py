"""Journey 4: a keyboard-only visitor reads a topic briefing and plays its video."""

import pytest

from content.demo import data

from .support import assert_focus_visible, focused

pytestmark = pytest.mark.e2e

TOPIC_URL = "/en/%s/%s/" % (data.DIALOGUE["slug"], data.TOPICS[0]["slug"])
MAX_TABS = 60
INTERACTIVE = {"a", "button", "summary", "input", "select", "textarea"}


def tab_to_play_button(page, shot, label):
    """Press Tab until the video's play button has focus, checking every stop shows its focus."""
    stops = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        info = focused(page)
        assert info is not None, f"focus fell back to the page body after {stops}"
        if info["tag"] in INTERACTIVE:
            assert_focus_visible(info)
        stops.append(f"<{info['tag']}> {info['text']}")
        if "video__play" in info["classes"]:
            shot(page, f"{label} play button focused")
            return stops
    pytest.fail(f"the play button was not reached in {MAX_TABS} Tab presses: {stops}")


def test_keyboard_only_visitor(page, shot):
    page.goto(TOPIC_URL)
    page.wait_for_load_state()

    # The first Tab lands on the skip link, which becomes visible.
    page.keyboard.press("Tab")
    info = focused(page)
    assert info is not None and "skip-link" in info["classes"], f"first focusable is {info}"
    assert info["href"] == "#main"
    assert_focus_visible(info)
    assert info["top"] >= 0, "the skip link stays off screen when focused"
    shot(page, "skip link focused")

    # Enter follows it: focus moves to <main>.
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'main'")
    shot(page, "main focused")

    # From main, Tab through the briefing to the video and play it with Enter.
    stops = tab_to_play_button(page, shot, "after skip link")
    assert len(stops) < 15, f"too many stops between main and the video: {stops}"
    page.keyboard.press("Enter")
    frame = page.locator("figure.video iframe.video__frame")
    frame.wait_for()
    assert page.evaluate("document.activeElement && document.activeElement.tagName") == "IFRAME", "focus moves to the player"
    shot(page, "video loaded with enter")

    # Again from the top without the skip link, through the whole header, and play with Space.
    page.goto(TOPIC_URL)
    page.wait_for_load_state()
    stops = tab_to_play_button(page, shot, "through the header")
    assert stops[0].startswith("<a>"), stops
    assert any(stop.startswith("<input>") for stop in stops), f"the search field was not reached: {stops}"
    page.keyboard.press("Space")
    page.locator("figure.video iframe.video__frame").wait_for()
    shot(page, "video loaded with space")
    assert not page.js_errors, page.js_errors
