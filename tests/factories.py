"""The one way tests make people and contributions. People: a user of the site's user model
(whatever AUTH_USER_MODEL is) with participation's Person, as sign-up and confirmation would
leave them."""

import itertools
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from participation.accounts.models import Person
from participation.comments.models import Comment
from participation.comments.services import post_comment
from participation.events.models import Session
from participation.polls.models import Choice, Poll
from participation.proposals.models import Proposal

PASSWORD = "a-Long-and-Unusual-password-42"
MODERATORS = "Moderators (participation)"
SIGN_IN_BACKEND = "participation.accounts.backends.EmailOrUsernameBackend"
PERSON_FIELDS = {field.name for field in Person._meta.get_fields() if field.concrete} - {"id", "user"}
_numbers = itertools.count(1)


def make_person(name="citizen", *, nickname=None, email=None, password=PASSWORD, **fields):
    """An active, confirmed citizen who accepted the terms. `name` makes the username, address and
    default nickname unique (name-3, name-3@example.org, name3); `fields` may set the user's
    fields (is_active, is_staff...) and the Person's (full_name, language, deleted_at...)."""
    number = next(_numbers)
    person_fields = {key: fields.pop(key) for key in list(fields) if key in PERSON_FIELDS}
    User = get_user_model()
    user = User(**{User.USERNAME_FIELD: f"{name}-{number}", User.get_email_field_name(): email or f"{name}-{number}@example.org"})
    for key, value in {"is_active": True, **fields}.items():
        setattr(user, key, value)
    user.set_password(password)
    user.save()
    now = timezone.now()
    user.participant = Person.objects.create(
        user=user,
        nickname=nickname if nickname is not None else f"{name}{number}",
        **{"language": "en", "email_confirmed_at": now, "accepted_terms_at": now, **person_fields},
    )
    return user


def make_moderator(name="moderator", **fields):
    user = make_person(name, **fields)
    user.groups.add(Group.objects.get(name=MODERATORS))
    return get_user_model()._default_manager.select_related("participant").get(pk=user.pk)  # fresh permission cache


def client_for(user, **kwargs):
    client = Client(**kwargs)
    if user is not None:
        client.force_login(user, backend=SIGN_IN_BACKEND)
    return client


def make_proposal(dialogue, author, title="More benches in the park", body="People need places to rest.", **extra):
    """A proposal written straight to the database (no phase or rate rule in the way)."""
    return Proposal.objects.create(dialogue=dialogue, author=author, title=title, body=body, **extra)


def comment_on(target, author, body="A thoughtful comment.", parent=None, **fields):
    """A comment posted through the service; `fields` then set what a test needs (hidden_at...)."""
    comment = post_comment(author, target, body, parent=parent)
    if fields:
        Comment.objects.filter(pk=comment.pk).update(**fields)
        comment.refresh_from_db()
    return comment


def make_session(page, **fields):
    """A session on `page` starting in a week, for an hour, written straight to the database."""
    starts_at = fields.pop("starts_at", timezone.now() + timedelta(days=7))
    fields.setdefault("ends_at", starts_at + timedelta(hours=1))
    return Session.objects.create(page=page, starts_at=starts_at, **fields)


def make_poll(choices=("Yes", "No", "Not sure"), question="Should the park stay open at night?", **fields):
    """An open poll (since an hour ago, until tomorrow unless `fields` say otherwise) in English."""
    fields.setdefault("opens_at", timezone.now() - timedelta(hours=1))
    fields.setdefault("closes_at", timezone.now() + timedelta(days=1))
    poll = Poll(question=question, **fields)
    poll.choices = [Choice(text=text) for text in choices]
    poll.save()
    return poll


def place_poll(page, poll):
    """Add a poll block at the end of the page's body, as an editor would, and return the page."""
    page.body.append(("poll", poll))
    page.save()
    return page
