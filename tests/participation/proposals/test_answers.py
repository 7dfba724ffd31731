"""Official answers: a state and a translatable public text, given in the admin."""

import pytest
from bs4 import BeautifulSoup
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
from wagtail_localize.strings import StringValue

from participation.core.signals import proposal_answered
from participation.proposals import services
from participation.proposals.models import Proposal, ProposalAnswer, ProposalState

from .conftest import client_for, make_proposal

pytestmark = pytest.mark.django_db


def builtin(kind):
    return ProposalState.objects.get(kind=kind, is_builtin=True)


@pytest.fixture
def heard():
    events = []

    def listener(sender, proposal, answer, **kwargs):
        events.append((proposal.pk, answer.text if answer else None))

    proposal_answered.connect(listener, dispatch_uid="test-answered")
    yield events
    proposal_answered.disconnect(dispatch_uid="test-answered")


def test_builtin_states_exist():
    assert sorted(ProposalState.objects.filter(is_builtin=True).values_list("kind", flat=True)) == ["accepted", "discussed", "evaluating", "rejected"]


def test_answer_is_shown_and_announced_after_commit(client, proposal, heard, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.answer_proposal(proposal, state=builtin("accepted"), text="We will install 40 benches.\nSee https://example.org/plan")
    assert heard == []  # nothing is said before the transaction commits
    for callback in callbacks:
        callback()
    assert heard == [(proposal.pk, "We will install 40 benches.\nSee https://example.org/plan")]
    html = BeautifulSoup(client.get(proposal.get_absolute_url()).content, "html.parser")
    answer = html.select_one(".proposal-answer")
    assert "proposal-answer--accepted" in answer["class"]
    assert answer.select_one(".proposal-state").text == "Accepted"
    assert "We will install 40 benches." in answer.select_one(".proposal-answer__text").text
    link = answer.select_one(".proposal-answer__text a")
    assert link["href"] == "https://example.org/plan" and "nofollow" in link["rel"]


def test_unchanged_answer_is_not_announced_twice(proposal, heard, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_proposal(proposal, state=builtin("evaluating"), text="We are looking into it.")
        services.answer_proposal(proposal, state=builtin("evaluating"), text="We are looking into it.")
        services.answer_proposal(proposal, state=builtin("accepted"), text="We are looking into it.")
    assert len(heard) == 2


def test_clearing_the_answer(proposal):
    services.answer_proposal(proposal, state=builtin("rejected"), text="No budget.")
    services.answer_proposal(proposal, state=None, text="")
    proposal.refresh_from_db()
    assert proposal.state is None and proposal.answered_at is None and not ProposalAnswer.objects.exists()


def test_citizens_cannot_answer(proposal, citizen):
    with pytest.raises(services.NotAllowed):
        services.answer_proposal(proposal, state=builtin("accepted"), text="Self-approved", user=citizen)


def test_builtin_state_names_follow_the_interface_language(client, proposal):
    ProposalState.objects.filter(kind="accepted", is_builtin=True).update(name="Approved by the council")
    services.answer_proposal(proposal, state=builtin("accepted"), text="")
    english = BeautifulSoup(client.get(f"/en/proposals/{proposal.pk}/").content, "html.parser")
    assert english.select_one(".proposal-state").text == "Approved by the council"  # as the editors wrote it
    french = BeautifulSoup(client.get(f"/fr/proposals/{proposal.pk}/").content, "html.parser")
    with translation.override("fr"):
        assert french.select_one(".proposal-state").text == gettext("Accepted")  # the interface's translation


FRENCH_ANSWER = "Nous installerons 40 bancs."


def translate_answer_into_french(answer, locales):
    """What a partner does in wagtail-localize's editor, through its own models."""
    source, _created = TranslationSource.get_or_create_from_instance(answer)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=locales["fr"],
            context=segment.context,
            data=StringValue.from_plaintext(FRENCH_ANSWER).data,
        )
    with transaction.atomic():
        translated, _created = source.create_or_update_translation(locales["fr"])
    return translated


def test_french_translation_of_the_answer(client, proposal, locales):
    services.answer_proposal(proposal, state=builtin("accepted"), text="We will install 40 benches.")
    answer = ProposalAnswer.objects.get(proposal=proposal)
    translated = translate_answer_into_french(answer, locales)
    assert translated.proposal_id == proposal.pk and translated.locale == locales["fr"]
    french = BeautifulSoup(client.get(f"/fr/proposals/{proposal.pk}/").content, "html.parser")
    text = french.select_one(".proposal-answer__text")
    assert text.text.strip() == FRENCH_ANSWER and not text.has_attr("lang")
    assert french.select_one(".proposal-answer__fallback") is None
    english = BeautifulSoup(client.get(f"/en/proposals/{proposal.pk}/").content, "html.parser")
    assert english.select_one(".proposal-answer__text").text.strip() == "We will install 40 benches."


def test_untranslated_answer_falls_back_visibly(client, proposal):
    services.answer_proposal(proposal, state=builtin("accepted"), text="We will install 40 benches.")
    html = BeautifulSoup(client.get(f"/es/proposals/{proposal.pk}/").content, "html.parser")
    text = html.select_one(".proposal-answer__text")
    assert text.text.strip() == "We will install 40 benches." and text["lang"] == "en"
    assert "inglés" in html.select_one(".proposal-answer__fallback").text  # the source language, named in Spanish


def test_custom_state_translated_as_a_snippet(client, proposal, locales):
    state = ProposalState.objects.create(name="Merged with another proposal", kind="other", locale=locales["en"])
    french = state.copy_for_translation(locales["fr"])
    french.name = "Fusionnée avec une autre proposition"
    french.save()
    services.answer_proposal(proposal, state=french, text="")
    proposal.refresh_from_db()
    assert proposal.state == state  # always the default-language state
    fr = BeautifulSoup(client.get(f"/fr/proposals/{proposal.pk}/").content, "html.parser")
    assert fr.select_one(".proposal-state").text == "Fusionnée avec une autre proposition"
    es = BeautifulSoup(client.get(f"/es/proposals/{proposal.pk}/").content, "html.parser")
    assert es.select_one(".proposal-state").text == "Merged with another proposal"


# ---- the admin ----------------------------------------------------------------------------

ADMIN = "/admin/snippets/participation_proposals/proposal/"


def test_editors_find_proposals_in_the_admin(editor, editor_client, dialogue, author):
    first = make_proposal(dialogue, author, title="Cycle lanes everywhere")
    second = make_proposal(dialogue, author, title="Quiet hours in parks")
    services.answer_proposal(second, state=builtin("rejected"), text="")
    listing = editor_client.get(ADMIN).content.decode()
    assert "Cycle lanes everywhere" in listing and f"DLG-PROP-{first.pk}" in listing
    by_reference = editor_client.get(ADMIN, {"q": f"DLG-PROP-{first.pk}"}).content.decode()
    assert "Cycle lanes everywhere" in by_reference and "Quiet hours" not in by_reference
    by_title = editor_client.get(ADMIN, {"q": "quiet"}).content.decode()
    assert "Quiet hours in parks" in by_title and "Cycle lanes" not in by_title
    by_state = editor_client.get(ADMIN, {"state": builtin("rejected").pk}).content.decode()
    assert "Quiet hours in parks" in by_state and "Cycle lanes" not in by_state
    by_dialogue = editor_client.get(ADMIN, {"dialogue": dialogue.pk, "withdrawn": "false", "hidden": "false"}).content.decode()
    assert "Quiet hours in parks" in by_dialogue and "Cycle lanes everywhere" in by_dialogue


def test_editor_answers_in_the_admin(editor, editor_client, proposal, heard, django_capture_on_commit_callbacks):
    edit_url = f"{ADMIN}edit/{proposal.pk}/"
    page = editor_client.get(edit_url)
    assert page.status_code == 200 and proposal.title in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(edit_url, {"state": builtin("accepted").pk, "answer_text": "We will do it."})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.state == builtin("accepted") and proposal.answered_at is not None
    assert proposal.title == "More benches in the park"  # the citizen's text is read only
    assert ProposalAnswer.objects.get(proposal=proposal).text == "We will do it."
    assert heard == [(proposal.pk, "We will do it.")]
    assert "We will do it." in editor_client.get(edit_url).content.decode()


def test_admin_never_creates_proposals(editor, editor_client):
    assert editor_client.get(f"{ADMIN}add/").status_code in (302, 403)


def test_citizens_have_no_admin(proposal, citizen):
    response = client_for(citizen).get(f"{ADMIN}edit/{proposal.pk}/")
    assert response.status_code in (302, 403)
    assert Proposal.objects.get(pk=proposal.pk).state is None


def test_editors_define_states_but_keep_the_builtin_ones(editor, editor_client, locales):
    response = editor_client.post("/admin/snippets/participation_proposals/proposalstate/add/", {"name": "Postponed", "kind": "other"})
    assert response.status_code == 302
    assert ProposalState.objects.filter(name="Postponed", locale=locales["en"]).exists()
    response = editor_client.post(f"/admin/snippets/participation_proposals/proposalstate/delete/{builtin('accepted').pk}/")
    assert response.status_code in (302, 403)
    assert ProposalState.objects.filter(kind="accepted", is_builtin=True).exists()


def test_editors_configure_a_dialogue(editor, editor_client, dialogue, locales):
    french = dialogue.get_translation(locales["fr"])
    response = editor_client.post(
        "/admin/snippets/participation_proposals/dialoguesettings/add/",
        {
            "dialogue": french.pk,  # any translation of the dialogue will do
            "proposals_open_phases": ["information", "dialogue"],
            "supports_open_phases": ["dialogue"],
            "support_limit": "5",
            "support_threshold": "",
            "reference_prefix": "wti",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    from participation.proposals.models import DialogueSettings

    row = DialogueSettings.objects.get()
    assert row.dialogue_id == dialogue.pk and row.reference_prefix == "WTI"
    assert row.proposals_open_phases == ["information", "dialogue"] and row.support_limit == 5
    proposal = make_proposal(dialogue, None)
    assert proposal.reference == f"WTI-PROP-{proposal.pk}"


def test_settings_must_belong_to_a_dialogue(editor, editor_client, home):
    response = editor_client.post(
        "/admin/snippets/participation_proposals/dialoguesettings/add/",
        {"dialogue": home.pk, "proposals_open_phases": [], "supports_open_phases": [], "reference_prefix": "X"},
    )
    assert response.status_code == 200 and "Choose a dialogue page." in response.content.decode()


def test_admin_pages_render(editor, editor_client, proposal):
    services.answer_proposal(proposal, state=builtin("accepted"), text="We will do it.")
    answer = ProposalAnswer.objects.get()
    for url in (
        ADMIN,
        f"{ADMIN}inspect/{proposal.pk}/",
        "/admin/snippets/participation_proposals/proposalanswer/",
        f"/admin/snippets/participation_proposals/proposalanswer/edit/{answer.pk}/",
        "/admin/snippets/participation_proposals/proposalstate/",
        "/admin/snippets/participation_proposals/dialoguesettings/",
        "/admin/snippets/participation_proposals/dialoguesettings/add/",
    ):
        assert editor_client.get(url).status_code == 200, url
    answers = editor_client.get("/admin/snippets/participation_proposals/proposalanswer/").content.decode()
    assert "We will do it." in answers and "Translate" in answers  # partners translate from here
