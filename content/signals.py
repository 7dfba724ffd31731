"""Invalidate cached fragments when anything they show may have changed."""

from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from participation.events.models import Session
from participation.events.queries import sessions_for

from .models import ContentVersion, CountryEditionPage, Organisation


def bump(**kwargs):
    ContentVersion.bump(ContentVersion.CONTENT)


def bump_participation(**kwargs):
    ContentVersion.bump(ContentVersion.PARTICIPATION)


def apply_edition_dates(sender, instance, **kwargs):
    """A published edition's registration opening and deadline hold for all its sessions (the
    registration rules read them from the sessions)."""
    dates = {"registration_opens_at": instance.registration_opens_at, "registration_closes_at": instance.registration_deadline}
    dates = {field: value for field, value in dates.items() if value is not None}
    if dates:
        sessions_for(instance).update(**dates)


def connect():
    # Contributions appear on whole cached pages (comments on briefings): a change shows at once.
    from django.apps import apps

    from participation.core.models import Contribution
    from participation.core.signals import contribution_created, public_content_changed

    contribution_created.connect(bump_participation, dispatch_uid="content-version-contribution")
    # Writes without a model signal: moderation hiding or unhiding, an author's account deleted.
    public_content_changed.connect(bump_participation, dispatch_uid="content-version-public-change")
    for model in apps.get_models():
        if issubclass(model, Contribution):
            post_save.connect(bump_participation, sender=model, dispatch_uid=f"content-version-save-{model._meta.label}")
            post_delete.connect(bump_participation, sender=model, dispatch_uid=f"content-version-delete-{model._meta.label}")
    page_published.connect(bump, dispatch_uid="content-version-published")
    page_published.connect(apply_edition_dates, sender=CountryEditionPage, dispatch_uid="content-edition-dates")
    # Sessions show on cached gathering pages (times, "next call"): an editor's change shows at once.
    post_save.connect(bump_participation, sender=Session, dispatch_uid="content-version-session-save")
    post_delete.connect(bump_participation, sender=Session, dispatch_uid="content-version-session-delete")
    page_unpublished.connect(bump, dispatch_uid="content-version-unpublished")
    for model in (Page, Site, Organisation, PageViewRestriction, get_document_model(), get_image_model()):
        post_delete.connect(bump, sender=model, dispatch_uid=f"content-version-delete-{model.__name__}")
    # A view restriction added, changed (Wagtail's privacy dialog saves it) or removed: the page and
    # the navigation that lists only public pages must not be served from before.
    for model in (Site, Organisation, PageViewRestriction, get_document_model(), get_image_model()):
        post_save.connect(bump, sender=model, dispatch_uid=f"content-version-save-{model.__name__}")
    post_page_move.connect(bump, dispatch_uid="content-version-move")
