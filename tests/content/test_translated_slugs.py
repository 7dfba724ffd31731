"""A translated page's slug is in its own language and script, never the English one copied by
accident (content/slugs.py), whether wagtail-localize copied it or stripped it to ASCII."""

import pytest
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, TranslationSource

from content.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def terms(home):
    return home.add_child(instance=StandardPage(title="Rules of the road", slug="rules-of-the-road"))


def translated_through_localize(page, locale, title):
    """What a translator does in wagtail-localize's editor: translate the title, publish."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    for segment in source.stringsegment_set.select_related("string", "context"):
        if segment.context.path == "title":
            StringTranslation.objects.update_or_create(
                translation_of=segment.string, locale=locale, context=segment.context, defaults={"data": title}
            )
    translated, _created = source.create_or_update_translation(locale, publish=True, fallback=True)
    return Page.objects.get(pk=translated.pk)


def test_a_ukrainian_translation_gets_a_cyrillic_slug_from_its_title(terms, locales):
    page = translated_through_localize(terms, locales["uk"], "Правила участі")
    assert page.slug == "правила-участі"
    assert page.url_path.endswith("/правила-участі/")


def test_an_arabic_title_with_latin_letters_keeps_its_arabic_words(terms, locales):
    page = translated_through_localize(terms, locales["ar"], "قواعد المشاركة COVID-19")
    assert page.slug == "قواعد-المشاركة-covid-19"


def test_a_french_translation_gets_a_french_slug_and_a_chosen_slug_stays(terms, locales):
    page = translated_through_localize(terms, locales["fr"], "Règles de participation")
    assert page.slug == "règles-de-participation"
    page.slug = "regles"
    page.save()
    assert Page.objects.get(pk=page.pk).slug == "regles"  # someone chose it: left alone


def test_an_untranslated_copy_keeps_the_source_slug_until_its_title_is_translated(terms, locales):
    copy = terms.copy_for_translation(locales["es"])
    assert Page.objects.get(pk=copy.pk).slug == "rules-of-the-road"
    assert Page.objects.get(pk=terms.pk).slug == "rules-of-the-road"  # the source page is never touched


def test_a_slug_spelt_without_accents_is_a_choice_and_stays(terms, locales):
    copy = terms.copy_for_translation(locales["fr"])
    copy.title, copy.slug = "Règles du jeu", "regles-du-jeu"
    copy.save()
    assert Page.objects.get(pk=copy.pk).slug == "regles-du-jeu"
