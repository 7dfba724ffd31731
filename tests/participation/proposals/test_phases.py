"""Phase kinds are one vocabulary: the phases editors give a dialogue page are the ones its
proposal settings open and close, and a kind participation does not know opens nothing."""

import datetime
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from content.models import DialoguePage, DialoguePhase
from participation.core.phases import PhaseKind
from participation.proposals.models import DialogueSettings, Proposal

from .conftest import client_for, configure

pytestmark = pytest.mark.django_db


def new_url(dialogue):
    return f"/en/dialogues/{dialogue.pk}/proposals/new/"


def test_the_settings_offer_the_kinds_editors_give_phases():
    phase_choices = DialoguePhase._meta.get_field("kind").choices
    settings_choices = DialogueSettings._meta.get_field("proposals_open_phases").formfield().choices
    assert [value for value, _label in phase_choices] == [value for value, _label in settings_choices] == PhaseKind.values


def test_the_phase_running_today_decides(dialogue, citizen):
    today = timezone.localdate()
    dialogue.phases.all().delete()
    DialoguePhase.objects.create(page=dialogue, locale=dialogue.locale, kind=PhaseKind.REGISTRATION, starts_on=today - datetime.timedelta(days=1))
    configure(dialogue, proposals_open_phases=[PhaseKind.REGISTRATION])
    client = client_for(citizen)
    assert client.get(new_url(dialogue)).status_code == 200

    DialoguePhase.objects.filter(page=dialogue).update(kind=PhaseKind.RESULTS)
    dialogue.save_revision().publish()  # phases are published with the page
    response = client.post(new_url(dialogue), {"title": "Late idea", "body": "Too late.", "language": "en"})
    assert response.status_code == 403 and not Proposal.objects.exists()


def test_a_kind_participation_does_not_know_opens_nothing(monkeypatch, dialogue, citizen):
    monkeypatch.setattr(DialoguePage, "current_phase", lambda self, today=None: SimpleNamespace(kind="voting"))
    response = client_for(citizen).get(new_url(dialogue))
    assert response.status_code == 403
    assert "Proposals are closed in the current phase" in BeautifulSoup(response.content, "html.parser").text
