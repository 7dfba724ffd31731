"""A page exists once per language (wagtail-localize translations of one page). Participation
attaches what is language-independent (proposals, settings, sessions) to the page's version in the
default locale, its "canonical" page, so every language lists and counts the same things."""

from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page


def default_language_code():
    # What Locale.get_default() looks up, without the query.
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def canonical_page(page):
    """The page's version in the default locale (the page itself when there is none)."""
    if page is None:
        return None
    default_code = default_language_code()
    if page.locale.language_code == default_code:
        return page
    return (
        Page.objects.filter(translation_key=page.translation_key, locale__language_code=default_code).first() or page
    )


def live_versions(pages, language):
    """{translation key: live version in `language`} of the given pages, for those that have one."""
    keys = [page.translation_key for page in pages]
    if not keys:
        return {}
    versions = Page.objects.live().filter(translation_key__in=keys, locale__language_code=language).select_related("locale")
    return {version.translation_key: version for version in versions}
