"""The seam between participation and the site's pages, without importing the page models.

A page type opts in as a dialogue with `participation_root = True`; if it also has
`current_phase(today=None)` returning an object with a `kind` ("information", "registration",
"dialogue", "results") or None, participation apps open and close actions per phase."""

from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Page


def dialogue_for(page):
    """The dialogue a page belongs to: the page itself or its nearest ancestor marked as one."""
    if page is None:
        return None
    page = page.specific
    if getattr(page, "participation_root", False):
        return page
    for ancestor in page.get_ancestors().specific().order_by("-depth"):
        if getattr(ancestor, "participation_root", False):
            return ancestor
    return None


def current_phase_kind(dialogue, today=None):
    current_phase = getattr(dialogue.specific if isinstance(dialogue, Page) else dialogue, "current_phase", None)
    if current_phase is None:
        return None
    phase = current_phase(today)
    return getattr(phase, "kind", None)


def phase_kind(dialogue):
    """The current phase kind as `current_phase_kind` gives it, or "always" for a dialogue page
    type without phases (then nothing closes by phase).

    Cached: phases are published with the page, so its live revision and today's date name the
    answer, and a busy action (a support per click) skips two queries. The short timeout bounds
    changes made without publishing (scripts, the shell)."""
    key = f"dialogue-phase:{dialogue.pk}:{dialogue.live_revision_id}:{timezone.localdate().isoformat()}"
    kind = cache.get(key)
    if kind is None:
        specific = dialogue.specific
        kind = (current_phase_kind(specific) if hasattr(specific, "current_phase") else "always") or ""
        cache.set(key, kind, 60)
    return kind or None
