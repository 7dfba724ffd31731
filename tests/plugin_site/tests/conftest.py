import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Site

from townhall.models import ConsultationPage
from web import PASSWORD


@pytest.fixture(autouse=True)
def fresh_state():
    """Rate-limit counters and cached fragments live in the cache; each test starts cold, in English."""
    cache.clear()
    translation.activate("en")
    yield
    cache.clear()


@pytest.fixture
def consultation(db):
    """The host's own dialogue page, published under Wagtail's default home page."""
    home = Site.objects.get(is_default_site=True).root_page
    page = home.add_child(
        instance=ConsultationPage(title="Town budget 2027", slug="town-budget", intro="<p>How should we spend it?</p>")
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def moderator(db):
    """A Wagtail superuser, created the host's way (Django's own User here, see test_installed.py)."""
    return get_user_model().objects.create_superuser("moderator", "moderator@townhall.example", PASSWORD)
