"""Citizen text is plain text: stored without markup, shown escaped with links made clickable."""

import html

import nh3
from django.template.defaultfilters import linebreaksbr
from django.utils.html import urlize
from django.utils.safestring import mark_safe


def clean_plain_text(text):
    """Strip any markup a person pasted or typed; keep the words. Returns plain text."""
    stripped = nh3.clean(text or "", tags=set(), clean_content_tags={"script", "style"})
    return html.unescape(stripped).replace("\r\n", "\n").strip()


def render_plain_text(text):
    """Escaped text with line breaks and auto-linked http(s) URLs, sanitised by nh3."""
    # urlize escaped the text and returns a plain str: mark it safe so linebreaksbr doesn't escape twice.
    linked = linebreaksbr(mark_safe(urlize(text or "", nofollow=True, autoescape=True)))  # noqa: S308
    safe = nh3.clean(
        linked,
        tags={"a", "br"},
        attributes={"a": {"href"}},
        url_schemes={"http", "https"},
        link_rel="nofollow ugc noopener",
    )
    return mark_safe(safe)  # noqa: S308 - nh3 output
