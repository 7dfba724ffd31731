import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.utils import translation

from participation.accounts.queries import personal_data_models
from participation.comments.models import Comment, CommentVote
from participation.moderation.models import Report
from participation.notifications.models import Follow, Preference
from participation.proposals.models import Proposal, Support

pytestmark = pytest.mark.django_db


def download(client, method="post"):
    if method == "post":
        response = client.post("/en/accounts/export/")
    else:
        response = client.get("/en/accounts/export/?download=1")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="dialogue-my-data-')
    assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]
    return json.loads(response.content)


def test_the_export_page_has_a_download_button(person_client):
    html = person_client.get("/en/accounts/export/").content.decode()
    assert '<form method="post" action="/en/accounts/export/">' in html
    assert "Download my data" in html


def test_export_needs_a_signed_in_person(client):
    response = client.post("/en/accounts/export/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def keys_of(value):
    """Every key at every depth of the JSON."""
    if isinstance(value, dict):
        return set(value) | {key for item in value.values() for key in keys_of(item)}
    if isinstance(value, list):
        return {key for item in value for key in keys_of(item)}
    return set()


@pytest.fixture
def others_and_mine(person, make_person, dialogue):
    """The person's own contributions and activity around another person's proposal and comment."""
    other = make_person("other")
    theirs = Proposal.objects.create(dialogue=dialogue, author=other, title="Shade for the square", body="THEIR-PROPOSAL-TEXT")
    mine = Proposal.objects.create(dialogue=dialogue, author=person, title="Benches by the river", body="MY-PROPOSAL-TEXT")
    on_theirs = {"dialogue": dialogue, "content_type": ContentType.objects.get_for_model(Proposal), "object_id": theirs.pk}
    parent = Comment.objects.create(author=other, body="THEIR-PARENT-TEXT", **on_theirs)
    reply = Comment.objects.create(author=person, body="MY-REPLY-TEXT", parent=parent, depth=2, **on_theirs)
    Support.objects.create(user=person, proposal=theirs)
    CommentVote.objects.create(user=person, comment=parent, value=1)
    Report.objects.create(
        reporter=person, content_type=on_theirs["content_type"], object_id=parent.pk, dialogue=dialogue, reason="off_topic", note="MY-REPORT-NOTE"
    )
    Follow.objects.create(user=person, content_type=on_theirs["content_type"], object_id=theirs.pk)
    Preference.objects.create(user=person, frequency=Preference.Frequency.DAILY)
    return {"theirs": theirs, "mine": mine, "parent": parent, "reply": reply, "other": other}


@pytest.mark.parametrize("method", ["post", "get"])
def test_export_holds_the_account_in_words_without_secrets_ids_or_flags(person, person_client, method):
    person.is_staff = True  # a flag the export must not mention
    person.save()
    data = download(person_client, method)

    account = data["account"]
    assert account["nickname"] == "Amina"
    assert account["email address"] == "amina@example.org"
    assert account["name"] == "Amina Private-Surname"
    assert account["preferred language"] == "en"
    assert account["public profile"] == "http://testserver/en/accounts/people/Amina/"
    text = json.dumps(data)
    assert person.password not in text and "pbkdf2" not in text
    for internal in ("id", "pk", "model", "fields", "user", "content_type", "is_staff", "is_superuser", "groups", "user_permissions", "password", "nickname_key", "nickname_skeleton"):
        assert internal not in keys_of(data), internal


def test_export_describes_contributions_and_activity_and_holds_no_other_persons_text(person, person_client, others_and_mine):
    data = download(person_client)
    theirs, mine, reply = others_and_mine["theirs"], others_and_mine["mine"], others_and_mine["reply"]

    [proposal] = data["proposals"]
    assert proposal["title"] == "Benches by the river"
    assert proposal["text"] == "MY-PROPOSAL-TEXT"
    assert proposal["url"] == f"http://testserver/en/proposals/{mine.pk}/"
    assert proposal["created"].startswith(f"{mine.created_at:%Y-%m-%d}")

    [comment] = data["comments"]
    assert comment["text"] == "MY-REPLY-TEXT"
    assert comment["url"].endswith(f"?comment={reply.pk}#comment-{reply.pk}")
    assert comment["in reply to"].endswith(f"#comment-{others_and_mine['parent'].pk}")

    assert data["supports"] == [{"proposal": "Shade for the square", "url": f"http://testserver/en/proposals/{theirs.pk}/", "supported": data["supports"][0]["supported"]}]
    assert [vote["vote"] for vote in data["comment votes"]] == ["Up"]
    [report] = data["reports"]
    assert (report["reason"], report["note"]) == ("Off-topic", "MY-REPORT-NOTE")
    assert data["follows"][0]["following"] == "Shade for the square"
    assert data["follows"][0]["url"] == f"http://testserver/en/proposals/{theirs.pk}/"
    assert data["notification preferences"] == [{"emails about what you follow": "One digest per day"}]

    # Another person's words appear nowhere: not the comment replied to, voted on or reported,
    # not the supported proposal's text, not their name.
    text = json.dumps(data, ensure_ascii=False)
    for foreign in ("THEIR-PARENT-TEXT", "THEIR-PROPOSAL-TEXT", others_and_mine["other"].participant.nickname, others_and_mine["other"].email):
        assert foreign not in text
    for internal in ("content_type", "object_id", "user", "author", "reporter", "proposal_id", "pk", "id"):
        assert internal not in keys_of(data), internal


def test_a_contribution_model_accounts_never_heard_of_is_exported(person, person_client, make_person, make_note):
    make_note(person, "First idea")
    make_note(person, "Second idea")
    make_note(make_person(), "Not mine")

    data = download(person_client)

    notes = data["test notes"]
    assert sorted(note["text"] for note in notes) == ["First idea", "Second idea"]
    assert all(note["url"].startswith("http://testserver/en/test-notes/") for note in notes)
    assert "Not mine" not in json.dumps(data)


def test_every_model_pointing_at_people_has_its_section(person, person_client, note_model):
    # Discovered, not listed: whatever participation models are installed when this runs.
    data = download(person_client)
    with translation.override("en"):
        names = {str(model._meta.verbose_name_plural) for model, _fields in personal_data_models()}
    assert "test notes" in names
    assert names <= set(data)


def test_export_needs_a_csrf_token_for_post(person):
    client = Client(enforce_csrf_checks=True)
    client.force_login(person, backend="participation.accounts.backends.EmailOrUsernameBackend")
    assert client.post("/en/accounts/export/").status_code == 403
