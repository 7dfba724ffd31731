from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views
from .services import can_moderate


@hooks.register("register_admin_urls")
def register_moderation_urls():
    # Wagtail wraps these in its admin-access check; the views check moderation.moderate.
    return [
        path("moderation/", admin_views.QueueView.as_view(), name="moderation_queue"),
        path("moderation/history/", admin_views.HistoryView.as_view(), name="moderation_history"),
        path(
            "moderation/<int:content_type_id>/<int:object_id>/",
            admin_views.ItemView.as_view(),
            name="moderation_item",
        ),
    ]


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return can_moderate(request.user)


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return ModerationMenuItem(_("Moderation"), reverse("moderation_queue"), name="moderation", icon_name="warning", order=350)
