"""Who may do what: every role, every action, with the phase open and closed.

The same table drives the permissions (`rules`) and the pages: a sample of cells is checked
through HTTP too, so what the rules say is what people get."""

import pytest
import rules
from django.contrib.auth.models import AnonymousUser

from participation.proposals import rules as proposal_rules
from participation.proposals.models import Proposal

from .conftest import client_for, configure

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "citizen", "author", "moderator", "editor"]
ACTIONS = ["create_proposal", "edit_proposal", "withdraw_proposal", "support_proposal", "answer_proposal"]

EXPECTED = {
    # phase open: proposals and supports accepted in the dialogue's current phase
    True: {
        "create_proposal": {"citizen", "author", "moderator", "editor"},
        "edit_proposal": {"author"},
        "withdraw_proposal": {"author"},
        "support_proposal": {"citizen", "moderator", "editor"},  # not the author: own proposal
        "answer_proposal": {"moderator", "editor"},
    },
    # phase closed: nothing that adds or changes citizen content; withdrawing and answering go on
    False: {
        "create_proposal": set(),
        "edit_proposal": set(),
        "withdraw_proposal": {"author"},
        "support_proposal": set(),
        "answer_proposal": {"moderator", "editor"},
    },
}


@pytest.fixture
def people(author, citizen, moderator, editor):
    return {"anonymous": AnonymousUser(), "citizen": citizen, "author": author, "moderator": moderator, "editor": editor}


def target(action, proposal):
    return proposal.dialogue if action == "create_proposal" else proposal


@pytest.mark.parametrize("phase_open", [True, False], ids=["open", "closed"])
def test_permission_matrix(people, proposal, dialogue, phase_open):
    if not phase_open:
        configure(dialogue, proposals_open_phases=["results"], supports_open_phases=["results"])
    actual = {}
    for action in ACTIONS:
        allowed = set()
        for role in ROLES:
            fresh = Proposal.objects.select_related("dialogue").get(pk=proposal.pk)
            obj = target(action, fresh)
            by_helper = proposal_rules.can(people[role], action, obj)
            by_rules = rules.has_perm(f"participation_proposals.{action}", people[role], obj)
            assert by_helper == by_rules, (action, role)
            if by_helper:
                allowed.add(role)
        actual[action] = allowed
    assert actual == EXPECTED[phase_open]


def test_every_refusal_has_a_reason(people, proposal, dialogue):
    configure(dialogue, proposals_open_phases=[], supports_open_phases=[])
    for action in ACTIONS:
        for role in ROLES:
            fresh = Proposal.objects.select_related("dialogue").get(pk=proposal.pk)
            allowed = proposal_rules.can(people[role], action, target(action, fresh))
            reason = proposal_rules.denial(people[role], action, target(action, fresh))
            assert allowed == (reason is None)
            assert reason is None or len(str(reason)) > 10


def test_superusers_get_no_pass_on_author_actions(proposal, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "x")
    assert admin.has_perm("participation_proposals.edit_proposal", proposal)  # Django's superuser shortcut...
    assert not proposal_rules.can(admin, "edit_proposal", proposal)  # ...which the app does not use
    response = client_for(admin).get(f"/en/proposals/{proposal.pk}/edit/")
    assert response.status_code == 403


def test_answered_or_supported_proposal_is_not_editable(proposal, author, citizen):
    from participation.proposals import services

    services.cast_support(citizen, proposal)
    proposal.refresh_from_db()
    assert "can no longer be edited" in str(proposal_rules.denial(author, "edit_proposal", proposal))


def test_deactivated_accounts_cannot_take_part(proposal, citizen):
    citizen.is_active = False
    assert not proposal_rules.can(citizen, "support_proposal", proposal)
    citizen.is_active = True
    from django.utils import timezone

    citizen.participant.deleted_at = timezone.now()
    assert not proposal_rules.can(citizen, "create_proposal", proposal.dialogue)


def test_blocked_people_cannot_post(proposal, citizen, author):
    moderation = pytest.importorskip("participation.moderation.models")
    if not hasattr(moderation, "BlockedUser"):
        pytest.skip("the moderation app has no blocks")
    moderation.BlockedUser.objects.create(user=citizen, reason="Spam")
    response = client_for(citizen).get(f"/en/dialogues/{proposal.dialogue_id}/proposals/new/")
    assert response.status_code == 403 and "blocked" in response.content.decode()


@pytest.mark.parametrize(
    "role, action, phase_open, status",
    [
        ("citizen", "create", True, 200),
        ("citizen", "create", False, 403),
        ("author", "edit", True, 200),
        ("author", "edit", False, 403),
        ("citizen", "edit", True, 403),
        ("editor", "edit", True, 403),
        ("moderator", "withdraw", True, 403),
        ("author", "withdraw", False, 200),
        ("author", "support", True, 403),
        ("citizen", "support", True, 200),
        ("citizen", "support", False, 403),
        ("anonymous", "support", True, 401),
    ],
)
def test_pages_follow_the_rules(people, proposal, dialogue, role, action, phase_open, status):
    if not phase_open:
        configure(dialogue, proposals_open_phases=["results"], supports_open_phases=["results"])
    user = people[role]
    from django.test import Client

    client = client_for(user) if user.is_authenticated else Client()
    json = {"HTTP_ACCEPT": "application/json"}
    if action == "create":
        response = client.get(f"/en/dialogues/{dialogue.pk}/proposals/new/")
    elif action == "edit":
        response = client.get(f"/en/proposals/{proposal.pk}/edit/")
    elif action == "withdraw":
        response = client.get(f"/en/proposals/{proposal.pk}/withdraw/")
    else:
        response = client.post(f"/en/proposals/{proposal.pk}/support/", **json)
    assert response.status_code == status
