"""The community agenda on an event page: citizens propose topics for a call and support them;
the host marks what was discussed."""

import pytest
from bs4 import BeautifulSoup

from participation.proposals import services
from participation.proposals.models import ProposalState
from tests.factories import client_for, make_event, make_events_index, make_person, make_proposal

pytestmark = pytest.mark.django_db


def test_an_event_page_shows_its_proposed_topics_most_supported_first(client, home):
    index = make_events_index(home)
    call, other_call = make_event(index), make_event(index, title="Open source and the state")
    author = make_person("proposer")
    quiet = make_proposal(index, author, topic=call, title="Data trusts")
    popular = make_proposal(index, author, topic=call, title="Who audits algorithms?")
    make_proposal(index, author, topic=other_call, title="Public code")
    services.cast_support(make_person("supporter"), popular)
    services.answer_proposal(quiet, state=ProposalState.objects.get(kind="discussed", is_builtin=True), text="")
    page = BeautifulSoup(client.get(call.url).content, "html.parser")
    agenda = page.select_one("#community-agenda")
    assert [link.text for link in agenda.select(".proposal-item__title a")] == ["Who audits algorithms?", "Data trusts"]
    assert agenda.select(".proposal-state--discussed")[0].text == "Discussed"
    assert agenda.find("a", string="Propose a topic")["href"] == f"/en/dialogues/{index.pk}/proposals/new/?topic={call.pk}"
    citizen = make_person("citizen")
    signed_in = BeautifulSoup(client_for(citizen).get(call.url).content, "html.parser")
    assert signed_in.select_one(f"#community-agenda form[action='/en/proposals/{popular.pk}/support/'] button").text == "Support this proposal"


def test_visitors_get_the_event_page_from_the_cache(client, home, settings):
    settings.PAGE_CACHE_SECONDS = 60
    index = make_events_index(home)
    call = make_event(index)
    make_proposal(index, make_person("proposer"), topic=call, title="Who audits algorithms?")
    assert client.get(call.url)["X-Page-Cache"] == "miss"
    cached = client.get(call.url)
    assert cached["X-Page-Cache"] == "hit" and "Who audits algorithms?" in cached.content.decode()
