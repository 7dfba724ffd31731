from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import EventSeries, EventTheme


@hooks.register("before_serve_page")
def mark_wagtail_page(page, request, serve_args, serve_kwargs):
    """Tell the anonymous page cache (content/page_cache.py) that Wagtail rendered this response."""
    request.serving_wagtail_page = True


class EventThemeViewSet(SnippetViewSet):
    model = EventTheme
    icon = "tag"
    menu_label = _("Event themes")
    list_display = ["name", "slug"]


class EventSeriesViewSet(SnippetViewSet):
    model = EventSeries
    icon = "repeat"
    menu_label = _("Event series")
    list_display = ["name", "index"]


class GatheringsContentGroup(SnippetViewSetGroup):
    menu_label = _("Event series")
    menu_icon = "repeat"
    menu_order = 261
    items = (EventSeriesViewSet, EventThemeViewSet)


register_snippet(GatheringsContentGroup)
