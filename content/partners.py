"""A partner group per country edition, like the translator groups (translators.py).

The national partner runs their edition: they edit and publish its page (each of its language
versions, nothing else of the site), see its sessions and registrations, export them and message
the registrants (participation.events: organisers of a page are those who may edit it). Editors
add the partner's people to the group. The group is made when the edition page is created; a
translation of the page, once created, joins the same group's pages."""

from django.contrib.auth.models import Group
from django.db.models.signals import post_save
from wagtail.models import GroupPagePermission

from participation.core.pages import canonical_page

from .translators import _grant_choosers, _permissions

PREFIX = "Partners — "
GROUP_PERMISSIONS = ("wagtailadmin.access_admin", "participation_events.view_session", "participation_events.view_registration")
PAGE_PERMISSIONS = ("wagtailcore.change_page", "wagtailcore.publish_page")
NAME_LENGTH = 150  # Group.name


def partner_group(page):
    """The edition's group, found through its page permissions on any language version."""
    return (
        Group.objects.filter(name__startswith=PREFIX, page_permissions__page__translation_key=page.translation_key)
        .order_by("pk")
        .first()
    )


def _new_group(page):
    name = f"{PREFIX}{page.title}"[:NAME_LENGTH]
    if Group.objects.filter(name=name).exists():  # another edition with the same title
        suffix = f" ({page.pk})"
        name = name[: NAME_LENGTH - len(suffix)] + suffix
    group = Group.objects.create(name=name)
    group.permissions.add(*_permissions(*GROUP_PERMISSIONS))
    _grant_choosers(group)
    return group


def ensure_partner_group(page):
    """The edition's "Partners — <title>" group, with change and publish rights on `page` only."""
    group = partner_group(page) or _new_group(canonical_page(page))
    for permission in _permissions(*PAGE_PERMISSIONS):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
    return group


def _edition_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_partner_group(instance)


def connect():
    from .models import CountryEditionPage

    post_save.connect(_edition_created, sender=CountryEditionPage, dispatch_uid="content-partner-group")
