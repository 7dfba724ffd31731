"""Townhall runs participation from the installed wheel, on Django's own user model, in its own layout."""

import re
from pathlib import Path

import participation
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core.management import call_command


def test_participation_is_the_installed_package_not_the_repositorys_folder():
    assert "site-packages" in Path(participation.__file__).parts


def test_the_host_keeps_djangos_own_user_model():
    assert settings.AUTH_USER_MODEL == "auth.User"
    assert get_user_model() is User


@pytest.mark.django_db
def test_the_system_checks_find_nothing_missing():
    call_command("check", fail_level="WARNING")


@pytest.mark.django_db
def test_the_plugins_pages_use_the_hosts_layout_and_name(client):
    html = client.get("/accounts/signup/").content.decode()
    assert 'class="townhall-header"' in html
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "Sign up" in title and "Dialogue" not in title


@pytest.mark.django_db
def test_the_wheels_french_catalogue_translates_the_plugin(client):
    # Townhall has no catalogue of its own (no LOCALE_PATHS): French comes from the package.
    html = client.get("/accounts/signup/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert '<html lang="fr"' in html
    assert "Adresse e-mail" in html and "Email address" not in html
