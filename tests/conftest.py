import pytest
from django.test import Client
from wagtail.models import Locale, Page

from content.demo.build import build
from content.models import DialoguePage, TopicPage

DEMO_PASSWORD = "demo-password-for-tests"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the seeded demo (built once per run), rolled back after each test:
    its dialogue, without the gatherings (tests/content/test_demo.py adds them for its own tests),
    so a test may count what one dialogue holds."""
    with django_db_blocker.unblock():
        build(password=DEMO_PASSWORD, with_gatherings=False)


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def dialogue(db):
    return DialoguePage.objects.get(locale__language_code="en")


@pytest.fixture
def topic(db):
    return TopicPage.objects.get(locale__language_code="en", slug="data-safety")


@pytest.fixture
def home(db):
    return Page.objects.get(depth=2, locale__language_code="en").specific


def login(username):
    client = Client()
    assert client.login(username=username, password=DEMO_PASSWORD)
    return client


@pytest.fixture
def editor_client(db):
    return login("editor")


@pytest.fixture
def translator_client(db):
    return login("translator-fr")


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rendered fragments are cached; each test starts cold, as the database is rolled back."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def english_by_default():
    """A request under /fr/ leaves French active in the thread; each test starts in English."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")
