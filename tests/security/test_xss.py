"""Cross-site scripting: a corpus of payloads pushed through every field a citizen can write, then
looked for, parsed, on every page, feed and JSON answer where the words come back.

Two ways in. Through the real views (what an attacker can actually do): the forms either refuse
markup with a message or keep plain text. Through the services and the ORM with the raw payload
(an import, an API, an older version, a moderator's copy): the pages must still escape it on their
own, because templates are the last line of defence."""

import csv
import io
import warnings
from pathlib import Path
from urllib.parse import quote, urlparse

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.cache.backends.base import CacheKeyWarning

from participation.core.conf import DEFAULT_RATE_LIMITS
from participation.comments.models import Comment, target_content_type
from participation.comments.services import post_comment
from participation.core.text import clean_plain_text
from participation.moderation import services as moderation
from participation.moderation.models import Report
from participation.proposals.forms import EMPTY, MARKUP
from participation.proposals.models import Proposal
from participation.proposals.services import create_proposal

from .conftest import PASSWORD, client_for, make_person
from .markup import (
    PAYLOADS,
    assert_inert,
    atom_problems,
    json_strings,
    parse_json,
    shown,
    visible_text,
)

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
JSON = {"HTTP_ACCEPT": "application/json"}
NICKNAME_CHARACTERS = "A nickname may contain only letters, digits, hyphens (-) and underscores (_), without spaces."
NICKNAME_LENGTH = "A nickname has between 3 and 40 characters."
payload_items = list(PAYLOADS.items())


def needle(text, length=40):
    """The start of a stored text as a reader sees it (pages truncate long texts)."""
    return " ".join(text.split())[:length]


@pytest.fixture
def generous_limits(settings):
    settings.RATE_LIMITS = {name: (1000, period) for name, (_limit, period) in DEFAULT_RATE_LIMITS.items()}


# Stored payloads: every page that shows them


@pytest.fixture
def stored(dialogue, topic):
    """Every payload stored raw as a proposal (title and body), a comment on the topic and one on
    a proposal, and a report note; the author has a public profile."""
    author = make_person("author")
    reporter = make_person("reporter")
    proposals, comments = {}, {}
    for name, payload in payload_items:
        proposals[name] = Proposal.objects.create(dialogue=dialogue, author=author, title=payload[:150], body=payload)
        comments[name] = post_comment(author, topic, payload[:2000])
        moderation.report(reporter, comments[name], "spam", payload[:500])
    on_proposal = post_comment(author, proposals["script"], PAYLOADS["img-onerror"])
    return {"author": author, "proposals": proposals, "comments": comments, "on_proposal": on_proposal}


def test_stored_payloads_are_inert_on_every_public_page(client, dialogue, topic, stored):
    proposals, comments = stored["proposals"], stored["comments"]

    listing = client.get(f"/en/dialogues/{dialogue.pk}/proposals/")
    assert listing.status_code == 200
    assert_inert(listing.content, "proposal list")
    for name, proposal in proposals.items():
        assert shown(needle(proposal.title), listing.content), f"proposal list: title {name} not shown"

    for name, proposal in proposals.items():
        detail = client.get(proposal.get_absolute_url())
        assert detail.status_code == 200
        assert_inert(detail.content, f"proposal detail ({name})")
        assert shown(needle(proposal.title), detail.content), f"detail: title {name} not shown as text"
        assert shown(needle(proposal.body), detail.content, tolerate_double_escaping=True), f"detail: body {name}"
    assert shown(PAYLOADS["img-onerror"], client.get(proposals["script"].get_absolute_url()).content)

    page = client.get(topic.url)
    assert page.status_code == 200
    assert_inert(page.content, "topic page comments")
    for name, comment in comments.items():
        assert shown(needle(comment.body), page.content), f"topic page: comment {name} not shown as text"

    activity = client.get(f"/en/dialogues/{dialogue.pk}/activity/")
    assert_inert(activity.content, "activity feed")
    assert shown(needle(PAYLOADS["xss-locator"]), activity.content)
    assert shown(needle(PAYLOADS["script"]), activity.content)

    feed = client.get(f"/en/dialogues/{dialogue.pk}/activity/feed/")
    assert feed["Content-Type"].startswith("application/atom+xml")
    root, problems = atom_problems(feed.content)
    assert problems == []
    titles = " ".join(element.text or "" for element in root.iter() if element.tag.endswith("}title"))
    for name in ("script", "img-onerror", "svg-onload", "xss-locator", "iframe"):
        assert PAYLOADS[name] in titles, f"Atom feed: {name} should be kept as text"

    profile = client.get(f"/en/accounts/people/{stored['author'].participant.nickname}/")
    assert profile.status_code == 200
    assert_inert(profile.content, "public profile")
    assert shown(PAYLOADS["img-onerror"], profile.content)  # the newest contribution
    second = client.get(f"/en/accounts/people/{stored['author'].participant.nickname}/?page=2")
    assert second.status_code == 200
    assert_inert(second.content, "public profile, page 2")

    transparency = client.get(f"/en/moderation/dialogues/{dialogue.pk}/")
    assert transparency.status_code == 200
    assert_inert(transparency.content, "transparency page")


def test_stored_payloads_are_inert_in_the_moderation_queue_and_statistics(moderator, editor_client, stored):
    moderator_client = client_for(moderator)
    queue = moderator_client.get("/admin/moderation/?status=open")
    assert queue.status_code == 200
    assert_inert(queue.content, "moderation queue", strict=False)
    for name in ("script", "img-onerror", "a-javascript", "xss-locator", "iframe"):
        assert shown(needle(PAYLOADS[name]), queue.content), f"queue: {name} should be shown as text"
    content_type = ContentType.objects.get_for_model(Comment)
    for name, comment in stored["comments"].items():
        item = moderator_client.get(f"/admin/moderation/{content_type.pk}/{comment.pk}/")
        assert item.status_code == 200
        assert_inert(item.content, f"moderation item ({name})", strict=False)
        assert shown(needle(comment.body), item.content)
    history = moderator_client.get("/admin/moderation/history/")
    assert_inert(history.content, "moderation history", strict=False)

    statistics = editor_client.get("/admin/participation/statistics/")
    assert statistics.status_code == 200
    assert_inert(statistics.content, "admin statistics", strict=False)


# Through the views


@pytest.mark.usefixtures("generous_limits")
def test_proposal_form_refuses_markup_and_keeps_plain_text(dialogue, citizen, author):
    client = client_for(citizen)
    url = f"/en/dialogues/{dialogue.pk}/proposals/new/"
    for name, payload in payload_items:
        before = Proposal.objects.count()
        response = client.post(url, {"title": payload, "body": payload, "language": "en"})
        assert_inert(response.content, f"proposal form answer ({name})")
        cleaned = clean_plain_text(payload)
        if response.status_code == 302:
            proposal = Proposal.objects.latest("pk")
            assert (proposal.title, proposal.body) == (payload, payload) == (cleaned, cleaned), name
        else:
            assert response.status_code == 400, name
            assert Proposal.objects.count() == before, f"{name}: refused, yet stored"
            if cleaned != payload and len(payload) <= 150:
                text = visible_text(response.content)
                assert str(MARKUP) in text or str(EMPTY) in text, f"{name}: the form should say why"
        # Without JavaScript, "check for similar proposals" shows the draft back.
        similar = client.post(url, {"title": payload, "body": payload, "language": "en", "check_similar": "1"})
        assert similar.status_code == 200
        assert_inert(similar.content, f"similar proposals ({name})")
        fragment = client.get(f"/en/dialogues/{dialogue.pk}/proposals/similar/", {"title": payload})
        assert_inert(fragment.content, f"similar fragment ({name})")

    proposal = create_proposal(author, dialogue, title="Benches in every park", body="People need rest.")
    edit = client_for(author).post(f"/en/proposals/{proposal.pk}/edit/", {"title": PAYLOADS["img-onerror"], "body": PAYLOADS["script"], "language": "en"})
    assert edit.status_code == 400
    assert_inert(edit.content, "proposal edit form")
    proposal.refresh_from_db()
    assert proposal.title == "Benches in every park"


def test_proposal_list_reflects_query_parameters_inertly(client, dialogue, citizen):
    for payload in (PAYLOADS["img-onerror"], PAYLOADS["attribute-breakout"], PAYLOADS["script"]):
        query = {"topic": payload, "state": payload, "sort": payload, "page": payload, "mine": payload}
        for who in (client, client_for(citizen)):
            response = who.get(f"/en/dialogues/{dialogue.pk}/proposals/", query)
            assert response.status_code == 200
            assert_inert(response.content, "proposal list with hostile filters")


@pytest.mark.usefixtures("generous_limits")
def test_comment_views_neutralise_markup_in_html_and_json(topic, citizen):
    client = client_for(citizen)
    target = {"content_type": target_content_type(topic).pk, "object_id": topic.pk}
    for name, payload in payload_items:
        cleaned = clean_plain_text(payload)
        before = Comment.objects.count()
        response = client.post("/en/comments/new/", {**target, "body": payload})
        assert_inert(response.content, f"comment answer ({name})")
        if response.status_code == 302:
            assert Comment.objects.latest("pk").body == cleaned, name
        else:
            assert response.status_code == 400 and Comment.objects.count() == before, name

        answer = client.post("/en/comments/new/", {**target, "body": payload}, **JSON)
        assert answer["Content-Type"].startswith("application/json")
        data = answer.json()  # a JSON document, whatever the payload
        if answer.status_code == 201:
            assert Comment.objects.get(pk=data["id"]).body == cleaned
            assert_inert(data["html"], f"comment JSON html ({name})")
            fragment = BeautifulSoup(data["html"], "html.parser").select_one(".comment__text")
            assert shown(needle(cleaned), str(fragment)), f"{name}: the comment should read as written"
        else:
            assert answer.status_code == 400 and "error" in data, name

    page = client.get(topic.url)
    assert_inert(page.content, "topic page after posting payloads")

    comment = Comment.objects.filter(author=citizen).latest("pk")
    edit = client.post(f"/en/comments/{comment.pk}/edit/", {"body": PAYLOADS["svg-onload"] + " still here"})
    assert edit.status_code == 302
    comment.refresh_from_db()
    assert comment.body == "still here"
    edit_json = client.post(f"/en/comments/{comment.pk}/edit/", {"body": PAYLOADS["script"]}, **JSON)
    assert edit_json.status_code == 400 and "error" in edit_json.json()
    form = client.get(f"/en/comments/{comment.pk}/edit/")
    assert_inert(form.content, "comment edit form")


@pytest.mark.usefixtures("generous_limits")
def test_report_notes_are_plain_text_for_the_moderators(topic, moderator):
    author, reporter = make_person("author"), make_person("reporter")
    client = client_for(reporter)
    content_type = ContentType.objects.get_for_model(Comment)
    for name, payload in payload_items:
        comment = post_comment(author, topic, f"Comment for {name}")
        response = client.post(f"/en/moderation/report/{content_type.pk}/{comment.pk}/", {"reason": "spam", "note": payload})
        assert_inert(response.content, f"report answer ({name})")
        report = Report.objects.filter(reporter=reporter, object_id=comment.pk).first()
        if response.status_code == 302:
            assert report.note == clean_plain_text(payload), name
        else:
            assert response.status_code == 400 and report is None, name
        if name == "script":
            report_json = client.post(
                f"/en/moderation/report/{content_type.pk}/{post_comment(author, topic, 'x').pk}/", {"reason": "spam", "note": payload}, **JSON
            )
            assert report_json["Content-Type"].startswith("application/json") and report_json.json()
    moderator_client = client_for(moderator)
    queue = moderator_client.get("/admin/moderation/?status=open")
    assert_inert(queue.content, "moderation queue with report notes", strict=False)
    assert shown(clean_plain_text(PAYLOADS["xss-locator"]), queue.content)
    for report in Report.objects.filter(reporter=reporter)[:4]:
        item = moderator_client.get(f"/admin/moderation/{content_type.pk}/{report.object_id}/")
        assert_inert(item.content, "moderation item with a report note", strict=False)


@pytest.mark.usefixtures("generous_limits")
def test_sign_up_refuses_markup_in_nicknames_and_strips_it_from_private_names(client):
    User = get_user_model()
    for number, (name, payload) in enumerate(payload_items):
        email = f"xss-{number}@example.org"
        data = {"email": email, "nickname": payload, "full_name": "", "password1": PASSWORD, "password2": PASSWORD, "accept_terms": "on"}
        response = client.post("/en/accounts/signup/", data)
        assert response.status_code == 200, name
        assert_inert(response.content, f"sign-up form ({name})")
        text = visible_text(response.content)
        assert NICKNAME_CHARACTERS in text or NICKNAME_LENGTH in text, f"{name}: the refusal should say why"
        assert not User.objects.filter(email=email).exists()

        data.update(nickname=f"person{number}", full_name=payload)
        response = client.post("/en/accounts/signup/", data)
        assert_inert(response.content, f"sign-up form with a hostile name ({name})")
        user = User.objects.filter(email=email).first()
        if response.status_code == 302:
            assert user.participant.full_name == clean_plain_text(payload), name
        else:
            assert user is None and len(payload) > 150, name


def test_settings_refuse_markup_in_nicknames_and_strip_it_from_private_names(citizen):
    client = client_for(citizen)
    nickname = citizen.participant.nickname
    for name, payload in payload_items:
        data = {"nickname": payload, "full_name": "", "language": "en", "email": citizen.email}
        response = client.post("/en/accounts/settings/", data)
        assert response.status_code == 200, name
        assert_inert(response.content, f"settings form ({name})")
        citizen.refresh_from_db()
        assert citizen.participant.nickname == nickname
        if len(payload) <= 150:
            response = client.post("/en/accounts/settings/", {**data, "nickname": nickname, "full_name": payload})
            assert response.status_code == 302, name
            citizen.refresh_from_db()
            assert citizen.participant.full_name == clean_plain_text(payload)
            page = client.get("/en/accounts/settings/")
            assert_inert(page.content, f"settings page with a hostile name ({name})")
            field = BeautifulSoup(page.content, "html.parser").select_one("input[name=full_name]")
            assert field.get("value", "") == citizen.participant.full_name


def test_search_query_is_reflected_as_text(client):
    for name, payload in payload_items:
        response = client.get("/en/search/", {"q": payload})
        assert response.status_code == 200
        assert_inert(response.content, f"search ({name})")
        kept = payload.strip()[:200]
        field = BeautifulSoup(response.content, "html.parser").select_one("input#search-q")
        assert field["value"] == kept
        assert shown(needle(kept), response.content)


def test_search_syntax_in_the_query_is_not_an_error(client):
    """Quotes and operators are search syntax for SQLite's FTS5 and PostgreSQL: typed by a
    visitor they must give results or none, never a 500 (Client raises the view's exception)."""
    for query in ('"', 'a"b', '"data safety', "NEAR(a b", "*", "-", "a:b", "^x", "{title}", "AND OR NOT", "(", "'", "\\", "%", "_"):
        response = client.get("/en/search/", {"q": query})
        assert response.status_code == 200, query
        assert_inert(response.content, f"search for {query!r}")


def test_addresses_holding_payloads_get_inert_error_pages(client):
    for payload in (PAYLOADS["script"], PAYLOADS["img-onerror"], PAYLOADS["svg-onload"]):
        for url in (f"/en/{quote(payload)}/", f"/en/accounts/people/{quote(payload)}/", f"/en/proposals/999999/?x={quote(payload)}"):
            with warnings.catch_warnings():
                # The page cache keys on the path; only memcached would mind these characters.
                warnings.simplefilter("ignore", CacheKeyWarning)
                response = client.get(url)
            assert response.status_code == 404
            assert_inert(response.content, f"404 for {url}")


def test_query_strings_echoed_in_forms_stay_inert(topic, citizen):
    """The follow button and the comment sort links repeat the page's own address."""
    response = client_for(citizen).get(topic.url + "?" + "x=" + quote(PAYLOADS["attribute-breakout"]) + "&comments=" + quote(PAYLOADS["img-onerror"]))
    assert response.status_code == 200
    assert_inert(response.content, "topic page with a hostile query string")


# JSON


def test_support_json_carries_text_only(dialogue, citizen):
    author = make_person("author")
    proposal = Proposal.objects.create(dialogue=dialogue, author=author, title=PAYLOADS["script"], body=PAYLOADS["img-onerror"])
    response = client_for(citizen).post(f"/en/proposals/{proposal.pk}/support/", **JSON)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    data = response.json()
    assert data["supported"] is True
    assert_inert(data["html"], "support box JSON")


def test_data_export_holds_the_raw_text_as_json_strings(dialogue, topic, citizen):
    client = client_for(citizen)
    client.post("/en/accounts/settings/", {"nickname": citizen.participant.nickname, "full_name": PAYLOADS["xss-locator"], "language": "en", "email": citizen.email})
    title = clean_plain_text(PAYLOADS["javascript-scheme"])
    proposal = create_proposal(citizen, dialogue, title=title, body=clean_plain_text(PAYLOADS["xss-locator"]))
    comment = post_comment(citizen, topic, PAYLOADS["img-onerror"])  # raw, as the service stores it
    response = client.get("/en/accounts/export/?download=1")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    data = parse_json(response.content)
    strings = set(json_strings(data))
    assert {proposal.title, proposal.body, comment.body, clean_plain_text(PAYLOADS["xss-locator"])} <= strings
    assert data["account"]["name"] == clean_plain_text(PAYLOADS["xss-locator"])


# CSV exports

CSV_EXPORTS = {
    # name: url of the dialogue's open-data file (participation/api/exports.py)
    "proposals": "/en/open-data/dialogues/{pk}/proposals.csv",
    "comments": "/en/open-data/dialogues/{pk}/comments.csv",
    "counts": "/en/open-data/dialogues/{pk}/counts.csv",
}
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
FORMULAS = ["=HYPERLINK(\"https://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(1,2)", "=cmd|' /C calc'!A0"]


def csv_producers():
    found = []
    for folder in ("participation", "content", "config"):
        for path in (ROOT / folder).rglob("*.py"):
            if "migrations" not in path.parts and "text/csv" in path.read_text(encoding="utf-8", errors="ignore"):
                found.append(str(path.relative_to(ROOT)))
    return sorted(found)


def assert_no_formula_injection(text):
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            assert not cell.startswith(FORMULA_PREFIXES), f"CSV cell would run as a formula: {cell[:60]!r}"


def test_every_csv_producer_is_checked():
    assert csv_producers() == ["participation/api/exports.py"], "a new CSV export: add it to CSV_EXPORTS"


def test_csv_exports_neutralise_formulas_and_keep_payloads_as_text(client, dialogue, topic, stored):
    author = stored["author"]
    for formula in FORMULAS:
        proposal = Proposal.objects.create(dialogue=dialogue, author=author, title=formula, body=formula)
        post_comment(author, proposal, formula)
    for name, url in CSV_EXPORTS.items():
        response = client.get(url.format(pk=dialogue.pk))
        assert response.status_code == 200 and response["Content-Type"].startswith("text/csv"), name
        text = b"".join(response.streaming_content).decode("utf-8-sig")
        assert_no_formula_injection(text)
        if name != "counts":
            # Markup stays text: the raw payload is in the file, neutralised only against formulas.
            cells = {cell.lstrip("'") for row in csv.reader(io.StringIO(text)) for cell in row}
            assert needle(PAYLOADS["script"]) in " ".join(cells), name
            assert FORMULAS[0] in cells, name


def test_api_answers_carry_payloads_as_json_strings(client, dialogue, stored):
    """JSON escapes nothing for HTML: the API must say it is JSON (never sniffed as a page)."""
    proposal = stored["proposals"]["script"]
    answers = [
        client.get(f"/api/v1/dialogues/{dialogue.pk}/proposals?limit=100"),
        client.get(f"/api/v1/proposals/{proposal.pk}"),
        client.get(f"/api/v1/proposals/{proposal.pk}/comments"),
    ]
    texts = set()
    for response in answers:
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/json")
        assert response["X-Content-Type-Options"] == "nosniff"
        texts |= set(json_strings(parse_json(response.content)))
    assert proposal.title in texts and proposal.body in texts
    assert stored["on_proposal"].body in texts


# Open redirects

EVIL_NEXTS = [
    "https://evil.example/",
    "//evil.example/",
    "///evil.example/",
    "/\\evil.example/",
    "\\\\evil.example/",
    "https:evil.example",
    "javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    " https://evil.example/",
]


def assert_stays_on_site(response, where):
    assert response.status_code in (301, 302), f"{where}: {response.status_code}"
    location = response["Location"]
    parsed = urlparse(location.replace("\\", "/"))
    assert parsed.netloc in ("", "testserver") and parsed.scheme in ("", "http", "https"), f"{where} sent the visitor to {location}"
    assert location.startswith("/") and not location.startswith(("//", "/\\")), f"{where} sent the visitor to {location}"
    assert "evil" not in location.lower() and "alert" not in location.lower(), f"{where} sent the visitor to {location}"


@pytest.mark.usefixtures("generous_limits")
def test_next_parameters_never_leave_the_site(client, dialogue, topic, citizen):
    author = make_person("author")
    proposal = create_proposal(author, dialogue, title="More trees on our streets", body="Shade in summer.")
    page_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    for target in EVIL_NEXTS:
        # Sign in (next in the query string, as the login links make it, and in the form).
        login = client.post(f"/en/accounts/login/?next={quote(target)}", {"username": citizen.email, "password": PASSWORD})
        assert_stays_on_site(login, f"login with next={target}")
        page = client.get(f"/en/accounts/logout/?next={quote(target)}")
        assert_inert(page.content, "sign-out page with a hostile next")
        logout = client.post("/en/accounts/logout/", {"next": target})
        assert_stays_on_site(logout, f"logout with next={target}")
        login_page = client.get("/en/accounts/login/", {"next": target})
        assert_inert(login_page.content, "sign-in page with a hostile next")
        hidden = BeautifulSoup(login_page.content, "html.parser").select_one("input[name=next]")
        assert hidden is None or hidden["value"] == target  # kept as a value, checked again on POST

        signed_in = client_for(citizen)
        follow = signed_in.post(f"/en/notifications/follow/{page_type.pk}/{topic.pk}/", {"next": target})
        assert_stays_on_site(follow, f"follow with next={target}")
        support = signed_in.post(f"/en/proposals/{proposal.pk}/support/?next={quote(target)}", {"next": target})
        assert_stays_on_site(support, f"support with next={target}")
        unsupport = signed_in.post(f"/en/proposals/{proposal.pk}/support/withdraw/", {"next": target})
        assert_stays_on_site(unsupport, f"withdrawing a support with next={target}")
