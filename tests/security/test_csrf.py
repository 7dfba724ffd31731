"""Cross-site request forgery: every address of the project answers a POST without a CSRF token
with 403, whoever is signed in. The URL list is walked, not written down, so a view added
tomorrow is covered the day it lands; a view that opts out of CSRF must be listed here with the
reason, like the one-click unsubscribe link of the notification emails (RFC 8058)."""

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import RegexPattern, RoutePattern
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from participation.accounts.tokens import confirmation_token
from participation.comments.models import Comment
from participation.comments.services import post_comment
from participation.notifications.emails import unsubscribe_token
from participation.notifications.models import Preference
from participation.proposals.services import create_proposal

from .conftest import client_for, make_person

pytestmark = pytest.mark.django_db

SKIPPED_PREFIXES = ("admin/", "documents/", "static/", "media/")
# Views exempt from CSRF on purpose, and why. Anything else exempt fails the suite.
CSRF_EXEMPT_BY_DESIGN = {
    "notifications:unsubscribe": "one-click unsubscribe (RFC 8058): mail clients POST without a token; the signed token is the proof",
}
# The public API (django-ninja marks its views exempt) is read-only: any method but GET and HEAD
# answers 405 and changes nothing, which test_every_view_refuses_a_post_without_a_token checks.
READ_ONLY_API = "api:"
CSRF_FAILURE = b"CSRF verification failed"


def walk(patterns, prefix="", namespace=None):
    """(route as written, namespaced name, pattern) for every URL pattern, depth first."""
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
            yield prefix + str(entry.pattern), name, entry


def project_patterns():
    return [(route, name, pattern) for route, name, pattern in walk(get_resolver().url_patterns) if not route.startswith(SKIPPED_PREFIXES)]


def admin_patterns_of_the_project():
    """The project's own views inside the Wagtail admin (moderation queue, statistics...)."""
    return [
        (route, name, pattern)
        for route, name, pattern in walk(get_resolver().url_patterns)
        if route.startswith("admin/") and getattr(pattern.callback, "__module__", "").startswith(("participation.", "content."))
    ]


@pytest.fixture
def world(dialogue, topic):
    """Real objects for every URL argument, and a signed-in citizen."""
    citizen = make_person("citizen")
    author = make_person("author")
    pending = make_person("pending", is_active=False, email_confirmed_at=None)
    proposal = create_proposal(author, dialogue, title="Libraries open on Sundays", body="People work all week.")
    comment = post_comment(author, topic, "A comment worth discussing.")
    page_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    comment_type = ContentType.objects.get_for_model(Comment)
    by_name = {
        "dialogue_id": dialogue.pk,
        "page_id": dialogue.pk,
        "nickname": author.participant.nickname,
        "uidb64": urlsafe_base64_encode(force_bytes(citizen.pk)),
    }
    by_view = {
        "proposals": {"pk": proposal.pk},
        "comments": {"pk": comment.pk},
        "moderation:report": {"content_type_id": comment_type.pk, "object_id": comment.pk},
        "notifications:toggle_follow": {"content_type_id": page_type.pk, "object_id": topic.pk},
        "notifications:unsubscribe": {"token": unsubscribe_token(citizen)},
        "accounts:confirm": {"token": confirmation_token(pending)},
        "accounts:password_reset_confirm": {"token": default_token_generator.make_token(citizen)},
    }
    return {"citizen": citizen, "topic": topic, "by_name": by_name, "by_view": by_view}


def url_for(route, name, pattern, world):
    """A working address for the pattern, built from real objects when the test knows them."""
    if name == "wagtail_serve":
        return world["topic"].url
    kwargs = {}
    if isinstance(pattern.pattern, RoutePattern):
        names = pattern.pattern.converters.items()
    elif isinstance(pattern.pattern, RegexPattern) and pattern.pattern.regex.groupindex:
        names = [(key, None) for key in pattern.pattern.regex.groupindex]
    elif isinstance(pattern.pattern, RegexPattern) and pattern.pattern.regex.groups:
        pytest.fail(f"{route} ({name}): teach tests/security/test_csrf.py how to build this address")
    else:
        names = []
    specific = {}
    for key in (name or "", (name or "").split(":")[0]):
        specific = {**world["by_view"].get(key, {}), **specific}
    for key, converter in names:
        if key in specific:
            kwargs[key] = specific[key]
        elif key in world["by_name"]:
            kwargs[key] = world["by_name"][key]
        else:  # a new argument: any well-formed value reaches the view (CSRF is checked before it)
            kwargs[key] = 1 if type(converter).__name__ == "IntConverter" else "x"
    if name:
        return reverse(name, kwargs=kwargs)
    pytest.fail(f"{route}: an unnamed URL pattern; name it, or teach this test to build it")


def test_the_walk_finds_the_participation_views():
    names = {name for _route, name, _pattern in project_patterns()}
    expected = {
        "accounts:signup", "accounts:login", "accounts:logout", "accounts:settings", "accounts:export", "accounts:delete",
        "accounts:password_reset", "accounts:password_change", "proposals:create", "proposals:edit", "proposals:withdraw",
        "proposals:support", "proposals:unsupport", "comments:new", "comments:edit", "comments:delete", "comments:vote",
        "moderation:report", "notifications:settings", "notifications:toggle_follow", "notifications:unsubscribe", "search",
    }
    assert expected <= names, expected - names


def test_only_the_documented_views_are_csrf_exempt():
    exempt = {
        name or route
        for route, name, pattern in project_patterns() + admin_patterns_of_the_project()
        if getattr(pattern.callback, "csrf_exempt", False) and not (name or "").startswith(READ_ONLY_API)
    }
    assert exempt == set(CSRF_EXEMPT_BY_DESIGN), f"CSRF-exempt views not documented here: {exempt - set(CSRF_EXEMPT_BY_DESIGN)}"


def test_every_view_refuses_a_post_without_a_token(world):
    client = client_for(world["citizen"], enforce_csrf_checks=True)
    checked, accepted = [], []
    for route, name, pattern in project_patterns():
        if name in CSRF_EXEMPT_BY_DESIGN:
            continue
        url = url_for(route, name, pattern, world)
        response = client.post(url, {"body": "forged", "title": "forged", "value": "up", "reason": "spam", "next": "/"})
        checked.append(url)
        if (name or "").startswith(READ_ONLY_API):
            if response.status_code != 405:
                accepted.append(f"{url} ({name}): {response.status_code}, not 405")
            continue
        if response.status_code != 403 or CSRF_FAILURE not in response.content:
            accepted.append(f"{url} ({name}): {response.status_code}")
    assert accepted == [], "POST without a CSRF token was not refused:\n" + "\n".join(accepted)
    assert len(checked) >= 35
    # Nothing was written by the forged posts.
    assert not Comment.objects.filter(body="forged").exists()


def test_the_same_posts_pass_with_a_token(world):
    """The 403s above are CSRF refusals, not views refusing everything: with the token, a few of
    the same posts go through."""
    citizen = world["citizen"]
    client = client_for(citizen, enforce_csrf_checks=True)
    token = client.get("/en/accounts/settings/").context["csrf_token"]
    comment_url = reverse("comments:vote", kwargs=world["by_view"]["comments"])
    assert client.post(comment_url, {"value": "up", "csrfmiddlewaretoken": str(token)}).status_code == 302
    support_url = reverse("proposals:support", kwargs=world["by_view"]["proposals"])
    assert client.post(support_url, {"csrfmiddlewaretoken": str(token)}).status_code == 302


def test_project_views_in_the_admin_refuse_a_post_without_a_token(world, moderator):
    client = client_for(moderator, enforce_csrf_checks=True)
    comment = Comment.objects.get(pk=world["by_view"]["comments"]["pk"])
    content_type = ContentType.objects.get_for_model(Comment)
    routes = {name for _route, name, _pattern in admin_patterns_of_the_project()}
    assert {"moderation_queue", "moderation_item", "participation_statistics"} <= routes
    for url in ("/admin/moderation/", f"/admin/moderation/{content_type.pk}/{comment.pk}/", "/admin/participation/statistics/"):
        response = client.post(url, {"action": "hide", "reason": "forged"})
        assert response.status_code == 403 and CSRF_FAILURE in response.content, url
    comment.refresh_from_db()
    assert comment.hidden_at is None


def test_unsubscribe_is_exempt_but_needs_a_valid_signed_token(world):
    citizen = world["citizen"]
    client = client_for(None, enforce_csrf_checks=True)  # a mail client: no session, no token
    token = unsubscribe_token(citizen)
    forged = [token[:-2] + ("AA" if not token.endswith("AA") else "BB"), "x", unsubscribe_token(citizen).replace(":", ":0", 1)]
    for bad in forged:
        response = client.post(reverse("notifications:unsubscribe", args=[bad]))
        assert response.status_code == 400, bad
    # Another site's (or salt's) signature over the same id does not work either.
    from django.core import signing

    other = signing.dumps({"user": citizen.pk}, salt="something-else")
    assert client.post(reverse("notifications:unsubscribe", args=[other])).status_code == 400
    assert not Preference.objects.filter(user=citizen, frequency=Preference.Frequency.NEVER).exists()
    # Opening the link (a mail scanner) changes nothing; the one-click POST does.
    assert client.get(reverse("notifications:unsubscribe", args=[token])).status_code == 200
    assert not Preference.objects.filter(user=citizen, frequency=Preference.Frequency.NEVER).exists()
    assert client.post(reverse("notifications:unsubscribe", args=[token])).status_code == 200
    assert Preference.objects.get(user=citizen).frequency == Preference.Frequency.NEVER
