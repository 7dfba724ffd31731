#!/usr/bin/env python
"""Serve the site with gunicorn on PostgreSQL and print requests/s and query counts.

    make bench                      # or: .venv/bin/python bench/run.py [--help]

One run: create a throwaway PostgreSQL database, migrate it, load the demo (seed_demo),
collect the static files, start gunicorn with the production settings (bench/settings.py),
drive a bare Django view and the demo topic page with wrk (or a small Python load generator
when wrk is missing), count the topic page's SQL queries with Django's test client, print a
table and record it in docs/performance.md. The database and every temporary file are
removed at the end, whatever happens.

Everything stays on the loopback interface and each phase is bounded in time. The figures
are figures, not a test: the script exits 0 whether or not the targets are met.
"""

import argparse
import datetime
import http.client
import json
import multiprocessing
import os
import platform
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = Path(sys.executable).with_name("gunicorn")
DOCS = ROOT / "docs" / "performance.md"

BARE_URL = "/bench/bare"
TOPIC_URL = "/en/we-the-internet/data-safety/"
MAX_QUERIES = 12  # target from the issue: the topic page renders with at most 12 queries
MIN_RATIO = 0.25  # target: topic page throughput >= 25% of the bare view's

MARK_START = "<!-- bench:start -->"
MARK_END = "<!-- bench:end -->"

STARTED = time.monotonic()


def log(message):
    print(f"[{time.monotonic() - STARTED:6.1f}s] {message}", file=sys.stderr, flush=True)


def cpu_count():
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def version(dist):
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(cmd, env, what, timeout):
    """Run a management step; on failure show its output and stop."""
    started = time.monotonic()
    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        raise SystemExit(f"bench: {what} failed (exit {result.returncode})")
    log(f"{what}: {time.monotonic() - started:.1f}s")
    return result.stdout


# --- PostgreSQL ------------------------------------------------------------------------------


def bench_env(database, tmp, static_root=None, **extra):
    """The environment of the server and of every manage.py step: the bench settings on
    `database`, files under `tmp`, and the local-memory cache the figures are for."""
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        DJANGO_SETTINGS_MODULE="bench.settings",
        SECRET_KEY=secrets.token_hex(32),
        DATABASE_URL=database.url,
        STATIC_ROOT=str(static_root or tmp / "static"),
        MEDIA_ROOT=str(tmp / "media"),
        DIALOGUE_VAR_DIR=str(tmp / "var"),
        DEMO_PASSWORD=secrets.token_urlsafe(12),
        PYTHONDONTWRITEBYTECODE="1",
        **extra,
    )
    env.pop("REDIS_URL", None)
    return env


def seed_env(env):
    """`env` with tasks run at once, for migrate, seed_demo and the data set scripts."""
    return dict(env, TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend")


def migrate_and_seed(env, timeout=900):
    """Migrate and load the demo, its background tasks (search and reference indexes) at once."""
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], seed_env(env), "migrate", timeout)
    run([PYTHON, "manage.py", "seed_demo"], seed_env(env), "seed_demo", timeout)


class Database:
    """A fresh database on the server, dropped on exit."""

    def __init__(self, server_url):
        import psycopg  # the project's own driver, installed in the virtualenv

        self.psycopg = psycopg
        self.server_url = server_url.rstrip("/")
        self.name = f"dialogue_bench_{os.getpid()}"
        self.url = f"{self.server_url}/{self.name}"

    def admin(self):
        return self.psycopg.connect(f"{self.server_url}/postgres", autocommit=True, connect_timeout=5)

    def create(self):
        with self.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.name}"')
            conn.execute(f'CREATE DATABASE "{self.name}" ENCODING \'UTF8\' TEMPLATE template0')
            return conn.execute("SHOW server_version").fetchone()[0]

    def drop(self):
        try:
            with self.admin() as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            log(f"dropped database {self.name}")
        except Exception as exc:  # never hide the real error behind a cleanup error
            print(f"bench: could not drop database {self.name}: {exc}", file=sys.stderr)


class ExistingDatabase(Database):
    """A database given with --database-url: used as it is, never created or dropped."""

    def __init__(self, url):
        import psycopg

        self.psycopg = psycopg
        self.url = url
        self.server_url, _, self.name = url.rstrip("/").rpartition("/")

    def create(self):
        with self.psycopg.connect(self.url, autocommit=True, connect_timeout=5) as conn:
            return conn.execute("SHOW server_version").fetchone()[0]

    def drop(self):
        pass


# --- gunicorn --------------------------------------------------------------------------------


class Server:
    def __init__(self, env, workers, logfile):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.logfile = logfile
        cmd = [
            str(GUNICORN),
            "config.wsgi",
            "--bind", f"127.0.0.1:{self.port}",
            "--workers", str(workers),
            "--worker-class", "sync",
            "--no-control-socket",
            "--log-level", "warning",
            "--error-logfile", str(logfile),
            "--timeout", "30",
        ]  # fmt: skip
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)

    def wait_ready(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                break
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                time.sleep(0.2)
        tail = Path(self.logfile).read_text(errors="replace")[-4000:] if Path(self.logfile).exists() else ""
        raise SystemExit(f"bench: gunicorn did not answer /healthz in {timeout}s\n{tail}")

    def check(self, path):
        """The page must answer 200 itself (not a redirect or an error page) before we load it."""
        request = urllib.request.Request(self.base + path)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                body = response.read()
                if response.status != 200 or response.url != self.base + path:
                    raise SystemExit(f"bench: {path} answered {response.status} via {response.url}")
                return len(body)
        except urllib.error.HTTPError as exc:
            raise SystemExit(f"bench: {path} answered {exc.code}") from exc

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        log("gunicorn stopped")


# --- load generators -------------------------------------------------------------------------


def ensure_wrk():
    """wrk's path, installing Debian's package when we are root; None to use the fallback."""
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        log("wrk not found: installing Debian's wrk package (apt-get install -y wrk)")
        install = ["apt-get", "-o", "DPkg::Lock::Timeout=120", "install", "-y", "--no-install-recommends", "wrk"]
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "timeout": 240}
        if subprocess.run(install, **quiet).returncode != 0:
            subprocess.run(["apt-get", "update", "-qq"], **quiet)
            subprocess.run(install, **quiet)
        found = shutil.which("wrk")
        if found:
            return found
    print(
        "bench: wrk is not installed (Debian/Ubuntu: sudo apt-get install wrk); "
        "using the built-in Python load generator, which saturates earlier: compare ratios, not absolute figures.",
        file=sys.stderr,
    )
    return None


def wrk_load(wrk, url, duration, threads, connections, headers=()):
    """`headers`: extra request headers ("Cookie: ..." for a signed-in visitor)."""
    extra = [arg for header in headers for arg in ("-H", header)]
    cmd = [wrk, f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "--latency", *extra, url]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 30).stdout
    rps = re.search(r"Requests/sec:\s*([\d.]+)", out)
    if not rps:
        raise SystemExit(f"bench: could not parse wrk output:\n{out}")
    total = re.search(r"(\d+) requests in", out)
    non2xx = re.search(r"Non-2xx or 3xx responses:\s*(\d+)", out)
    socket_errors = re.search(r"Socket errors:(.*)", out)
    p50 = re.search(r"^\s*50%\s+(\S+)", out, re.M)
    p99 = re.search(r"^\s*99%\s+(\S+)", out, re.M)
    return {
        "rps": float(rps.group(1)),
        "requests": int(total.group(1)) if total else 0,
        "errors": int(non2xx.group(1)) if non2xx else 0,
        "socket_errors": socket_errors.group(1).strip() if socket_errors else "",
        "p50": p50.group(1) if p50 else "",
        "p99": p99.group(1) if p99 else "",
    }


def _python_load_process(port, path, deadline, connections, results):
    counts, errors = [0] * connections, [0] * connections

    def loop(i):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while time.monotonic() < deadline:
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                if response.status < 400:
                    counts[i] += 1
                else:
                    errors[i] += 1
                if response.will_close:
                    conn.close()  # the next request reconnects
            except (OSError, http.client.HTTPException):
                errors[i] += 1
                conn.close()

    threads = [threading.Thread(target=loop, args=(i,)) for i in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results.put((sum(counts), sum(errors)))


def python_load(port, path, duration, processes, connections):
    """Fallback: `processes` processes with connections/processes keep-alive clients each."""
    ctx = multiprocessing.get_context("fork")
    results = ctx.Queue()
    per_process = max(1, connections // processes)
    started = time.monotonic()
    deadline = started + duration
    procs = [ctx.Process(target=_python_load_process, args=(port, path, deadline, per_process, results)) for _ in range(processes)]
    for proc in procs:
        proc.start()
    done = [results.get(timeout=duration + 30) for _ in procs]
    for proc in procs:
        proc.join()
    elapsed = time.monotonic() - started
    ok = sum(count for count, _ in done)
    return {"rps": ok / elapsed, "requests": ok, "errors": sum(err for _, err in done), "socket_errors": "", "p50": "", "p99": ""}


# --- query count -----------------------------------------------------------------------------

QUERY_SCRIPT = r"""
import json, os
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from django.core.cache import caches

result = {}
for url in json.loads(os.environ["BENCH_URLS"]):
    runs = []
    for label in ("cold", "warm", "render", "uncached"):
        target = url
        if label == "render":
            # A URL no whole-page cache has seen (they key on the query string too), while
            # fragment caches stay warm: what a worker does when a cached page has expired.
            target = url + ("&" if "?" in url else "?") + "bench-render=1"
        if label == "uncached":
            # What a worker does after a content change: every cached fragment or page is stale.
            # (The process's own local-memory cache: run.py never gives it a shared one.)
            for cache in caches.all():
                cache.clear()
        client = Client(HTTP_HOST="127.0.0.1")  # anonymous, no cookies, like the load generator
        with CaptureQueriesContext(connection) as captured:
            response = client.get(target)
        runs.append({"status": response.status_code, "sql": [q["sql"] for q in captured.captured_queries]})
    result[url] = runs
print("BENCH-QUERIES " + json.dumps(result))
"""


QUERY_RUNS = ("cold", "warm", "render", "uncached")


def count_queries(env, urls):
    """Per URL, the SQL of: the first request of a fresh process (cold); the second (warm: what
    a running worker serves); the page under a new query string (render: no whole-page cache
    can answer it, fragment caches are warm); and one after clearing the cache (uncached: a
    running worker right after a content change, when everything is rendered again)."""
    out = run([PYTHON, "manage.py", "shell", "-c", QUERY_SCRIPT], dict(env, BENCH_URLS=json.dumps(urls)), "query count", 120)
    for line in out.splitlines():
        if line.startswith("BENCH-QUERIES "):
            result = json.loads(line[len("BENCH-QUERIES ") :])
            for url, runs in result.items():
                if any(run_["status"] != 200 for run_ in runs):
                    raise SystemExit(f"bench: {url} answered {[run_['status'] for run_ in runs]} to the test client")
            return result
    raise SystemExit(f"bench: no query count in output:\n{out[-2000:]}")



# --- participation figures (large data set) --------------------------------------------------

DATASET = ROOT / "bench" / "dataset.py"
SUPPORT_RATE_LIMIT = 100000  # per person and minute, for the support load (bench/settings.py)
MAX_LIST_QUERIES = 15
SMALL_PROPOSALS = 100  # the list is also measured at this size, before the large data set
LIST_P50_MS = 50
DETAIL_P50_MS = 100
MIN_SUPPORTS_PER_S = 300


def dataset(env, command, *extra, timeout=300):
    out = run([PYTHON, str(DATASET), command, *map(str, extra)], env, f"dataset {command}", timeout)
    for line in out.splitlines():
        if line.startswith("BENCH-DATA "):
            return json.loads(line[len("BENCH-DATA ") :])
    raise SystemExit(f"bench: no data from dataset.py {command}:\n{out[-2000:]}")


def ms(value):
    """wrk's latency ("12.34ms", "1.02s", "830.00us") in milliseconds."""
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value or "")
    if not match:
        return float("nan")
    return float(match.group(1)) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[match.group(2)]


def measure(wrk, server, url, duration, threads, connections, workers, headers=()):
    """Throughput under the usual load, then the median server time: wrk with one connection
    per worker, so no request waits in gunicorn's queue and p50 is the time a request takes."""
    if wrk:
        wrk_load(wrk, server.base + url, 2, threads, connections, headers)  # warm-up
        result = wrk_load(wrk, server.base + url, duration, threads, connections, headers)
        latency = wrk_load(wrk, server.base + url, max(3, duration // 2), 1, workers, headers)
        result["p50_server"] = latency["p50"]
        result["errors"] += latency["errors"]
    else:
        result = python_load(server.port, url, duration, max(1, threads), connections)
        result["p50_server"] = ""
    extra = f", {result['errors']} errors" if result["errors"] else ""
    log(f"{url}: {result['rps']:.0f} req/s, p50 {result['p50']} loaded, {result['p50_server'] or '–'} unqueued{extra}")
    return result


def _support_process(port, clients, cookie_names, proposals, duration, results):
    session_cookie, csrf_cookie = cookie_names
    deadline = time.monotonic() + duration
    lock = threading.Lock()
    tally = {"ok": 0, "conflict": 0, "errors": 0, "statuses": {}, "latencies": []}

    def loop(client, seed):
        rng = random.Random(seed)
        headers = {
            "Cookie": f"{session_cookie}={client['session']}; {csrf_cookie}={client['csrf']}",
            "X-CSRFToken": client["csrf"],
            "Accept": "application/json",
            "Content-Length": "0",
            "Host": f"127.0.0.1:{port}",
        }
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        ok = conflict = errors = 0
        statuses, latencies = {}, []
        while time.monotonic() < deadline:
            pk = rng.choice(proposals)
            sent = time.monotonic()
            try:
                conn.request("POST", f"/en/proposals/{pk}/support/", headers=headers)
                response = conn.getresponse()
                response.read()
                status = response.status
                if response.will_close:
                    conn.close()
            except (OSError, http.client.HTTPException):
                status = "socket"
                conn.close()
            latencies.append(time.monotonic() - sent)
            statuses[status] = statuses.get(status, 0) + 1
            if status == 200:
                ok += 1
            elif status == 409:  # already supported (or a limit): the expected refusal
                conflict += 1
            else:
                errors += 1
        with lock:
            tally["ok"] += ok
            tally["conflict"] += conflict
            tally["errors"] += errors
            tally["latencies"] += latencies
            for status, count in statuses.items():
                tally["statuses"][str(status)] = tally["statuses"].get(str(status), 0) + count

    threads = [threading.Thread(target=loop, args=(client, i)) for i, client in enumerate(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    tally["elapsed"] = time.monotonic() - started
    latencies = sorted(tally.pop("latencies"))
    tally["p50_ms"] = latencies[len(latencies) // 2] * 1000 if latencies else float("nan")
    results.put(tally)


SUPPORT_SCRIPT = """
-- Each request: a random signed-in citizen supports a random proposal (JSON, as participation.js asks).
local clients = {%(clients)s}
local proposals = {%(proposals)s}
ok, conflict, other = 0, 0, 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("seed", #threads)
end

function init(args)
  math.randomseed(os.time() * 100 + seed)
end

function request()
  local client = clients[math.random(#clients)]
  return wrk.format("POST", "/en/proposals/" .. proposals[math.random(#proposals)] .. "/support/", {
    ["Cookie"] = client[1], ["X-CSRFToken"] = client[2], ["Accept"] = "application/json", ["Content-Length"] = "0",
  }, "")
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1 elseif status == 409 then conflict = conflict + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local t = {0, 0, 0}
  for _, thread in ipairs(threads) do
    t[1] = t[1] + thread:get("ok"); t[2] = t[2] + thread:get("conflict"); t[3] = t[3] + thread:get("other")
  end
  io.write(string.format("SUPPORTS %%d %%d %%d %%d %%d\\n", t[1], t[2], t[3], summary.duration, latency:percentile(50)))
end
"""


def support_load(wrk, server, data, duration, tmp):
    """Each connection a signed-in citizen's browser: wrk with a Lua script when wrk is there,
    else threads of one separate Python process."""
    if wrk is None:
        return python_support_load(server, data, duration)
    names = (data["session_cookie"], data["csrf_cookie"])
    clients = ", ".join(
        f'{{"{names[0]}={c["session"]}; {names[1]}={c["csrf"]}", "{c["csrf"]}"}}' for c in data["clients"]
    )
    script = tmp / "support.lua"
    script.write_text(SUPPORT_SCRIPT % {"clients": clients, "proposals": ", ".join(map(str, data["proposals"]))})
    connections = len(data["clients"])
    cmd = [wrk, "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "-s", str(script), server.base + "/"]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 60).stdout
    found = re.search(r"SUPPORTS (\d+) (\d+) (\d+) (\d+) (\d+)", out)
    if not found:
        raise SystemExit(f"bench: could not parse the support load's output:\n{out}")
    ok, conflict, other, micros, p50 = map(int, found.groups())
    tally = {
        "ok": ok, "conflict": conflict, "errors": other, "elapsed": micros / 1e6, "p50_ms": p50 / 1000,
        "statuses": {"200": ok, "409": conflict, "other": other}, "generator": f"wrk, {connections} connections",
    }  # fmt: skip
    tally["rps"] = ok / tally["elapsed"]
    log(f"supports: {tally['rps']:.0f}/s ({ok} supports, {conflict} already supported, {other} errors)")
    return tally


def python_support_load(server, data, duration):
    ctx = multiprocessing.get_context("fork")
    results = ctx.Queue()
    names = (data["session_cookie"], data["csrf_cookie"])
    proc = ctx.Process(target=_support_process, args=(server.port, data["clients"], names, data["proposals"], duration, results))
    proc.start()
    tally = results.get(timeout=duration + 60)
    proc.join()
    tally["rps"] = tally["ok"] / tally["elapsed"]
    tally["generator"] = f"Python threads, {len(data['clients'])} clients"
    log(f"supports: {tally['rps']:.0f}/s ({tally['ok']} supports, {tally['conflict']} already supported, "
        f"{tally['errors']} errors, statuses {tally['statuses']})")
    return tally


def worker_memory(server):
    """Peak resident memory (VmHWM) of each gunicorn worker, in MiB."""
    peaks = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if fields.get("PPid", "").strip() == str(server.proc.pid) and "VmHWM" in fields:
            peaks.append(int(fields["VmHWM"].split()[0]) / 1024)
    return sorted(peaks)


# --- report ----------------------------------------------------------------------------------


def render_table(rows):
    header = ["URL", "req/s", "vs bare", "p50", "p99", "queries: warm", "render", "uncached", "cold"]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|"]
    for row in rows:
        lines.append(
            f"| `{row['url']}` | {row['rps']:.0f} | {row['ratio'] * 100:.1f}% | {row['p50'] or '–'} | {row['p99'] or '–'} "
            f"| {row['warm']} | {row['render']} | {row['uncached']} | {row['cold']} |"
        )
    return "\n".join(lines)


def participation_report(args, part, queries, bare_rps):
    """The participation table and its target lines."""
    warm = lambda runs: len(runs[1]["sql"])  # noqa: E731 - the "warm" request
    header = ["Participation", "URL", "req/s", "vs bare", "p50 unqueued", "p50 loaded", "p99 loaded", "queries (warm)"]
    lines = ["| " + " | ".join(header) + " |", "|---|---|" + "|".join(["---:"] * (len(header) - 2)) + "|"]

    def row(label, url, result, nqueries):
        lines.append(
            f"| {label} | `{url}` | {result['rps']:.0f} | {result['rps'] / bare_rps:.1%} | {result.get('p50_server') or '–'} "
            f"| {result['p50'] or '–'} | {result['p99'] or '–'} | {nqueries} |"
        )

    demo_n = part["small_n"] or part["demo"]["proposals"]
    small_q = warm(queries[part["list_url"]])
    row(f"proposal list, {demo_n} proposals", part["list_url"], part["small_list"], small_q)
    verdicts = []
    if "built" in part:
        built = part["built"]
        large_q = warm(part["large_queries"][part["list_url"]])
        detail_q = warm(part["large_queries"][part["detail_url"]])
        row(f"proposal list, {built['proposals']} proposals", part["list_url"], part["large_list"], large_q)
        row(f"proposal detail, {built['detail_comments']} comments", part["detail_url"], part["detail"], detail_q)
        sup = part["supports"]
        lines.append(
            f"| support POST, {args.support_clients} signed-in clients | `/en/proposals/<pk>/support/` | {sup['rps']:.0f} "
            f"| {sup['rps'] / bare_rps:.1%} | – | {sup['p50_ms']:.2f}ms | – | – |"
        )
        list_p50 = ms(part["large_list"].get("p50_server"))
        detail_p50 = ms(part["detail"].get("p50_server"))
        ver = part["verify"]
        exact = "exact" if ver["mismatch_count"] == 0 else f"{ver['mismatch_count']} MISMATCHES: {ver['mismatches'][:10]}"
        verdicts += [
            f"proposal list queries: {small_q} at {demo_n} proposals, {large_q} at {built['proposals']} "
            f"({'same' if small_q == large_q else 'GROWS'}; at most {MAX_LIST_QUERIES}: {'met' if large_q <= MAX_LIST_QUERIES else 'OVER'})",
            f"proposal list median server time at {built['proposals']} proposals: {list_p50:.1f} ms "
            f"(under {LIST_P50_MS} ms: {'met' if list_p50 < LIST_P50_MS else 'MISSED'})",
            f"proposal detail with {built['detail_comments']} comments median server time: {detail_p50:.1f} ms "
            f"(under {DETAIL_P50_MS} ms: {'met' if detail_p50 < DETAIL_P50_MS else 'MISSED'}; {detail_q} queries)",
            f"supports: {sup['rps']:.0f}/s over {sup['elapsed']:.1f} s ({sup['ok']} supports, {sup['conflict']} refused as already "
            f"given, {sup['errors']} errors; statuses {sup['statuses']}) (at least {MIN_SUPPORTS_PER_S}/s: "
            f"{'met' if sup['rps'] >= MIN_SUPPORTS_PER_S else 'MISSED'})",
            f"support counts after the load: {exact} ({ver['supports']} supports in all)",
        ]
    memory = part["memory"]
    verdicts.append(
        "peak worker memory (VmHWM): " + (", ".join(f"{m:.0f} MiB" for m in memory) if memory else "not found")
    )
    if "built" in part:
        built = part["built"]
        verdicts.append(
            f"large data set: {built['citizens']} citizens, {built['proposals']} proposals, {built['supports']} supports, "
            f"{built['comments']} comments, built in {built['seconds']} s ({built['timings']})"
        )
    return "\n".join(lines), verdicts


def render_report(info, rows, settings, verdicts, part_table=""):
    machine = "\n".join(f"- {key}: {value}" for key, value in info.items())
    run_settings = "\n".join(f"- {key}: {value}" for key, value in settings.items())
    targets = "\n".join(f"- {line}" for line in verdicts)
    tables = render_table(rows) + (f"\n\n{part_table}" if part_table else "")
    return f"{tables}\n\nTargets:\n\n{targets}\n\nMachine:\n\n{machine}\n\nRun:\n\n{run_settings}\n"


# Used only when docs/performance.md is missing; the prose there is maintained by hand and
# each run rewrites only what lies between the markers.
DOC_TEMPLATE = f"""# Performance

`make bench` serves the site with gunicorn on PostgreSQL and prints requests/s for a bare
Django view and the demo topic page, and the topic page's query count.

## Latest figures

{MARK_START}
{MARK_END}
"""


def write_docs(report, start=MARK_START, end=MARK_END, heading="## Latest figures"):
    """Replace what lies between the markers `start` and `end` (bench/registration_rush.py has
    its own); when they are missing, append them under `heading`."""
    text = DOCS.read_text() if DOCS.exists() else DOC_TEMPLATE
    if start not in text or end not in text:
        text = text.rstrip("\n") + f"\n\n{heading}\n\n{start}\n{end}\n"
    head, rest = text.split(start, 1)
    _old, tail = rest.split(end, 1)
    DOCS.parent.mkdir(parents=True, exist_ok=True)
    DOCS.write_text(f"{head}{start}\n{report}{end}{tail}")
    log(f"wrote {DOCS.relative_to(ROOT)}")


def print_queries(url, runs):
    for label, data in zip(QUERY_RUNS, runs):
        print(f"\n{label} request of {url}: {len(data['sql'])} queries")
        for number, sql in enumerate(data["sql"], 1):
            print(f"  {number:2}. {sql}")


# --- main ------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per URL (default 10)")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of warm-up per URL (default 2)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--connections", type=int, default=16, help="concurrent connections (default 16)")
    parser.add_argument("--workers", type=int, default=max(2, cpu_count()), help="gunicorn workers (default: CPUs, at least 2)")
    parser.add_argument("--rounds", type=int, default=2, help="load each URL this many times, alternating; keep the best (default 2)")
    parser.add_argument("--url", default=TOPIC_URL, help=f"page to compare with the bare view (default {TOPIC_URL})")
    parser.add_argument("--python-load", action="store_true", help="use the Python load generator even if wrk is there")
    parser.add_argument("--show-queries", action="store_true", help="print the SQL of the page (always done when over target)")
    parser.add_argument("--no-write", action="store_true", help=f"do not update {DOCS.relative_to(ROOT)}")
    parser.add_argument(
        "--database-url",
        help="use this existing, already seeded database instead of a fresh one (not migrated, seeded or dropped)",
    )
    parser.add_argument(
        "--large", action=argparse.BooleanOptionalAction, default=True,
        help="build the large participation data set and measure proposals and supports (default: on)",
    )
    parser.add_argument("--proposals", type=int, default=10000, help="proposals in the large data set (default 10000)")
    parser.add_argument("--supports", type=int, default=200000, help="supports in the large data set (default 200000)")
    parser.add_argument("--comments", type=int, default=50000, help="comments in the large data set (default 50000)")
    parser.add_argument("--citizens", type=int, default=5000, help="citizens in the large data set (default 5000)")
    parser.add_argument("--support-clients", type=int, default=50, help="concurrent signed-in supporters (default 50)")
    parser.add_argument("--support-duration", type=int, default=10, help="seconds of support load (default 10)")
    parser.add_argument("--static-root", help="use these already collected static files instead of running collectstatic")
    args = parser.parse_args()
    # A plain `kill` must clean up too: turn SIGTERM into an exit that runs the finally blocks.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))

    if not GUNICORN.exists():
        raise SystemExit(f"bench: {GUNICORN} not found; run `make install-test` first")
    wrk = None if args.python_load else ensure_wrk()

    tmp = Path(tempfile.mkdtemp(prefix="dialogue-bench-"))
    if args.database_url:
        database = ExistingDatabase(args.database_url)
    else:
        database = Database(os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432"))
    server = collect = None
    try:
        try:
            pg_version = database.create()
        except Exception as exc:
            raise SystemExit(f"bench: cannot create a database on {database.server_url}: {exc}") from exc
        log(f"{'using' if args.database_url else 'created'} database {database.name} (PostgreSQL {pg_version})")
        env = bench_env(database, tmp, args.static_root, BENCH_SUPPORT_RATE_LIMIT=str(SUPPORT_RATE_LIMIT))

        # collectstatic needs no database: run it while the migrations run.
        if not args.static_root:
            static_log = open(tmp / "collectstatic.log", "w+")
            static_started = time.monotonic()
            collect = subprocess.Popen(
                [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
                cwd=ROOT,
                env=env,
                stdout=static_log,
                stderr=subprocess.STDOUT,
            )
        if not args.database_url:
            migrate_and_seed(env)
        if collect is not None:
            if collect.wait(timeout=300) != 0:
                static_log.seek(0)
                sys.stderr.write(static_log.read()[-4000:])
                raise SystemExit("bench: collectstatic failed")
            log(f"collectstatic: {time.monotonic() - static_started:.1f}s (in parallel)")

        demo = dataset(env, "info")
        list_url = f"/en/dialogues/{demo['dialogue_id']}/proposals/"
        participation = {"demo": demo, "list_url": list_url, "small_n": 0}
        if args.large:
            # A first hundred proposals: the list's queries are compared at 100 and at the full size.
            dataset(env, "build", "--proposals", SMALL_PROPOSALS, "--supports", 0, "--comments", 0, "--citizens", 200)
            participation["small_n"] = SMALL_PROPOSALS
        queries = count_queries(env, [args.url, BARE_URL, list_url])

        server = Server(env, args.workers, tmp / "gunicorn.log")
        server.wait_ready()
        sizes = {url: server.check(url) for url in (BARE_URL, args.url)}
        log(f"gunicorn ready on {server.base} with {args.workers} workers")
        load_average = os.getloadavg()[0]

        results = {}
        for round_ in range(1, args.rounds + 1):
            for url in (BARE_URL, args.url):
                phases = (("warm-up", args.warmup if round_ == 1 else 0), ("load", args.duration))
                for phase, seconds in phases:
                    if seconds <= 0:
                        continue
                    if wrk:
                        result = wrk_load(wrk, server.base + url, seconds, args.threads, args.connections)
                    else:
                        result = python_load(server.port, url, seconds, max(1, args.threads), args.connections)
                    if phase != "load":
                        continue
                    extra = f", {result['errors']} errors" if result["errors"] else ""
                    extra += f", socket errors: {result['socket_errors']}" if result["socket_errors"] else ""
                    log(f"round {round_}, {url}: {result['rps']:.0f} req/s ({result['requests']} requests{extra})")
                    # Other work on the machine only ever slows a round down: keep the best one,
                    # but never forget an error in any round.
                    errors = result["errors"] + results.get(url, {}).get("errors", 0)
                    if url not in results or result["rps"] > results[url]["rps"]:
                        results[url] = result
                    results[url]["errors"] = errors
        wrk_args = (args.duration, args.threads, args.connections, args.workers)
        participation["small_list"] = measure(wrk, server, list_url, *wrk_args)
        if args.large:
            server.stop()
            built = dataset(
                env, "build", "--proposals", args.proposals - SMALL_PROPOSALS, "--supports", args.supports,
                "--comments", args.comments, "--citizens", args.citizens - 200, timeout=600,
            )  # fmt: skip
            built.update(proposals=args.proposals, citizens=args.citizens)  # with the first hundred
            log(f"large data set built in {built['seconds']}s: {built['timings']}")
            detail_url = f"/en/proposals/{built['detail_pk']}/"
            participation.update(built=built, detail_url=detail_url)
            participation["large_queries"] = count_queries(env, [list_url, detail_url])
            server = Server(env, args.workers, tmp / "gunicorn.log")
            server.wait_ready()
            for url in (list_url, detail_url):
                sizes[url] = server.check(url)
            participation["large_load"] = os.getloadavg()[0]
            participation["large_list"] = measure(wrk, server, list_url, *wrk_args)
            participation["detail"] = measure(wrk, server, detail_url, *wrk_args)
            clients = dataset(env, "sessions", "--clients", args.support_clients)
            participation["supports"] = support_load(wrk, server, clients, args.support_duration, tmp)
            participation["verify"] = dataset(env, "verify")
        participation["memory"] = worker_memory(server)
        participation["end_load"] = os.getloadavg()[0]
        server.stop()
        server = None
    finally:
        if collect is not None and collect.poll() is None:
            collect.kill()
            collect.wait()
        if server is not None:
            server.stop()
        database.drop()
        shutil.rmtree(tmp, ignore_errors=True)

    bare_rps = results[BARE_URL]["rps"]
    rows = []
    for url in (BARE_URL, args.url):
        counts = {label: len(run_["sql"]) for label, run_ in zip(QUERY_RUNS, queries[url])}
        rows.append({"url": url, **results[url], "ratio": results[url]["rps"] / bare_rps, **counts})
    page = rows[1]
    def within(count):
        return f"{count} (at most {MAX_QUERIES}: {'met' if count <= MAX_QUERIES else 'OVER'})"

    verdicts = [
        f"queries per request of a running worker (warm): {within(page['warm'])}",
        f"queries to render the page when no whole-page cache answers (render): {within(page['render'])}",
        f"queries to render it right after a content change, nothing cached (uncached): {within(page['uncached'])}",
        f"throughput: {page['ratio']:.1%} of the bare view (at least {MIN_RATIO:.0%}: "
        f"{'met' if page['ratio'] >= MIN_RATIO else 'MISSED'})",
    ]
    info = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "CPU": f"{cpu_model()}, {cpu_count()} CPUs available (nproc)",
        "load average before the load": f"{load_average:.2f}",
        "OS": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(),
        "Django / Wagtail / wagtail-localize": f"{version('Django')} / {version('wagtail')} / {version('wagtail-localize')}",
        "gunicorn": f"{version('gunicorn')}, {args.workers} sync workers",
        "PostgreSQL": pg_version,
    }
    settings = {
        "load generator": (
            f"wrk, {args.threads} threads, {args.connections} connections, {args.duration} s per URL after {args.warmup} s warm-up"
            + (f", best of {args.rounds} alternating rounds" if args.rounds > 1 else "")
            if wrk
            else f"Python (http.client), {args.threads} processes, {args.connections} connections, {args.duration} s per URL"
        ),
        "response sizes": ", ".join(f"`{url}` {size} bytes" for url, size in sizes.items()),
        "settings": "bench.settings (production settings, http on loopback, local-memory cache)",
    }
    part_table, part_verdicts = participation_report(args, participation, queries, bare_rps)
    verdicts += part_verdicts
    info["load average at the end"] = f"{participation['end_load']:.2f}"
    if "large_load" in participation:
        info["load average before the large data set's load"] = f"{participation['large_load']:.2f}"
    report = render_report(info, rows, settings, verdicts, part_table)
    print()
    print(report)
    if args.show_queries or max(page["warm"], page["render"], page["uncached"]) > MAX_QUERIES:
        print_queries(args.url, queries[args.url])
    if any(r["errors"] for r in rows):
        print("bench: some responses were errors; the figures are not valid", file=sys.stderr)
    elif not args.no_write:
        write_docs(report)
    log("done")


if __name__ == "__main__":
    main()
