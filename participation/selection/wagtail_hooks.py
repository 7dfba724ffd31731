from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem

from participation.events import organisers
from participation.events.queries import sessions_for

from . import admin_views


@hooks.register("register_admin_urls")
def register_selection_urls():
    return [path("selection/pages/<int:page_id>/", admin_views.selection_page, name="selection_admin_page")]


@hooks.register("register_page_header_buttons")
def selection_button(page, user, view_name=None, next_url=None):
    """On a gathering's page in the admin, for its organisers."""
    if not (organisers.may_see_registrations(user) and sessions_for(page).exists() and organisers.may_organise(user, page)):
        return []
    return [PageMenuItem(_("Selection"), reverse("selection_admin_page", args=[page.pk]), "list-ol", 83, page=page)]
