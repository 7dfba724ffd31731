"""participation.js shows a session in the browser's own zone, only when it differs from the
session's. The markup is {% session_when %}'s, set directly in the journeys' browser."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory

from participation.events.models import Session

SCRIPT = Path(__file__).resolve().parents[2] / "participation/core/static/participation/participation.js"


def markup():
    # 10:00-13:00 in Kyiv on 24 October 2026 (UTC+3): 07:00-10:00 UTC. Not saved: no database.
    session = Session(starts_at=datetime(2026, 10, 24, 7, tzinfo=UTC), ends_at=datetime(2026, 10, 24, 10, tzinfo=UTC), time_zone="Europe/Kyiv")
    request = RequestFactory().get("/en/")
    request.user = AnonymousUser()
    body = Template("{% load events_tags %}{% session_when session %}").render(Context({"request": request, "session": session}))
    return f'<!doctype html><html lang="en"><body><p id="when">{body}</p><script>{SCRIPT.read_text()}</script></body></html>'


@pytest.fixture(scope="module")
def html():
    return markup()


def read_in(browser, html, zone):
    context = browser.new_context(timezone_id=zone, locale="en-GB")
    page = context.new_page()
    page.set_content(html)
    mark = page.locator("[data-session-when]")
    result = page.locator("#when").inner_text(), mark.is_visible()
    context.close()
    return result


def test_a_visitor_elsewhere_reads_their_own_time(browser, html):
    text, shown = read_in(browser, html, "America/New_York")
    assert shown
    assert "(Kyiv time)" in text
    # 03:00 to 06:00 in New York, still on summer time.
    assert "Your time: Saturday, October 24, 2026, 3:00 – 6:00 AM (Eastern Daylight Time)" in text


def test_a_visitor_in_the_sessions_zone_reads_it_once(browser, html):
    text, shown = read_in(browser, html, "Europe/Kyiv")
    assert not shown
    assert "Your time" not in text and "(Kyiv time)" in text
