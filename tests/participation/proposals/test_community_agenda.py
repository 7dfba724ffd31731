"""The community agenda of an event page: topics proposed for it, most supported first, with
support buttons, the host's "Discussed" mark and a link to propose one; the visibility rule and
a query count that does not grow."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser, Group
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from participation.proposals import services
from participation.proposals.models import ProposalState

from .conftest import client_for, configure, make_proposal, make_user

pytestmark = pytest.mark.django_db


def agenda(page, user=None, session=None):
    """The tag as the event page's template renders it, for `user` (anonymous by default)."""
    request = RequestFactory().get(page.url)
    request.user = user or AnonymousUser()
    request.session = session or SessionStore()
    html = Template("{% load proposals_tags %}{% community_agenda page %}").render(Context({"request": request, "page": page}))
    return BeautifulSoup(html, "html.parser")


def titles(html):
    return [link.text for link in html.select(".community-agenda .proposal-item__title a")]


def discussed():
    return ProposalState.objects.get(kind="discussed", is_builtin=True)


def test_most_supported_first_and_only_this_topic(dialogue, topic, author):
    other_topic = topic.get_next_sibling()
    few = make_proposal(dialogue, author, topic=topic, title="Encryption by default")
    many = make_proposal(dialogue, author, topic=topic, title="Who holds my data?")
    make_proposal(dialogue, author, topic=other_topic, title="Elsewhere")
    make_proposal(dialogue, author, title="No topic")
    for _n in range(2):
        services.cast_support(make_user(), many)
    services.cast_support(make_user(), few)
    html = agenda(topic)
    assert html.select_one("h2").text == "Community agenda"
    assert titles(html) == ["Who holds my data?", "Encryption by default"]


def test_the_host_marks_topics_discussed_through_the_answer(editor, editor_client, dialogue, topic, author):
    proposal = make_proposal(dialogue, author, topic=topic, title="Who holds my data?")
    response = editor_client.post(f"/admin/snippets/participation_proposals/proposal/edit/{proposal.pk}/", {"state": discussed().pk, "answer_text": ""})
    assert response.status_code == 302
    state = agenda(topic).select_one(".proposal-state")
    assert state.text == "Discussed" and "proposal-state--discussed" in state["class"]


def test_discussed_in_the_visitors_language(dialogue, topic, author):
    from django.utils import translation

    services.answer_proposal(make_proposal(dialogue, author, topic=topic), state=discussed(), text="")
    with translation.override("fr"):
        assert agenda(topic).select_one(".proposal-state").text == "Discuté"


def test_supporting_from_the_agenda_comes_back_to_the_page(dialogue, topic, author, citizen):
    proposal = make_proposal(dialogue, author, topic=topic)
    form = agenda(topic, citizen).select_one(f"form[action='/en/proposals/{proposal.pk}/support/']")
    assert form.button.text == "Support this proposal"
    next_url = form.select_one("input[name=next]")["value"]
    assert next_url == f"{topic.url}#community-agenda"
    response = client_for(citizen).post(form["action"], {"next": next_url})
    assert response.status_code == 302 and response["Location"] == next_url
    html = agenda(topic, citizen)
    assert "You support this proposal." in html.text and "Withdraw my support" in html.text
    # The author cannot support their own proposal and is told why.
    assert "You cannot support your own proposal." in agenda(topic, author).text


def test_visitors_are_invited_to_sign_in_and_hidden_proposals_are_placeholders(dialogue, topic, author):
    from django.utils import timezone

    make_proposal(dialogue, author, topic=topic, title="Visible idea")
    make_proposal(dialogue, author, topic=topic, title="Rude words", hidden_at=timezone.now())
    html = agenda(topic)
    assert "You will be asked to sign in first." in html.text
    sign_in = html.find("a", string="Support this proposal")
    assert sign_in["href"] == f"/en/accounts/login/?next={topic.url.replace('/', '%2F')}%23community-agenda"
    assert "csrfmiddlewaretoken" not in str(html)  # so the page cache may keep the page for visitors
    assert "Hidden by moderation" in html.text and "Rude words" not in str(html)


def test_propose_a_topic_preselects_this_page(dialogue, topic, citizen, locales):
    link = agenda(topic).find("a", string="Propose a topic")
    assert link["href"] == f"/en/dialogues/{dialogue.pk}/proposals/new/?topic={topic.pk}"
    form = BeautifulSoup(client_for(citizen).get(link["href"]).content, "html.parser")
    assert form.select_one("select[name=topic] option[selected]")["value"] == str(topic.pk)
    # From the French page: the French topic is chosen on the French form.
    french_topic = topic.get_translation(locales["fr"])
    french_form = client_for(citizen).get(f"/fr/dialogues/{dialogue.pk}/proposals/new/?topic={french_topic.pk}")
    assert BeautifulSoup(french_form.content, "html.parser").select_one("select[name=topic] option[selected]")["value"] == str(french_topic.pk)
    # Nonsense picks nothing.
    bad = client_for(citizen).get(f"/en/dialogues/{dialogue.pk}/proposals/new/?topic=nope")
    assert bad.status_code == 200 and not BeautifulSoup(bad.content, "html.parser").select("select[name=topic] option[selected][value]:not([value=''])")


def test_no_propose_link_when_proposals_are_closed(dialogue, topic):
    configure(dialogue, proposals_open_phases=[])
    assert agenda(topic).find("a", string="Propose a topic") is None


def test_nothing_on_a_page_whose_parent_is_not_a_dialogue(dialogue, home):
    assert agenda(dialogue).select(".community-agenda") == []


@pytest.mark.parametrize("restriction", ["unpublished", "groups", "password"])
def test_nothing_for_who_may_not_see_the_page(dialogue, topic, author, citizen, restriction):
    make_proposal(dialogue, author, topic=topic, title="Secret idea 7Q")
    if restriction == "unpublished":
        dialogue.unpublish()
        topic.refresh_from_db()
    elif restriction == "groups":
        members = Group.objects.create(name="Agenda members")
        PageViewRestriction.objects.create(page=topic, restriction_type=PageViewRestriction.GROUPS).groups.add(members)
    else:
        PageViewRestriction.objects.create(page=dialogue, restriction_type=PageViewRestriction.PASSWORD, password="open sesame")
    assert "Secret idea 7Q" not in str(agenda(topic, citizen))
    if restriction == "groups":
        citizen.groups.add(Group.objects.get(name="Agenda members"))
        assert "Secret idea 7Q" in str(agenda(topic, citizen))


@pytest.mark.parametrize("signed_in", [False, True])
def test_query_count_does_not_grow(dialogue, topic, author, signed_in):
    configure(dialogue, support_limit=50)
    citizen = make_user() if signed_in else None
    counts = []
    for size in (3, 15):
        for _n in range(size - len(titles(agenda(topic)))):
            proposal = make_proposal(dialogue, author, topic=topic)
            services.cast_support(make_user(), proposal)
            if citizen is not None:
                services.cast_support(citizen, proposal)
        services.answer_proposal(proposal, state=discussed(), text="")
        agenda(topic, citizen)  # warm the site's caches, as in production
        with CaptureQueriesContext(connection) as queries:
            html = agenda(topic, citizen)
        assert len(titles(html)) == size
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_a_proposal_in_another_language_is_marked_so(dialogue, topic, author):
    make_proposal(dialogue, author, topic=topic, title="Qui garde mes données ?", language="fr")
    make_proposal(dialogue, author, topic=topic, title="Who keeps my data?", language="en")
    links = {link.text: link for link in agenda(topic).select(".proposal-item__title a")}
    assert links["Qui garde mes données ?"]["lang"] == "fr"
    assert not links["Who keeps my data?"].has_attr("lang")


def test_a_long_agenda_links_to_the_whole_list(client, dialogue, topic, author):
    from participation.proposals.templatetags.proposals_tags import AGENDA_SIZE

    for number in range(AGENDA_SIZE + 1):
        make_proposal(dialogue, author, topic=topic, title=f"Topic idea {number}")
    html = agenda(topic)
    assert len(titles(html)) == AGENDA_SIZE
    link = html.find("a", string="See all proposed topics")["href"]
    assert link == f"/en/dialogues/{dialogue.pk}/proposals/?topic={topic.translation_key}&sort=supported"
    listed = BeautifulSoup(client.get(link).content, "html.parser").select(".proposal-item")
    assert len(listed) == AGENDA_SIZE  # the list's first page (20 a page), all on this topic
