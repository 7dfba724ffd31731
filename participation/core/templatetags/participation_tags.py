from django import template
from django.templatetags.static import static
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .. import dates, pages
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


# Dates, times and language names: the site's one formatting path (participation.core.dates).
register.filter("day", dates.day)
register.filter("moment", dates.moment)
register.filter("month", dates.month)
register.filter("language_name", dates.language_name)


@register.simple_tag
def text_lang(code=None):
    """` lang=".." dir=".."` for people's words that may not be in the page's language.

    With a known language other than the page's: its code and direction. Without one (a comment
    says nothing of its language): dir="auto", so the browser aligns and punctuates the text by its
    own first letters (a Ukrainian comment on an Arabic page reads left to right)."""
    if not code:
        return mark_safe(' dir="auto"')
    if code == translation.get_language():
        return ""
    return format_html(' lang="{}" dir="{}"', code, "rtl" if translation.get_language_info(code)["bidi"] else "ltr")


@register.simple_tag
def policy_urls():
    """The terms of use's and privacy policy's addresses in the current language
    (participation.core.pages.policy_urls), e.g. for a footer."""
    return pages.policy_urls(translation.get_language())
