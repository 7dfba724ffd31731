"""Inline SVG icons and initials avatars: they render in every browser and font, unlike glyphs
such as ⎙ that many system fonts lack."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# 24x24 stroke paths (drawn for this project in the style of common open icon sets).
PATHS = {
    "menu": '<path d="M4 6h16M4 12h16M4 18h16"/>',
    "close": '<path d="M6 6l12 12M18 6L6 18"/>',
    "search": '<circle cx="11" cy="11" r="6.5"/><path d="M16 16l4.5 4.5"/>',
    "globe": '<circle cx="12" cy="12" r="9"/><path d="M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3z"/>',
    "user": '<circle cx="12" cy="8" r="4"/><path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7"/>',
    "document": '<path d="M6 3h8l4 4v14H6z"/><path d="M14 3v4h4M9 12h6M9 16h6"/>',
    "comment": '<path d="M4 5h16v11H9l-5 4z"/>',
    "support": '<path d="M7 11v9H4v-9zM7 11l4-8c1.7 0 2.5 1 2.2 2.6L12.6 9H19a2 2 0 0 1 2 2.3l-1.2 6.6A2.5 2.5 0 0 1 17.3 20H7"/>',
    "tag": '<path d="M3 12V3h9l9 9-9 9z"/><circle cx="7.5" cy="7.5" r="1.5"/>',
    "calendar": '<rect x="3" y="5" width="18" height="16" rx="2"/><path d="M3 10h18M8 3v4M16 3v4"/>',
    "check": '<path d="M4 12.5l5 5L20 6.5"/>',
    "bell": '<path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4z"/><path d="M10 20.5a2 2 0 0 0 4 0"/>',
    "settings": '<path d="M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1"/><circle cx="15" cy="6" r="2"/><circle cx="9" cy="12" r="2"/><circle cx="17" cy="18" r="2"/>',
}


@register.simple_tag
def icon(name, label=""):
    """An icon; decorative (hidden from assistive technology) unless it is given a label."""
    if label:
        accessible = format_html(' role="img" aria-label="{}"', label)
    else:
        accessible = mark_safe(' aria-hidden="true"')
    return format_html(
        '<svg class="icon icon--{}" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" '
        'stroke-width="2" stroke-linecap="round" stroke-linejoin="round" focusable="false"{}>{}</svg>',
        name,
        accessible,
        mark_safe(PATHS[name]),
    )


# How many background colours participation.css defines (.avatar--0 to .avatar--6).
AVATAR_COLOURS = 7


def initials(name):
    words = [word for word in str(name).replace("-", " ").replace("_", " ").split() if word]
    letters = "".join(word[0] for word in words[:2]) if len(words) > 1 else str(name)[:2]
    return letters.upper()


@register.simple_tag
def avatar(name):
    """Initials on a colour derived from the name; decorative, since the name is written beside
    it. The initials are drawn by CSS from data-initials, so the name's text is not repeated."""
    index = sum(map(ord, str(name))) % AVATAR_COLOURS
    return format_html('<span class="avatar avatar--{}" data-initials="{}" aria-hidden="true"></span>', index, initials(name))
