#!/usr/bin/env python
"""A thousand signed-in citizens register for a 100-place session at the same moment.

    make bench-registrations        # or: .venv/bin/python bench/registration_rush.py [--help]

One run: a throwaway PostgreSQL database (migrate, seed_demo), one session of 100 places on the
demo dialogue's live page, 1,000 confirmed citizens signed in through Django's session engine
(sessions written to the store, no HTTP sign-in), gunicorn serving bench.settings with several
workers, then wrk from another process opening 1,000 connections at once, each POSTing one
citizen's registration to `events:register` with that citizen's session and CSRF cookies.
Afterwards the database must hold exactly 100 confirmed and 900 waitlisted registrations, one
per citizen, every confirmed one arriving before every waitlisted one and the waiting list in
arrival order (created_at, then id); no response may be other than 2xx/3xx. The script prints
the throughput, records it in docs/performance.md and exits 1 when a check fails.

The same file holds the two database steps (`setup`, `verify`), run as subprocesses with the
bench environment, like bench/dataset.py.
"""

import argparse
import datetime
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import (  # noqa: E402 - after the path is set
    GUNICORN,
    PYTHON,
    Database,
    ExistingDatabase,
    Server,
    bench_env,
    cpu_count,
    cpu_model,
    ensure_wrk,
    log,
    migrate_and_seed,
    run,
    version,
    write_docs,
)

DEMO_DIALOGUE_SLUG = "we-the-internet"
MARK_START = "<!-- bench:registration-rush:start -->"
MARK_END = "<!-- bench:registration-rush:end -->"
FILLER_URL = "/bench/bare"

# --- database steps (run in a subprocess with DJANGO_SETTINGS_MODULE=bench.settings) ----------


def emit(data):
    print("BENCH-DATA " + json.dumps(data), flush=True)


def setup(citizens, places):
    """The session, the citizens and their signed-in sessions; prints what wrk needs."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.middleware.csrf import _get_new_csrf_string
    from django.utils import timezone
    from django.utils.module_loading import import_string
    from wagtail.models import Page

    from participation.accounts.models import Person
    from participation.events.models import Session

    User = get_user_model()
    now = timezone.now()
    page = Page.objects.get(slug=DEMO_DIALOGUE_SLUG, locale__language_code=settings.LANGUAGE_CODE, live=True)
    starts = (now + datetime.timedelta(days=30)).replace(hour=7, minute=0, second=0, microsecond=0)
    session = Session.objects.create(
        page=page,
        title="Registration rush",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=3),
        time_zone="Europe/Kyiv",
        capacity=places,
        join_url="https://zoom.example/j/100",
    )
    # Confirmed citizens who accepted the terms: an unusable password, nothing hashed.
    users = User.objects.bulk_create(
        [
            User(username=f"rush-{session.pk}-{i}", email=f"rush{session.pk}-{i}@bench.invalid", password="!bench", is_active=True)
            for i in range(citizens)
        ]
    )
    Person.objects.bulk_create(
        [Person(user_id=u.pk, full_name=f"Citizen {u.pk}", language="en", accepted_terms_at=now, email_confirmed_at=now) for u in users]
    )
    store = import_string(settings.SESSION_ENGINE + ".SessionStore")
    backend = settings.AUTHENTICATION_BACKENDS[-1]
    clients = []
    for user in users:
        session_store = store()
        session_store.update(
            {SESSION_KEY: str(user.pk), BACKEND_SESSION_KEY: backend, HASH_SESSION_KEY: user.get_session_auth_hash()}
        )
        session_store.create()
        # Django's CSRF check compares the cookie with the form field: a fresh secret for each.
        clients.append({"user": user.pk, "session": session_store.session_key, "csrf": _get_new_csrf_string()})
    emit(
        {
            "page_id": page.pk,
            "session_id": session.pk,
            "clients": clients,
            "session_cookie": settings.SESSION_COOKIE_NAME,
            "csrf_cookie": settings.CSRF_COOKIE_NAME,
        }
    )


def verify(session_id, users):
    """What the rush left in the database, and whether it is right."""
    from django.db.models import Count, Max, Min

    from participation.events.models import Registration

    rows = list(Registration.objects.filter(session_id=session_id).order_by("pk").values("pk", "user_id", "status", "created_at"))
    by_status = {status: sum(1 for r in rows if r["status"] == status) for status in (Registration.CONFIRMED, Registration.WAITLISTED, Registration.CANCELLED)}
    per_user = Registration.objects.filter(session_id=session_id).values("user_id").annotate(n=Count("pk"))
    twice = sum(1 for r in per_user if r["n"] > 1)
    missing = len(set(users) - {r["user_id"] for r in rows})
    # Arrival order: registrations are written one at a time under the session's row lock, so
    # ordering by (created_at, pk) and by pk must agree, and every place went to an earlier arrival.
    arrival = sorted(rows, key=lambda r: (r["created_at"], r["pk"]))
    in_order = [r["pk"] for r in arrival] == [r["pk"] for r in rows]
    confirmed = [r for r in arrival if r["status"] == Registration.CONFIRMED]
    waiting = [r for r in arrival if r["status"] == Registration.WAITLISTED]
    places_first = not confirmed or not waiting or arrival.index(confirmed[-1]) < arrival.index(waiting[0])
    span = Registration.objects.filter(session_id=session_id).aggregate(first=Min("created_at"), last=Max("created_at"))
    seconds = (span["last"] - span["first"]).total_seconds() if rows else 0
    emit(
        {
            "total": len(rows),
            "confirmed": by_status[Registration.CONFIRMED],
            "waitlisted": by_status[Registration.WAITLISTED],
            "cancelled": by_status[Registration.CANCELLED],
            "twice": twice,
            "missing": missing,
            "in_order": in_order,
            "places_first": places_first,
            "server_seconds": seconds,
        }
    )


def django_step(env, *args, timeout=300):
    out = run([PYTHON, __file__, *map(str, args)], env, f"database step {args[0]}", timeout)
    for line in out.splitlines():
        if line.startswith("BENCH-DATA "):
            return json.loads(line[len("BENCH-DATA ") :])
    raise SystemExit(f"bench: no data from the {args[0]} step:\n{out[-2000:]}")


# --- the rush --------------------------------------------------------------------------------

# Each wrk thread takes every n-th citizen. A connection's first request is one citizen's
# registration; wrk knows no request count, so a connection that has had its answer sends the bare
# view until its thread has all its registrations answered (gunicorn's sync workers close each
# connection, and the new one queues behind every registration already waiting). The thread then
# writes a file that tells the driver it is done, and stops.
RUSH_SCRIPT = """
local clients = {%(clients)s}
local path = "%(path)s"
local filler = wrk.format("GET", "%(filler)s")
local done_dir = "%(done_dir)s"
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  nthreads = %(threads)d
  next_client = id
  quota = 0
  for i = id, #clients, nthreads do quota = quota + 1 end
  answered, registered, failed, statuses = 0, 0, 0, ""
  seen = {}
  -- wrk calls the first thread's request() once before the run, to check it: not a citizen's turn.
  checked = id ~= 1
end

function request()
  if not checked then checked = true; return filler end
  local client = clients[next_client]
  if client == nil then return filler end
  next_client = next_client + nthreads
  return wrk.format("POST", path, {
    ["Cookie"] = client[1],
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, client[2])
end

function response(status, headers, body)
  if body == "ok" and status == 200 then return end  -- the bare view
  answered = answered + 1
  seen[status] = (seen[status] or 0) + 1
  if status >= 200 and status < 400 then registered = registered + 1 else failed = failed + 1 end
  local parts = {}
  for code, n in pairs(seen) do table.insert(parts, code .. ":" .. n) end
  statuses = table.concat(parts, ",")
  if answered == quota then
    io.open(done_dir .. "/thread-" .. id, "w"):close()
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local ok, bad, codes = 0, 0, {}
  for _, thread in ipairs(threads) do
    ok = ok + thread:get("registered"); bad = bad + thread:get("failed")
    table.insert(codes, thread:get("statuses"))
  end
  io.write(string.format("RUSH %%d %%d %%s\\n", ok, bad, table.concat(codes, ",")))
end
"""


def rush(wrk, server, data, lang, threads, timeout, tmp):
    """Send every registration at once; returns the answers and the wall-clock seconds."""
    session_cookie, csrf_cookie = data["session_cookie"], data["csrf_cookie"]
    entries = []
    for c in data["clients"]:
        cookie = f"{session_cookie}={c['session']}; {csrf_cookie}={c['csrf']}"
        body = f"csrfmiddlewaretoken={c['csrf']}&sessions={data['session_id']}&consent=on"
        entries.append(f'{{"{cookie}", "{body}"}}')
    done_dir = tmp / "rush-done"
    done_dir.mkdir()
    script = tmp / "rush.lua"
    script.write_text(
        RUSH_SCRIPT
        % {
            "clients": ", ".join(entries),
            "path": f"/{lang}/gatherings/{data['page_id']}/register/",
            "filler": FILLER_URL,
            "done_dir": done_dir,
            "threads": threads,
        }
    )
    connections = len(data["clients"])
    cmd = [wrk, f"-t{threads}", f"-c{connections}", f"-d{timeout}s", "--timeout", f"{timeout}s", "-s", str(script), server.base + "/"]
    started = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    while len(list(done_dir.iterdir())) < threads and proc.poll() is None and time.monotonic() - started < timeout:
        time.sleep(0.005)
    seconds = time.monotonic() - started
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)  # wrk prints its summary (and our done()) on SIGINT
    out, _ = proc.communicate(timeout=30)
    found = next((line.split() for line in out.splitlines() if line.startswith("RUSH ")), None)
    if found is None:
        raise SystemExit(f"bench: could not parse wrk's output:\n{out}")
    statuses = {}
    for pair in filter(None, ",".join(found[3:]).split(",")):
        code, count = pair.split(":")
        statuses[code] = statuses.get(code, 0) + int(count)
    finished = len(list(done_dir.iterdir())) == threads
    return {"ok": int(found[1]), "errors": int(found[2]), "statuses": statuses, "seconds": seconds, "finished": finished}


def worker_cpu_seconds(server):
    """CPU time (user + system) the gunicorn workers have used so far."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[1] == str(server.proc.pid):  # the parent's pid; utime and stime follow
            total += int(fields[11]) + int(fields[12])
    return total / ticks


# --- report ----------------------------------------------------------------------------------


def checks(args, answers, db):
    waitlisted = args.citizens - args.places
    return [
        (f"{db['confirmed']} confirmed (exactly {args.places})", db["confirmed"] == args.places),
        (f"{db['waitlisted']} waitlisted (exactly {waitlisted})", db["waitlisted"] == waitlisted),
        (f"{db['total']} registrations, one per citizen ({db['twice']} twice, {db['missing']} missing)", db["twice"] == db["missing"] == 0 and db["total"] == args.citizens),
        ("every place went to an earlier arrival than anyone waiting", db["places_first"]),
        ("waiting list in arrival order (created_at, id)", db["in_order"]),
        (f"{answers['errors']} answers other than 2xx/3xx (statuses {answers['statuses']})", answers["errors"] == 0),
        (f"all {args.citizens} answers received", answers["finished"] and answers["ok"] + answers["errors"] == args.citizens),
    ]


def report(args, answers, db, results, info):
    rate = args.citizens / answers["seconds"]
    lines = [
        "| citizens | places | workers | wall clock | registrations/s | server span | worker CPU per registration |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        f"| {args.citizens} | {args.places} | {args.workers} | {answers['seconds']:.2f} s | {rate:.0f} "
        f"| {db['server_seconds']:.2f} s | {answers['cpu_ms']:.1f} ms |",
        "",
        "Checks:",
        "",
        *[f"- {text}: {'ok' if passed else 'FAILED'}" for text, passed in results],
        "",
        "Machine:",
        "",
        *[f"- {key}: {value}" for key, value in info.items()],
    ]
    return "\n".join(lines) + "\n"


# --- main ------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--citizens", type=int, default=1000, help="signed-in citizens registering at once (default 1000)")
    parser.add_argument("--places", type=int, default=100, help="places in the session (default 100)")
    parser.add_argument("--workers", type=int, default=max(4, 2 * cpu_count()), help="gunicorn workers (default: 2 per CPU, at least 4)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--timeout", type=int, default=600, help="seconds the rush may take at most (default 600)")
    parser.add_argument("--lang", default="en", help="language prefix of the register URL (default en)")
    parser.add_argument("--no-write", action="store_true", help="do not update docs/performance.md")
    parser.add_argument("--database-url", help="an existing database with the demo loaded (not migrated, seeded or dropped)")
    parser.add_argument("--static-root", help="already collected static files instead of running collectstatic")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    if not GUNICORN.exists():
        raise SystemExit(f"bench: {GUNICORN} not found; run `make install-test` first")
    wrk = ensure_wrk()
    if wrk is None:
        raise SystemExit("bench: the registration rush needs wrk (Debian/Ubuntu: sudo apt-get install wrk)")

    tmp = Path(tempfile.mkdtemp(prefix="dialogue-rush-"))
    database = ExistingDatabase(args.database_url) if args.database_url else Database(
        os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
    )
    server = collect = None
    try:
        pg_version = database.create()
        log(f"{'using' if args.database_url else 'created'} database {database.name} (PostgreSQL {pg_version})")
        env = bench_env(database, tmp, args.static_root, BENCH_REGISTRATION_RUSH="1")
        if not args.static_root:
            collect = subprocess.Popen(
                [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT
            )
        if not args.database_url:
            migrate_and_seed(env)
        if collect is not None and collect.wait(timeout=300) != 0:
            raise SystemExit("bench: collectstatic failed")
        data = django_step(env, "setup", "--citizens", args.citizens, "--places", args.places)
        log(f"session {data['session_id']} on page {data['page_id']}: {args.places} places, {len(data['clients'])} signed-in citizens")

        server = Server(env, args.workers, tmp / "gunicorn.log")
        server.wait_ready()
        log(f"gunicorn ready on {server.base} with {args.workers} workers")
        load_average = os.getloadavg()[0]
        cpu_before = worker_cpu_seconds(server)
        answers = rush(wrk, server, data, args.lang, args.threads, args.timeout, tmp)
        answers["cpu_ms"] = (worker_cpu_seconds(server) - cpu_before) * 1000 / args.citizens
        log(f"rush: {answers['ok']} answered 2xx/3xx, {answers['errors']} errors in {answers['seconds']:.2f} s")
        server.stop()
        server = None
        db = django_step(env, "verify", "--session", data["session_id"], "--users", ",".join(str(c["user"]) for c in data["clients"]))
    finally:
        if collect is not None and collect.poll() is None:
            collect.kill()
            collect.wait()
        if server is not None:
            server.stop()
        database.drop()
        shutil.rmtree(tmp, ignore_errors=True)

    results = checks(args, answers, db)
    info = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "CPU": f"{cpu_model()}, {cpu_count()} CPUs available (nproc)",
        "load average before the rush": f"{load_average:.2f}",
        "gunicorn": f"{version('gunicorn')}, {args.workers} sync workers",
        "PostgreSQL": pg_version,
        "load generator": f"wrk, {args.threads} threads, {args.citizens} connections opened at once, one registration each",
    }
    text = report(args, answers, db, results, info)
    print()
    print(text)
    passed = all(ok for _text, ok in results)
    if passed and not args.no_write:
        write_docs(text, MARK_START, MARK_END, heading="## Gatherings\n\n### Registration rush")
    log("done" if passed else "a check FAILED")
    sys.exit(0 if passed else 1)


def database_step():
    parser = argparse.ArgumentParser()
    parser.add_argument("step", choices=["setup", "verify"])
    parser.add_argument("--citizens", type=int)
    parser.add_argument("--places", type=int)
    parser.add_argument("--session", type=int)
    parser.add_argument("--users")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    if args.step == "setup":
        setup(args.citizens, args.places)
    else:
        verify(args.session, [int(pk) for pk in args.users.split(",")])


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] in ("setup", "verify"):
        database_step()
    else:
        main()
