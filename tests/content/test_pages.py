"""Page types, parent/child rules and what citizens see on each page."""

import datetime

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from content.models import CountryEditionPage, DialoguePage, DialoguePhase, HomePage, ResultsPage, StandardPage, TopicPage


class PageTreeRulesTest(WagtailPageTestCase):
    def test_home_only_under_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(DialoguePage, HomePage)

    def test_dialogue_only_under_home_and_holds_topics(self):
        self.assertAllowedParentPageTypes(DialoguePage, {HomePage})
        self.assertAllowedSubpageTypes(DialoguePage, {TopicPage, CountryEditionPage, ResultsPage})
        self.assertCanNotCreateAt(StandardPage, DialoguePage)

    def test_results_page_only_under_dialogue_and_has_no_children(self):
        self.assertAllowedParentPageTypes(ResultsPage, {DialoguePage})
        self.assertAllowedSubpageTypes(ResultsPage, set())

    def test_topic_only_under_dialogue_and_has_no_children(self):
        self.assertAllowedParentPageTypes(TopicPage, {DialoguePage})
        self.assertAllowedSubpageTypes(TopicPage, set())
        self.assertCanNotCreateAt(HomePage, TopicPage)

    def test_standard_pages_nest_under_home(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertCanCreateAt(HomePage, StandardPage)


def test_dialogue_status_follows_phases(dialogue):
    today = datetime.date(2030, 3, 10)
    dialogue.phases.all().delete()
    for kind, start, end in [
        ("information", 1, 9),
        ("registration", 5, 19),
        ("dialogue", 20, 20),
        ("results", 25, None),
    ]:
        DialoguePhase.objects.create(
            page=dialogue, locale=dialogue.locale, kind=kind, starts_on=today.replace(day=start),
            ends_on=today.replace(day=end) if end else None,
        )
    page = DialoguePage.objects.get(pk=dialogue.pk)
    assert page.status(datetime.date(2030, 2, 1)) == "Starting soon"
    assert page.status(datetime.date(2030, 3, 3)) == "Information"
    assert page.status(datetime.date(2030, 3, 20)) == "Dialogue day"
    assert page.status(datetime.date(2031, 1, 1)) == "Results"


def test_dialogue_page_shows_status_questions_phases_topics_and_partners(client, dialogue):
    html = client.get(dialogue.url).content.decode()
    assert "Status:" in html and "Information" in html
    assert "Who should protect our personal data" in html
    assert 'aria-current="step"' in html
    for topic in dialogue.get_children().live():
        assert topic.title in html
    assert "About the organiser" in html
    assert "Missions Publiques" in html and "Baraza Digital Forum" in html
    assert "Kenya" in html


def test_home_lists_dialogues(client, home, dialogue):
    response = client.get("/en/")
    assert response.status_code == 200
    assert dialogue.title in response.content.decode().replace("&#x27;", "'")


def test_topic_page_shows_question_breadcrumbs_and_sibling_topics(client, topic):
    html = client.get(topic.url).content.decode()
    assert "Question for discussion:" in html
    assert topic.question in html
    assert 'aria-label="Breadcrumb"' in html
    assert html.count('aria-current="page"') >= 2  # breadcrumb and topic navigation
    assert "Disinformation" in html  # a sibling topic


def test_unpublished_page_is_not_public(client, topic):
    topic.unpublish()
    assert client.get(topic.url).status_code == 404
