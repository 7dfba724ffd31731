"""Test settings: fast hashing, in-memory email and media in a throwaway folder."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="dialogue-test-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="dialogue-test-static-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Tests roll the database back between them: always read the content version afresh.
CONTENT_VERSION_MAX_AGE = 0
# Emails link to the test client's host, so a test can follow a link from an email.
PARTICIPATION_BASE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
