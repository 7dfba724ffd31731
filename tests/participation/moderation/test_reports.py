"""Citizens report comments and proposals; enough reports hide them until a moderator decides."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client, override_settings

from participation.comments.models import Comment
from participation.moderation import services
from participation.moderation.models import BlockedUser, ModerationAction, Report

from tests.participation.comments.helpers import JSON, client_for, make_user

pytestmark = pytest.mark.django_db


def report_url(obj):
    return f"/en/moderation/report/{ContentType.objects.get_for_model(obj).pk}/{obj.pk}/"


def send(user, obj, reason="spam", note="", client=None, **extra):
    client = client or client_for(user)
    return client.post(report_url(obj), {"reason": reason, "note": note}, **extra)


def test_anonymous_visitors_sign_in_first(client, comment):
    response = client.get(report_url(comment))
    assert response.status_code == 302 and "login" in response["Location"]
    assert client.post(report_url(comment), {"reason": "spam"}, **JSON).status_code == 401
    assert not Report.objects.exists()


def test_the_form_shows_what_is_reported(bob, comment):
    html = client_for(bob).get(report_url(comment)).content.decode()
    assert "Report to the moderators" in html and "Buy cheap watches" in html
    assert "<legend>Why are you reporting this?</legend>" in html
    for label in ("Spam or advertising", "Offensive or abusive", "Off-topic", "Other"):
        assert label in html


def test_a_citizen_reports_a_comment(bob, comment, topic):
    client = client_for(bob)
    response = send(bob, comment, "offensive", "Rude", client=client)
    assert response.status_code == 302 and response["Location"] == f"{topic.url}?comment={comment.pk}#comment-{comment.pk}"
    report = Report.objects.get()
    assert (report.reporter, report.target, report.reason, report.note) == (bob, comment, "offensive", "Rude")
    assert report.dialogue_id == topic.get_parent().pk
    page = client.get(response["Location"]).content.decode()
    assert "Thank you for your report" in page


def test_reporting_twice_counts_once(bob, comment):
    client = client_for(bob)
    send(bob, comment, client=client)
    response = send(bob, comment, "offensive", client=client)
    assert response.status_code == 302
    assert "You have already reported this" in client.get(response["Location"]).content.decode()
    assert Report.objects.count() == 1
    assert send(bob, comment, **JSON).json()["message"].startswith("You have already reported this")
    with pytest.raises(services.AlreadyReported):
        services.report(bob, comment, "spam")


def test_other_needs_a_note_and_notes_have_a_limit(bob, comment):
    response = send(bob, comment, "other", "")
    assert response.status_code == 400 and "Tell the moderators what is wrong" in response.content.decode()
    response = send(bob, comment, "other", "z" * 501)
    html = response.content.decode()
    assert response.status_code == 400 and "501 characters long; the limit is 500" in html
    assert "z" * 501 in html  # the note is kept
    response = send(bob, comment, "nonsense")
    assert response.status_code == 400 and "Choose one of the reasons listed." in response.content.decode()
    assert not Report.objects.exists()


def test_three_reports_from_three_people_hide_the_comment(topic, comment):
    reporters = [make_user(f"reporter{n}") for n in range(3)]
    send(reporters[0], comment)
    send(reporters[1], comment, "offensive")
    comment.refresh_from_db()
    assert comment.hidden_at is None
    send(reporters[2], comment, "other", "Advertising")
    comment.refresh_from_db()
    assert comment.hidden_at is not None
    action = ModerationAction.objects.get()
    assert (action.action, action.moderator, action.reason) == ("hide", None, "automatic: 3 reports")
    assert action.target == comment and action.dialogue_id == topic.get_parent().pk
    assert "Hidden by moderation" in Client().get(topic.url).content.decode()


def test_one_person_reporting_again_does_not_hide(comment, bob):
    for reason in ("spam", "offensive", "off_topic"):
        send(bob, comment, reason)
    comment.refresh_from_db()
    assert comment.hidden_at is None and Report.objects.count() == 1


@override_settings(MODERATION_AUTO_HIDE_REPORTS=1)
def test_the_threshold_is_a_setting(comment, bob):
    send(bob, comment)
    comment.refresh_from_db()
    assert comment.hidden_at is not None
    assert ModerationAction.objects.get().reason == "automatic: 1 reports"


def test_dismissed_reports_no_longer_count(comment, moderator):
    first, second, third = (make_user(f"r{n}") for n in range(3))
    send(first, comment)
    send(second, comment)
    services.dismiss(moderator, comment, "Not spam")
    send(third, comment)
    comment.refresh_from_db()
    assert comment.hidden_at is None


def test_one_cannot_report_ones_own_words(alice, comment):
    response = send(alice, comment)
    assert response.status_code == 403 and "your own contribution" in response.content.decode()
    assert not Report.objects.exists()


def test_blocked_people_cannot_report(bob, comment, moderator):
    BlockedUser.objects.create(user=bob, blocked_by=moderator, reason="abuse of reports")
    response = send(bob, comment)
    assert response.status_code == 403 and "blocked" in response.content.decode()
    assert send(bob, comment, **JSON).status_code == 403
    assert not Report.objects.exists()


@override_settings(RATE_LIMITS={"report": (2, 3600)})
def test_reports_are_rate_limited(topic, alice, bob):
    from tests.participation.comments.helpers import comment_on

    comments = [comment_on(topic, alice, f"Comment {n}") for n in range(3)]
    assert send(bob, comments[0]).status_code == 302
    assert send(bob, comments[1]).status_code == 302
    response = send(bob, comments[2], "other", "Keep this note")
    assert response.status_code == 429 and "Keep this note" in response.content.decode()
    assert Report.objects.count() == 2


def test_unknown_or_unreportable_content_is_a_404(bob, topic, alice):
    client = client_for(bob)
    assert client.get("/en/moderation/report/999999/1/").status_code == 404
    # Pages are not contributions; people are not either.
    page_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    assert client.get(f"/en/moderation/report/{page_type.pk}/{topic.pk}/").status_code == 404
    assert client.get(report_url(alice)).status_code == 404
    assert client.get(f"/en/moderation/report/{ContentType.objects.get_for_model(Comment).pk}/999999/").status_code == 404


def test_report_needs_csrf(bob, comment):
    client = Client(enforce_csrf_checks=True)
    client.force_login(bob)
    assert client.post(report_url(comment), {"reason": "spam"}).status_code == 403
    assert not Report.objects.exists()


def test_a_proposal_can_be_reported_too(dialogue, alice, bob):
    proposals = pytest.importorskip("participation.proposals.models")
    proposal = proposals.Proposal.objects.create(author=alice, dialogue=dialogue, title="More parks", body="Plant trees")
    response = send(bob, proposal, "off_topic")
    assert response.status_code == 302
    assert Report.objects.get().target == proposal
    for n in range(2):
        send(make_user(f"proposal-reporter{n}"), proposal)
    proposal.refresh_from_db()
    assert proposal.hidden_at is not None
