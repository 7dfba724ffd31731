"""Official answers in the admin: a partner's translators change their own locale's translation
only; the answer an editor wrote (shown under the editor's name) stays the editors'."""

import pytest
from bs4 import BeautifulSoup

from participation.proposals import services
from participation.proposals.models import ProposalAnswer, ProposalState

from .test_answers import FRENCH_ANSWER, translate_answer_into_french

pytestmark = pytest.mark.django_db

ANSWERS = "/admin/snippets/participation_proposals/proposalanswer/"
ENGLISH_ANSWER = "We will install 40 benches."


@pytest.fixture
def answers(proposal, locales):
    """The English answer, its French translation and a Spanish one (made as an editor would)."""
    services.answer_proposal(proposal, state=ProposalState.objects.get(kind="accepted", is_builtin=True), text=ENGLISH_ANSWER)
    english = ProposalAnswer.objects.get(proposal=proposal)
    french = translate_answer_into_french(english, locales)
    spanish = english.copy_for_translation(locales["es"])
    spanish.save()
    return {"en": english, "fr": french, "es": spanish}


def edit_url(answer):
    return f"{ANSWERS}edit/{answer.pk}/"


def refused(response):
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def listed(client):
    response = client.get(ANSWERS)
    assert response.status_code == 200
    links = BeautifulSoup(response.content, "html.parser").select(f'a[href^="{ANSWERS}edit/"]')
    return {int(link["href"].rstrip("/").rsplit("/", 1)[1]) for link in links}


def test_a_translator_cannot_open_or_change_the_english_answer(translator_client, answers):
    english = answers["en"]
    assert refused(translator_client.get(edit_url(english)))
    assert refused(translator_client.post(edit_url(english), {"text": "Nothing will be done."}))
    english.refresh_from_db()
    assert english.text == ENGLISH_ANSWER


def test_a_translator_cannot_open_another_locales_translation(translator_client, answers):
    assert refused(translator_client.get(edit_url(answers["es"])))


def test_a_translator_translates_their_own_locale(translator_client, answers):
    response = translator_client.get(edit_url(answers["fr"]))
    assert response.status_code == 200
    assert FRENCH_ANSWER in response.content.decode()


def test_a_translator_lists_only_their_locales_answers(translator_client, answers):
    assert listed(translator_client) == {answers["fr"].pk}


def test_editors_keep_every_locale(editor, editor_client, answers):
    assert listed(editor_client) == {answer.pk for answer in answers.values()}
    for answer in answers.values():
        assert editor_client.get(edit_url(answer)).status_code == 200
    response = editor_client.post(edit_url(answers["en"]), {"text": "We will install 50 benches."})
    assert response.status_code == 302
    answers["en"].refresh_from_db()
    assert answers["en"].text == "We will install 50 benches."

