"""seed_demo builds a realistic, fully translated demo, and running it again changes nothing."""

import datetime
import re
from html import unescape
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from babel.dates import format_skeleton
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from django.utils import timezone, translation
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, Revision

from content.demo import data, living
from content.demo import questionnaire as questionnaire_data
from content.demo.build import build
from content.demo.translations import ar, es, fr, uk
from content.models import (
    CountryEditionPage,
    DialoguePage,
    EventPage,
    EventSeries,
    EventsIndexPage,
    EventTheme,
    Organisation,
    OutsideEvent,
    TopicPage,
)
from participation.core.pages import canonical_page
from participation.events.queries import sessions_for
from participation.events.models import Session
from participation.polls.models import Poll, Vote
from participation.comments.models import Comment
from participation.moderation.models import ModerationAction
from participation.proposals.models import DialogueSettings, Proposal, ProposalAnswer, Support
from participation.questionnaires.models import Answer, Questionnaire, Response
from tests.conftest import DEMO_PASSWORD
from tests.factories import client_for, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def whole_demo(django_db_setup, django_db_blocker):
    """The whole demo, gatherings included, for this module's tests: built once in a transaction
    each test runs inside (as in Django's setUpTestData) and rolled back after the last.
    seed_demo runs outside any transaction, so what wagtail-localize does on commit (publishing
    a translation) happens at once, before the demo fixes the translation's slug: the same here."""
    with django_db_blocker.unblock(), transaction.atomic():
        with mock.patch.object(transaction, "on_commit", lambda func, using=None, robust=False: func()):
            build(password=DEMO_PASSWORD)
        yield
        transaction.set_rollback(True)


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "documents": get_document_model().objects.count(),
        "organisations": Organisation.objects.count(),
        "users": get_user_model().objects.count(),
        "groups": Group.objects.count(),
        "sessions": Session.objects.count(),
        "proposals": Proposal.objects.count(),
        "supports": Support.objects.count(),
        "answers to proposals": ProposalAnswer.objects.count(),
        "comments": Comment.objects.count(),
        "moderation actions": ModerationAction.objects.count(),
        "themes": EventTheme.objects.count(),
        "series": EventSeries.objects.count(),
        "outside events": OutsideEvent.objects.count(),
        "questionnaires": Questionnaire.objects.count(),
        "responses": Response.objects.count(),
        "answers": Answer.objects.count(),
        "polls": Poll.objects.count(),
        "votes": Vote.objects.count(),
    }


def test_seed_demo_is_idempotent(capsys):
    before = snapshot()
    call_command("seed_demo", password="another-password")
    assert snapshot() == before
    output = capsys.readouterr().out
    assert "editor" in output and "translator-fr" in output and "moderator" in output and "another-password" in output


def test_demo_has_one_dialogue_with_six_topics_in_every_language():
    for code, module in {"en": None, "fr": fr, "es": es, "uk": uk, "ar": ar}.items():
        dialogue = DialoguePage.objects.live().get(locale__language_code=code)
        topics = TopicPage.objects.live().child_of(dialogue)
        assert topics.count() == 6
        for topic, source in zip(topics, data.TOPICS):
            expected = source["title"] if module is None else module.TRANSLATIONS[source["title"]]
            assert topic.title == expected
            assert topic.alias_of_id is None
            kinds = [block.block_type for block in topic.body]
            assert {"material", "video", "key_facts", "faq", "quote"} <= set(kinds)


def test_the_terms_of_use_and_the_privacy_policy_are_there_in_every_language(client):
    for code, module in {"en": None, "fr": fr, "es": es, "uk": uk, "ar": ar}.items():
        for info in (data.TERMS, data.PRIVACY):
            source = Page.objects.get(slug=info["slug"], locale__language_code="en")
            page = source.get_translation(Locale.objects.get(language_code=code))
            assert page.live and not page.show_in_menus  # linked from the footer and sign-up
            assert page.title == (info["title"] if module is None else module.TRANSLATIONS[info["title"]])
            html = client.get(page.url).content.decode()
            last = info["paragraphs"][-1]
            assert (last if module is None else module.TRANSLATIONS[last]) in html


def test_translated_topic_body_is_in_its_language(client):
    topic = TopicPage.objects.get(locale__language_code="uk", translation_key=TopicPage.objects.get(slug="disinformation").translation_key)
    html = client.get(topic.url).content.decode()
    paragraph = data.TOPICS[2]["sections"][0]["paragraphs"][0]
    assert uk.TRANSLATIONS[paragraph] in html
    assert paragraph not in html


def test_translated_pages_have_slugs_in_their_own_language():
    from django.utils.text import slugify

    source_slugs = dict(Page.objects.filter(locale__language_code="en", depth__gt=2).values_list("translation_key", "slug"))
    for language in ("fr", "uk", "ar"):
        for page in Page.objects.filter(locale__language_code=language, depth__gt=2):
            assert page.slug != source_slugs[page.translation_key], (language, page.title)
            if language != "fr":  # Cyrillic and Arabic letters kept; French may drop its accents
                assert page.slug == slugify(page.title, allow_unicode=True), (language, page.title)


def test_demo_partners_are_translated():
    names = set(Organisation.objects.filter(locale__language_code="fr").values_list("name", flat=True))
    assert names == {item["name"] for item in [*data.ORGANISATIONS, *data.GATHERING_ORGANISATIONS]}
    description = Organisation.objects.get(locale__language_code="fr", name="Missions Publiques").description
    assert description == fr.TRANSLATIONS[data.ORGANISATIONS[0]["description"]]


def test_key_facts_and_faq_are_translated(client):
    topic = TopicPage.objects.get(locale__language_code="ar", translation_key=TopicPage.objects.get(slug="data-safety").translation_key)
    html = client.get(topic.url).content.decode()
    source = data.TOPICS[0]
    for fact in source["key_facts"]:
        assert ar.TRANSLATIONS[fact["label"]] in html
    for item in source["faq"]:
        assert ar.TRANSLATIONS[item["question"]] in html
        assert item["question"] not in html


# --- Gatherings -------------------------------------------------------------------------------

KYIV = ZoneInfo("Europe/Kyiv")


def edition(slug, language="en"):
    source = CountryEditionPage.objects.get(slug=slug, locale__language_code="en")
    return source if language == "en" else source.get_translation(Locale.objects.get(language_code=language))


def kyiv_slots():
    return [
        (timezone.localtime(s.starts_at, KYIV), timezone.localtime(s.ends_at, KYIV)) for s in sessions_for(edition("ukraine"))
    ]


def test_the_ukraine_edition_is_the_partners_page():
    page = edition("ukraine")
    assert page.get_parent().specific == DialoguePage.objects.get(locale__language_code="en")
    assert page.partner.name == "The Influencer Platform" and page.country.code == "UA"
    assert page.time_zone == "Europe/Kyiv" and page.languages == ["uk"]
    assert page.total_places == 100 and page.participants_preselected and not page.sessions_may_overlap
    assert page.intro == "Welcome to your Citizens' Dialogue in Ukraine, organised by The Influencer Platform."
    text = str(page.body)
    for words in ("small focus groups of 7-8 people", "via Zoom", "registered and pre-selected participants",
                  "10:00-13:00 and 15:00-18:00 (Kyiv time)", "We have only 100 places", "registration is obligatory",
                  "Information materials and videos will be published in the coming weeks"):  # fmt: skip
        assert words in text
    assert [key["key"] for key in page.registration_questions()] == ["gender", "age_band", "region", "education", "area"]


def test_the_ukraine_edition_has_four_slots_on_two_consecutive_days_kyiv_time_after_its_deadline():
    slots = kyiv_slots()
    assert [(start.strftime("%H:%M"), end.strftime("%H:%M")) for start, end in slots] == [("10:00", "13:00"), ("15:00", "18:00")] * 2
    first, second = slots[0][0].date(), slots[2][0].date()
    assert second - first == datetime.timedelta(days=1) and slots[1][0].date() == first
    assert first > timezone.localdate()  # upcoming, whenever the demo is loaded
    page = edition("ukraine")
    deadline = timezone.localtime(page.registration_deadline, KYIV)
    assert deadline.date() == first - datetime.timedelta(days=8)
    assert all(s.registration_closes_at == page.registration_deadline and s.mode == Session.ONLINE for s in sessions_for(page))
    # The text names the same dates, in the page's language.
    assert f"on {format_skeleton('MMMMd', first, locale='en_GB')} and {format_skeleton('MMMMd', second, locale='en_GB')}" in str(page.body)
    assert format_skeleton("MMMMd", deadline.date(), locale="uk") in str(edition("ukraine", "uk").body)


def test_the_ukraine_registration_form_asks_its_profile_questions_in_ukrainian():
    page = edition("ukraine", "uk")
    client = client_for(make_person())
    with translation.override("uk"):
        html = client.get(reverse("events:register", args=[page.pk])).content.decode()
    assert uk.TRANSLATIONS["Highest level of education"] in html and uk.TRANSLATIONS["In a village or the countryside"] in html
    assert "Highest level of education" not in html


def test_two_more_editions_in_other_time_zones_one_in_person_at_a_public_address():
    mexico, kenya = edition("mexico"), edition("kenya")
    zones = {edition("ukraine").time_zone, mexico.time_zone, kenya.time_zone}
    assert len(zones) == 3
    assert {s.mode for s in sessions_for(mexico)} == {Session.ONLINE}
    in_person = list(sessions_for(kenya))
    assert [s.mode for s in in_person] == [Session.IN_PERSON]
    assert "Nairobi" in in_person[0].address and not in_person[0].address_is_private
    assert all(s.starts_at > timezone.now() for s in [*sessions_for(mexico), *in_person])


def test_every_gathering_page_is_translated_into_every_locale():
    pages = [*CountryEditionPage.objects.filter(locale__language_code="en"), EventsIndexPage.objects.get(locale__language_code="en")]
    pages += EventPage.objects.filter(locale__language_code="en")
    for code, module in {"fr": fr, "es": es, "uk": uk, "ar": ar}.items():
        for page in pages:
            translated = page.get_translation(Locale.objects.get(language_code=code))
            assert translated.live and translated.alias_of_id is None
            assert translated.title == module.TRANSLATIONS[page.title]


def conversation_hours():
    index = EventsIndexPage.objects.get(locale__language_code="en")
    events = EventPage.objects.child_of(index).live()
    return index, events


def test_conversation_hours_log_three_past_calls_with_recordings_slides_and_notes():
    _index, events = conversation_hours()
    now = timezone.now()
    past = [event for event in events if all(s.ends_at < now for s in sessions_for(event))]
    assert sorted(event.title for event in past) == sorted(call["title"] for call in data.PAST_CALLS)
    for event in past:
        assert event.recording_url.startswith("https://") and event.notes and event.series is not None
        assert [block.block_type for block in event.slides] == ["document"]
        assert event.slides[0].value.file.read(5) == b"%PDF-"
    assert sum(bool(event.recording_password) for event in past) == 1


def test_the_next_monthly_call_has_two_sessions_in_two_time_zone_bands_on_different_dates():
    _index, events = conversation_hours()
    call = events.get(title=data.NEXT_CALL["title"])
    sessions = list(sessions_for(call))
    assert [(s.title, s.starts_at.strftime("%H:%M"), s.time_zone) for s in sessions] == [
        ("Asia-Pacific", "08:00", "UTC"),
        ("Europe-Africa-Americas", "16:00", "UTC"),
    ]
    assert sessions[0].starts_at.date() != sessions[1].starts_at.date()
    assert all(s.starts_at > timezone.now() for s in sessions)
    assert call.series.name == data.EVENT_SERIES["name"] and call.series.patterns.count() == 2


def test_an_upcoming_ad_hoc_call_with_two_sessions_and_outside_events_ahead():
    index, events = conversation_hours()
    ad_hoc = events.get(title=data.AD_HOC_CALL["title"])
    assert ad_hoc.series is None
    sessions = list(sessions_for(ad_hoc))
    assert len(sessions) == 2 and all(s.starts_at > timezone.now() for s in sessions)
    outside = list(index.outside_events.all())
    assert [e.title for e in outside] == [title for _first, _last, title, _place, _link in data.OUTSIDE_EVENTS]
    assert all(e.starts_on > timezone.localdate() and e.link.startswith("https://") for e in outside)


def test_community_topics_for_the_next_call_with_their_supports():
    index, events = conversation_hours()
    call = events.get(title=data.NEXT_CALL["title"])
    proposals = Proposal.objects.filter(dialogue=index, topic=call).order_by("-support_count")
    assert [(p.title, p.support_count) for p in proposals] == [(title, n) for title, _body, _lang, n in data.COMMUNITY_TOPICS]
    for proposal in proposals:
        assert proposal.supports.count() == proposal.support_count
        assert not proposal.supports.filter(user=proposal.author).exists()


def test_every_gathering_page_of_the_demo_opens_in_every_language(client):
    pages = [*CountryEditionPage.objects.all(), *EventsIndexPage.objects.all(), *EventPage.objects.all()]
    assert len(pages) == 5 * 9  # three editions, the events page and five calls, in five languages
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert escape(page.title) in response.content.decode()


# --- The questionnaire and the quick poll -------------------------------------------------------


def demo_questionnaire():
    from participation.questionnaires.models import Questionnaire

    return Questionnaire.objects.get(title=questionnaire_data.TITLE, locale__language_code="en")


def test_the_dialogue_has_a_questionnaire_of_every_type_with_published_results():
    from participation.questionnaires.models import Question
    from participation.questionnaires.results import results

    questionnaire = demo_questionnaire()
    assert questionnaire.dialogue.specific == DialoguePage.objects.get(locale__language_code="en")
    assert questionnaire.results_published and questionnaire.is_open()
    questions = list(questionnaire.questions())
    assert 18 <= len(questions) <= 22
    assert {question.kind for question in questions} == {kind for kind, _label in Question.KINDS}
    assert any(question.show_if_option_id for question in questions)
    assert any(question.kind == Question.MULTIPLE and question.max_choices for question in questions)
    assert all(question.min_label and question.max_label for question in questions if question.kind == Question.SCALE)
    found = results(questionnaire)
    assert found.n >= 300 and len(found.countries) >= 6 and len(found.choices["languages"]) >= 4
    assert len(found.choices["dates"]) == 2 and found.paper > 0
    assert all(item.overall is not None for item in found.questions)


def test_the_questionnaire_is_translated_into_every_language():
    questionnaire = demo_questionnaire()
    for code, module in {"fr": fr, "es": es, "uk": uk, "ar": ar}.items():
        translated = questionnaire.get_translation(Locale.objects.get(language_code=code))
        assert translated.title == module.TRANSLATIONS[questionnaire.title]
        texts = [question.text for question in translated.questions()]
        assert texts == [module.TRANSLATIONS[question.text] for question in questionnaire.questions()]
        assert not any(text.startswith("[") for text in texts)


def test_the_results_page_and_the_report_are_there_in_every_language(client):
    from content.models import ResultsPage
    from participation.questionnaires.models import Report

    questionnaire = demo_questionnaire()
    pages = {page.locale.language_code: page for page in ResultsPage.objects.live().select_related("locale")}
    assert sorted(pages) == ["ar", "en", "es", "fr", "uk"]
    for code, page in pages.items():
        assert page.questionnaire.canonical == questionnaire
        body = client.get(page.url).content.decode()
        assert 'class="results-table' in body and f"/questionnaires/{questionnaire.pk}/report/{code}.pdf" in body
    assert pages["uk"].slug != pages["en"].slug  # a slug in the page's own language
    reports = Report.objects.filter(questionnaire=questionnaire)
    assert sorted(reports.values_list("language", "status")) == [(code, Report.DONE) for code in ("ar", "en", "es", "fr", "uk")]
    assert all(report.pdf.open("rb").read(5) == b"%PDF-" for report in reports)


def test_some_free_text_answers_are_published_and_some_wait():
    from participation.questionnaires.models import Answer

    statuses = set(Answer.objects.filter(response__questionnaire=demo_questionnaire()).exclude(text="").values_list("text_status", flat=True))
    assert statuses == {Answer.PUBLISHED, Answer.PENDING}


def test_a_briefing_has_a_quick_poll_with_votes_in_every_language(client):
    from participation.polls.models import Vote

    for language in ("en", "fr", "ar"):
        briefing = TopicPage.objects.get(
            locale__language_code=language, translation_key=TopicPage.objects.get(slug=questionnaire_data.POLL_TOPIC).translation_key
        )
        poll = next(block.value for block in briefing.body if block.block_type == "poll")
        assert poll.locale.language_code == language
        assert client.get(briefing.url).status_code == 200
    assert Vote.objects.filter(poll__question=questionnaire_data.POLL_QUESTION).count() == len(questionnaire_data.POLL_VOTES)


# --- A living dialogue ------------------------------------------------------------------------


def test_the_demo_dialogue_has_proposals_in_several_languages_one_past_its_threshold(client):
    dialogue = DialoguePage.objects.get(locale__language_code="en")
    proposals = Proposal.objects.filter(dialogue=dialogue)
    assert {proposal.language for proposal in proposals} == {"en", "fr", "es", "uk", "ar"}
    assert DialogueSettings.for_dialogue(dialogue).support_threshold == living.SUPPORT_THRESHOLD
    leader = proposals.order_by("-support_count").first()
    assert leader.support_count == leader.supports.count() > living.SUPPORT_THRESHOLD
    assert leader.title in client.get(f"/en/dialogues/{dialogue.pk}/proposals/").content.decode()
    assert f'<progress id="support-progress-{leader.pk}" max="{living.SUPPORT_THRESHOLD}" value="{living.SUPPORT_THRESHOLD}"' in client.get(f"/en/proposals/{leader.pk}/").content.decode()


def test_official_answers_in_several_states_and_languages(client):
    kinds = set(Proposal.objects.filter(state__isnull=False).values_list("state__kind", flat=True))
    assert {"accepted", "evaluating", "rejected"} <= kinds
    accepted = Proposal.objects.get(state__kind="accepted", dialogue__locale__language_code="en")
    assert set(ProposalAnswer.objects.filter(proposal=accepted).values_list("locale__language_code", flat=True)) == {"en", "fr", "es", "uk", "ar"}
    with translation.override("fr"):
        html = client.get(f"/fr/proposals/{accepted.pk}/").content.decode()
    assert "Acceptée : le réseau national" in html


def test_comment_threads_have_replies_in_several_languages_and_one_is_hidden_by_the_moderator():
    replies = Comment.objects.filter(parent__isnull=False)
    assert replies.count() >= 5
    assert {comment.author.participant.language for comment in Comment.objects.select_related("author__participant")} >= {"en", "uk", "ar", "es"}
    hidden = Comment.objects.get(body=living.HIDDEN)
    assert hidden.hidden_at is not None
    action = ModerationAction.objects.get(object_id=hidden.pk, action=ModerationAction.Action.HIDE)
    assert action.moderator.username == "moderator"


def test_the_moderator_signs_in_with_the_printed_password_and_sees_the_queue(capsys):
    call_command("seed_demo", password="moderator-password")
    assert "moderator" in capsys.readouterr().out
    client = Client()
    assert client.login(username="moderator", password="moderator-password")
    assert client.get(reverse("moderation_queue")).status_code == 200
    assert client.get(reverse("moderation_history")).status_code == 200


# --- Everything reachable from the home page ------------------------------------------------------
# Where a crawl does not go: downloads and feeds, forms' results, the admin, accounts.
NOT_CRAWLED = ("/admin/", "/accounts/", "/api/", "/documents/", "/comments/", "/notifications/", "/moderation/report/", "/search/")


def crawl(client, start):
    """Every HTML page of the start's language reachable by links from it (GET, signed out).
    Query strings count only for pages of a list (?page=, ?comments_page=); other parameters
    (filters, orders, anchors) lead to pages already reached without them."""
    prefix = start
    seen, found, queue = set(), set(), [start]
    while queue and len(seen) < 3000:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200 or response.streaming or not response.get("Content-Type", "").startswith("text/html"):
            continue
        found.add(url.split("?")[0])
        for href in re.findall(r'<a\s[^>]*href="([^"]+)"', response.content.decode()):
            href = unescape(href).split("#")[0]
            if not href.startswith(prefix) or href.startswith(tuple(prefix + part.lstrip("/") for part in NOT_CRAWLED)):
                continue
            path, _sep, query = href.partition("?")
            params = [pair for pair in query.split("&") if pair.split("=")[0] in ("page", "comments_page")]
            queue.append(path + ("?" + "&".join(params) if params else ""))
    return found


@pytest.mark.parametrize("language", ["en", "fr", "es", "uk", "ar"])
def test_every_public_page_is_reachable_from_the_home_page(language):
    """A new page type, a page left out of every menu or list, a participation page nothing links
    to: each is named here. Pages as a person signed out sees them: live, without restrictions."""
    locale = Locale.objects.get(language_code=language)
    # {what: the addresses it may be reached at}
    expected = {f"{page.title} ({page.url})": {page.url} for page in Page.objects.live().public().filter(locale=locale, depth__gt=1).specific()}
    for translated in DialoguePage.objects.live().public().filter(locale=locale):
        dialogue = canonical_page(translated)  # participation hangs on the default locale's page
        ids = {dialogue.pk, translated.pk}  # either id opens the dialogue's participation pages
        with translation.override(language):
            for name in ("proposals:list", "moderation:transparency", "activity:activity"):
                expected[f"{name} of {dialogue.title}"] = {reverse(name, args=[pk]) for pk in ids}
            for proposal in Proposal.objects.filter(dialogue=dialogue, hidden_at__isnull=True):
                expected[f"proposal {proposal.title}"] = {reverse("proposals:detail", args=[proposal.pk])}
    with translation.override(language):
        expected["open data"] = {reverse("open_data:index")}
    reached = crawl(Client(), f"/{language}/")
    orphans = sorted(name for name, urls in expected.items() if not urls & reached)
    assert orphans == [], f"not reachable from /{language}/: {orphans}"
