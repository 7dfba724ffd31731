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


POLICIES = ("terms", "privacy")


def policy_urls(language):
    """{"terms": address, "privacy": address} of the site's terms of use and privacy policy, for
    sign-up (and a footer) to link: ACCOUNTS_TERMS_URL / ACCOUNTS_PRIVACY_URL when set (e.g. an
    address elsewhere), else the live page whose slug ACCOUNTS_TERMS_PAGE / ACCOUNTS_PRIVACY_PAGE
    names, in `language` when translated. A kind the site has no public page for is left out, so
    a host without such pages links nothing. Public pages only: the links are the same for all."""
    from participation.core.visibility import public_viewer

    urls, slugs = {}, {}
    for kind in POLICIES:
        if url := getattr(settings, f"ACCOUNTS_{kind.upper()}_URL", ""):
            urls[kind] = url
        elif slug := getattr(settings, f"ACCOUNTS_{kind.upper()}_PAGE", ""):
            slugs[kind] = slug
    if not slugs:
        return urls
    found = {}
    # The shallowest page of that slug in the default locale: the site's own, not a dialogue's child.
    for page in Page.objects.live().filter(slug__in=slugs.values(), locale__language_code=default_language_code()).order_by("depth", "path"):
        found.setdefault(page.slug, page)
    versions = live_versions(found.values(), language)
    viewer = public_viewer()
    for kind, slug in slugs.items():
        page = found.get(slug)
        page = versions.get(page.translation_key, page) if page else None
        if viewer.sees_page(page):
            urls[kind] = page.url
    return urls
