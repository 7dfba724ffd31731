"""participation/core/unavailable.py: a database outage answers 503 + Retry-After, a bug stays a 500.

The outage is real: a process whose DATABASE_URL points at a port where nothing listens. The
restart under load is tests/robustness/test_database_restart.py."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import DatabaseError, connection, transaction
from django.http import HttpResponse
from django.test import Client
from django.urls import path
from django.utils import translation

ROOT = Path(__file__).resolve().parents[3]
MESSAGE = "The site is briefly unavailable. Please try again in a few seconds."

OUTAGE_SCRIPT = """
import json
from django.test import Client

answers = {}

def keep(name, response):
    answers[name] = {"status": response.status_code, "headers": dict(response.headers), "body": response.content.decode()}

# An anonymous reader: the page cache middleware fails before any view (the 500 is swapped).
keep("anonymous_page", Client(raise_request_exception=False).get("/fr/"))
# Signed in (a session cookie skips the page cache): the view fails on its first query.
client = Client(raise_request_exception=False)
client.cookies["sessionid"] = "x" * 32
keep("json", client.post("/fr/proposals/1/support/", HTTP_ACCEPT="application/json"))
keep("signed_in_page", client.get("/fr/proposals/1/"))
print("ANSWERS " + json.dumps(answers))
"""


@pytest.fixture(scope="module")
def outage_answers():
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_"))}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": "postgres://postgres@127.0.0.1:1/none",
            "ALLOWED_HOSTS": "testserver",
            "LOG_LEVEL": "CRITICAL",
        }
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", OUTAGE_SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("ANSWERS ")]
    assert lines, f"{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
    return json.loads(lines[-1].removeprefix("ANSWERS "))


def french(message):
    with translation.override("fr"):
        translated = translation.gettext(message)
    assert translated != message, "no French translation: run `make messages`"
    return translated


@pytest.mark.parametrize("name", ["json", "anonymous_page", "signed_in_page"])
def test_an_outage_answers_503_with_retry_after(outage_answers, name):
    answer = outage_answers[name]
    headers = answer["headers"]
    assert answer["status"] == 503
    assert int(headers["Retry-After"]) > 0
    assert headers["Cache-Control"] == "no-store"  # no proxy may keep the outage
    # The security headers are still there: the middleware sits inside theirs.
    assert headers["X-Frame-Options"] == "DENY" and "Content-Security-Policy" in headers


def test_scripts_get_a_short_translated_json_error(outage_answers):
    answer = outage_answers["json"]
    assert answer["headers"]["Content-Type"] == "application/json"
    assert json.loads(answer["body"]) == {"error": french(MESSAGE)}


@pytest.mark.parametrize("name", ["anonymous_page", "signed_in_page"])
def test_browsers_get_a_translated_page(outage_answers, name):
    body = outage_answers[name]["body"]
    assert outage_answers[name]["headers"]["Content-Type"].startswith("text/html")
    assert '<html lang="fr" dir="ltr">' in body
    assert f"<title>{french('Temporarily unavailable')} – Dialogue</title>" in body
    assert french(MESSAGE) in body
    # Participation's own page: no site template, which might read the database.
    assert "/static/participation/participation.css" in body and "site-header" not in body


def broken_query(request):
    with transaction.atomic():  # a savepoint, so PostgreSQL's test transaction survives
        with connection.cursor() as cursor:
            cursor.execute("SELECT * FROM no_such_table")
    return HttpResponse("unreachable")


urlpatterns = [path("broken-query/", broken_query)]


@pytest.mark.django_db
@pytest.mark.urls(__name__)
def test_a_wrong_query_stays_a_500():
    # SQLite reports a missing table as OperationalError too, but the connection is fine:
    # that is a bug to see, not an outage to wait out.
    with pytest.raises(DatabaseError):
        Client().get("/broken-query/")
    response = Client(raise_request_exception=False).get("/broken-query/")
    assert response.status_code == 500
    assert "Retry-After" not in response
