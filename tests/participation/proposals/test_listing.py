"""The listing: filters, orders, paging, placeholders, and a query count that does not grow."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.sessions.models import Session
from django.utils import timezone

from participation.proposals import services
from participation.proposals.models import Proposal, ProposalState

from .conftest import client_for, make_proposal, make_user

pytestmark = pytest.mark.django_db


def list_url(dialogue, language="en", **params):
    from urllib.parse import urlencode

    query = f"?{urlencode(params)}" if params else ""
    return f"/{language}/dialogues/{dialogue.pk}/proposals/{query}"


def titles(response):
    html = BeautifulSoup(response.content, "html.parser")
    return [item.text.strip() for item in html.select(".proposal-item__title")]


def items(response):
    return BeautifulSoup(response.content, "html.parser").select(".proposal-item")


def state(kind):
    return ProposalState.objects.get(kind=kind, is_builtin=True)


def test_each_item_shows_what_people_need(client, dialogue, topic, author):
    proposal = make_proposal(dialogue, author, topic=topic, title="Open data for schools")
    services.answer_proposal(proposal, state=state("accepted"), text="")
    for n in range(2):
        services.cast_support(make_user(), proposal)
    Proposal.objects.filter(pk=proposal.pk).update(comment_count=5)
    (item,) = items(client.get(list_url(dialogue)))
    link = item.select_one("h3 a")
    assert link.text == "Open data for schools" and link["href"] == f"/en/proposals/{proposal.pk}/"
    facts = {div.dt.text: div.dd.text for div in item.select(".proposal-meta div")}
    assert facts == {
        "Reference": f"DLG-PROP-{proposal.pk}",
        "By": author.participant.nickname,
        "Topic": topic.title,
        "State": "Accepted",
        "Supports": "2",
        "Comments": "5",
    }


def test_deleted_author_and_unanswered_state(client, dialogue):
    make_proposal(dialogue, None, title="Orphan idea")
    text = items(client.get(list_url(dialogue)))[0].text
    assert "Deleted participant" in text and "Not answered yet" in text


def test_hidden_proposals_show_a_placeholder(client, dialogue, author):
    make_proposal(dialogue, author, title="Rude words", body="Insults", hidden_at=timezone.now())
    response = client.get(list_url(dialogue))
    (item,) = items(response)
    assert "Hidden by moderation" in item.text
    assert "Rude words" not in response.content.decode() and "Insults" not in response.content.decode()


def test_topic_names_in_the_visitors_language(client, dialogue, topic, author, locales):
    make_proposal(dialogue, author, topic=topic)
    french_topic = topic.get_translation(locales["fr"])
    assert french_topic.title in items(client.get(list_url(dialogue, "fr")))[0].text


def test_filter_by_topic_and_state(client, dialogue, topic, author):
    other_topic = dialogue.get_children().exclude(pk=topic.pk).first()
    on_topic = make_proposal(dialogue, author, title="On topic", topic=topic)
    make_proposal(dialogue, author, title="Other topic", topic=other_topic)
    make_proposal(dialogue, author, title="No topic")
    services.answer_proposal(on_topic, state=state("rejected"), text="")
    assert titles(client.get(list_url(dialogue, topic=topic.translation_key))) == ["On topic"]
    assert titles(client.get(list_url(dialogue, state=state("rejected").pk))) == ["On topic"]
    assert sorted(titles(client.get(list_url(dialogue, state="none")))) == ["No topic", "Other topic"]
    # An unknown value is ignored rather than an error.
    assert len(titles(client.get(list_url(dialogue, state="nonsense", sort="sideways")))) == 3


def test_filter_by_french_topic_finds_proposals_on_the_english_topic(client, dialogue, topic, author, locales):
    make_proposal(dialogue, author, title="On topic", topic=topic)
    french_topic = topic.get_translation(locales["fr"])
    html = BeautifulSoup(client.get(list_url(dialogue, "fr")).content, "html.parser")
    option = next(o for o in html.select("select[name=topic] option") if o.text == french_topic.title)
    assert titles(client.get(list_url(dialogue, "fr", topic=option["value"]))) == ["On topic"]


def test_mine_and_supported_by_me(dialogue, author, citizen):
    mine = make_proposal(dialogue, citizen, title="Mine")
    supported = make_proposal(dialogue, author, title="Supported")
    make_proposal(dialogue, author, title="Neither")
    services.cast_support(citizen, supported)
    client = client_for(citizen)
    assert titles(client.get(list_url(dialogue, mine="on"))) == ["Mine"]
    response = client.get(list_url(dialogue, supported="on"))
    assert titles(response) == ["Supported"]
    assert "You support this proposal." in items(response)[0].text
    everything = client.get(list_url(dialogue))
    marked = [i.select_one("h3").text.strip() for i in items(everything) if "You support this proposal." in i.text]
    assert marked == ["Supported"]
    assert mine.pk


def test_visitors_have_no_personal_filters(client, dialogue):
    html = BeautifulSoup(client.get(list_url(dialogue)).content, "html.parser")
    assert html.select_one("input[name=mine]") is None
    assert html.select_one("select[name=sort]") is not None


def test_orders(client, dialogue, author):
    old = make_proposal(dialogue, author, title="Old", created_at=timezone.now() - timezone.timedelta(days=3))
    popular = make_proposal(dialogue, author, title="Popular", created_at=timezone.now() - timezone.timedelta(days=2))
    talked = make_proposal(dialogue, author, title="Talked about", created_at=timezone.now() - timezone.timedelta(days=1))
    Proposal.objects.filter(pk=popular.pk).update(support_count=9)
    Proposal.objects.filter(pk=talked.pk).update(comment_count=4)
    assert titles(client.get(list_url(dialogue))) == ["Talked about", "Popular", "Old"]
    assert titles(client.get(list_url(dialogue, sort="supported")))[0] == "Popular"
    assert titles(client.get(list_url(dialogue, sort="commented")))[0] == "Talked about"
    assert old.pk


def test_random_order_travels_in_the_links_not_in_a_session(client, dialogue, author):
    created = {make_proposal(dialogue, author, title=f"Idea {n:02}").title for n in range(30)}
    response = client.get(list_url(dialogue, sort="random"))
    first = titles(response)
    html = BeautifulSoup(response.content, "html.parser")
    next_href = html.select_one("nav.pagination a[rel=next]")["href"]
    seed = html.select_one("form.proposal-filters input[name=seed]")["value"]  # re-ordering keeps it
    assert f"seed={seed}" in next_href and "sort=random" in next_href
    second = titles(client.get(list_url(dialogue) + next_href))
    assert len(first) == 20 and len(second) == 10
    assert set(first) | set(second) == created
    assert titles(client.get(list_url(dialogue, sort="random", seed=seed))) == first  # a shared link, same order
    assert first != sorted(first) and first != sorted(first, reverse=True)
    assert Session.objects.count() == 0 and not client.cookies.get("sessionid")


def test_paging(client, dialogue, author):
    for n in range(25):
        make_proposal(dialogue, author, title=f"Idea {n:02}")
    response = client.get(list_url(dialogue, sort="newest"))
    html = BeautifulSoup(response.content, "html.parser")
    assert len(items(response)) == 20
    assert "25 proposals" in html.select_one("#proposal-results-heading").text
    next_link = html.select_one("nav.pagination a[rel=next]")
    assert next_link["href"] == "?sort=newest&page=2"
    assert len(items(client.get(list_url(dialogue, sort="newest", page=2)))) == 5
    assert len(items(client.get(list_url(dialogue, page=99)))) == 5  # past the end: the last page


def test_empty_list_invites_the_first_proposal(client, dialogue):
    page = client.get(list_url(dialogue)).content.decode()
    assert "No proposals yet" in page and f"/en/dialogues/{dialogue.pk}/proposals/new/" in page


def populate(dialogue, topic, size, supporter):
    authors = [make_user() for _ in range(3)]
    accepted = state("accepted")
    for n in range(size):
        proposal = make_proposal(dialogue, authors[n % 3] if n % 7 else None, title=f"Idea {n}", topic=topic if n % 2 else None)
        if n % 3 == 0:
            Proposal.objects.filter(pk=proposal.pk).update(state=accepted, answered_at=timezone.now())
        if n % 4 == 0:
            services.cast_support(supporter, proposal)
        if n % 5 == 0:
            Proposal.objects.filter(pk=proposal.pk).update(hidden_at=timezone.now())


# The listing itself needs 7 queries: dialogue, settings, topics (2), states, count, rows (the
# phase is cached per published revision; other languages add one for the dialogue's translation). The site's layout adds 8 (content version, site, navigation, language links) and a
# signed-in person 2 (session, user). None of them depends on the number of proposals.
VISITOR_BUDGET = 12
SIGNED_IN_BUDGET = 14


@pytest.mark.parametrize("size", [5, 100])
@pytest.mark.parametrize("sort", ["newest", "random"])
def test_query_count_does_not_grow_with_the_list(dialogue, topic, citizen, size, sort, django_assert_max_num_queries):
    populate(dialogue, topic, size, citizen)
    client = client_for(citizen)
    client.get(list_url(dialogue, sort=sort))  # warm the site's caches, as in production
    with django_assert_max_num_queries(SIGNED_IN_BUDGET):
        response = client.get(list_url(dialogue, sort=sort, supported="on" if size == 100 else ""))
    assert response.status_code == 200


@pytest.mark.parametrize("size", [5, 100])
def test_query_count_for_visitors(client, dialogue, topic, size, django_assert_max_num_queries):
    populate(dialogue, topic, size, make_user())
    client.get(list_url(dialogue, "fr"))  # warm the site's caches, as in production
    with django_assert_max_num_queries(VISITOR_BUDGET):
        assert client.get(list_url(dialogue, "fr")).status_code == 200
