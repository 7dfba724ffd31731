"""The seam between participation and the site's pages, without importing the page models.

A page type opts in as a dialogue with `participation_root = True`; if it also has
`current_phase(today=None)` returning an object with a `kind` (a `PhaseKind` value) or None,
participation apps open and close actions per phase."""

from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Page

from .phases import PhaseKind

# What `phase_kind` says of a dialogue page type without phases: nothing closes by phase.
ALWAYS = "always"


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
    """The `PhaseKind` of the phase running `today`, or None (no phase running, or no phases)."""
    current_phase = getattr(dialogue.specific if isinstance(dialogue, Page) else dialogue, "current_phase", None)
    if current_phase is None:
        return None
    return as_phase_kind(getattr(current_phase(today), "kind", None))


def as_phase_kind(value):
    # A kind participation does not know (a host's own phase) opens nothing, like no phase.
    return PhaseKind(value) if value in PhaseKind.values else None


def phase_kind(dialogue):
    """The current phase kind as `current_phase_kind` gives it, or `ALWAYS` for a dialogue page
    type without phases (then nothing closes by phase).

    Cached: phases are published with the page, so its live revision and today's date name the
    answer, and a busy action (a support per click) skips two queries. The short timeout bounds
    changes made without publishing (scripts, the shell)."""
    key = f"dialogue-phase:{dialogue.pk}:{dialogue.live_revision_id}:{timezone.localdate().isoformat()}"
    kind = cache.get(key)
    if kind is None:
        specific = dialogue.specific
        kind = (current_phase_kind(specific) if hasattr(specific, "current_phase") else ALWAYS) or ""
        cache.set(key, str(kind), 60)
    return ALWAYS if kind == ALWAYS else as_phase_kind(kind)
