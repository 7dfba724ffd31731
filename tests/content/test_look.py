"""The site's look as markup: header and phone menu, meta description and link previews, the
favicon, the phase timeline, topic images, icons and initials avatars."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.template import Context, Template
from django.test import Client

from content.models import DialoguePage, DialoguePhase, TopicPage
from tests.factories import comment_on, make_person, make_proposal


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_the_header_has_a_menu_button_that_opens_the_menu_without_javascript(client, dialogue):
    html = soup(client.get(dialogue.url))
    button = html.select_one("header.site-header a.site-menu-button")
    assert button["href"] == "#site-menu" and button.get_text(strip=True) == "Menu"
    menu = html.select_one("header.site-header #site-menu")
    # Navigation, search, languages and the account menu all live in it.
    assert menu.select_one("nav.site-nav") and menu.select_one("form[role=search]")
    assert menu.select_one("nav.language-switcher") and menu.select_one("nav.account-nav")
    assert menu.select_one(".site-search button svg[aria-hidden=true]")


def test_every_page_has_a_description_from_its_search_description_or_summary(client, dialogue, topic):
    description = soup(client.get(topic.url)).select_one('meta[name="description"]')["content"]
    assert description.startswith(topic.summary[:100]) and len(description) <= 160
    TopicPage.objects.filter(pk=topic.pk).update(search_description="<b>Who keeps</b> your   data?")
    cache.clear()  # the whole-page cache still holds the page as it was
    html = soup(Client().get(topic.url))
    assert html.select_one('meta[name="description"]')["content"] == "Who keeps your data?"
    assert html.select_one('meta[property="og:description"]')["content"] == "Who keeps your data?"
    # Pages that are not Wagtail pages say what the site is.
    sign_in = soup(client.get("/fr/accounts/login/"))
    assert "Dialogue" in sign_in.select_one('meta[name="description"]')["content"]


def test_link_previews_show_the_title_and_the_topics_image(client, topic):
    html = soup(client.get(topic.url))
    assert html.select_one('meta[property="og:title"]')["content"] == topic.title
    image = html.select_one('meta[property="og:image"]')["content"]
    assert image.startswith("http://testserver/") and "fill-1200x630" in image
    assert html.select_one('meta[name="twitter:card"]')["content"] == "summary_large_image"


def test_favicon_is_never_a_404(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("img/favicon.ico")


@pytest.fixture
def phases(dialogue):
    today = datetime.date.today()
    dialogue.phases.all().delete()
    for kind, start, end in [("information", -20, -10), ("registration", -5, 5), ("dialogue", 0, 3), ("results", 10, None)]:
        DialoguePhase.objects.create(
            page=dialogue, locale=dialogue.locale, kind=kind,
            starts_on=today + datetime.timedelta(days=start), ends_on=today + datetime.timedelta(days=end) if end is not None else None,
        )  # fmt: skip
    return DialoguePage.objects.get(pk=dialogue.pk)


def test_the_timeline_marks_past_now_and_next_and_two_phases_running_today(client, phases):
    html = soup(client.get(phases.url))
    steps = [(li.select_one(".timeline__name").get_text(), li.select_one(".timeline__state").get_text()) for li in html.select(".timeline li")]
    assert steps == [("Information", "finished"), ("Registration", "now"), ("Dialogue day", "now"), ("Results", "coming")]
    assert [li.select_one(".timeline__name").get_text() for li in html.select('.timeline li[aria-current="step"]')] == ["Registration", "Dialogue day"]


def test_the_timeline_speaks_arabic(client, dialogue, locales):
    # The demo's phases run around today: information and registration now, the rest to come.
    html = soup(client.get(dialogue.get_translation(locales["ar"]).url))
    assert [li.select_one(".timeline__state").get_text() for li in html.select(".timeline li")] == ["جارية الآن", "جارية الآن", "قادمة", "قادمة"]


def test_topic_cards_show_responsive_images(client, dialogue):
    html = soup(client.get(dialogue.url))
    image = html.select_one(".cards .card--image img.card__image")
    assert image["alt"] == ""  # the card's title beside it names the topic
    assert image["loading"] == "lazy" and image["width"] and image["height"]
    assert len(image["srcset"].split(",")) == 2 and image["sizes"]


def test_the_briefing_shows_its_image_described(client, topic, locales):
    image = soup(client.get(topic.url)).select_one("img.briefing__image")
    assert image["alt"] == "Abstract illustration: overlapping circles and lines" and image["srcset"]
    arabic = soup(client.get(topic.get_translation(locales["ar"]).url)).select_one("img.briefing__image")
    assert arabic["alt"] == "رسم تجريدي: دوائر وخطوط متداخلة"
    TopicPage.objects.filter(pk=topic.pk).update(image_alt="")
    cache.clear()
    assert soup(Client().get(topic.url)).select_one("img.briefing__image")["alt"] == topic.image.title


def test_a_topic_without_an_image_gets_a_plain_card(client, dialogue, topic):
    TopicPage.objects.filter(pk=topic.pk).update(image=None)
    cache.clear()
    html = soup(client.get(dialogue.url))
    card = html.find("a", string=topic.title).find_parent("li")
    assert "card--image" not in card["class"] and card.select_one("img") is None


def test_document_material_uses_an_svg_icon(client, topic):
    html = soup(client.get(topic.url))
    assert html.select_one(".material .material__icon svg.icon--document[aria-hidden=true]")
    assert "⎙" not in html.text


def test_initials_avatars_are_decorative():
    rendered = Template("{% load participation_icons %}{% avatar 'maryna-k' %}{% avatar 'ines' %}{% icon 'search' 'Find' %}").render(Context())
    html = BeautifulSoup(rendered, "html.parser")
    first, second = html.select(".avatar")
    assert (first["data-initials"], second["data-initials"]) == ("MK", "IN")
    assert first["aria-hidden"] == "true" and first.get_text() == ""
    assert html.select_one("svg")["role"] == "img" and html.select_one("svg")["aria-label"] == "Find"


def test_proposal_cards_show_an_excerpt_and_the_authors_avatar(client, dialogue):
    author = make_person("maryna")
    make_proposal(dialogue, author, title="Benches", body="People need places to rest. " * 20)
    item = soup(client.get(f"/en/dialogues/{dialogue.pk}/proposals/")).select_one(".proposal-item")
    excerpt = item.select_one(".proposal-item__excerpt").get_text()
    assert excerpt.startswith("People need places to rest.") and len(excerpt) <= 180
    assert item.select_one(".proposal-meta__author .avatar")["data-initials"] == author.participant.nickname[:2].upper()


def test_comments_show_the_authors_avatar(client, topic):
    comment_on(topic, make_person("kwame"))
    assert soup(client.get(topic.url)).select_one(".comment__meta .avatar")
