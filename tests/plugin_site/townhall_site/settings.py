"""Townhall: a minimal Wagtail site that adds participation the way docs/plugin.md tells a host to.

Django's own auth.User (no AUTH_USER_MODEL), its own page type and base template, nothing from
the Dialogue site. Settings participation does not need are left out on purpose: the plugin's
defaults must do."""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = "townhall-test-only-key"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

INSTALLED_APPS = [
    "townhall",
    # The plugin: the package (its translations) and one app per capability.
    "participation",
    "participation.core",
    "participation.accounts",
    "participation.proposals",
    "participation.comments",
    "participation.moderation",
    "participation.notifications",
    "participation.activity",
    "participation.api",
    "participation.events",
    "participation.questionnaires",
    "participation.polls",
    "participation.focusgroups",
    "participation.selection",
    "rules.apps.AutodiscoverRulesConfig",
    "django_tasks",
    # A plain Wagtail site.
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "townhall_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "participation.core.context_processors.participation",
            ],
        },
    },
]

# The plugin's pages extend the host's layout.
PARTICIPATION_BASE_TEMPLATE = "townhall/base.html"

# Citizens sign in with their email address; staff with their username.
AUTHENTICATION_BACKENDS = ["participation.accounts.backends.EmailOrUsernameBackend"]

# SQLite unless the runner passes DATABASE_URL (tests/test_plugin_wheel.py).
DATABASES = {"default": dj_database_url.config(default=f"sqlite:///{BASE_DIR / 'townhall.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français")]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"

WAGTAIL_SITE_NAME = "Townhall"
WAGTAILADMIN_BASE_URL = "http://testserver"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DEFAULT_FROM_EMAIL = "Townhall <noreply@townhall.example>"
