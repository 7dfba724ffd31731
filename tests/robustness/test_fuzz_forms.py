"""Property-based fuzzing of every public form and query string of the participation apps and
the content search: whatever a client sends (unicode, control characters, NUL bytes, 20k-character
strings, markup, SQL-ish quotes, repeated keys, missing or extra fields), the answer is never a
5xx, and a fetch() asking for JSON that is refused gets {"error": ...}.

Each example runs in a savepoint rolled back afterwards, with the cache (rate limits) cleared, so
examples do not leak into one another and every one reaches the form handling."""

import traceback
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from participation.comments.models import target_content_type
from participation.comments.services import post_comment
from participation.proposals.models import Proposal
from tests import factories

pytestmark = pytest.mark.django_db

PASSWORD = factories.PASSWORD
FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
FORM = "application/x-www-form-urlencoded"
JSON = {"HTTP_ACCEPT": "application/json"}

# --- strategies ---------------------------------------------------------------------------------

NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\x00" * 50,
    "\r\n\t\x0b\x0c\x1b[31m",
    "\u202eevil\u202c",  # RTL override
    "\u200f\u200e\u061c",  # RTL / LTR marks
    "\ufeff\u200b\u2060",  # BOM, zero-width
    "😀👩‍👩‍👧‍👦🏳️‍🌈",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<b>bold</b> <!-- c --> &amp; &#0;",
    "javascript:alert(1)",
    "' OR '1'='1",
    "'; DROP TABLE auth_user; --",
    '" OR ""="',
    "%00%27%22",
    "\\",
    "{{ 7*7 }} {% debug %}",
    "-1",
    "0",
    "99999999999999999999999999",
    "1e309",
    "NaN",
    "admin@example.org",
    "a@b",
    "@@",
    "Z" * 20000,
]

short_text = st.text(max_size=60)
long_text = st.builds(lambda piece, n: (piece * n)[:20000], st.text(min_size=1, max_size=8), st.integers(500, 20000))
text_value = st.one_of(st.sampled_from(NASTY), short_text, st.text(max_size=400), long_text)
# A list posts the key several times (what a form with duplicated inputs sends).
value = st.one_of(text_value, text_value, st.lists(text_value, min_size=2, max_size=3))
OMIT = object()


def fields(names, valid=None):
    """A dict of form data: each field fuzzed, a valid value, or missing; plus some extra fields."""
    valid = valid or {}
    per_field = {}
    for name in names:
        options = [value, st.just(OMIT)]
        if name in valid:
            options.append(st.just(valid[name]))
        per_field[name] = st.one_of(*options)
    extra = st.dictionaries(st.text(min_size=1, max_size=12), value, max_size=2)

    def combine(chosen, additions):
        data = {k: v for k, v in additions.items() if k not in names}
        data.update({k: v for k, v in chosen.items() if v is not OMIT})
        return data

    return st.builds(combine, st.fixed_dictionaries(per_field), extra)


big_int = st.one_of(st.integers(0, 10), st.integers(2**31 - 2, 2**31 + 2), st.integers(2**63 - 1, 2**70))

# --- helpers ------------------------------------------------------------------------------------

FAILURES = []


def make_person(nickname, **extra):
    return factories.make_person("fuzz", nickname=f"fuzz{nickname}", email=f"fuzz-{nickname}@example.org", **extra)


def client_for(user=None):
    return factories.client_for(user, raise_request_exception=False)


def check(response, wants_json=False, what=""):
    """Never a 5xx; a refused JSON request says why in JSON."""
    if response.status_code >= 500:
        detail = "".join(traceback.format_exception(*response.exc_info)) if getattr(response, "exc_info", None) else ""
        FAILURES.append((what, detail))
        pytest.fail(f"{what}: {response.status_code}\n{detail}")
    if wants_json and 400 <= response.status_code < 500:
        assert response["Content-Type"].startswith("application/json"), (what, response.status_code, response.content[:300])
        assert "error" in response.json(), (what, response.status_code, response.content[:300])


def post(client, url, data, json=False):
    extra = JSON if json else {}
    response = client.post(url, urlencode(data, doseq=True), content_type=FORM, **extra)
    check(response, json, f"POST {url} {data!r:.300}")
    return response


def get(client, url, params):
    response = client.get(url, params)
    check(response, False, f"GET {url} {params!r:.300}")
    return response


class Isolated:
    """One example: a savepoint rolled back afterwards and a cold cache (no rate limit carried)."""

    def __enter__(self):
        cache.clear()
        self.atomic = transaction.atomic()
        self.atomic.__enter__()

    def __exit__(self, *exc):
        transaction.set_rollback(True)
        self.atomic.__exit__(*exc)
        return False


# --- fixtures -----------------------------------------------------------------------------------


@pytest.fixture
def author(db):
    return make_person("author")


@pytest.fixture
def citizen(db):
    return make_person("citizen")


@pytest.fixture
def proposal(dialogue, author):
    return Proposal.objects.create(dialogue=dialogue, author=author, title="More benches in the park", body="People need places to rest.")


@pytest.fixture
def comment(topic, author):
    return post_comment(author, topic, "A thoughtful comment.")


# --- accounts -----------------------------------------------------------------------------------

SIGNUP = ["email", "nickname", "full_name", "password1", "password2", "accept_terms", "website"]


@FUZZ
@given(data=fields(SIGNUP, {"email": "new@example.org", "nickname": "newcomer", "password1": PASSWORD, "password2": PASSWORD, "accept_terms": "on"}))
def test_signup(db, data):
    with Isolated():
        post(client_for(), "/en/accounts/signup/", data)


@FUZZ
@given(data=fields(["username", "password", "next"], {"username": "fuzz-citizen@example.org", "password": PASSWORD}))
def test_login(citizen, data):
    with Isolated():
        post(client_for(), "/en/accounts/login/", data)


@FUZZ
@given(data=fields(["email"], {"email": "fuzz-citizen@example.org"}))
def test_password_reset_request(citizen, data):
    with Isolated():
        post(client_for(), "/en/accounts/password/reset/", data)


@FUZZ
@given(data=fields(["email"], {"email": "fuzz-citizen@example.org"}))
def test_resend_confirmation(citizen, data):
    with Isolated():
        post(client_for(), "/en/accounts/confirm/resend/", data)


@FUZZ
@given(
    data=fields(
        ["nickname", "full_name", "language", "email", "current_password"],
        {"nickname": "fuzzcitizen", "language": "fr", "email": "other@example.org", "current_password": PASSWORD},
    )
)
def test_account_settings(citizen, data):
    with Isolated():
        post(client_for(citizen), "/en/accounts/settings/", data)


@FUZZ
@given(data=fields(["next"], {"next": "/en/"}))
@example(data={"next": "home"})
def test_logout(citizen, data):
    with Isolated():
        post(client_for(citizen), "/en/accounts/logout/", data)


# --- proposals ----------------------------------------------------------------------------------

PROPOSAL = ["title", "body", "topic", "language", "check_similar"]


@FUZZ
@given(data=fields(PROPOSAL, {"title": "A bench by the river", "body": "So people can rest on the way.", "language": "en"}))
def test_proposal_create(dialogue, topic, citizen, data):
    with Isolated():
        if data.get("topic") == "VALID":
            data["topic"] = topic.pk
        post(client_for(citizen), f"/en/dialogues/{dialogue.pk}/proposals/new/", data)


@FUZZ
@given(data=fields(PROPOSAL, {"title": "More benches in the park!", "body": "People need places to rest.", "language": "en"}))
def test_proposal_edit_by_author(proposal, author, topic, data):
    with Isolated():
        post(client_for(author), f"/en/proposals/{proposal.pk}/edit/", data)


@FUZZ
@given(params=fields(["title", "exclude"], {"title": "benches in the park"}), dialogue_id=st.one_of(st.just(None), big_int))
def test_similar_proposals(dialogue, proposal, params, dialogue_id):
    with Isolated():
        get(client_for(), f"/en/dialogues/{dialogue_id if dialogue_id is not None else dialogue.pk}/proposals/similar/", params)


@FUZZ
@given(params=fields(["topic", "state", "mine", "supported", "sort", "page"], {"sort": "random"}))
def test_proposal_list(dialogue, proposal, citizen, params):
    with Isolated():
        get(client_for(citizen), f"/en/dialogues/{dialogue.pk}/proposals/", params)


@FUZZ
@given(
    data=fields(["next"], {"next": "/en/"}),
    as_json=st.booleans(),
    action=st.sampled_from(["support", "support/withdraw"]),
    signed_in=st.booleans(),
)
@example(data={"next": "home"}, as_json=False, action="support", signed_in=True)
def test_support_and_unsupport(proposal, citizen, data, as_json, action, signed_in):
    with Isolated():
        client = client_for(citizen if signed_in else None)
        post(client, f"/en/proposals/{proposal.pk}/{action}/", data, json=as_json)


@FUZZ
@given(pk=big_int, as_json=st.booleans())
def test_support_unknown_proposal(citizen, pk, as_json):
    with Isolated():
        response = client_for(citizen).post(f"/en/proposals/{pk}/support/", **(JSON if as_json else {}))
        check(response, False, f"support {pk}")


# --- comments -----------------------------------------------------------------------------------

COMMENT = ["content_type", "object_id", "parent", "body", "position"]


@FUZZ
@given(
    data=fields(COMMENT, {"body": "I agree with this.", "position": "for", "parent": "VALID"}),
    as_json=st.booleans(),
    valid_target=st.booleans(),
)
def test_comment_post_and_reply(topic, comment, citizen, data, as_json, valid_target):
    with Isolated():
        if valid_target:
            data.update(content_type=target_content_type(topic).pk, object_id=topic.pk)
        if data.get("parent") == "VALID":
            data["parent"] = comment.pk
        post(client_for(citizen), "/en/comments/new/", data, json=as_json)


@FUZZ
@given(data=fields(["body", "position"], {"body": "Edited text.", "position": "against"}), as_json=st.booleans())
def test_comment_edit(comment, author, data, as_json):
    with Isolated():
        post(client_for(author), f"/en/comments/{comment.pk}/edit/", data, json=as_json)


@FUZZ
@given(data=fields(["value"], {"value": "up"}), as_json=st.booleans(), signed_in=st.booleans())
def test_comment_vote(comment, citizen, data, as_json, signed_in):
    with Isolated():
        post(client_for(citizen if signed_in else None), f"/en/comments/{comment.pk}/vote/", data, json=as_json)


@FUZZ
@given(data=fields(["reason"], {}), as_json=st.booleans())
def test_comment_delete(comment, author, data, as_json):
    with Isolated():
        post(client_for(author), f"/en/comments/{comment.pk}/delete/", data, json=as_json)


# --- moderation ---------------------------------------------------------------------------------


@FUZZ
@given(data=fields(["reason", "note"], {"reason": "spam", "note": "Looks like an advert."}), as_json=st.booleans())
def test_report_form(comment, citizen, data, as_json):
    with Isolated():
        content_type = ContentType.objects.get_for_model(comment)
        post(client_for(citizen), f"/en/moderation/report/{content_type.pk}/{comment.pk}/", data, json=as_json)


@FUZZ
@given(content_type_id=big_int, object_id=big_int, as_json=st.booleans())
def test_report_unknown_content(citizen, content_type_id, object_id, as_json):
    with Isolated():
        response = client_for(citizen).post(f"/en/moderation/report/{content_type_id}/{object_id}/", **(JSON if as_json else {}))
        check(response, False, f"report {content_type_id}/{object_id}")


# --- notifications ------------------------------------------------------------------------------


@FUZZ
@given(data=fields(["next"], {"next": "/en/"}), object_id=st.one_of(st.just(None), big_int))
@example(data={"next": "home"}, object_id=None)  # a bare word: redirect() takes it for a URL name
def test_follow_toggle(topic, citizen, data, object_id):
    with Isolated():
        content_type = ContentType.objects.get(app_label="wagtailcore", model="page")
        target = topic.pk if object_id is None else object_id
        post(client_for(citizen), f"/en/notifications/follow/{content_type.pk}/{target}/", data)


@FUZZ
@given(data=fields(["frequency"], {"frequency": "daily"}))
def test_notification_settings(citizen, data):
    with Isolated():
        post(client_for(citizen), "/en/notifications/", data)


@FUZZ
@given(token=st.one_of(st.sampled_from(NASTY[:-1]), st.text(min_size=1, max_size=200)).filter(lambda t: "/" not in t and t.strip()))
def test_unsubscribe_token(db, token):
    with Isolated():
        from urllib.parse import quote

        response = client_for().post(f"/en/notifications/unsubscribe/{quote(token, safe='')}/")
        check(response, False, f"unsubscribe {token!r:.100}")


# --- content: search and activity ---------------------------------------------------------------


@FUZZ
@given(params=fields(["q", "page"], {"q": "data", "page": "2"}))
def test_search(db, params):
    with Isolated():
        get(client_for(), "/en/search/", params)


@FUZZ
@given(params=fields(["page"], {"page": "2"}), feed=st.booleans())
def test_activity(dialogue, params, feed):
    with Isolated():
        get(client_for(), f"/en/dialogues/{dialogue.pk}/activity/{'feed/' if feed else ''}", params)
