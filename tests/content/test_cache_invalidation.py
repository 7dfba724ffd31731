"""The anonymous page cache never outlives moderation, deletion or a view restriction: the next
anonymous request after the change gets the page as it is now. Run with the production cache
settings (a page cached for a minute, counters re-read at most every second), so a test passes
only because the change bumped the version, not because nothing was cached."""

import pytest

from content.models import ContentVersion
from participation.accounts.services import delete_account
from participation.comments.services import delete_comment
from participation.moderation import services as moderation
from tests.factories import make_moderator, make_person
from tests.participation.comments.helpers import comment_on

pytestmark = pytest.mark.django_db

BODY = "Libraries should lend data-safety kits."


@pytest.fixture(autouse=True)
def production_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60
    settings.CONTENT_VERSION_MAX_AGE = 1.0
    ContentVersion._memo = (float("-inf"), {})  # the rolled-back database's numbers are gone
    yield
    ContentVersion._memo = (float("-inf"), {})


@pytest.fixture
def author(db):
    return make_person("carol", nickname="carol")


@pytest.fixture
def comment(topic, author):
    return comment_on(topic, author, BODY)


def cached_page(client, url):
    """The page as an anonymous visitor gets it, once it sits in the cache."""
    assert client.get(url)["X-Page-Cache"] == "miss"
    response = client.get(url)
    assert response["X-Page-Cache"] == "hit"
    return response.content.decode()


def test_a_hidden_comment_leaves_the_cached_page_at_once(client, topic, comment):
    assert BODY in cached_page(client, topic.url)
    moderation.hide(make_moderator(), comment, "Spam")
    assert BODY not in client.get(topic.url).content.decode()


def test_a_comment_hidden_by_reports_leaves_the_cached_page_at_once(client, topic, comment, settings):
    settings.MODERATION_AUTO_HIDE_REPORTS = 1
    assert BODY in cached_page(client, topic.url)
    moderation.report(make_person("dave"), comment, "spam")
    assert BODY not in client.get(topic.url).content.decode()


def test_an_unhidden_comment_comes_back_at_once(client, topic, comment):
    moderator = make_moderator()
    moderation.hide(moderator, comment, "Spam")
    assert BODY not in cached_page(client, topic.url)
    moderation.unhide(moderator, comment, "Reviewed: not spam")
    assert BODY in client.get(topic.url).content.decode()


def test_a_deleted_comment_leaves_the_cached_page_at_once(client, topic, comment, author):
    assert BODY in cached_page(client, topic.url)
    delete_comment(author, comment)
    assert BODY not in client.get(topic.url).content.decode()


def test_a_deleted_account_is_no_longer_named_on_the_cached_page(client, topic, comment, author):
    assert "carol" in cached_page(client, topic.url)
    delete_account(author)
    html = client.get(topic.url).content.decode()
    assert BODY in html
    assert "carol" not in html


def set_privacy(editor_client, page, **data):
    response = editor_client.post(f"/admin/pages/{page.pk}/privacy/", data)
    assert response.status_code == 200
    assert '"step": "set_privacy_done"' in response.content.decode()


def test_a_page_made_private_is_no_longer_served_from_the_cache(client, editor_client, topic, comment):
    cached_page(client, topic.url)
    set_privacy(editor_client, topic, restriction_type="login")
    response = client.get(topic.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_a_password_added_to_the_dialogue_protects_its_cached_topic(client, editor_client, dialogue, topic, comment):
    cached_page(client, topic.url)
    set_privacy(editor_client, dialogue, restriction_type="password", password="s3cret-for-partners")
    html = client.get(topic.url).content.decode()
    assert BODY not in html
    assert 'name="password"' in html


def test_a_page_made_public_again_is_served_at_once(client, editor_client, topic, comment):
    set_privacy(editor_client, topic, restriction_type="login")
    assert client.get(topic.url).status_code == 302
    set_privacy(editor_client, topic, restriction_type="none")
    response = client.get(topic.url)
    assert response.status_code == 200
    assert BODY in response.content.decode()
