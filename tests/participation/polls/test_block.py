"""The poll block on a briefing: what each person sees (their own vote only, never another's,
whatever the caches), the results chart, votes counted across languages, and its query count."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import transaction
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone, translation
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
from wagtail_localize.strings import StringValue

from participation.polls import queries
from participation.polls.models import Choice, Poll, Selection, Vote
from tests.factories import client_for, make_person, make_poll, place_poll

pytestmark = pytest.mark.django_db

FRENCH = {"Should the park stay open at night?": "Le parc doit-il rester ouvert la nuit ?", "Yes": "Oui", "No": "Non", "Not sure": "Je ne sais pas"}


def key(poll, text):
    return str(poll.choices.get(text=text).translation_key)


def vote(user, poll, page, *texts, language="en"):
    client = client_for(user)
    response = client.post(f"/{language}/polls/{poll.pk}/vote/", {"page": page.pk, "choice": [key(poll, t) for t in texts]})
    assert response.status_code == 302
    return client


def poll_of(html):
    return BeautifulSoup(html, "html.parser").select_one("section.poll")


def test_two_people_see_only_their_own_vote(client, topic):
    poll = make_poll()
    place_poll(topic, poll)
    voter = vote(make_person("voter"), poll, topic, "Yes")
    assert "Your vote:" in voter.get(topic.url).content.decode()  # rendered for the voter first
    other = client_for(make_person("other"))
    page = other.get(topic.url)
    assert "X-Page-Cache" not in page  # signed in: never from the anonymous page cache
    section = poll_of(page.content)
    assert "Your vote" not in section.text and "your choice" not in section.text
    assert section.select_one("input[checked]") is None
    assert section.select_one("button").text == "Vote"
    for _ in range(2):  # anonymous visitors: from the whole-page cache the second time, still no vote
        anonymous = client.get(topic.url)
        assert "Your vote" not in anonymous.content.decode() and "Sign in to vote" in anonymous.content.decode()
    assert anonymous["X-Page-Cache"] == "hit"
    assert "Your vote: <strong>Yes</strong>" in voter.get(topic.url).content.decode()


def test_results_are_an_accessible_table_with_the_numbers(topic):
    poll = make_poll()
    place_poll(topic, poll)
    for text in ("Yes", "Yes", "No"):
        vote(make_person(), poll, topic, text)
    reader = vote(make_person(), poll, topic, "Not sure")
    table = poll_of(reader.get(topic.url).content).select_one("table.poll-results")
    assert table.caption.text.strip() == "Results: 4 people voted"
    assert [th.text for th in table.select("thead th")] == ["Answer", "Votes", "Share"]
    rows = [[cell.text.strip() for cell in row.select("th, td")] for row in table.select("tbody tr")]
    assert rows == [["Yes", "2", "50%"], ["No", "1", "25%"], ["Not sure (your choice)", "1", "25%"]]
    assert all(th["scope"] == "row" for th in table.select("tbody th"))
    bars = table.select("svg")
    assert all(svg["aria-hidden"] == "true" for svg in bars)
    assert [svg.select(".poll-results__fill")[0]["width"] for svg in bars] == ["50", "25", "25"]


def test_bars_grow_from_the_right_in_arabic(topic, locales):
    poll = make_poll()
    arabic_topic = topic.get_translation(locales["ar"])
    place_poll(arabic_topic, poll)
    reader = vote(make_person(), poll, arabic_topic, "Yes", language="ar")
    html = reader.get(arabic_topic.url).content
    fills = poll_of(html).select(".poll-results__fill")
    assert [(fill["x"], fill["width"]) for fill in fills] == [("0", "100"), ("100", "0"), ("100", "0")]
    section = poll_of(html)
    # An untranslated poll's words say their language; the interface around them stays Arabic.
    assert section.h2["lang"] == "en" and section.h2["dir"] == "ltr"
    assert {label["lang"] for label in section.select("label")} == {"en"} and not section.form.has_attr("lang")


def translate_into_french(poll, locales):
    """What a partner does in wagtail-localize's editor, through its own models."""
    source, _created = TranslationSource.get_or_create_from_instance(poll)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=locales["fr"],
            context=segment.context,
            data=StringValue.from_plaintext(FRENCH[segment.string.data]).data,
        )
    with transaction.atomic():
        translated, _created = source.create_or_update_translation(locales["fr"])
    return translated


def test_votes_in_french_and_english_count_for_the_same_choices(topic, locales):
    poll = make_poll()
    place_poll(topic, poll)
    french_poll = translate_into_french(poll, locales)
    assert french_poll.locale == locales["fr"] and french_poll.question == FRENCH[poll.question]
    french_topic = place_poll(topic.get_translation(locales["fr"]), french_poll)
    vote(make_person(), poll, topic, "Yes")
    french_voter = vote(make_person(), french_poll, french_topic, "Oui", language="fr")
    vote(make_person(), french_poll, french_topic, "Non", language="fr")
    assert set(Vote.objects.values_list("poll_id", flat=True)) == {poll.pk}  # stored on the original
    assert Selection.objects.filter(choice__poll=french_poll).count() == 0
    section = poll_of(french_voter.get(french_topic.url).content)
    assert section.select("[lang]") == []
    rows = [[cell.text.strip() for cell in row.select("th, td")] for row in section.select("tbody tr")]
    assert rows[0][:2] == ["Oui (votre choix)", "2"] and rows[1][:2] == ["Non", "1"]
    english = [[cell.text.strip() for cell in row.select("th, td")] for row in poll_of(vote(make_person(), poll, topic, "No").get(topic.url).content).select("tbody tr")]
    assert [row[1] for row in english] == ["2", "2", "0"]


def test_a_poll_edited_by_an_editor_shows_at_once_to_anonymous_readers(client, topic):
    poll = make_poll()
    place_poll(topic, poll)
    client.get(topic.url)
    poll.question = "Should the library open on Sundays?"
    poll.save()
    assert "Should the library open on Sundays?" in client.get(topic.url).content.decode()


def request_for(page, user):
    """A request as the page's own rendering leaves it (Wagtail keeps the sites on it)."""
    request = RequestFactory().get(page.url)
    request.user = user
    page.get_url(request)
    return request


def render(poll, page, request):
    template = Template("{% load polls_tags %}{% poll_block poll page %}")
    return template.render(Context({"poll": poll, "page": page, "request": request}))


def filled_poll(topic, choices, voters):
    poll = make_poll(choices=[f"Choice {n}" for n in range(choices)], kind="multiple")
    place_poll(topic, poll)
    canonical = list(poll.choices.all())
    for n in range(voters):
        vote_row = Vote.objects.create(poll=poll, user=make_person())
        Selection.objects.bulk_create(Selection(vote=vote_row, choice=choice) for choice in canonical[: 1 + n % choices])
    return Poll.objects.get(pk=poll.pk)


@pytest.mark.parametrize("choices, voters", [(3, 2), (9, 25)])
def test_the_block_costs_a_fixed_number_of_queries(topic, django_assert_num_queries, choices, voters):
    poll = filled_poll(topic, choices, voters)
    voter = Vote.objects.filter(poll=poll).first().user
    request = request_for(topic, type(voter).objects.get(pk=voter.pk))
    # choices, the person's vote, counts, voters, the poll's locale, the blocked-person check
    with django_assert_num_queries(6):
        html = render(poll, topic, request)
    assert html.count("<tr>") == choices + 1 and f"{voters} people voted" in html


def test_closed_polls_show_results_to_everyone_without_a_form(client, topic):
    poll = make_poll(opens_at=timezone.now() - timedelta(days=2), closes_at=timezone.now() - timedelta(days=1))
    place_poll(topic, poll)
    Vote.objects.create(poll=poll, user=make_person()).selections.create(choice=Choice.objects.get(poll=poll, text="No"))
    for reader in (client, client_for(make_person())):
        section = poll_of(reader.get(topic.url).content)
        assert section.form is None and "Sign in to vote" not in section.text
        assert "Results: 1 person voted" in section.text and "Closed on" in section.text
    translation.activate("en")


def test_translating_the_briefing_places_the_translated_poll(topic, locales):
    """wagtail-localize points the French briefing's block at the French poll."""
    poll = make_poll()
    place_poll(topic, poll)
    french_poll = translate_into_french(poll, locales)
    source, _created = TranslationSource.update_or_create_from_instance(topic)
    with transaction.atomic():
        translated, _created = source.create_or_update_translation(locales["fr"], fallback=True)
    french_topic = type(topic).objects.get(pk=translated.pk)  # as published
    assert [item["value"] for item in french_topic.body.raw_data if item["type"] == "poll"] == [french_poll.pk]
    voter = vote(make_person(), french_poll, french_topic, "Non", language="fr")
    assert "Votre vote : <strong>Non</strong>" in voter.get(french_topic.url).content.decode()
    assert [row.count for row in queries.results(poll, list(poll.choices.all())).rows] == [0, 1, 0]
