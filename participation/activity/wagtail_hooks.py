from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


@hooks.register("register_admin_urls")
def register_statistics_url():
    return [path("participation/statistics/", admin_views.statistics, name="participation_statistics")]


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_view_statistics(request.user)


@hooks.register("register_admin_menu_item")
def register_statistics_menu_item():
    return StatisticsMenuItem(_("Statistics"), reverse("participation_statistics"), icon_name="table", order=900)
