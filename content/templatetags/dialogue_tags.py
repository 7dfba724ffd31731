from django import template
from django.conf import settings
from django.db.models import Q
from django.templatetags.static import static
from django.urls import translate_url
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext
from wagtail.models import Page, Site

from content.models import ContentVersion
from content.translation_status import pending_translation_ids, source_language_shown

register = template.Library()


def _locale_pages(page, site):
    """The page's live versions and the site's home pages, keyed by language, in one query."""
    keys = Q(translation_key=site.root_page.translation_key)
    if page is not None:
        keys |= Q(translation_key=page.translation_key)
    pages, homes = {}, {}
    for candidate in Page.objects.live().filter(keys).select_related("locale"):
        code = candidate.locale.language_code
        if page is not None and candidate.translation_key == page.translation_key:
            pages[code] = candidate
        if candidate.translation_key == site.root_page.translation_key:
            homes[code] = candidate
    return pages, homes


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per interface language for the switcher and the hreflang alternates.

    On a Wagtail page, each entry links to that page's translation; where there is none yet
    (or only an untranslated copy of the source) it links to that language's home page and
    says so, in that language."""
    request = context.get("request")
    if request is None:
        return []
    if not hasattr(request, "_language_links"):  # the head and the header both need them
        request._language_links = _language_links(request, context)
    return request._language_links


def _language_links(request, context):
    page = context.get("page") if isinstance(context.get("page"), Page) else None
    current = translation.get_language()
    if page is None:
        # Any other view: the same address under each language prefix, no query needed.
        return [_link(request, code, name, current, translate_url(request.get_full_path(), code), True) for code, name in settings.LANGUAGES]
    site = Site.find_for_request(request)
    pages, homes = _locale_pages(page, site) if site else ({}, {})
    pending = pending_translation_ids(pages.values())
    links = []
    for code, name in settings.LANGUAGES:
        target = pages.get(code)
        available = target is not None and target.alias_of_id is None and target.pk not in pending
        if target is not None:
            url = target.get_url(request)
        else:
            home = homes.get(code)
            url = home.get_url(request) if home else f"/{code}/"
        links.append(_link(request, code, name, current, url, available))
    return links


def _link(request, code, name, current, url, available):
    with translation.override(code):
        note = "" if available else gettext("not yet translated")
    return {
        "code": code,
        "name": name,
        "url": url,
        "absolute_url": request.build_absolute_uri(url),
        "current": code == current,
        "available": available,
        "note": note,
        "bidi": translation.get_language_info(code)["bidi"],
    }


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """Top-level pages marked "show in menus" in the visitor's language."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    home = site.root_page.localized
    return [home] + list(home.get_children().live().public().in_menu().only("id", "title", "url_path", "locale_id", "depth", "path"))


@register.simple_tag(takes_context=True)
def content_version(context):
    """The published-content version, read once per request; part of every fragment cache key."""
    request = context.get("request")
    if request is None:
        return f"v{ContentVersion.current()}"
    if not hasattr(request, "_content_version"):
        request._content_version = f"v{ContentVersion.current()}"
    return request._content_version


@register.simple_tag
def source_language(page):
    """The language of the text a page shows when its translation is not published yet, or ""."""
    return source_language_shown(page) or ""


DESCRIPTION_LENGTH = 160


@register.simple_tag(takes_context=True)
def page_description(context):
    """The page's search description, else its summary or introduction as plain text (search
    engines and link previews show about 160 characters), else what the site is."""
    page = context.get("page")
    text = ""
    if page is not None:
        text = getattr(page, "search_description", "") or getattr(page, "summary", "") or getattr(page, "intro", "")
    text = " ".join(strip_tags(str(text)).split())
    if not text:
        return gettext("Dialogue: everything citizens produce here is public and downloadable, except personal data.")
    return Truncator(text).chars(DESCRIPTION_LENGTH)


@register.simple_tag(takes_context=True)
def social_image(context):
    """The absolute address of the picture shown in link previews: the page's image, else the site's."""
    request = context.get("request")
    image = getattr(context.get("page"), "image", None)
    url = image.get_rendition("fill-1200x630").url if image is not None else static("img/social.png")
    return request.build_absolute_uri(url) if request is not None else url
