"""Who may do what: every participation and admin action, tried by every role, against a table.

Outcomes, as the person notices them:
  ok           the page opens (200) or the action is done (redirect to the result), and it happened
  login        redirected to the site's sign-in page, nothing happened
  admin login  redirected to the Wagtail admin's sign-in page (no admin access), nothing happened
  403          refused with a page saying why, nothing happened
  admin 403    Wagtail's refusal: back to the dashboard with "permission denied", nothing happened
  back         sent back to the proposal with the reason as a message, nothing happened
  404          not found
"""

from urllib.parse import urlparse

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from participation.comments.models import Comment, CommentVote
from participation.comments.services import post_comment
from participation.moderation import services as moderation
from participation.moderation.models import Report
from participation.notifications.models import Follow
from participation.proposals.models import Proposal, Support
from participation.proposals.services import create_proposal

from tests.conftest import DEMO_PASSWORD

from .conftest import PASSWORD, client_for, make_moderator, make_person, make_superuser

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "citizen", "author", "moderator", "translator", "editor", "superuser"]

# fmt: off
#                                     anonymous      citizen        author         moderator      translator     editor         superuser
EXPECTED = {
    "proposal: form to create":     ("login",       "ok",          "ok",          "ok",          "ok",          "ok",          "ok"),
    "proposal: create":             ("login",       "ok",          "ok",          "ok",          "ok",          "ok",          "ok"),
    "proposal: form to edit":       ("login",       "403",         "ok",          "403",         "403",         "403",         "403"),
    "proposal: edit":               ("login",       "403",         "ok",          "403",         "403",         "403",         "403"),
    "proposal: support":            ("login",       "ok",          "back",        "ok",          "ok",          "ok",          "ok"),
    "proposal: form to withdraw":   ("login",       "403",         "ok",          "403",         "403",         "403",         "403"),
    "proposal: withdraw":           ("login",       "403",         "ok",          "403",         "403",         "403",         "403"),
    "comment: post":                ("login",       "ok",          "ok",          "ok",          "ok",          "ok",          "ok"),
    "comment: form to edit":        ("login",       "403",         "ok",          "403",         "403",         "403",         "403"),
    "comment: edit":                ("login",       "403",         "ok",          "403",         "403",         "403",         "403"),
    "comment: vote":                ("login",       "ok",          "403",         "ok",          "ok",          "ok",          "ok"),
    "comment: form to delete":      ("login",       "403",         "ok",          "ok",          "403",         "403",         "ok"),
    "comment: delete":              ("login",       "403",         "ok",          "ok",          "403",         "403",         "ok"),
    "report: form":                 ("login",       "ok",          "403",         "ok",          "ok",          "ok",          "ok"),
    "report: send":                 ("login",       "ok",          "403",         "ok",          "ok",          "ok",          "ok"),
    "moderation: queue":            ("admin login", "admin login", "admin login", "ok",          "admin 403",   "admin 403",   "ok"),
    "moderation: history":          ("admin login", "admin login", "admin login", "ok",          "admin 403",   "admin 403",   "ok"),
    "moderation: hide":             ("admin login", "admin login", "admin login", "ok",          "admin 403",   "admin 403",   "ok"),
    "admin: statistics":            ("admin login", "admin login", "admin login", "ok",          "admin 403",   "ok",          "ok"),
    "notifications: settings":      ("login",       "ok",          "ok",          "ok",          "ok",          "ok",          "ok"),
    "notifications: follow":        ("login",       "ok",          "ok",          "ok",          "ok",          "ok",          "ok"),
    "account: settings":            ("login",       "ok",          "ok",          "ok",          "ok",          "ok",          "ok"),
    "account: export":              ("login",       "ok",          "ok",          "ok",          "ok",          "ok",          "ok"),
    "account: delete form":         ("login",       "ok",          "ok",          "ok",          "ok",          "ok",          "ok"),
    "wagtail: edit English page":   ("admin login", "admin login", "admin login", "admin 403",   "admin 403",   "ok",          "ok"),
    "wagtail: edit French page":    ("admin login", "admin login", "admin login", "admin 403",   "ok",          "ok",          "ok"),
    "api: read proposals":          ("ok",          "ok",          "ok",          "ok",          "ok",          "ok",          "ok"),
    "api: read comments":           ("ok",          "ok",          "ok",          "ok",          "ok",          "ok",          "ok"),
    "api: write":                   ("405",         "405",         "405",         "405",         "405",         "405",         "405"),
    "open data: page":              ("ok",          "ok",          "ok",          "ok",          "ok",          "ok",          "ok"),
    "open data: proposals CSV":     ("ok",          "ok",          "ok",          "ok",          "ok",          "ok",          "ok"),
    # Last: the person is gone afterwards.
    "account: delete":              ("login",       "ok",          "ok",          "ok",          "ok",          "ok",          "ok"),
}
# fmt: on


class World:
    """One dialogue's worth of objects, each action on its own object so the order does not matter."""

    def __init__(self, dialogue, topic, locales):
        self.dialogue, self.topic = dialogue, topic
        self.topic_fr = topic.get_translation(locales["fr"])
        self.author = make_person("author")
        self.proposal_edit = create_proposal(self.author, dialogue, title="Free wifi in libraries", body="Everyone needs access.")
        self.proposal_support = create_proposal(self.author, dialogue, title="Repair cafes", body="Fix rather than throw away.")
        self.proposal_withdraw = create_proposal(self.author, dialogue, title="Night buses", body="Safe journeys home.")
        self.comments = {
            key: post_comment(self.author, topic, f"Comment to {key}") for key in ("edit", "vote", "delete", "report", "hide")
        }
        self.comment_type = ContentType.objects.get_for_model(Comment)
        self.page_type = ContentType.objects.get(app_label="wagtailcore", model="page")
        self.password = PASSWORD

    def user_for(self, role):
        User = get_user_model()
        self.password = DEMO_PASSWORD if role in ("translator", "editor") else PASSWORD
        return {
            "anonymous": lambda: None,
            "citizen": lambda: make_person("citizen"),
            "author": lambda: self.author,
            "moderator": make_moderator,
            "translator": lambda: User.objects.get(username="translator-fr"),
            "editor": lambda: User.objects.get(username="editor"),
            "superuser": make_superuser,
        }[role]()

    def actions(self):
        """label -> (method, url, data, effect(user) telling whether it happened)."""
        d, c, t = self.dialogue, self.comments, self.comment_type.pk
        proposal_form = {"title": "A proposal from the matrix", "body": "Written by a role.", "language": "en"}
        return {
            "proposal: form to create": ("get", f"/en/dialogues/{d.pk}/proposals/new/", None, None),
            "proposal: create": (
                "post", f"/en/dialogues/{d.pk}/proposals/new/", proposal_form,
                lambda user: Proposal.objects.filter(author=user, title=proposal_form["title"]).exists(),
            ),
            "proposal: form to edit": ("get", f"/en/proposals/{self.proposal_edit.pk}/edit/", None, None),
            "proposal: edit": (
                "post", f"/en/proposals/{self.proposal_edit.pk}/edit/", {**proposal_form, "title": "Edited title"},
                lambda user: Proposal.objects.get(pk=self.proposal_edit.pk).title == "Edited title",
            ),
            "proposal: support": (
                "post", f"/en/proposals/{self.proposal_support.pk}/support/", {},
                lambda user: Support.objects.filter(user=user, proposal=self.proposal_support).exists(),
            ),
            "proposal: form to withdraw": ("get", f"/en/proposals/{self.proposal_withdraw.pk}/withdraw/", None, None),
            "proposal: withdraw": (
                "post", f"/en/proposals/{self.proposal_withdraw.pk}/withdraw/", {},
                lambda user: Proposal.objects.get(pk=self.proposal_withdraw.pk).withdrawn_at is not None,
            ),
            "comment: post": (
                "post", "/en/comments/new/",
                {"content_type": self.page_type.pk, "object_id": self.topic.pk, "body": "Posted by a role."},
                lambda user: Comment.objects.filter(author=user, body="Posted by a role.").exists(),
            ),
            "comment: form to edit": ("get", f"/en/comments/{c['edit'].pk}/edit/", None, None),
            "comment: edit": (
                "post", f"/en/comments/{c['edit'].pk}/edit/", {"body": "Edited by a role."},
                lambda user: Comment.objects.get(pk=c["edit"].pk).body == "Edited by a role.",
            ),
            "comment: vote": (
                "post", f"/en/comments/{c['vote'].pk}/vote/", {"value": "up"},
                lambda user: CommentVote.objects.filter(user=user, comment=c["vote"]).exists(),
            ),
            "comment: form to delete": ("get", f"/en/comments/{c['delete'].pk}/delete/", None, None),
            "comment: delete": (
                "post", f"/en/comments/{c['delete'].pk}/delete/", {"reason": "Breaks the rules."},
                lambda user: Comment.objects.get(pk=c["delete"].pk).deleted_at is not None,
            ),
            "report: form": ("get", f"/en/moderation/report/{t}/{c['report'].pk}/", None, None),
            "report: send": (
                "post", f"/en/moderation/report/{t}/{c['report'].pk}/", {"reason": "spam", "note": "Looks like spam."},
                lambda user: Report.objects.filter(reporter=user, object_id=c["report"].pk).exists(),
            ),
            "moderation: queue": ("get", "/admin/moderation/", None, None),
            "moderation: history": ("get", "/admin/moderation/history/", None, None),
            "moderation: hide": (
                "post", f"/admin/moderation/{t}/{c['hide'].pk}/", {"action": "hide", "reason": "Off-topic."},
                lambda user: Comment.objects.get(pk=c["hide"].pk).hidden_at is not None,
            ),
            "admin: statistics": ("get", "/admin/participation/statistics/", None, None),
            "notifications: settings": ("get", "/en/notifications/", None, None),
            "notifications: follow": (
                "post", f"/en/notifications/follow/{self.page_type.pk}/{self.topic.pk}/", {},
                lambda user: Follow.objects.filter(user=user, object_id=self.topic.pk).exists(),
            ),
            "account: settings": ("get", "/en/accounts/settings/", None, None),
            "account: export": ("get", "/en/accounts/export/?download=1", None, None),
            "account: delete form": ("get", "/en/accounts/delete/", None, None),
            "wagtail: edit English page": ("get", f"/admin/pages/{self.topic.pk}/edit/", None, None),
            "wagtail: edit French page": ("get", f"/admin/pages/{self.topic_fr.pk}/edit/", None, None),
            "api: read proposals": ("get", f"/api/v1/dialogues/{d.pk}/proposals", None, None),
            "api: read comments": ("get", f"/api/v1/proposals/{self.proposal_support.pk}/comments", None, None),
            "api: write": (
                "post", f"/api/v1/proposals/{self.proposal_support.pk}", {"title": "Written through the API"},
                lambda user: Proposal.objects.get(pk=self.proposal_support.pk).title == "Written through the API",
            ),
            "open data: page": ("get", "/en/open-data/", None, None),
            "open data: proposals CSV": ("get", f"/en/open-data/dialogues/{d.pk}/proposals.csv", None, None),
            "account: delete": (
                "post", "/en/accounts/delete/", {"password": self.password, "confirm": "on"},
                lambda user: not get_user_model().objects.filter(pk=user.pk).exists(),
            ),
        }


def outcome(response):
    code = response.status_code
    if code in (301, 302):
        path = urlparse(response["Location"]).path
        if path.startswith("/admin/login/"):
            return "admin login"
        if path.startswith("/en/accounts/login/"):
            return "login"
        if path == "/admin/":
            return "admin 403"
        return "ok"
    if code in (200, 201):
        return "ok"
    return str(code)


def test_the_table_covers_every_action(dialogue, topic, locales):
    assert set(EXPECTED) == set(World(dialogue, topic, locales).actions())
    assert all(len(row) == len(ROLES) for row in EXPECTED.values())


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(role, dialogue, topic, locales):
    world = World(dialogue, topic, locales)
    user = world.user_for(role)
    client = client_for(user)
    column = ROLES.index(role)
    mismatches = []
    for label, (method, url, data, effect) in world.actions().items():
        expected = EXPECTED[label][column]
        response = client.get(url) if method == "get" else client.post(url, data)
        observed = outcome(response)
        if expected == "back":
            back = response.status_code == 302 and urlparse(response["Location"]).path == world.proposal_support.get_absolute_url()
            observed = "back" if back else observed
        happened = effect(user) if effect is not None and user is not None else None
        if observed != expected:
            mismatches.append(f"{label}: expected {expected}, got {observed} ({response.status_code} {response.get('Location', '')})")
        elif effect is not None and user is not None and happened != (expected == "ok"):
            mismatches.append(f"{label}: outcome {observed} but the action {'did not happen' if expected == 'ok' else 'happened'}")
    assert mismatches == [], f"{role}:\n" + "\n".join(mismatches)


def test_anonymous_visitors_read_every_public_page(client, dialogue, topic, home):
    author = make_person("author")
    proposal = create_proposal(author, dialogue, title="Public transport for all", body="Cheaper tickets.")
    post_comment(author, topic, "Public words.")
    for url in (
        home.url,
        dialogue.url,
        topic.url,
        f"/en/dialogues/{dialogue.pk}/proposals/",
        proposal.get_absolute_url(),
        f"/en/dialogues/{dialogue.pk}/activity/",
        f"/en/dialogues/{dialogue.pk}/activity/feed/",
        f"/en/accounts/people/{author.participant.nickname}/",
        f"/en/moderation/dialogues/{dialogue.pk}/",
        "/en/search/?q=internet",
    ):
        assert client.get(url).status_code == 200, url


def test_hidden_contributions_do_not_reach_the_public(client, dialogue, topic, moderator):
    author = make_person("author")
    proposal = create_proposal(author, dialogue, title="Secretly hidden proposal", body="Hidden body words.")
    comment = post_comment(author, topic, "Secretly hidden comment")
    moderation.hide(moderator, proposal, "Spam.")
    moderation.hide(moderator, comment, "Spam.")
    public = [
        proposal.get_absolute_url(),
        f"/en/dialogues/{dialogue.pk}/proposals/",
        f"/en/dialogues/{dialogue.pk}/activity/",
        f"/en/dialogues/{dialogue.pk}/activity/feed/",
        f"/en/accounts/people/{author.participant.nickname}/",
        topic.url,
    ]
    profile = public[4]
    readers = {"anonymous": client, "citizen": client_for(make_person("citizen")), "author": client_for(author)}
    for name, who in readers.items():
        for url in public:
            content = who.get(url).content.decode()
            for secret in ("Secretly hidden", "Hidden body words"):
                assert secret not in content, f"{url} shows hidden text"
            # Nor who wrote it ("carol" above "Hidden by moderation"). The author's own header
            # shows their nickname, and a profile names its person.
            if name != "author" and url != profile:
                assert author.participant.nickname not in content, f"{url} names the author of hidden content"
    assert "Hidden body words" in client_for(moderator).get(proposal.get_absolute_url()).content.decode()


def test_the_export_holds_only_the_persons_own_data(dialogue, topic):
    author, reporter = make_person("author"), make_person("reporter")
    comment = post_comment(author, topic, "Something others may dislike.")
    moderation.report(reporter, comment, "spam", "A note by the reporter")
    content = client_for(author).get("/en/accounts/export/?download=1").content.decode()
    for secret in (reporter.email, reporter.participant.nickname, "A note by the reporter", author.password, "md5$", "pbkdf2"):
        assert secret not in content
    assert "A note by the reporter" in client_for(reporter).get("/en/accounts/export/?download=1").content.decode()


def test_inactive_and_deleted_accounts_cannot_act(dialogue, topic):
    author = make_person("author")
    proposal = create_proposal(author, dialogue, title="Solar panels on schools", body="Clean energy.")
    for user in (make_person("inactive", is_active=False), make_person("gone")):
        client = client_for(user)
        if user.participant.nickname.startswith("gone"):
            client.post("/en/accounts/delete/", {"password": PASSWORD, "confirm": "on"})
        response = client.post(f"/en/proposals/{proposal.pk}/support/")
        assert outcome(response) == "login"
        assert not Support.objects.filter(proposal=proposal).exists()
        response = client.post("/en/comments/new/", {"content_type": ContentType.objects.get(app_label="wagtailcore", model="page").pk, "object_id": topic.pk, "body": "ghost"})
        assert outcome(response) == "login"
        assert not Comment.objects.filter(body="ghost").exists()
    assert Client().get(f"/en/accounts/people/{author.participant.nickname}/").status_code == 200
