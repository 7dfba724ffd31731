from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.admin.widgets.button import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSet, SnippetViewSetGroup

from participation.core.permissions import InstancePermissionMixin, LocaleLimitedViewSetMixin

from . import series
from .models import EventSeries, EventTheme

OCCURRENCES_LABEL = _("Create monthly occurrences")


@hooks.register("before_serve_page")
def mark_wagtail_page(page, request, serve_args, serve_kwargs):
    """Tell the anonymous page cache (content/page_cache.py) that Wagtail rendered this response."""
    request.serving_wagtail_page = True


@hooks.register("register_admin_urls")
def register_series_urls():
    return [path("content/series/occurrences/", series.occurrences_view, name="content_series_occurrences")]


def occurrences_url(instance):
    return f"{reverse('content_series_occurrences')}?series={instance.pk}"


class EventSeriesIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        return [*super().get_list_more_buttons(instance), MenuItem(OCCURRENCES_LABEL, url=occurrences_url(instance), icon_name="calendar-alt", priority=15)]


class EventSeriesEditView(InstancePermissionMixin, EditView):
    @cached_property
    def header_more_buttons(self):
        return [*super().header_more_buttons, Button(OCCURRENCES_LABEL, url=occurrences_url(self.object), icon_name="calendar-alt", priority=5)]


class EventThemeEditView(InstancePermissionMixin, EditView):
    pass


class EventThemeViewSet(LocaleLimitedViewSetMixin, SnippetViewSet):
    model = EventTheme
    edit_view_class = EventThemeEditView
    icon = "tag"
    menu_label = _("Event themes")
    list_display = ["name", "slug"]


class EventSeriesViewSet(LocaleLimitedViewSetMixin, SnippetViewSet):
    model = EventSeries
    icon = "calendar-alt"
    menu_label = _("Event series")
    list_display = ["name", "index"]
    index_view_class = EventSeriesIndexView
    edit_view_class = EventSeriesEditView


class GatheringsContentGroup(SnippetViewSetGroup):
    menu_label = _("Event series")
    menu_icon = "calendar-alt"
    menu_order = 261
    items = (EventSeriesViewSet, EventThemeViewSet)


register_snippet(GatheringsContentGroup)
