from django import template
from django.templatetags.static import static
from django.utils.html import format_html

from ..conf import site_name

register = template.Library()

ASSETS_RENDERED = "participation_assets_rendered"


@register.simple_tag
def participation_site_name():
    return site_name()


@register.simple_tag(takes_context=True)
def participation_assets(context):
    """participation.css and participation.js, once per page.

    Participation's pages ask for them in `extra_head`; a host that shows participation
    components on its own pages puts the tag in its base template too. The mark lives in the
    render context's bottom layer, which the whole page render shares (extends, blocks,
    includes, inclusion tags), so the page gets one copy whoever asks first."""
    shared = context.render_context.dicts[0]
    if shared.get(ASSETS_RENDERED):
        return ""
    shared[ASSETS_RENDERED] = True
    return format_html(
        '<link rel="stylesheet" href="{}">\n  <script src="{}" defer></script>',
        static("participation/participation.css"),
        static("participation/participation.js"),
    )
