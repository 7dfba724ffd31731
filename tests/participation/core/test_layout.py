"""Participation's pages wear the layout the host names in PARTICIPATION_BASE_TEMPLATE or, by
default, participation's own; either way they bring participation's styles and script, once."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.test import Client

from tests.factories import client_for, make_person
from tests.security.markup import assert_inert

pytestmark = pytest.mark.django_db

CSS = "/static/participation/participation.css"
JS = "/static/participation/participation.js"
PARTICIPATION_STATIC = Path(__file__).resolve().parents[3] / "participation" / "core" / "static"


def page(response):
    assert response.status_code == 200
    html = response.content.decode()
    assert_inert(html, response.request["PATH_INFO"])  # the CSP allows no inline script
    return BeautifulSoup(html, "html.parser")


def stylesheets(soup):
    return [link["href"] for link in soup.find_all("link", rel="stylesheet")]


def scripts(soup):
    return [script["src"] for script in soup.find_all("script")]


@pytest.fixture
def plugin_layout(settings):
    """A host that names no base template and calls itself Town Hall."""
    del settings.PARTICIPATION_BASE_TEMPLATE
    settings.PARTICIPATION_SITE_NAME = "Town Hall"


def test_participation_ships_its_own_script_and_styles():
    for name in ("participation/participation.css", "participation/participation.js"):
        assert Path(finders.find(name)).is_relative_to(PARTICIPATION_STATIC)


def test_by_default_a_page_wears_participations_own_layout(plugin_layout, dialogue):
    soup = page(Client().get(f"/en/dialogues/{dialogue.pk}/proposals/"))
    assert stylesheets(soup) == [CSS] and scripts(soup) == [JS]  # nothing of Dialogue's look
    assert (soup.html["lang"], soup.html["dir"]) == ("en", "ltr")
    assert soup.title.string == f"Proposals – {dialogue.title} – Town Hall"
    assert soup.select_one(".participation-layout__home").get_text() == "Town Hall"
    assert soup.select_one("main#main h1").get_text(strip=True) == "Proposals"
    assert soup.select_one("main#main form.proposal-filters")
    assert soup.select_one("nav.account-nav a[href^='/en/accounts/login/']").get_text() == "Sign in"
    assert soup.select_one("a[href='#main']")  # skip link
    assert soup.select_one(".site-header") is None


def test_the_default_layout_follows_the_language_and_its_direction(plugin_layout):
    soup = page(Client().get("/ar/accounts/login/"))
    assert (soup.html["lang"], soup.html["dir"]) == ("ar", "rtl")
    assert soup.select_one("main#main form input[name='password']")
    assert stylesheets(soup) == [CSS]


def test_the_default_layout_shows_messages(plugin_layout):
    client = client_for(make_person("reader"))
    soup = page(client.post("/en/notifications/", {"frequency": "daily"}, follow=True))
    assert soup.select_one(".messages[role=status]").get_text(strip=True) == "Your email settings are saved."


def test_dialogue_pages_wear_dialogues_layout_with_participations_assets_once(dialogue):
    soup = page(Client().get(f"/en/dialogues/{dialogue.pk}/proposals/"))
    assert stylesheets(soup) == ["/static/css/site.css", CSS]
    assert scripts(soup) == ["/static/js/site.js", JS]  # once: two copies would send every comment twice
    assert soup.select_one("header.site-header form[role=search]")
    assert soup.title.string == f"Proposals – {dialogue.title} – Dialogue"
    assert soup.select_one("main#main h1").get_text(strip=True) == "Proposals"


def test_site_pages_with_participation_components_load_its_assets(topic):
    soup = page(Client().get(topic.url))
    assert soup.select_one("section.comments[data-comments]")
    assert stylesheets(soup) == ["/static/css/site.css", CSS] and scripts(soup) == ["/static/js/site.js", JS]
