"""The seam between participation and the site's pages, without importing the page models.

A page type opts in as a dialogue with `participation_root = True`; if it also has
`current_phase(today=None)` returning an object with a `kind` ("information", "registration",
"dialogue", "results") or None, participation apps open and close actions per phase."""

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
