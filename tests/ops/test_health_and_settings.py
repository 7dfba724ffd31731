"""Operations: the health check, production settings and the Redis cache, run for real."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, env=None, check=True):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
        check=check,
    )


@pytest.mark.django_db
def test_healthz_is_200_with_the_database_up(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_when_the_database_is_unreachable():
    # A real connection attempt to a port where nothing listens.
    script = "from django.test import Client; r = Client().get('/healthz'); print(r.status_code, r.json()['database'])"
    result = manage(
        "shell",
        "-c",
        script,
        env={
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": "postgres://postgres@127.0.0.1:1/none",
            "ALLOWED_HOSTS": "testserver",
        },
        check=False,
    )
    assert result.stdout.strip().splitlines()[-1:] == ["503 unreachable"], result.stderr[-3000:]


def test_check_deploy_is_clean_with_production_settings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": uuid.uuid4().hex + uuid.uuid4().hex,
            "ALLOWED_HOSTS": "dialogue.example",
        },
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = manage(
        "check", env={"DJANGO_SETTINGS_MODULE": "config.settings.production", "SECRET_KEY": ""}, check=False
    )
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_redis_cache_is_used_when_redis_url_is_set():
    key = f"dialogue-test-{uuid.uuid4().hex}"
    script = (
        "from django.core.cache import caches; from django_redis import get_redis_connection; cache = caches['default'];"
        f"cache.set('{key}', 'kept', 30); print(cache.get('{key}'), type(cache).__name__,"
        f" get_redis_connection('default').exists(cache.make_key('{key}')))"
    )
    result = manage(
        "shell",
        "-c",
        script,
        env={"DJANGO_SETTINGS_MODULE": "config.settings.test", "REDIS_URL": os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")},
    )
    assert result.stdout.strip().splitlines()[-1] == "kept RedisCache 1"


def test_machine_translator_is_chosen_from_the_environment():
    script = "from django.conf import settings; print(settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR['CLASS'])"
    deepl = manage("shell", "-c", script, env={"DJANGO_SETTINGS_MODULE": "config.settings.dev", "MACHINE_TRANSLATOR": "deepl"})
    assert deepl.stdout.strip().endswith("DeepLTranslator")
    libre = manage(
        "shell", "-c", script, env={"DJANGO_SETTINGS_MODULE": "config.settings.dev", "MACHINE_TRANSLATOR": "libretranslate"}
    )
    assert libre.stdout.strip().endswith("LibreTranslator")



def test_the_dummy_translator_is_offered_only_when_asked_for_in_development():
    script = "from django.conf import settings; print(settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR)"

    def translator(settings_module, **env):
        return manage("shell", "-c", script, env={"DJANGO_SETTINGS_MODULE": settings_module, **env}).stdout.strip().splitlines()[-1]

    assert translator("config.settings.dev", MACHINE_TRANSLATOR="") == "None"
    assert translator("config.settings.dev", MACHINE_TRANSLATOR="dummy").endswith("DummyTranslator'}")
    production = {"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "dialogue.example", "MACHINE_TRANSLATOR": "dummy"}
    assert translator("config.settings.production", **production) == "None"


def test_make_run_says_where_it_serves_and_where_emails_go():
    result = manage("describe_site", env={"DJANGO_SETTINGS_MODULE": "config.settings.dev", "BASE_URL": "http://127.0.0.1:8123",
                                          "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend", "EMAIL_FILE_PATH": "/tmp/mails"})
    assert result.stdout.splitlines() == ["Dialogue: http://127.0.0.1:8123/ (emails link there)", "Emails: written to /tmp/mails (file backend)"]
    settings_line = "from django.conf import settings; print(settings.PARTICIPATION_BASE_URL, settings.WAGTAILADMIN_BASE_URL)"
    both = manage("shell", "-c", settings_line, env={"DJANGO_SETTINGS_MODULE": "config.settings.dev", "BASE_URL": "http://127.0.0.1:8123/"})
    assert both.stdout.strip().splitlines()[-1] == "http://127.0.0.1:8123 http://127.0.0.1:8123"
    makefile = (ROOT / "Makefile").read_text()
    assert "BASE_URL ?= http://$(HOST):$(PORT)" in makefile and "BASE_URL=$(BASE_URL) $(PY) manage.py runserver" in makefile


@pytest.mark.parametrize("entry", ["config.wsgi", "config.asgi"])
def test_a_worker_keeps_what_it_loaded_out_of_full_garbage_collections(entry):
    """Without it a full collection walks Django's and Wagtail's objects in the middle of a
    request (the results API of 80 countries: 60 ms, or 170 ms when one ran)."""
    script = f"import gc, {entry}; print(gc.get_freeze_count())"
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}, capture_output=True, text=True, timeout=120, check=True)
    assert int(result.stdout.split()[-1]) > 100_000
