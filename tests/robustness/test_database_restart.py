"""Restart PostgreSQL under load: clean 503s during the outage, recovery without restarting
the app, and no lost or duplicated writes.

The test starts its own PostgreSQL cluster (never the shared server on 5432: other tests use
it), migrates and seeds it, serves the app with gunicorn (sync workers, persistent connections
with health checks, as in production) and lets signed-in citizens post supports through the
JSON path of the support view, each (citizen, proposal) pair once. Meanwhile it restarts the
cluster (`pg_ctl restart -m fast`), then stops it for a few seconds and starts it again. Then:

- every response was either an acknowledged support (200) or a clean failure (503 with
  Retry-After and a short JSON message); no 500, no request hanging past the client timeout;
- while the cluster was down, browsers got the 503 page and scripts the translated JSON;
- the app answered again within a few seconds of each start, with the same gunicorn workers;
- every acknowledged support is in the database, no pair twice, no support nobody sent, and
  each proposal's support_count equals its rows. (An unacknowledged support may be there:
  PostgreSQL committed it but the answer was lost with the connection.)

Runs in the PostgreSQL pass of .ci/run (marker db_restart); needs PostgreSQL's server binaries
(/usr/lib/postgresql/<version>/bin). Without them it fails in CI and skips elsewhere.
"""

import glob
import http.client
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.db_restart

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "robustness"
SEED = Path(__file__).with_name("seed_restart.py")

CITIZENS, PROPOSALS = 80, 50  # 4000 distinct pairs: more than the load ever sends
THREADS = 6
WORKERS = 3
CLIENT_TIMEOUT = 5  # seconds; a request slower than this counts as a hang
BACKOFF = 0.2  # a polite client pauses after a 503 (and so does not burn through its pairs)
OUTAGE = 3  # seconds the cluster stays stopped
RECOVERY_LIMIT = 10  # seconds from "PostgreSQL is up" to the first acknowledged support
CSRF_TOKEN = "restartdrill" + "x" * 20  # any 32 letters: the cookie and the header must match


def _in_ci():
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no", "off"}


def _unavailable(reason):
    """Skip on a developer's machine, fail in CI: CI must never go green without this test."""
    if _in_ci():
        pytest.fail(f"the database restart test cannot run in CI: {reason}", pytrace=False)
    pytest.skip(f"database restart test skipped: {reason}")


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _tail(path, lines=30):
    try:
        return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


class Cluster:
    """A private PostgreSQL cluster in a temporary folder, on its own loopback port.

    initdb and postgres refuse to run as root, so as root they run as the `postgres` user."""

    def __init__(self, bindir):
        self.bindir = Path(bindir)
        self.port = _free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="dialogue-pg-restart-"))
        self.data = self.folder / "data"
        self.log = self.folder / "postgresql.log"
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_postgres:
            shutil.chown(self.folder, "postgres", "postgres")
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/dialogue"

    def run(self, tool, *args, timeout=60):
        command = [*self.as_postgres, str(self.bindir / tool), *map(str, args)]
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
        if result.returncode:
            pytest.fail(f"{tool} {' '.join(map(str, args))} exited with {result.returncode}:\n{result.stdout}{result.stderr}\n{_tail(self.log)}", pytrace=False)

    def pg_ctl(self, *args):
        self.run("pg_ctl", "-D", self.data, "-l", self.log, "-w", "-t", "60", *args, timeout=90)

    def create(self):
        self.run("initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync")
        with open(self.data / "postgresql.conf", "a") as conf:
            conf.write(f"listen_addresses = '127.0.0.1'\nport = {self.port}\nunix_socket_directories = '{self.folder}'\n")
        self.pg_ctl("start")
        import psycopg

        with psycopg.connect(self.url.rsplit("/", 1)[0] + "/postgres", autocommit=True, connect_timeout=5) as conn:
            conn.execute("CREATE DATABASE dialogue")

    def destroy(self):
        if (self.data / "postmaster.pid").exists():
            subprocess.run(
                [*self.as_postgres, str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"],
                capture_output=True,
                timeout=60,
            )
        if self.log.exists():  # kept for CI's artifacts, like the server log
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            shutil.copy(self.log, ARTIFACTS / "postgresql.log")
        shutil.rmtree(self.folder, ignore_errors=True)


def _postgres_bindir():
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda path: int(Path(path).parent.name) if Path(path).parent.name.isdigit() else 0)
    candidates = [path for path in candidates if all(os.access(Path(path) / tool, os.X_OK) for tool in ("initdb", "pg_ctl", "postgres"))]
    if not candidates:
        _unavailable("no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (apt-get install postgresql)")
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            _unavailable("running as root without a `postgres` user to run PostgreSQL as")
        if shutil.which("runuser") is None:
            _unavailable("running as root without runuser, which starts PostgreSQL as the `postgres` user")
    return candidates[-1]


@pytest.fixture
def cluster():
    cluster = Cluster(_postgres_bindir())
    try:
        cluster.create()
        yield cluster
    finally:
        cluster.destroy()


@pytest.fixture
def app(cluster):
    """Migrate and seed the private cluster, then serve the app with gunicorn until the test ends."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log_path = ARTIFACTS / "server.log"
    port = _free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "PYTEST_", "DATABASE_", "REDIS_"))}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": cluster.url,
            "CONN_MAX_AGE": "60",  # persistent connections, as production runs them
            "ALLOWED_HOSTS": "127.0.0.1",
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
            "RESTART_CITIZENS": str(CITIZENS),
            "RESTART_PROPOSALS": str(PROPOSALS),
        }
    )
    manage = [sys.executable, "manage.py"]
    timings = {}
    with open(log_path, "w") as log:
        started = time.monotonic()
        if subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, timeout=300).returncode:
            pytest.fail(f"migrate failed:\n{_tail(log_path)}", pytrace=False)
        timings["migrate"] = time.monotonic() - started
        seeded = subprocess.run([*manage, "shell", "-c", SEED.read_text()], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        lines = [line for line in seeded.stdout.splitlines() if line.startswith("RESTART-SEED ")]
        if seeded.returncode or not lines:
            pytest.fail(f"seed_restart.py failed ({seeded.returncode}):\n{seeded.stdout[-2000:]}\n{seeded.stderr[-3000:]}", pytrace=False)
        data = json.loads(lines[-1].removeprefix("RESTART-SEED "))
        gunicorn = [
            str(Path(sys.executable).with_name("gunicorn")), "config.wsgi",
            "--bind", f"127.0.0.1:{port}",
            "--workers", str(WORKERS),  # sync workers
            "--timeout", "30",
            "--graceful-timeout", "5",
            "--no-control-socket",  # its default path is shared by every gunicorn of this user
        ]
        process = subprocess.Popen(gunicorn, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 60
            while True:
                if process.poll() is not None:
                    pytest.fail(f"gunicorn exited with {process.returncode}:\n{_tail(log_path)}", pytrace=False)
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                        if response.status == 200:
                            break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    pytest.fail(f"gunicorn did not answer within 60s:\n{_tail(log_path)}", pytrace=False)
                time.sleep(0.25)
            timings["setup"] = time.monotonic() - started
            yield App(port, process, data, timings, log_path)
        finally:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@dataclass
class App:
    port: int
    process: subprocess.Popen
    data: dict
    timings: dict
    log_path: Path

    def workers(self):
        pid = self.process.pid
        return set(Path(f"/proc/{pid}/task/{pid}/children").read_text().split())

    def request(self, method, path, session=None, accept="application/json"):
        """(status, headers, body) or ("timeout"/"socket", {}, error text); never raises."""
        headers = {"Accept": accept, "Host": f"127.0.0.1:{self.port}"}
        if session:
            headers["Cookie"] = f"{self.data['session_cookie']}={session}; {self.data['csrf_cookie']}={CSRF_TOKEN}"
            headers["X-CSRFToken"] = CSRF_TOKEN
        if method == "POST":
            headers["Content-Length"] = "0"
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=CLIENT_TIMEOUT)
        try:
            conn.request(method, path, headers=headers)
            response = conn.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read().decode("utf-8", "replace")
        except TimeoutError as error:
            return "timeout", {}, str(error)
        except (OSError, http.client.HTTPException) as error:
            return "socket", {}, repr(error)
        finally:
            conn.close()


@dataclass
class Outcome:
    pair: tuple
    sent: float
    done: float
    kind: str  # "ack", "clean" or "bad"
    detail: str


def _classify(status, headers, body):
    if status == 200:
        try:
            if json.loads(body).get("supported") is True:
                return "ack", ""
        except ValueError:
            pass
    elif status == 503 and headers.get("retry-after", "").isdigit() and headers.get("content-type") == "application/json":
        try:
            error = json.loads(body).get("error")
        except ValueError:
            error = None
        if isinstance(error, str) and 0 < len(error) <= 200:
            return "clean", ""
    return "bad", f"{status} {headers.get('retry-after', '')!r} {body[:300]!r}"


class Load:
    """THREADS clients; each has its own citizens and posts each (citizen, proposal) pair once."""

    def __init__(self, app):
        self.app = app
        self.outcomes, self.lock, self.stop = [], threading.Lock(), threading.Event()
        clients, proposals = app.data["clients"], app.data["proposals"]
        self.queues = [
            [(client, proposal) for proposal in proposals for client in clients[t::THREADS]] for t in range(THREADS)
        ]
        self.threads = [threading.Thread(target=self.run, args=(queue,), daemon=True) for queue in self.queues]

    def run(self, queue):
        for client, proposal in queue:
            if self.stop.is_set():
                return
            sent = time.monotonic()
            status, headers, body = self.app.request("POST", f"/en/proposals/{proposal}/support/", session=client["session"])
            kind, detail = _classify(status, headers, body)
            with self.lock:
                self.outcomes.append(Outcome((client["user"], proposal), sent, time.monotonic(), kind, detail))
            if kind != "ack":
                time.sleep(BACKOFF)

    def snapshot(self):
        with self.lock:
            return list(self.outcomes)

    def first_ack_after(self, moment, timeout):
        """Seconds from `moment` until a support sent after it was acknowledged; None on timeout."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and any(thread.is_alive() for thread in self.threads):
            acks = [o.done for o in self.snapshot() if o.kind == "ack" and o.sent >= moment]
            if acks:
                return min(acks) - moment
            time.sleep(0.05)
        return None

    def wait_for_acks(self, count, after, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if sum(1 for o in self.snapshot() if o.kind == "ack" and o.sent >= after) >= count:
                return
            time.sleep(0.05)


def _probe_outage(app, session):
    """While the cluster is down: a browser's page, a script's JSON in French, an anonymous page."""
    from django.utils import translation

    problems = []
    status, headers, body = app.request("GET", "/en/proposals/%d/" % app.data["proposals"][0], session=session, accept="text/html")
    if not (status == 503 and headers.get("retry-after", "").isdigit() and headers.get("content-type", "").startswith("text/html")
            and '<html lang="en"' in body and "Temporarily unavailable" in body):
        problems.append(f"signed-in page: {status} {headers} {body[:300]!r}")
    status, headers, body = app.request("GET", app.data["dialogue_url"], accept="text/html")  # via the page cache middleware
    if not (status == 503 and headers.get("retry-after", "").isdigit() and "Temporarily unavailable" in body):
        problems.append(f"anonymous page: {status} {headers} {body[:300]!r}")
    with translation.override("fr"):
        french = translation.gettext("The site is briefly unavailable. Please try again in a few seconds.")
    status, headers, body = app.request("GET", "/fr/proposals/%d/" % app.data["proposals"][0], session=session)
    if not (status == 503 and headers.get("retry-after", "").isdigit() and _json(body) == {"error": french}):
        problems.append(f"French JSON: {status} {headers} {body[:300]!r} (expected {french!r})")
    return problems


def _json(body):
    try:
        return json.loads(body)
    except ValueError:
        return None


def _database_state(url):
    import psycopg

    with psycopg.connect(url, connect_timeout=5) as conn:
        rows = conn.execute("SELECT user_id, proposal_id, COUNT(*) FROM participation_proposals_support GROUP BY 1, 2").fetchall()
        counts = conn.execute(
            "SELECT p.id, p.support_count, COUNT(s.id) FROM participation_proposals_proposal p"
            " LEFT JOIN participation_proposals_support s ON s.proposal_id = p.id GROUP BY p.id, p.support_count"
        ).fetchall()
    return {(user, proposal): count for user, proposal, count in rows}, counts


def test_postgresql_restart_under_load(cluster, app, capsys):
    started = time.monotonic()
    workers_before = app.workers()
    load = Load(app)
    for thread in load.threads:
        thread.start()
    timeline = {}
    try:
        load.wait_for_acks(50, started, timeout=30)

        # 1. A quick restart: every open connection is cut.
        before = time.monotonic()
        cluster.pg_ctl("-m", "fast", "restart")
        timeline["restart"] = (before, time.monotonic())
        recovered_restart = load.first_ack_after(timeline["restart"][1], RECOVERY_LIMIT)
        load.wait_for_acks(30, timeline["restart"][1], timeout=15)

        # 2. A real outage window: stopped for OUTAGE seconds, then started again.
        before = time.monotonic()
        cluster.pg_ctl("-m", "fast", "stop")
        down = time.monotonic()
        probe_problems = _probe_outage(app, app.data["clients"][0]["session"])
        time.sleep(max(0.0, OUTAGE - (time.monotonic() - down)))
        up_from = time.monotonic()
        cluster.pg_ctl("start")
        timeline["stop"] = (before, down, up_from, time.monotonic())
        recovered_stop = load.first_ack_after(timeline["stop"][3], RECOVERY_LIMIT)
        load.wait_for_acks(30, timeline["stop"][3], timeout=15)
    finally:
        load.stop.set()
        for thread in load.threads:
            thread.join(timeout=CLIENT_TIMEOUT + 5)
    outcomes = load.snapshot()
    workers_after = app.workers()
    saved, counts = _database_state(cluster.url)

    acked = {o.pair for o in outcomes if o.kind == "ack"}
    unacked = {o.pair for o in outcomes if o.kind != "ack"}
    attempted = acked | unacked
    stopped_from, stopped_to = timeline["stop"][1], timeline["stop"][2]
    in_outage = [o for o in outcomes if o.sent >= stopped_from and o.done <= stopped_to]
    bad = [o for o in outcomes if o.kind == "bad"]
    summary = (
        f"database restart under load: {len(outcomes)} supports sent by {THREADS} clients to {WORKERS} sync workers "
        f"in {time.monotonic() - started:.1f}s (set-up: migrate {app.timings['migrate']:.1f}s, ready after {app.timings['setup']:.1f}s)\n"
        f"  acknowledged {len(acked)}, clean 503s {sum(o.kind == 'clean' for o in outcomes)}, other {len(bad)}\n"
        f"  pg_ctl restart -m fast: {timeline['restart'][1] - timeline['restart'][0]:.1f}s, "
        f"503s {sum(o.kind == 'clean' and timeline['restart'][0] <= o.sent <= timeline['restart'][1] for o in outcomes)}, "
        f"first acknowledged support {_seconds(recovered_restart)} after it returned\n"
        f"  stopped {stopped_to - stopped_from:.1f}s: {len(in_outage)} requests inside the outage, "
        f"all 503: {all(o.kind == 'clean' for o in in_outage)}; first acknowledged support {_seconds(recovered_stop)} after start\n"
        f"  saved without acknowledgement: {len((set(saved) & unacked) - acked)}; gunicorn workers unchanged: {workers_before == workers_after}"
    )
    with capsys.disabled():
        print("\n" + summary)

    assert not bad, f"{len(bad)} responses were neither an acknowledgement nor a clean 503, e.g. {bad[:5]}\n{_tail(app.log_path)}"
    assert not probe_problems, "\n".join(probe_problems)
    assert in_outage and all(o.kind == "clean" for o in in_outage), "no clean 503 observed while PostgreSQL was stopped"
    assert recovered_restart is not None, f"no support acknowledged within {RECOVERY_LIMIT}s of the restart\n{_tail(app.log_path)}"
    assert recovered_stop is not None, f"no support acknowledged within {RECOVERY_LIMIT}s of the start\n{_tail(app.log_path)}"
    assert app.process.poll() is None and workers_before == workers_after, "gunicorn or its workers restarted"
    assert len(attempted) == len(outcomes), "a pair was sent twice: the load generator is wrong"
    assert not acked - set(saved), f"acknowledged supports lost: {sorted(acked - set(saved))[:10]}"
    assert all(count == 1 for count in saved.values()), "a support was stored twice"
    assert not set(saved) - attempted, f"supports nobody sent: {sorted(set(saved) - attempted)[:10]}"
    wrong = [(pk, stored, rows) for pk, stored, rows in counts if stored != rows]
    assert not wrong, f"support_count differs from the supports stored (proposal, count, rows): {wrong[:10]}"


def _seconds(value):
    return "never" if value is None else f"{value:.2f}s"
