"""Groups and permissions for editors and for partners who translate into one language.

A translator group may add, edit and publish pages only in its own locale's tree. Submitting
pages for translation stays with editors: wagtail-localize's submit permission is global."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from participation.core.models import GroupLocale

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
TRANSLATED_SNIPPETS = [
    ("participation_proposals", "proposalanswer"),
    ("participation_questionnaires", "questionnaire"),
    ("participation_polls", "poll"),
    ("content", "eventtheme"),
    ("content", "eventseries"),
]


def _permissions(*codenames):
    app_codenames = [codename.split(".") for codename in codenames]
    found = {
        f"{p.content_type.app_label}.{p.codename}": p
        for p in Permission.objects.filter(codename__in=[c for _, c in app_codenames]).select_related("content_type")
    }
    return [found[codename] for codename in codenames]


def _grant_pages(group, page):
    for permission in _permissions(*(f"wagtailcore.{name}" for name in PAGE_PERMISSIONS)):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _grant_choosers(group):
    root = Collection.get_first_root_node()
    for permission in _permissions("wagtaildocs.choose_document", "wagtailimages.choose_image"):
        GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)


def translator_group_name(locale):
    return f"Translators ({locale.language_code})"


def ensure_translator_group(locale, home_page):
    """The "Translators (xx)" group: admin access and page rights on that locale's tree only."""
    group, _ = Group.objects.get_or_create(name=translator_group_name(locale))
    # Partners also translate the official answers to proposals (wagtail-localize snippets), in
    # their locale only: the English answer is the editors'.
    # Likewise their language's copy of questionnaires, polls, event themes and series.
    group.permissions.add(
        *_permissions(
            "wagtailadmin.access_admin",
            *(f"{app}.{action}_{model}" for app, model in TRANSLATED_SNIPPETS for action in ("view", "change")),
        )
    )
    GroupLocale.objects.get_or_create(group=group, locale=locale)
    _grant_pages(group, home_page)
    _grant_choosers(group)
    return group


def ensure_editor_group():
    """Editors build dialogues in every locale, manage partners and media, and submit translations."""
    group, _ = Group.objects.get_or_create(name="Editors")
    group.permissions.add(
        *_permissions(
            "wagtailadmin.access_admin",
            "wagtail_localize.submit_translation",
            "content.add_organisation",
            "content.change_organisation",
            "content.delete_organisation",
            "content.add_eventtheme",
            "content.change_eventtheme",
            "content.delete_eventtheme",
            "content.add_eventseries",
            "content.change_eventseries",
            "content.delete_eventseries",
            # Official answers, proposal states and per-dialogue participation settings.
            "participation_proposals.view_proposal",
            "participation_proposals.change_proposal",
            "participation_proposals.view_proposalanswer",
            "participation_proposals.change_proposalanswer",
            "participation_proposals.delete_proposalanswer",
            "participation_proposals.view_proposalstate",
            "participation_proposals.add_proposalstate",
            "participation_proposals.change_proposalstate",
            "participation_proposals.delete_proposalstate",
            "participation_proposals.view_dialoguesettings",
            "participation_proposals.add_dialoguesettings",
            "participation_proposals.change_dialoguesettings",
            "participation_activity.view_statistics",
            # Gatherings: sessions of events and country editions; registrations read-only.
            "participation_events.view_session",
            "participation_events.add_session",
            "participation_events.change_session",
            "participation_events.delete_session",
            "participation_events.view_registration",
            # Questionnaires: built and translated in the admin; responses are never listed there.
            "participation_questionnaires.view_questionnaire",
            "participation_questionnaires.add_questionnaire",
            "participation_questionnaires.change_questionnaire",
            "participation_questionnaires.delete_questionnaire",
            # Quick polls placed in briefings.
            "participation_polls.view_poll",
            "participation_polls.add_poll",
            "participation_polls.change_poll",
            "participation_polls.delete_poll",
        )
    )
    _grant_pages(group, Page.get_first_root_node())
    root = Collection.get_first_root_node()
    for permission in _permissions(
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
    ):
        GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)
    return group
