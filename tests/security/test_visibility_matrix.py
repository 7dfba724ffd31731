"""The visibility rule on every surface (participation.core.visibility): content under an
unpublished dialogue, a login-restricted dialogue, a group-restricted topic and a
password-protected dialogue, read and written by an anonymous visitor, a citizen, a member of the
topic's group and an editor.

Every participation URL and every API operation is classified here: a new one fails
test_every_surface_is_classified until it is, so no view can forget the rule."""

import json
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from participation.comments.models import Comment, CommentVote
from participation.comments.services import post_comment
from participation.events.models import CalendarToken, Registration
from participation.notifications.models import Follow, Notification
from participation.polls.models import Vote
from participation.proposals.models import Proposal, Support
from participation.questionnaires.models import Answer, Report
from tests.conftest import DEMO_PASSWORD
from tests.factories import (
    add_responses, answers_for, client_for, make_drawn_selection, make_focus_group, make_person, make_poll, make_questionnaire, make_session,
    place_poll,
)  # fmt: skip

pytestmark = pytest.mark.django_db

SECRETS = ("Secret-proposal-7Q", "Secret words on the topic 7Q", "Secret reply under the proposal 7Q", "Secret session 7Q")
# The dialogue's questionnaire, its published results and a published free-text answer: public
# surfaces show them only when the dialogue itself is public (not when only a topic is restricted).
QUESTIONNAIRE_SECRETS = ("Secret questionnaire 7Q", "Secret answer 7Q")
ROLES = ("anonymous", "citizen", "member", "editor")
# Access details: the week-away session's link never comes out; the one due now only in the
# registered person's own feed when they may see its page; another person's session never.
AUTHORS_SESSION, AUTHORS_LINK = "The author's own session 7Q", "https://meet.example.org/authors-7Q"
NEVER = ("https://meet.example.org/secret", AUTHORS_LINK)
SOON_LINK = "https://meet.example.org/soon-7Q"
# Who may see the content in each scenario (Wagtail's answer for the page).
SCENARIOS = {
    "unpublished dialogue": set(),
    "login-restricted dialogue": {"citizen", "member", "editor"},
    "group-restricted topic": {"member"},
    "password-protected dialogue": set(),  # nobody entered the password
}


class World:
    def __init__(self, dialogue, topic):
        self.dialogue, self.topic = dialogue, topic
        self.sibling = topic.get_next_sibling().specific  # a public page of the same dialogue
        self.author = make_person("author")
        self.proposal = Proposal.objects.create(
            dialogue=dialogue, topic=topic, author=self.author, title=SECRETS[0], body="Only for those who may read it."
        )
        self.topic_comment = post_comment(self.author, topic, SECRETS[1])
        self.proposal_comment = post_comment(self.author, self.proposal, SECRETS[2])
        self.members = Group.objects.create(name="Members of the topic")
        self.page_type = ContentType.objects.get_for_model(Page)
        self.comment_type = ContentType.objects.get_for_model(Comment)
        # Sessions on the topic: every scenario hides them. Each role is registered for the first.
        self.session = make_session(topic, title=SECRETS[3], join_url="https://meet.example.org/secret")
        self.open_session = make_session(topic, title="Another session")
        # Its access details are due now: only a person who may see the topic reads them, in their own feed.
        self.soon = make_session(topic, title="Starting soon", starts_at=timezone.now() + timedelta(minutes=5), join_url=SOON_LINK)
        # Another person's session on a public page: it is in no one's answer but theirs.
        self.authors = make_session(self.sibling, title=AUTHORS_SESSION, starts_at=timezone.now() + timedelta(minutes=5), join_url=AUTHORS_LINK)
        Registration.objects.create(session=self.authors, user=self.author, status=Registration.CONFIRMED)
        self.questionnaire = make_questionnaire(dialogue, title=QUESTIONNAIRE_SECRETS[0], results_published=True)
        add_responses(self.questionnaire, answers_for(self.questionnaire, "Other", other="Secret answer 7Q"), 5)
        Answer.objects.filter(text="Secret answer 7Q").update(text_status=Answer.PUBLISHED)
        self.groups = {}
        Report.objects.create(
            questionnaire=self.questionnaire, language="en", status=Report.DONE,
            html=ContentFile(b"<p>report</p>", name="report-en.html"), pdf=ContentFile(b"%PDF-1.7", name="report-en.pdf"),
        )  # fmt: skip
        self.poll = make_poll()
        place_poll(topic, self.poll)
        # A selection by lot on the topic, drawn with a secret seed source: its page and bundle hide with the topic.
        people = {f"R{n}": ("a" if n % 2 else "b",) for n in range(6)}
        make_drawn_selection(topic, [("group", "a", 1, 2), ("group", "b", 1, 2)], people, 3, seed_source=SECRETS[3])

    def restrict(self, scenario):
        if scenario == "unpublished dialogue":
            self.dialogue.unpublish()
        elif scenario == "login-restricted dialogue":
            PageViewRestriction.objects.create(page=self.dialogue, restriction_type=PageViewRestriction.LOGIN)
        elif scenario == "group-restricted topic":
            restriction = PageViewRestriction.objects.create(page=self.topic, restriction_type=PageViewRestriction.GROUPS)
            restriction.groups.add(self.members)
        elif scenario == "password-protected dialogue":
            PageViewRestriction.objects.create(
                page=self.dialogue, restriction_type=PageViewRestriction.PASSWORD, password="open sesame"
            )

    def client(self, role):
        if role == "anonymous":
            return Client(), None
        if role == "editor":
            user = get_user_model().objects.get(username="editor")
            client = Client()
            assert client.login(username="editor", password=DEMO_PASSWORD)
        else:
            user = make_person(role)
            if role == "member":
                user.groups.add(self.members)
            client = client_for(user)
        for session in (self.session, self.soon):
            Registration.objects.create(session=session, user=user, status=Registration.CONFIRMED)
        self.groups[user.pk] = make_focus_group(self.session, user)  # they facilitate a group of the hidden session
        for subject, title in ((self.proposal, SECRETS[0]), (self.topic_comment, SECRETS[1])):
            Notification.objects.create(
                user=user, kind=Notification.Kind.COMMENT, content_type=ContentType.objects.get_for_model(subject),
                object_id=subject.pk, subject_title=title, url="/en/",
            )  # fmt: skip
        return client, user


# --- the surfaces -------------------------------------------------------------------------------
# name -> function(world, client, user) returning (response, wrote) where `wrote` says whether a
# write went through. Reads show the secrets to those who may see; writes never succeed for the
# others. `shows` lists the surfaces whose answer must contain a secret for those who may see.


def _get(path):
    return lambda w, c, u: (c.get(path(w)), False)


def _own_feed(w, c, u):
    token = CalendarToken.for_user(u).token if u else "no-one"
    return c.get(f"/calendar/people/{token}.ics"), False


def _post(path, data, effect):
    return lambda w, c, u: (c.post(path(w), data(w)), bool(u) and effect(w, u))


READS = {
    "proposals:list": _get(lambda w: f"/en/dialogues/{w.dialogue.pk}/proposals/"),
    "proposals:similar": _get(lambda w: f"/en/dialogues/{w.dialogue.pk}/proposals/similar/?title=Secret-proposal-7"),
    "proposals:detail": _get(lambda w: f"/en/proposals/{w.proposal.pk}/"),
    "proposals:edit": _get(lambda w: f"/en/proposals/{w.proposal.pk}/edit/"),
    "proposals:withdraw": _get(lambda w: f"/en/proposals/{w.proposal.pk}/withdraw/"),
    "comments:edit": _get(lambda w: f"/en/comments/{w.topic_comment.pk}/edit/"),
    "comments:delete": _get(lambda w: f"/en/comments/{w.topic_comment.pk}/delete/"),
    "moderation:report": _get(lambda w: f"/en/moderation/report/{w.comment_type.pk}/{w.topic_comment.pk}/"),
    "moderation:transparency": _get(lambda w: f"/en/moderation/dialogues/{w.dialogue.pk}/"),
    "activity:activity": _get(lambda w: f"/en/dialogues/{w.dialogue.pk}/activity/"),
    # Signed out, GET offers to follow after signing in (its title shown); signed in, it goes back.
    "notifications:toggle_follow (offer)": _get(
        lambda w: f"/en/notifications/follow/{ContentType.objects.get_for_model(Proposal).pk}/{w.proposal.pk}/"
    ),
    "activity:feed": _get(lambda w: f"/en/dialogues/{w.dialogue.pk}/activity/feed/"),
    "accounts:profile": _get(lambda w: f"/en/accounts/people/{w.author.participant.nickname}/"),
    # The person's notifications: each role has one about the proposal and one about the topic's comment.
    "notifications:settings": _get(lambda w: "/en/notifications/"),
    "events:register": _get(lambda w: f"/en/gatherings/{w.topic.pk}/register/"),
    "events:mine": _get(lambda w: "/en/gatherings/mine/"),
    "focusgroups:mine": _get(lambda w: "/en/focus-groups/"),
    "focusgroups:group": lambda w, c, u: (c.get(f"/en/focus-groups/{w.groups[u.pk].pk if u else 0}/"), False),
    "selection:transparency": _get(lambda w: f"/en/selections/{w.topic.pk}/"),
    # A compressed zip: its 404s for each restriction are in tests/participation/selection/test_edition_selection.py.
    "selection:bundle": _get(lambda w: f"/en/selections/{w.topic.pk}/runs/1/bundle.zip"),
    # Calendars: the public feeds are what anyone may see; a person's own feed, what they may.
    "calendars:site": _get(lambda w: "/calendar.ics"),
    "calendars:page": _get(lambda w: f"/calendar/pages/{w.dialogue.pk}.ics"),
    "calendars:page (the topic)": _get(lambda w: f"/calendar/pages/{w.topic.pk}.ics"),
    "calendars:person": _own_feed,
    # Open data is what anyone may see, whoever downloads it.
    "open_data:index": _get(lambda w: "/en/open-data/"),
    "open_data:proposals": _get(lambda w: f"/en/open-data/dialogues/{w.dialogue.pk}/proposals.csv"),
    "open_data:comments": _get(lambda w: f"/en/open-data/dialogues/{w.dialogue.pk}/comments.csv"),
    "open_data:counts": _get(lambda w: f"/en/open-data/dialogues/{w.dialogue.pk}/counts.csv"),
    "open_data:registrations": _get(lambda w: "/en/open-data/gatherings/registrations.csv"),
    # A questionnaire's files: its published results, when anyone may see its dialogue.
    "open_data:questionnaire_responses": _get(lambda w: f"/en/open-data/questionnaires/{w.questionnaire.pk}/responses.csv"),
    "open_data:questionnaire_aggregates": _get(lambda w: f"/en/open-data/questionnaires/{w.questionnaire.pk}/aggregates.csv"),
    # A questionnaire belongs to the dialogue, so only the dialogue's restrictions hide it: these
    # check no error page here; tests/participation/questionnaires/test_answering.py checks the
    # 404s and that nothing is written under an unpublished, group-restricted or password-protected
    # dialogue.
    "questionnaires:answer": _get(lambda w: f"/en/questionnaires/{w.questionnaire.pk}/"),
    "questionnaires:paper": _get(lambda w: f"/en/questionnaires/{w.questionnaire.pk}/paper/"),
    "questionnaires:answer (submit)": _post(lambda w: f"/en/questionnaires/{w.questionnaire.pk}/", lambda w: {"action": "submit", "step": "2"}, lambda w, u: False),
    "questionnaires:paper (submit)": _post(lambda w: f"/en/questionnaires/{w.questionnaire.pk}/paper/", lambda w: {}, lambda w, u: False),
    # The report follows the results page's checks (published results, visible dialogue):
    # tests/participation/questionnaires/test_report.py checks its 404s for every restriction.
    "questionnaires:report": _get(lambda w: f"/en/questionnaires/{w.questionnaire.pk}/report/en.pdf"),
    "questionnaires:report (HTML)": _get(lambda w: f"/en/questionnaires/{w.questionnaire.pk}/report/en.html"),
    # A reply form re-displayed (empty text) must not quote a comment of another page.
    "comments:new (reply form)": _post(
        lambda w: "/en/comments/new/",
        lambda w: {"content_type": w.page_type.pk, "object_id": w.sibling.pk, "body": "", "parent": w.topic_comment.pk},
        lambda w, u: False,
    ),
}
SHOWS = {
    "proposals:list", "proposals:detail", "activity:activity", "activity:feed", "accounts:profile", "events:register", "calendars:person",
    "notifications:settings",
    "focusgroups:mine", "focusgroups:group", "selection:transparency",
}  # fmt: skip
PUBLIC_ONLY = {name for name in READS if name.startswith(("open_data:", "calendars:site", "calendars:page"))}

WRITES = {
    "proposals:create": _post(
        lambda w: f"/en/dialogues/{w.dialogue.pk}/proposals/new/",
        lambda w: {"title": "Through a hidden door", "body": "Written unseen.", "language": "en", "topic": w.topic.pk},
        lambda w, u: Proposal.objects.filter(title="Through a hidden door", author=u).exists(),
    ),
    "proposals:support": _post(
        lambda w: f"/en/proposals/{w.proposal.pk}/support/", lambda w: {},
        lambda w, u: Support.objects.filter(user=u, proposal=w.proposal).exists(),
    ),
    "proposals:unsupport": _post(
        lambda w: f"/en/proposals/{w.proposal.pk}/support/withdraw/", lambda w: {}, lambda w, u: False
    ),
    "comments:new": _post(
        lambda w: "/en/comments/new/",
        lambda w: {"content_type": w.page_type.pk, "object_id": w.topic.pk, "body": "Posted unseen"},
        lambda w, u: Comment.objects.filter(body="Posted unseen", author=u).exists(),
    ),
    "comments:vote": _post(
        lambda w: f"/en/comments/{w.topic_comment.pk}/vote/", lambda w: {"value": "1"},
        lambda w, u: CommentVote.objects.filter(user=u, comment=w.topic_comment).exists(),
    ),
    "moderation:report (send)": _post(
        lambda w: f"/en/moderation/report/{w.comment_type.pk}/{w.topic_comment.pk}/",
        lambda w: {"reason": "spam", "note": ""},
        lambda w, u: w.topic_comment.__class__.objects.filter(pk=w.topic_comment.pk, hidden_at__isnull=False).exists()
        or __import__("participation.moderation.models", fromlist=["Report"]).Report.objects.filter(reporter=u).exists(),
    ),
    "events:register": _post(
        lambda w: f"/en/gatherings/{w.topic.pk}/register/", lambda w: {"sessions": [w.open_session.pk], "consent": "on"},
        lambda w, u: Registration.objects.filter(user=u, session=w.open_session).exists(),
    ),
    "events:cancel": _post(
        lambda w: f"/en/gatherings/sessions/{w.session.pk}/cancel/", lambda w: {},
        lambda w, u: Registration.objects.filter(user=u, session=w.session, status=Registration.CANCELLED).exists(),
    ),
    # Selected people answer on a page they see; nobody here is selected, so nothing may change.
    "selection:answer": _post(
        lambda w: f"/en/selections/{w.topic.pk}/answer/", lambda w: {"action": "decline"},
        lambda w, u: Registration.objects.filter(user=u).exclude(selection_declined_at=None).exists(),
    ),
    "notifications:toggle_follow": _post(
        lambda w: f"/en/notifications/follow/{w.page_type.pk}/{w.topic.pk}/", lambda w: {},
        lambda w, u: Follow.objects.filter(user=u, object_id=w.topic.pk).exists(),
    ),
    "polls:vote": _post(
        lambda w: f"/en/polls/{w.poll.pk}/vote/",
        lambda w: {"page": w.topic.pk, "choice": str(w.poll.choices.first().translation_key)},
        lambda w, u: Vote.objects.filter(user=u, poll=w.poll).exists(),
    ),
    # A public page of the same dialogue does not open a poll it does not show.
    "polls:vote (through a public page)": _post(
        lambda w: f"/en/polls/{w.poll.pk}/vote/",
        lambda w: {"page": w.sibling.pk, "choice": str(w.poll.choices.last().translation_key)},
        lambda w, u: Vote.objects.filter(user=u, poll=w.poll, selections__choice=w.poll.choices.last()).exists(),
    ),
}

# Participation URLs that show no page's participation, with the reason.
EXEMPT = {
    **dict.fromkeys(
        [
            "accounts:signup", "accounts:signup_done", "accounts:resend_confirmation", "accounts:confirm", "accounts:login",
            "accounts:logout", "accounts:password_reset", "accounts:password_reset_done", "accounts:password_reset_confirm",
            "accounts:password_reset_complete", "accounts:password_change", "accounts:settings", "accounts:delete",
            "accounts:confirm_email_change",
        ],
        "the person's own account: no page's participation",
    ),
    "accounts:export": "the person's own data, theirs to take whatever the pages (tests/participation/accounts/test_export.py)",
    "notifications:read": "marks the person's own notifications read: shows nothing",
    "notifications:unsubscribe": "a signed link that only turns emails off",
    "moderation_queue": "admin: moderators handle every report, whatever the page's restrictions",
    "moderation_history": "admin: moderators' log",
    "moderation_item": "admin: moderators handle every report, whatever the page's restrictions",
    **dict.fromkeys(
        ["questionnaires_texts", "questionnaires_texts_of"],
        "admin: moderators read every questionnaire's free text before it is published, whatever the dialogue's "
        "restrictions (tests/participation/questionnaires/test_text_moderation.py)",
    ),
    "participation_statistics": "admin: editors' and moderators' statistics (tests/participation/activity)",
    "api:no_such_endpoint": "the API's JSON 404",
    "questionnaire_report": "admin: editors build a questionnaire's report (the change-questionnaire permission)",
    "events:calendar_reset": "the person's own calendar address: a new secret, no page's participation",
    **dict.fromkeys(
        [
            "events_organiser_pages", "events_organiser_export", "events_organiser_message", "focusgroups_admin_page", "focusgroups_admin_rosters",
            "selection_admin_page",
        ],
        "admin: the organisers of a page (its Wagtail edit permission), drafts and private pages included "
        "(tests/participation/events/test_organisers.py, tests/participation/focusgroups, tests/participation/selection)",
    ),
}


def participation_url_names():
    def walk(patterns, namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, namespace + (f"{pattern.namespace}:" if pattern.namespace else ""))
            elif isinstance(pattern, URLPattern) and pattern.callback.__module__.startswith("participation."):
                if "wagtailsnippets" not in namespace:  # Wagtail's own snippet views: the admin's rules
                    yield namespace + (pattern.name or "")

    return set(walk(get_resolver().url_patterns))


def api_operations(client):
    schema = client.get("/api/v1/openapi.json").json()
    return {f"api {method.upper()} {path}" for path, methods in schema["paths"].items() for method in methods}


def api_reads(world):
    """Every API operation, its path filled in from the world (all are anonymous reads)."""
    values = {
        "dialogue_id": world.dialogue.pk, "proposal_id": world.proposal.pk, "page_id": world.topic.pk, "topic_id": world.topic.pk,
        "event_id": world.topic.pk, "questionnaire_id": world.questionnaire.pk,
    }  # fmt: skip
    schema = Client().get("/api/v1/openapi.json").json()
    for path, methods in schema["paths"].items():
        for method in methods:
            yield f"api {method.upper()} {path}", path.format(**values)


def text_of(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode(errors="replace").replace("\r\n ", "")  # iCalendar folds long lines


def test_every_surface_is_classified(client):
    classified = set(READS) | set(WRITES) | set(EXEMPT)
    names = {name.split(" (")[0] for name in classified}
    missing = participation_url_names() - names
    assert not missing, f"classify these in tests/security/test_visibility_matrix.py: {sorted(missing)}"
    stale = {name for name in names if not name.startswith("api")} - participation_url_names()
    assert not stale, f"no such URL any more: {sorted(stale)}"
    assert api_operations(client), "the API schema lists operations"


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_visibility_matrix(scenario, dialogue, topic):
    world = World(dialogue, topic)
    world.restrict(scenario)
    failures = []
    for role in ROLES:
        client, user = world.client(role)
        sees = role in SCENARIOS[scenario]
        for name, surface in READS.items():
            response, _wrote = surface(world, client, user)
            body = text_of(response)
            leaked = [secret for secret in SECRETS if secret in body]
            allowed = sees and name not in PUBLIC_ONLY and not (scenario == "group-restricted topic" and name == "open_data:index")
            if leaked and not allowed:
                failures.append(f"{role} read {leaked} through {name} ({response.status_code})")
            if response.status_code >= 500:
                failures.append(f"{role}: {name} answered {response.status_code}")
            if allowed and name in SHOWS and not leaked:
                failures.append(f"{role} may see but {name} showed nothing ({response.status_code})")
            never = [secret for secret in NEVER if secret in body]
            if never:
                failures.append(f"{role} read {never} through {name}")
            if scenario != "group-restricted topic" and name in PUBLIC_ONLY and any(secret in body for secret in QUESTIONNAIRE_SECRETS):
                failures.append(f"{role} read the questionnaire through {name}")
            if scenario == "group-restricted topic" and name == "open_data:questionnaire_responses" and QUESTIONNAIRE_SECRETS[1] not in body:
                failures.append(f"{role}: a public dialogue's published answer is missing from {name}")
            if name == "calendars:person" and AUTHORS_SESSION in body:
                failures.append(f"{role}'s own feed holds another person's session")
            if SOON_LINK in body and not (allowed and name == "calendars:person"):
                failures.append(f"{role} read the access details through {name}")
            if allowed and name == "calendars:person" and SOON_LINK not in body:
                failures.append(f"{role} may see but their own feed has no access details")
        for name, surface in WRITES.items():
            response, wrote = surface(world, client, user)
            if wrote and not sees:
                failures.append(f"{role} wrote through {name} ({response.status_code})")
            if response.status_code >= 500:
                failures.append(f"{role}: {name} answered {response.status_code}")
        for name, path in api_reads(world):
            response = client.get(path)
            body = text_of(response)
            if any(secret in body for secret in (*SECRETS, *NEVER, SOON_LINK)):
                failures.append(f"{role} read a secret through {name}")
            if scenario != "group-restricted topic" and any(secret in body for secret in QUESTIONNAIRE_SECRETS):
                failures.append(f"{role} read the questionnaire through {name}")
            if scenario == "group-restricted topic" and name == "api GET /api/v1/questionnaires/" and QUESTIONNAIRE_SECRETS[0] not in body:
                failures.append(f"{role}: a public dialogue's questionnaire is missing from {name}")
            if response.status_code >= 500:
                failures.append(f"{role}: {name} answered {response.status_code}")
    assert failures == []


def test_a_page_password_opens_the_participation_for_that_session_only(dialogue, topic):
    world = World(dialogue, topic)
    world.restrict("password-protected dialogue")
    restriction = PageViewRestriction.objects.get(page=dialogue)
    reader = Client()
    detail = f"/en/proposals/{world.proposal.pk}/"
    assert reader.get(detail).status_code == 404
    form = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, dialogue.pk])
    assert reader.post(form, {"password": "open sesame", "return_url": "/"}).status_code == 302
    assert SECRETS[0] in reader.get(detail).content.decode()
    assert Client().get(detail).status_code == 404


def test_restricting_a_page_takes_effect_at_once(dialogue, topic):
    """The rule's state is cached; adding or removing a restriction drops it."""
    world = World(dialogue, topic)
    detail = f"/en/proposals/{world.proposal.pk}/"
    assert Client().get(detail).status_code == 200
    restriction = PageViewRestriction.objects.create(page=dialogue, restriction_type=PageViewRestriction.LOGIN)
    assert Client().get(detail).status_code == 404
    restriction.delete()
    assert Client().get(detail).status_code == 200


def test_followers_who_may_not_see_a_page_are_not_notified(dialogue, topic, mailoutbox, django_capture_on_commit_callbacks):
    world = World(dialogue, topic)
    outsider, member = make_person("outsider"), make_person("member")
    member.groups.add(world.members)
    for person in (outsider, member):
        Follow.objects.create(user=person, content_type=world.page_type, object_id=topic.pk)
    world.restrict("group-restricted topic")
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(world.author, topic, "News for the members")
    recipients = {address for message in mailoutbox for address in message.to}
    assert member.email in recipients and outsider.email not in recipients
    assert json.dumps([m.body for m in mailoutbox]).count("News for the members") == 1


def test_a_digest_leaves_out_what_was_restricted_since(dialogue, topic, mailoutbox, django_capture_on_commit_callbacks):
    from participation.notifications.models import Preference
    from participation.notifications.tasks import send_daily_digests

    world = World(dialogue, topic)
    reader = make_person("reader")
    Preference.objects.create(user=reader, frequency=Preference.Frequency.DAILY)
    Follow.objects.create(user=reader, content_type=world.page_type, object_id=topic.pk)
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(world.author, topic, "Said before the page closed")
    world.restrict("group-restricted topic")
    mailoutbox.clear()
    send_daily_digests.call()
    assert not any(reader.email in message.to for message in mailoutbox)
