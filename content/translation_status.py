"""Which translated pages still show their source text.

Two cases: an alias kept in sync with the source (locale synchronisation), and a page an
editor has sent for translation whose translation is not yet published: wagtail-localize
turns the alias into a page that stays live with the source text, and logs the translation's
first revision. Until a revision at least that new is live, readers see the source language."""

from django.db.models import Min
from wagtail.models import Page
from wagtail_localize.models import TranslationLog, TranslationSource


def pending_translation_ids(pages):
    """Ids of `pages` whose live revision predates their first logged translation (one query)."""
    pages = [page for page in pages if page.alias_of_id is None]
    if not pages:
        return set()
    first_translations = dict(
        TranslationLog.objects.filter(revision__object_id__in=[str(page.pk) for page in pages], revision__base_content_type__app_label="wagtailcore", revision__base_content_type__model="page")
        .values_list("revision__object_id")
        .annotate(first=Min("revision_id"))
    )
    return {
        page.pk
        for page in pages
        if str(page.pk) in first_translations
        and (page.live_revision_id is None or page.live_revision_id < first_translations[str(page.pk)])
    }


def source_language_shown(page):
    """The language code of the source text `page` shows instead of its own, or None."""
    if page.alias_of_id:
        return Page.objects.filter(pk=page.alias_of_id).values_list("locale__language_code", flat=True).first()
    if page.pk not in pending_translation_ids([page]):
        return None
    source = TranslationSource.objects.filter(object_id=page.translation_key).exclude(locale_id=page.locale_id).first()
    return source.locale.language_code if source else None


def source_languages_shown(pages):
    """{page id: source language code} for those of `pages` that show their source text (the list
    form of source_language_shown, for cards and search results: three queries whatever the size)."""
    pages = list(pages)
    shown = {}
    aliases = {page.pk: page.alias_of_id for page in pages if page.alias_of_id}
    if aliases:
        codes = dict(Page.objects.filter(pk__in=set(aliases.values())).values_list("pk", "locale__language_code"))
        shown.update({pk: codes[source] for pk, source in aliases.items() if source in codes})
    pending = [page for page in pages if page.pk in pending_translation_ids(pages)]
    if pending:
        sources = dict(
            (key, (locale_id, code))
            for key, locale_id, code in TranslationSource.objects.filter(object_id__in=[page.translation_key for page in pending]).values_list(
                "object_id", "locale_id", "locale__language_code"
            )
        )
        # A page's source is in another locale than the page; the key is shared by all its copies.
        shown.update({page.pk: sources[page.translation_key][1] for page in pending if sources.get(page.translation_key, (page.locale_id,))[0] != page.locale_id})
    return shown


def with_source_languages(pages):
    """`pages` as a list, each with `shown_in`: the language of the text it shows when that is not
    its own ("" otherwise), so cards can say "not yet translated" and carry lang/dir."""
    pages = list(pages)
    shown = source_languages_shown(pages)
    for page in pages:
        page.shown_in = shown.get(page.pk, "")
    return pages
