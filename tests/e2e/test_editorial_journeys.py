"""Journeys 2 and 3: an editor publishes a topic briefing; a French translator translates it."""

import re
import secrets

import pytest
from playwright.sync_api import expect

from content.demo import data

from .support import admin_messages, create_topic_page, sign_in

pytestmark = pytest.mark.e2e

PERMISSION_DENIED = re.compile(r"do not have permission|permission denied|403|pas les autorisations", re.IGNORECASE)


def unique(text):
    return f"{text} {secrets.token_hex(3)}"


def test_editor_publishes_a_topic_briefing(page, server, shot):
    title = unique("Digital public spaces")
    question = "What should a digital public space offer everyone?"
    summary = "A short briefing on places online that belong to everyone."

    sign_in(page, server, "editor")
    shot(page, "editor dashboard")
    create_topic_page(page, shot, title=title, question=question, summary=summary)

    # The public English dialogue page lists it, and the link leads to the briefing.
    page.goto("/en/%s/" % data.DIALOGUE["slug"])
    card = page.locator("main .card", has=page.get_by_role("link", name=title, exact=True))
    assert card.count() == 1, f"{title!r} is not listed on the dialogue page"
    assert question in card.inner_text()
    shot(page, "listed on the dialogue page")
    card.get_by_role("link", name=title, exact=True).click()
    expect(page.locator("main h1")).to_have_text(title)
    assert question in page.locator(".briefing__question").inner_text()
    assert page.locator("html").get_attribute("lang") == "en"
    shot(page, "public briefing")


def test_translator_translates_a_new_briefing_into_french(page, context, server, shot):
    title = unique("Community networks")
    french_title = title.replace("Community networks", "Réseaux communautaires")
    question = "Who should build the networks that connect remote villages?"

    # The editor publishes an English briefing and sends it for translation into French.
    sign_in(page, server, "editor")
    english_edit_url = create_topic_page(
        page, shot, title=title, question=question, summary="How communities build their own internet access."
    )
    page.goto(english_edit_url)
    page.get_by_role("button", name="Actions", exact=True).click()
    page.get_by_role("link", name="Translate this page").click()
    page.wait_for_url(re.compile(r"/admin/localize/submit/page/\d+/$"))
    page.get_by_label("Français").check()
    shot(page, "submit for translation")
    page.get_by_role("button", name="Submit", exact=True).click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    assert "submitted for translation into Français" in admin_messages(page), admin_messages(page)
    french_edit_url = urlpath(page.url)
    assert french_edit_url != english_edit_url
    context.clear_cookies()  # sign out: the translator works in their own session

    # The translator signs in; the English source is out of bounds.
    sign_in(page, server, "translator-fr")
    shot(page, "translator dashboard")
    response = page.goto(english_edit_url)
    if response.status != 403:  # Wagtail redirects to the dashboard with a message instead
        assert urlpath(page.url) != english_edit_url, f"translator-fr could open the English source editor ({response.status})"
        assert PERMISSION_DENIED.search(admin_messages(page)), f"no permission message: {admin_messages(page)!r}"
    shot(page, "english source denied")

    # The French draft opens in wagtail-localize's translation editor, in French: the admin speaks
    # the translator's preferred language.
    page.goto(french_edit_url)
    page.get_by_role("button", name=re.compile(r"^Traduire avec ")).click()
    expect(page.locator(".messages")).to_contain_text("Traduction effectuée avec succès")
    shot(page, "machine translated")

    # The translator corrects the machine translation of the title by hand.
    title_segment = page.locator("li:has(> p)", has=page.get_by_text(title, exact=True)).first
    title_segment.get_by_role("button", name="Modifier", exact=True).click()
    editor = title_segment.locator("textarea")
    editor.fill(french_title)
    title_segment.get_by_role("button", name="Enregistrer", exact=True).click()
    title_segment.get_by_text(french_title, exact=True).wait_for()
    shot(page, "title translated by hand")

    page.get_by_role("button", name=re.compile(r"^Publier dans ?Français")).click()
    expect(page.locator(".messages")).to_contain_text(f"« {french_title} » a été publié(e) en Français")
    shot(page, "published in french")

    # The public French dialogue page lists the translated briefing, in French.
    page.goto("/fr/")
    page.locator("main .card__title a").first.click()
    page.wait_for_url(re.compile(r"/fr/[^/]+/$"))
    assert page.locator("html").get_attribute("lang") == "fr"
    page.get_by_role("link", name=french_title, exact=True).click()
    expect(page.locator("main h1")).to_have_text(french_title)
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator(".notice--translation").count() == 0
    assert "/fr/" in page.url
    shot(page, "public french briefing")


def urlpath(url):
    return re.sub(r"^https?://[^/]+", "", url)
