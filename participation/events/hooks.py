"""What an event or edition page says about its registration, read from the page type's hooks
with defaults (participation cannot import a host's page types; a host's pages may define none).

Pass the specific page when you have it (a page template's `page` is): no query then."""

from django.utils.translation import gettext as _


def registration_questions(page):
    """[{"key", "label", "required", "choices": [(value, label), ...]}], labels in the active language."""
    hook = getattr(page.specific, "registration_questions", None)
    return list(hook()) if callable(hook) else []


def consent_text(page):
    text = getattr(page.specific, "registration_consent_text", "")
    return text or _(
        "I agree that the organisers keep my registration and answers to organise this event, and delete them afterwards."
    )


def preselected(page):
    """Pre-selected participants: only registrations selected (by lot) get the access details."""
    return bool(getattr(page.specific, "participants_preselected", False))


def sessions_may_overlap(page):
    return bool(getattr(page.specific, "sessions_may_overlap", True))
