"""After a person deletes their account, nothing personal is left in any table: not in
participation's, not in the host's, not in the task queue's results (django-tasks-db), whose rows
carry only the id of an email waiting to go."""

import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import models
from django.test import Client
from django_tasks_db.models import DBTaskResult

from participation.accounts.models import OutgoingEmail
from participation.accounts.tasks import send_queued_email
from participation.accounts.validators import nickname_skeleton
from participation.comments.models import Comment, CommentVote
from participation.comments.services import post_comment, vote
from participation.moderation import services as moderation
from participation.moderation.models import Report
from participation.notifications.services import follow
from participation.proposals import services as proposals
from participation.proposals.models import Proposal, Support
from tests.factories import make_person

pytestmark = pytest.mark.django_db
User = get_user_model()
PASSWORD = "Unusual-passphrase-for-Noor-77"
TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)


@pytest.fixture
def database_tasks(settings):
    """The production task backend: queued work is written to the task results table."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def send_queued_emails():
    for email_id in OutgoingEmail.objects.values_list("pk", flat=True):
        send_queued_email.call(email_id)


def every_text_value():
    """(table, column, value) for every text column of every table the project has."""
    for model in apps.get_models(include_auto_created=True):
        columns = [field.name for field in model._meta.concrete_fields if isinstance(field, TEXT_FIELDS)]
        if not columns:
            continue
        for row in model._base_manager.values_list(*columns):
            for column, value in zip(columns, row):
                if value:
                    yield model._meta.db_table, column, str(value)


def test_a_deleted_account_leaves_nothing_personal_anywhere(database_tasks, dialogue, topic):
    other = make_person("other")
    theirs = proposals.create_proposal(other, dialogue, title="Libraries open on Sundays", body="For everyone.")
    their_comment = post_comment(other, topic, "Evening sessions would help.")

    # Sign up, confirm, sign in: the real emails, through the queue.
    client = Client()
    response = client.post(
        "/fr/accounts/signup/",
        {
            "email": "noor.haddad@example.net",
            "nickname": "NoorH",
            "full_name": "Noor Haddad-Privé",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "accept_terms": "on",
        },
    )
    assert response.status_code == 302
    queued = DBTaskResult.objects.get(task_path="participation.accounts.tasks.send_queued_email")
    assert queued.args_kwargs == {"args": [OutgoingEmail.objects.get().pk], "kwargs": {}}
    send_queued_emails()
    confirm_path = re.search(r"https?://[^/]+(/fr/accounts/confirm/[^/\s]+/)", mail.outbox[-1].body).group(1)
    assert client.post(confirm_path).status_code == 302
    noor = User.objects.get(email="noor.haddad@example.net")

    # Take part in every way that leaves a row.
    mine = proposals.create_proposal(noor, dialogue, title="Quiet rooms in every library", body="Written by Noor.")
    comment = post_comment(noor, topic, "My own words stay public.")
    proposals.cast_support(noor, theirs)
    vote(noor, their_comment, 1)
    moderation.report(noor, their_comment, "other", note="Looks like an advert to me.")
    follow(noor, dialogue)
    post_comment(other, topic, "A reply Noor follows.")
    client.post("/en/accounts/password/reset/", {"email": "noor.haddad@example.net"})
    send_queued_emails()
    reset_token = re.search(r"/accounts/password/reset/([^/\s]+/[^/\s]+)/", mail.outbox[-1].body).group(1)
    client.post("/en/accounts/password/reset/", {"email": "noor.haddad@example.net"})  # one still queued
    # A change of address asked for and never confirmed.
    settings_data = {"nickname": "NoorH", "full_name": "Noor Haddad-Privé", "language": "fr", "email": "noor.new@example.net"}
    assert client.post("/en/accounts/settings/", {**settings_data, "current_password": PASSWORD}).status_code == 302

    username = noor.username
    assert client.post("/en/accounts/delete/", {"password": PASSWORD, "confirm": "on"}).status_code == 302

    secrets = ["noor.haddad@example.net", "noor.new@example.net", "Noor Haddad-Privé", "NoorH", "noorh", nickname_skeleton("NoorH"), username, confirm_path.split("/")[-2], reset_token]
    found = [(table, column) for table, column, value in every_text_value() for secret in secrets if secret in value]
    assert found == []

    # What they gave the public stays, signed by nobody; what they counted still counts.
    assert Proposal.objects.get(pk=mine.pk).author_id is None
    assert Comment.objects.get(pk=comment.pk).author_name == "Deleted participant"
    assert Proposal.objects.get(pk=theirs.pk).support_count == 1 == Support.objects.filter(proposal=theirs, user=None).count()
    assert CommentVote.objects.filter(comment=their_comment, user=None).count() == 1
    assert Comment.objects.get(pk=their_comment.pk).upvotes == 1
    # Moderators keep the report's note, without its author.
    report = Report.objects.get(note="Looks like an advert to me.")
    assert report.reporter_id is None
