from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem

from participation.events import organisers
from participation.events.queries import sessions_for

from . import admin_views


@hooks.register("register_admin_urls")
def register_focus_group_urls():
    return [
        path("focus-groups/pages/<int:page_id>/", admin_views.groups_page, name="focusgroups_admin_page"),
        path("focus-groups/pages/<int:page_id>/rosters.csv", admin_views.rosters_csv, name="focusgroups_admin_rosters"),
    ]


@hooks.register("register_page_header_buttons")
def focus_group_button(page, user, view_name=None, next_url=None):
    """On a gathering's page in the admin, for its organisers."""
    if not (organisers.may_see_registrations(user) and sessions_for(page).exists() and organisers.may_organise(user, page)):
        return []
    return [PageMenuItem(_("Focus groups"), reverse("focusgroups_admin_page", args=[page.pk]), "group", 82, page=page)]
