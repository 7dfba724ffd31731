"""Citizen text is stored as plain text and shown escaped, with safe clickable links."""

import pytest

from participation.core.text import clean_plain_text, render_plain_text


@pytest.mark.parametrize(
    "raw, stored",
    [
        ("<b>Open</b> data <script>alert(1)</script>", "Open data"),
        ("Fish &amp; chips", "Fish & chips"),
        ("  line one\r\nline two  ", "line one\nline two"),
        ("<img src=x onerror=alert(1)>", ""),
    ],
)
def test_clean_plain_text_keeps_words_only(raw, stored):
    assert clean_plain_text(raw) == stored


def test_render_escapes_text_and_links_urls_safely():
    html = render_plain_text('See https://example.org/a?b=1&c=2 and <b>"quotes"</b>\nnext line')
    assert '<a href="https://example.org/a?b=1&amp;c=2" rel="nofollow ugc noopener">' in html
    assert "&lt;b&gt;" in html and "<b>" not in html
    assert "<br>" in html


@pytest.mark.parametrize("payload", ["javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "<a href='javascript:x'>x</a>"])
def test_render_never_makes_dangerous_links(payload):
    html = render_plain_text(payload)
    assert 'href="javascript' not in html and 'href="data' not in html and "<a href='javascript" not in html
