"""Security headers on public pages, and HTTPS-only behaviour with the production settings.

`manage.py check --deploy` with the production settings is already tested in
tests/ops/test_health_and_settings.py::test_check_deploy_is_clean_with_production_settings; it is
not repeated here (the last test only makes sure that reference stays true)."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REFERRER_POLICIES = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}
ONE_YEAR = 365 * 24 * 3600


def csp_directives(header):
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    return directives


def assert_safe_headers(response, where):
    assert "Content-Security-Policy" in response, f"{where}: no Content-Security-Policy"
    csp = csp_directives(response["Content-Security-Policy"])
    assert csp.get("frame-ancestors") == ["'none'"], where
    assert csp.get("object-src") == ["'none'"], where
    scripts = csp.get("script-src-elem") or csp.get("script-src") or csp.get("default-src")
    assert scripts, f"{where}: neither script-src nor default-src limits scripts"
    for source in scripts:
        assert source not in ("'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"), f"{where}: scripts from {source}"
    for directive in ("script-src", "script-src-attr", "script-src-elem"):
        assert "'unsafe-inline'" not in csp.get(directive, []), f"{where}: {directive} allows inline scripts"
    assert csp.get("base-uri") in (["'self'"], ["'none'"]), f"{where}: base-uri"
    assert response["X-Content-Type-Options"] == "nosniff", where
    assert response["Referrer-Policy"] in REFERRER_POLICIES, where
    assert response["X-Frame-Options"] in ("DENY", "SAMEORIGIN"), where


@pytest.mark.django_db
def test_public_pages_send_the_security_headers(client, home, topic, dialogue):
    pages = {
        "home": home.url,
        "topic": topic.url,
        "proposal list": f"/en/dialogues/{dialogue.pk}/proposals/",
        "search": "/en/search/?q=internet",
        "sign-in": "/en/accounts/login/",
        "404": "/en/no-such-page/",
    }
    for where, url in pages.items():
        response = client.get(url)
        assert response.status_code == (404 if where == "404" else 200), where
        assert_safe_headers(response, where)
    # Pages served from the anonymous page cache keep them too.
    cached = client.get(home.url)
    assert cached.get("X-Page-Cache") == "hit"
    assert_safe_headers(cached, "home from the page cache")


PROBE = """
import json
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client
from django.urls import clear_url_caches, path
import config.urls

def probe(request):
    get_token(request)
    request.session["probe"] = 1
    return HttpResponse("ok")

# A view that sets both cookies, in front of the real URLs and behind the real middleware.
config.urls.urlpatterns.insert(0, path("security-probe/", probe))
clear_url_caches()
secure = Client().get("/security-probe/", secure=True)
plain = Client().get("/security-probe/")
cookies = {
    name: {"secure": bool(morsel["secure"]), "httponly": bool(morsel["httponly"]), "samesite": morsel["samesite"]}
    for name, morsel in secure.cookies.items()
}
print("PROBE" + json.dumps({
    "status": secure.status_code,
    "hsts": secure.get("Strict-Transport-Security", ""),
    "csp": secure.get("Content-Security-Policy", ""),
    "cookies": cookies,
    "plain_status": plain.status_code,
    "plain_location": plain.get("Location", ""),
}))
"""


def test_production_settings_enforce_https():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": uuid.uuid4().hex + uuid.uuid4().hex,
        "ALLOWED_HOSTS": "testserver",
    }
    # The probe needs no table: sessions in the cache (the cookie flags come from the
    # SESSION_COOKIE_* settings, whatever the engine), no database query on its way.
    script = "from django.conf import settings; settings.SESSION_ENGINE = 'django.contrib.sessions.backends.cache'\n" + PROBE
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("PROBE")]
    assert lines, result.stdout + result.stderr
    found = json.loads(lines[-1][len("PROBE"):])
    assert found["status"] == 200

    hsts = {part.strip().split("=")[0].lower(): part.strip() for part in found["hsts"].split(";") if part.strip()}
    assert "max-age" in hsts, f"no HSTS: {found['hsts']!r}"
    assert int(hsts["max-age"].split("=")[1]) >= ONE_YEAR
    assert "includesubdomains" in hsts
    assert csp_directives(found["csp"]).get("frame-ancestors") == ["'none'"]

    session, csrf = found["cookies"].get("sessionid"), found["cookies"].get("csrftoken")
    assert session and csrf, found["cookies"]
    assert session["secure"] and session["httponly"]
    assert csrf["secure"]
    assert session["samesite"].lower() in ("lax", "strict") and csrf["samesite"].lower() in ("lax", "strict")

    # Plain HTTP is redirected to HTTPS.
    assert found["plain_status"] == 301 and found["plain_location"].startswith("https://testserver/")


def test_check_deploy_is_covered_by_the_ops_suite():
    source = (ROOT / "tests" / "ops" / "test_health_and_settings.py").read_text()
    assert "def test_check_deploy_is_clean_with_production_settings" in source
    assert '"--deploy"' in source and "config.settings.production" in source
