"""Citizens read in their language; partners translate through wagtail-localize."""

import pytest
from bs4 import BeautifulSoup
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from content.models import TopicPage

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def new_topic(dialogue, **extra):
    topic = TopicPage(
        title="Digital commons",
        slug="digital-commons",
        question="What should belong to everyone online?",
        summary="Shared knowledge and open software.",
        body=[{"type": "paragraph", "value": "<p>Wikipedia is written by volunteers.</p>"}],
        **extra,
    )
    dialogue.add_child(instance=topic)
    topic.save_revision().publish()
    return topic


FRENCH = {
    "Digital commons": "Communs numériques",
    "digital-commons": "communs-numeriques",
    "What should belong to everyone online?": "Que devrait-il appartenir à tous en ligne ?",
    "Shared knowledge and open software.": "Savoirs partagés et logiciels libres.",
    "Wikipedia is written by volunteers.": "Wikipédia est écrite par des bénévoles.",
}


def translate_into_french(page, locales, publish=True):
    """What a translator does in the segment editor, through wagtail-localize's own models."""
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locales["fr"])
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        text = StringValue(segment.string.data).render_text()
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=locales["fr"],
            context=segment.context,
            data=StringValue.from_plaintext(FRENCH[text]).data,
        )
    with transaction.atomic():
        translation.save_target(publish=publish)
    return page.get_translation(locales["fr"])


def test_translation_through_wagtail_localize_is_served_in_french(client, dialogue, locales, django_capture_on_commit_callbacks):
    topic = new_topic(dialogue)
    with django_capture_on_commit_callbacks(execute=True):
        french = translate_into_french(topic, locales)
    french.refresh_from_db()
    assert french.live and french.title == "Communs numériques"
    response = client.get(french.url)
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == "fr" and html.html["dir"] == "ltr"
    assert html.h1.text == "Communs numériques"
    assert "Wikipédia est écrite par des bénévoles." in html.text
    assert "Question à débattre" in html.text  # interface strings in French too


def test_new_translation_stays_draft_until_published(client, dialogue, locales, django_capture_on_commit_callbacks, settings):
    assert settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is False
    topic = new_topic(dialogue)
    with django_capture_on_commit_callbacks(execute=True):
        french = translate_into_french(topic, locales, publish=False)
    french.refresh_from_db()
    assert not french.live
    assert client.get(f"/fr/{french.get_parent().slug}/communs-numeriques/").status_code == 404


def test_language_switcher_links_translations_and_hreflang(client, topic, locales):
    html = soup(client.get(topic.url))
    switcher = html.select_one("nav.language-switcher")
    links = {a["hreflang"]: a for a in switcher.find_all("a")}
    assert set(links) == {"en", "fr", "es", "uk", "ar"}
    assert links["en"].get("aria-current") == "true"
    for code in ("fr", "es", "uk", "ar"):
        assert links[code]["href"] == topic.get_translation(locales[code]).url
        assert links[code]["lang"] == code
    assert links["ar"]["dir"] == "rtl"
    alternates = {link["hreflang"]: link["href"] for link in html.select('link[rel="alternate"]')}
    assert set(alternates) == {"en", "fr", "es", "uk", "ar", "x-default"}
    assert alternates["uk"] == "http://testserver" + topic.get_translation(locales["uk"]).url
    assert alternates["x-default"] == alternates["en"]


def test_switcher_says_when_a_page_is_not_yet_translated(client, dialogue, locales):
    topic = new_topic(dialogue)
    html = soup(client.get(topic.url))
    french = html.select_one('nav.language-switcher a[hreflang="fr"]')
    assert french["href"] == "/fr/"  # that language's home page
    assert "pas encore traduit" in french.text  # said in the language it links to
    assert "fr" not in {link["hreflang"] for link in html.select('link[rel="alternate"]')}


def test_untranslated_copy_shows_source_text_with_a_visible_notice(client, dialogue, locales):
    topic = new_topic(dialogue)
    alias = topic.copy_for_translation(locales["uk"], alias=True)  # what locale sync creates
    response = client.get(alias.url)
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == "uk"
    assert html.select_one(".notice--translation")
    assert html.select_one("article.briefing")["lang"] == "en"
    assert "Wikipedia is written by volunteers." in html.text


def test_arabic_is_right_to_left(client, topic, locales):
    html = soup(client.get(topic.get_translation(locales["ar"]).url))
    assert html.html["lang"] == "ar" and html.html["dir"] == "rtl"
    with translation.override("ar"):
        skip = gettext("Skip to main content")
    assert skip != "Skip to main content"
    assert html.select_one(".skip-link").text == skip


@pytest.mark.parametrize("language, greeting", [("fr", "Page introuvable"), ("ar", "الصفحة غير موجودة"), ("en", "Page not found")])
def test_404_is_translated(client, language, greeting):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    assert greeting in response.content.decode()


def test_unknown_language_prefix_ends_in_a_translated_404(client):
    response = client.get("/de/", HTTP_ACCEPT_LANGUAGE="es", follow=True)
    assert response.status_code == 404
    assert "Página no encontrada" in response.content.decode()


@pytest.mark.parametrize("header, target", [("fr-FR,fr;q=0.9", "/fr/"), ("uk", "/uk/"), ("ar", "/ar/"), ("de", "/en/")])
def test_root_redirects_by_accept_language(client, header, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == 302 and response["Location"] == target


def test_every_public_page_is_under_a_language_prefix(client):
    for page in Page.objects.live().filter(depth__gt=1).specific():
        url = page.url
        assert url.split("/")[1] == page.locale.language_code, url


def test_search_finds_pages_in_the_visitor_language_only(client):
    french = soup(client.get("/fr/search/", {"q": "désinformation"}))
    titles = [a.text for a in french.select(".search-results h3 a")]
    assert "Désinformation" in titles
    assert all("/fr/" in a["href"] for a in french.select(".search-results h3 a"))
    english = soup(client.get("/en/search/", {"q": "désinformation"}))
    assert not english.select(".search-results li")


def test_search_handles_empty_and_overlong_queries(client):
    assert client.get("/en/search/").status_code == 200
    response = client.get("/en/search/", {"q": "x" * 5000})
    assert response.status_code == 200
    assert response.context["query"] == "x" * 200


def test_page_sent_for_translation_shows_source_with_notice_until_published(client, dialogue, locales, django_capture_on_commit_callbacks):
    topic = new_topic(dialogue)
    alias = topic.copy_for_translation(locales["fr"], alias=True)  # locale sync
    with django_capture_on_commit_callbacks(execute=True):
        draft = translate_into_french(topic, locales, publish=False)  # the editor's "Translate"
    assert draft.pk == alias.pk and draft.alias_of_id is None
    html = soup(client.get(draft.url))
    assert html.select_one(".notice--translation")
    assert html.select_one("article.briefing")["lang"] == "en"
    english = soup(client.get(topic.url))
    assert "pas encore traduit" in english.select_one('nav.language-switcher a[hreflang="fr"]').text
    with django_capture_on_commit_callbacks(execute=True):
        draft.get_latest_revision().publish()
    published = soup(client.get(Page.objects.get(pk=draft.pk).url))
    assert not published.select_one(".notice--translation")
    assert published.h1.text == "Communs numériques"


@pytest.mark.parametrize("query", ['\'\';!--"<XSS>=&{()}', '"unbalanced', "AND OR NOT", "***", "données)"])
def test_search_survives_query_syntax(client, query):
    response = client.get("/fr/search/", {"q": query})
    assert response.status_code == 200


def test_untranslated_topic_cards_carry_their_language_and_say_so(client, dialogue, locales):
    topic = new_topic(dialogue)
    topic.copy_for_translation(locales["ar"], alias=True)  # locale sync: English text on the Arabic page
    arabic = dialogue.get_translation(locales["ar"])
    html = soup(client.get(arabic.url))
    card = next(card for card in html.select(".cards .card") if "Digital commons" in card.text)
    title = card.select_one(".card__title")
    assert (title["lang"], title["dir"]) == ("en", "ltr")  # "?get online safely" no more
    assert (card.select_one(".card__question")["lang"], card.select_one(".card__question")["dir"]) == ("en", "ltr")
    with translation.override("ar"):
        assert card.select_one(".card__note").text == gettext("Not yet translated: in %(language)s") % {"language": "الإنجليزية"}


def test_the_translation_notice_names_languages_the_french_way(client, dialogue, locales):
    topic = new_topic(dialogue)
    alias = topic.copy_for_translation(locales["fr"], alias=True)
    notice = soup(client.get(alias.url)).select_one(".notice--translation").text
    assert "traduite en français" in notice and "en anglais" in notice
