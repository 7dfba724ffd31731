"""End-to-end harness: a real server on loopback, a fresh PostgreSQL database, Debian's chromium.

The journeys only ever talk to the server over HTTP, so they never touch pytest-django's test
database. Everything heavy (database, server, browser) is package-scoped: it starts before the
first journey and stops after the last one, so the rest of the suite runs without a browser's
event loop in the main thread (Django refuses ORM calls from a thread with a running loop).
"""

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "e2e"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PG_HOST, PG_PORT, PG_USER = "127.0.0.1", 5432, "postgres"
DEMO_PASSWORD = "e2e-" + secrets.token_urlsafe(12)
E2E_DIR = Path(__file__).resolve().parent


def _in_ci():
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no", "off"}


def _unavailable(message):
    """Skip on a developer's machine, fail in CI: CI must never go green without the journeys."""
    if _in_ci():
        pytest.fail(message.replace("skipped", "cannot run in CI"), pytrace=False)
    pytest.skip(message)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Mark every journey e2e and run them after the rest of the suite (fast feedback first)."""
    journeys, others = [], []
    for item in items:
        if E2E_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.e2e)
            journeys.append(item)
        else:
            others.append(item)
    items[:] = others + journeys


# --------------------------------------------------------------------------- environment


@pytest.fixture(scope="package", autouse=True)
def chromium_executable():
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        _unavailable("e2e journeys skipped: Debian's chromium is not installed (apt-get install -y chromium)")
    return str(CHROMIUM)


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _admin_connection():
    import psycopg

    return psycopg.connect(host=PG_HOST, port=PG_PORT, user=PG_USER, dbname="postgres", autocommit=True, connect_timeout=5)


@pytest.fixture(scope="package")
def e2e_database(chromium_executable):
    """A fresh, uniquely named PostgreSQL database, dropped afterwards."""
    try:
        admin = _admin_connection()
    except Exception as error:  # noqa: BLE001 - any connection problem means "no PostgreSQL here"
        _unavailable(f"e2e journeys skipped: PostgreSQL is not reachable on {PG_HOST}:{PG_PORT} as {PG_USER} ({error})")
    name = f"dialogue_e2e_{secrets.token_hex(6)}"
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgres://{PG_USER}@{PG_HOST}:{PG_PORT}/{name}"
    finally:
        with _admin_connection() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Server:
    def __init__(self, url, password, mail_dir, log_path, env=None):
        self.url = url
        self.password = password
        self.mail_dir = mail_dir
        self.log_path = log_path
        self.env = env or {}

    def log_tail(self, lines=40):
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


def _run(command, env, log):
    log.write(f"\n$ {' '.join(command)}\n")
    log.flush()
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)


def _note(log, text):
    log.write(f"[e2e {time.strftime('%H:%M:%S')}] {text}\n")
    log.flush()


def _wait(process, command, log_path, timeout):
    try:
        code = process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        pytest.fail(f"{' '.join(command)} took longer than {timeout}s; see {log_path}", pytrace=False)
    if code:
        tail = "\n".join(log_path.read_text(errors="replace").splitlines()[-30:])
        hint = ""
        if re.search(r'relation "[^"]+" does not exist|no such table', tail):
            hint = "\nhint: a model has no migration yet? `manage.py makemigrations --check --dry-run` lists them"
        pytest.fail(f"{' '.join(command)} exited with {code}; see {log_path}\n{tail}{hint}", pytrace=False)


@pytest.fixture(scope="package")
def server(e2e_database, tmp_path_factory):
    """Migrate, seed the demo, collect static files, then serve with gunicorn until the journeys end."""
    tmp = tmp_path_factory.mktemp("e2e-server")
    mail_dir, static_root, media_root = tmp / "mail", tmp / "static", tmp / "media"
    for folder in (mail_dir, static_root, media_root):
        folder.mkdir()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log_path = ARTIFACTS / "server.log"
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    python = sys.executable
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST_", "DATABASE_", "REDIS_"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "DEBUG": "false",  # real 404 pages; whitenoise serves the collected static files
            "DATABASE_URL": e2e_database,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "CSRF_TRUSTED_ORIGINS": url,
            "WAGTAILADMIN_BASE_URL": url,
            "STATIC_ROOT": str(static_root),
            "MEDIA_ROOT": str(media_root),
            "DIALOGUE_VAR_DIR": str(tmp / "var"),
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(mail_dir),
            "MACHINE_TRANSLATOR": "dummy",
            "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
        }
    )
    manage = [python, "manage.py"]
    with open(log_path, "w") as log:
        _note(log, f"database {e2e_database.rsplit('/', 1)[-1]}, server {url}")
        collect_cmd = [*manage, "collectstatic", "--noinput", "-v0"]
        migrate_cmd = [*manage, "migrate", "--noinput", "-v0"]
        seed_cmd = [*manage, "seed_demo", "--password", DEMO_PASSWORD]
        gunicorn = str(Path(python).with_name("gunicorn"))
        serve_cmd = [
            gunicorn,
            "config.wsgi",
            "--bind", f"127.0.0.1:{port}",
            "--workers", "2",
            "--threads", "4",
            "--timeout", "60",
            "--graceful-timeout", "5",
            "--access-logfile", "-",
        ]
        background, process = [], None
        try:
            # collectstatic needs no database, so it runs alongside migrate; gunicorn boots while
            # the demo is seeded (whitenoise indexes STATIC_ROOT when it starts: after collectstatic).
            collect = _run(collect_cmd, env, log)
            background.append(collect)
            _wait(_run(migrate_cmd, env, log), migrate_cmd, log_path, 240)
            _note(log, "database migrated")
            seed = _run(seed_cmd, env, log)
            background.append(seed)
            _wait(collect, collect_cmd, log_path, 120)
            process = _run(serve_cmd, env, log)
            _wait(seed, seed_cmd, log_path, 1200)  # the whole demo takes minutes on a busy 2-core machine
            _note(log, "demo seeded, static files collected")
            deadline = time.monotonic() + 60
            while True:
                if process.poll() is not None:
                    pytest.fail(f"gunicorn exited with {process.returncode}; see {log_path}", pytrace=False)
                try:
                    with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
                        if response.status == 200:
                            break
                except (urllib.error.URLError, OSError):
                    pass
                if time.monotonic() > deadline:
                    pytest.fail(f"{url}/healthz did not answer within 60s; see {log_path}", pytrace=False)
                time.sleep(0.25)
            _note(log, "server ready")
            yield Server(url, DEMO_PASSWORD, mail_dir, log_path, env)
        finally:
            for helper in background:
                if helper.poll() is None:
                    helper.kill()
                    helper.wait()
            if process is not None:
                _note(log, "stopping the server")
                process.send_signal(signal.SIGINT)  # gunicorn's quick shutdown: the journeys are over
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
                _note(log, "server stopped")
    shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="package")
def participation(server):
    """Citizens, a moderator, proposals and comments (tests/e2e/seed_participation.py), as a dict
    of their ids; the citizens and the moderator ("moderator") share the demo password."""
    import json

    script = (E2E_DIR / "seed_participation.py").read_text()
    command = [sys.executable, "manage.py", "shell", "-c", script]
    result = subprocess.run(
        command, cwd=ROOT, env={**server.env, "E2E_PASSWORD": server.password}, capture_output=True, text=True, timeout=120
    )
    with open(server.log_path, "a") as log:
        log.write(f"\n$ manage.py shell -c <seed_participation.py>\n{result.stdout}{result.stderr}")
    lines = [line for line in result.stdout.splitlines() if line.startswith("E2E-SEED ")]
    if result.returncode or not lines:
        pytest.fail(f"seed_participation.py failed ({result.returncode}):\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}", pytrace=False)
    return json.loads(lines[-1].removeprefix("E2E-SEED "))


# --------------------------------------------------------------------------- browser


@pytest.fixture(scope="package")
def browser(chromium_executable, server):
    """One chromium for all journeys; it depends on the server so it closes (with its
    keep-alive connections) before the server stops."""
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=chromium_executable, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()


class Screenshots:
    """Numbered screenshots of each journey step: artifacts/e2e/<test-name>/NN-step.png."""

    def __init__(self, name):
        self.folder = ARTIFACTS / re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-")
        shutil.rmtree(self.folder, ignore_errors=True)  # screenshots of an earlier run
        self.count = 0

    def __call__(self, page, step):
        self.folder.mkdir(parents=True, exist_ok=True)
        self.count += 1
        slug = re.sub(r"[^a-z0-9]+", "-", step.lower()).strip("-")
        path = self.folder / f"{self.count:02d}-{slug}.png"
        page.screenshot(path=str(path), full_page=True)
        return path


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def shot(request):
    return Screenshots(request.node.name)


@pytest.fixture
def context(browser, server):
    context = browser.new_context(base_url=server.url, viewport={"width": 1280, "height": 900}, locale="en-GB")
    context.set_default_timeout(15_000)
    context.set_default_navigation_timeout(30_000)
    # Nothing may leave the machine: answer any request to another host with an empty page.
    context.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/]|localhost[:/])"), _offline)
    yield context
    context.close()


def _offline(route):
    route.fulfill(status=200, content_type="text/html", body="<!DOCTYPE html><title>offline</title>")


@pytest.fixture
def page(context, shot, request, server):
    page = context.new_page()
    errors, server_errors = [], []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "response",
        lambda response: server_errors.append(f"{response.status} {response.url}")
        if response.status >= 500 and response.url.startswith(server.url)
        else None,
    )
    page.js_errors = errors
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed and not page.is_closed():
        try:
            path = shot(page, "failure")
            print(f"failure screenshot: {path} at {page.url}")
        except Exception as error:  # noqa: BLE001 - a failed screenshot must not hide the failure
            print(f"no failure screenshot: {error}")
    if server_errors:
        pytest.fail(f"the server answered with errors: {server_errors}\n{server.log_tail()}", pytrace=False)
