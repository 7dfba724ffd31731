#!/usr/bin/env python
"""Questionnaire results at scale: 100,000 responses to the demo questionnaire over 80 countries.

    make bench-questionnaires       # or: .venv/bin/python bench/questionnaires.py [--help]

One run: a throwaway PostgreSQL database (migrate, seed_demo), then RESPONSES generated
responses to the demo dialogue's questionnaire (about 20 answers each) written with COPY, and
its tallies counted once (rebuild_tallies). Then, in one process with the bench settings:

- the results (participation.questionnaires.results), against a baseline measured in the same
  run: the same counts taken straight from the answers in SQL, which is what results would cost
  without tallies;
- the results page, the API's results (also filtered by two countries and by a language) and
  the questionnaire list, through Django's test client, with every cache cleared and nothing
  stored, and the page and the API's results after a batch
  (the results computed and stored by the task that wrote it, as results.warm does), found in
  the worker's cache or, with its cache empty, read from what the task stored;
- the CSV of every response, streamed to nowhere, with Python's peak memory (tracemalloc) at
  two sizes to show it stays flat;
- the PDF report in one language;
- 200 participants submitting at the same moment (threads, each on its own connection), then
  the pool flushed: every one stored once, none lost, no error.

Figures go to docs/performance.md between the questionnaire markers; the script exits 1 when a
correctness check fails, 0 otherwise (targets missed are reported, not failed)."""

import argparse
import json
import os
import shutil
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import run as bench  # noqa: E402 - after the path is set

RESPONSES = 100_000
COUNTRIES = 80
RUSH = 200
WORKERS = 40
MARK_START = "<!-- bench-questionnaires:start -->"
MARK_END = "<!-- bench-questionnaires:end -->"
TARGETS_MS = {"results page": 300, "API results": 100}
PDF_SECONDS = 60


def emit(data):
    print("BENCH-DATA " + json.dumps(data), flush=True)


def questionnaire():
    from django.conf import settings

    from participation.questionnaires.models import Questionnaire

    return Questionnaire.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("pk").first()


# --- database steps (python bench/questionnaires.py STEP ..., with the bench settings) ---------


def seed(responses, countries):
    """Generated responses written with COPY (the mixing pool is for people, not for a data set),
    then the tallies counted once from them."""
    import random
    import uuid
    from datetime import date

    from babel import Locale
    from django.db import connection

    from participation.questionnaires.answers import Form
    from participation.questionnaires.models import Answer, Question
    from participation.questionnaires.services import rebuild_tallies

    found = questionnaire()
    form = Form(found)
    rng = random.Random(42)
    codes = sorted(code for code in Locale("en").territories if len(code) == 2 and code.isalpha())
    countries = rng.sample(codes, countries)
    languages = ["en", "fr", "es", "uk", "ar"]
    dates = [date(2026, 11, 28), date(2026, 11, 29)]
    started = time.perf_counter()
    answers = 0
    with connection.cursor() as cursor:
        raw = cursor.connection  # psycopg 3: COPY FROM STDIN
        with raw.cursor() as copy_cursor:
            with copy_cursor.copy(
                "COPY participation_questionnaires_response (id, questionnaire_id, country, language, session_date, is_paper) FROM STDIN"
            ) as copy:
                ids = []
                for n in range(responses):
                    response_id = uuid.UUID(int=rng.getrandbits(128), version=4)
                    ids.append(response_id)
                    copy.write_row((response_id, found.pk, countries[n % len(countries)], rng.choice(languages), rng.choice(dates), n % 50 == 0))
            with copy_cursor.copy(
                "COPY participation_questionnaires_answer (response_id, question_id, option_key, value, text, text_status) FROM STDIN"
            ) as copy:
                for response_id in ids:
                    for question in form.questions:
                        for row in _answer(rng, question):
                            copy.write_row((response_id, question.canonical_id, *row))
                            answers += 1
    written = time.perf_counter() - started
    started = time.perf_counter()
    rebuild_tallies(found.pk)
    tallied = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    emit({"questionnaire": found.pk, "responses": responses, "answers": answers, "questions": len(form.questions),
          "countries": len(countries), "copy_seconds": written, "tally_seconds": tallied,
          "text_kinds": [Question.SHORT_TEXT, Question.LONG_TEXT], "published_texts": Answer.PUBLISHED})  # fmt: skip


def _answer(rng, question):
    """One respondent's rows for a question, as Form.rows writes them: (option key, value, text, status)."""
    from participation.questionnaires.models import Answer, Question

    kind, keys, q = question.kind, question.option_keys(), question.question
    if not q.required and rng.random() < 0.1:
        return []
    if kind == Question.SINGLE:
        return [(rng.choice(keys), None, "", Answer.PENDING)]
    if kind == Question.MULTIPLE:
        return [(key, None, "", Answer.PENDING) for key in rng.sample(keys, rng.randint(1, q.max_choices or len(keys)))]
    if kind == Question.RANKING:
        order = rng.sample(keys, len(keys))
        return [(key, rank, "", Answer.PENDING) for rank, key in enumerate(order, 1)]
    if kind == Question.MATRIX:
        return [(key, rng.randint(q.scale_min, q.scale_max), "", Answer.PENDING) for key in keys]
    if kind == Question.SCALE:
        return [(None, rng.randint(q.scale_min, q.scale_max), "", Answer.PENDING)]
    if kind == Question.NUMBER:
        return [(None, rng.randint(int(q.number_min or 0), int(q.number_max or 100)), "", Answer.PENDING)]
    return [(None, None, f"Answer {rng.getrandbits(32)}", Answer.PUBLISHED if rng.random() < 0.5 else Answer.PENDING)]


def timed(function, runs=5):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def measure(questionnaire_id, pdf_language):
    """Every read figure, in this one process."""
    import gc
    import tracemalloc

    from django.conf import settings
    from django.core.cache import caches
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from participation.questionnaires.models import Answer, Questionnaire
    from participation.questionnaires.results import results, warm

    # Measured as in a worker, which loads config.wsgi: it freezes what is loaded at start out of
    # the garbage collector's full passes.
    import config.wsgi  # noqa: F401

    found = Questionnaire.objects.get(pk=questionnaire_id)
    figures = {}

    def baseline():
        return len(list(
            Answer.objects.filter(response__questionnaire_id=questionnaire_id)
            .values_list("question_id", "response__country", "option_key", "value").annotate(n=Count("pk")).order_by()
        ))  # fmt: skip

    figures["baseline_ms"], _rows = timed(baseline, runs=3)
    figures["results_ms"], shown = timed(lambda: results(Questionnaire.objects.get(pk=questionnaire_id)))
    figures["results_countries"] = len(shown.countries)
    with CaptureQueriesContext(connection) as captured:
        results(found)
    figures["results_queries"] = len(captured.captured_queries)

    # One client for every request, as one worker serves them: a new client would load the
    # middleware again each time (whitenoise alone indexes every static file: 200 ms and more).
    client = Client(HTTP_HOST="127.0.0.1")

    def get(url):
        for cache in caches.all():
            cache.clear()
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response

    urls = {
        "API results": reverse("api:questionnaire_results", args=[questionnaire_id]),
        "API questionnaire": reverse("api:questionnaire", args=[questionnaire_id]),
        "results page": results_page_url(found),
        # Filtered views are computed when asked for (never stored): by country from the
        # country tallies, by language from the detailed ones.
        "API results by 2 countries": reverse("api:questionnaire_results", args=[questionnaire_id]) + "?" + "&".join(f"country={c.code}" for c in shown.countries[:2]),
        "API results by language": reverse("api:questionnaire_results", args=[questionnaire_id]) + "?language=fr",
    }
    for name, url in urls.items():
        get(url)  # the process's first request (imports, catalogues) is not the figure
        figures[f"{name} ms"], _response = timed(lambda url=url: get(url))
        with CaptureQueriesContext(connection) as captured:
            get(url)
        figures[f"{name} queries"] = len(captured.captured_queries)
        figures[f"{name} url"] = url

    # What a visitor meets after a batch: the task that wrote it has computed the results
    # (results.warm), so the request finds them cached; the rest (page or JSON) is its own.
    warmed, after = [], {name: [] for name in ("results page", "API results")}
    for _run in range(5):
        for name in after:
            for cache in caches.all():
                cache.clear()
            started = time.perf_counter()
            warm(found)
            warmed.append((time.perf_counter() - started) * 1000)
            # warm() runs in the task worker, not in the web worker that answers: its garbage
            # is not the request's to collect.
            gc.collect()
            started = time.perf_counter()
            response = client.get(urls[name])
            after[name].append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (urls[name], response.status_code)
    for name, times in after.items():
        figures[f"{name} after a batch ms"] = statistics.median(times)
    # A web worker whose cache does not have them (its own memory, without Redis; a flushed
    # cache): it reads what the task stored (ResultsSnapshot) after the batch.
    for name in after:
        figures[f"{name} stored ms"], _response = timed(lambda name=name: get(urls[name]))
    figures["warm_ms"] = statistics.median(warmed)
    figures["warm_languages"] = len(settings.LANGUAGES)

    csv_url = reverse("open_data:questionnaire_responses", args=[questionnaire_id])
    for label, limit in (("first 10,000 rows", 10_000), ("every row", None)):
        tracemalloc.start()
        started = time.perf_counter()
        rows = size = 0
        response = Client(HTTP_HOST="127.0.0.1").get(csv_url)
        assert response.streaming, "the responses CSV must stream"
        for chunk in response.streaming_content:
            size += len(chunk)
            rows += chunk.count(b"\n")
            if limit and rows >= limit:
                break
        figures[f"CSV {label}"] = {"rows": rows, "MB": size / 1e6, "seconds": time.perf_counter() - started, "peak_MB": tracemalloc.get_traced_memory()[1] / 1e6}
        tracemalloc.stop()

    from participation.questionnaires.report import build

    started = time.perf_counter()
    report = build(found, pdf_language)
    figures["pdf_seconds"] = time.perf_counter() - started
    figures["pdf_MB"] = report.pdf.size / 1e6
    emit(figures)


def results_page_url(questionnaire):
    from content.models import ResultsPage

    return ResultsPage.objects.live().filter(questionnaire=questionnaire).first().url


def rush(people):
    """`people` participants submit at the same moment, each on a connection of their own."""
    import threading
    from io import StringIO

    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connections
    from django.utils import timezone

    from participation.accounts.models import Person
    from participation.questionnaires import services
    from participation.questionnaires.answers import Form
    from participation.questionnaires.models import Question, Receipt, Response, Tally

    found = questionnaire()
    form = Form(found)
    now = timezone.now()
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"rush-{n}", email=f"rush-{n}@bench.invalid", password="!bench") for n in range(people)
    )
    Person.objects.bulk_create(Person(user_id=user.pk, language="en", accepted_terms_at=now, email_confirmed_at=now) for user in users)
    before = Response.objects.filter(questionnaire=found).count()
    long_text = next(q for q in form.questions if q.kind == Question.LONG_TEXT)
    raw = {}
    for question in form.questions:
        if question.question.required:
            raw[question.key] = _valid(question)
    barrier = threading.Barrier(people)
    # Everyone presses "Submit" at once; WORKERS of them are served at a time, as a server's
    # workers would (PostgreSQL allows 100 connections by default).
    workers = threading.BoundedSemaphore(WORKERS)
    errors = []

    def submit(index, user):
        try:
            barrier.wait()
            with workers:
                services.submit(user, found, {**raw, long_text.key: f"rush {index}"})
        except Exception as error:  # noqa: BLE001 - reported
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(n, user)) for n, user in enumerate(users)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    call_command("flush_questionnaires", stdout=StringIO())
    texts = list(
        Response.objects.filter(questionnaire=found, answers__question_id=long_text.canonical_id, answers__text__startswith="rush ")
        .values_list("answers__text", flat=True)
    )
    tallied = sum(Tally.objects.filter(questionnaire=found, question=None).values_list("count", flat=True))
    emit({
        "people": people, "seconds": seconds, "errors": errors[:5], "error_count": len(errors),
        "receipts": Receipt.objects.filter(questionnaire=found, user__in=users).count(),
        "written": Response.objects.filter(questionnaire=found).count() - before, "distinct": len(set(texts)), "texts": len(texts),
        "pending": found.pending.count(), "tallied_total": tallied, "responses_total": Response.objects.filter(questionnaire=found).count(),
    })  # fmt: skip


def _valid(question):
    from participation.questionnaires.models import Question

    q = question.question
    keys = question.option_keys()
    return {
        Question.SINGLE: lambda: keys[0],
        Question.MULTIPLE: lambda: keys[:1],
        Question.RANKING: lambda: {key: rank for rank, key in enumerate(keys, 1)},
        Question.MATRIX: lambda: {key: q.scale_min for key in keys},
        Question.SCALE: lambda: q.scale_min,
        Question.NUMBER: lambda: int(q.number_min or 0),
    }.get(q.kind, lambda: "yes")()


def step(env, *args, timeout=1800):
    out = bench.run([bench.PYTHON, __file__, *map(str, args)], env, f"step {args[0]}", timeout)
    for line in out.splitlines():
        if line.startswith("BENCH-DATA "):
            return json.loads(line[len("BENCH-DATA ") :])
    raise SystemExit(f"bench: no data from step {args[0]}:\n{out[-2000:]}")


# --- the report ------------------------------------------------------------------------------


def render(info, seeded, read, rushed):
    def verdict(ms, target):
        return f"{ms:.0f} ms (under {target} ms: {'met' if ms < target else 'MISSED'})"

    lines = [
        "| What | median of 5 | queries |",
        "|---|---:|---:|",
        f"| Baseline: the same counts straight from the answers in SQL | {read['baseline_ms']:.0f} ms | 1 |",
        f"| `results()` from the tallies | {read['results_ms']:.1f} ms ({read['baseline_ms'] / read['results_ms']:.0f}× faster) | {read['results_queries']} |",
    ]
    for name in ("results page", "API results", "API questionnaire", "API results by 2 countries", "API results by language"):
        lines.append(f"| {name} (`{read[name + ' url']}`), caches cleared | {read[name + ' ms']:.0f} ms | {read[name + ' queries']} |")
    for name in ("results page", "API results"):
        lines.append(f"| {name}, after a batch (results computed by the task that wrote it) | {read[name + ' after a batch ms']:.0f} ms | |")
    for name in ("results page", "API results"):
        lines.append(f"| {name}, after a batch, the worker's cache empty (results stored by the task) | {read[name + ' stored ms']:.0f} ms | |")
    lines.append(f"| the task's `warm()` after a batch: results in {read['warm_languages']} languages | {read['warm_ms']:.0f} ms | |")
    csv_rows = [
        f"| {label} | {figures['rows']:,} | {figures['MB']:.1f} MB | {figures['seconds']:.1f} s | {figures['peak_MB']:.1f} MB |"
        for label, figures in ((key.removeprefix("CSV "), value) for key, value in read.items() if key.startswith("CSV "))
    ]
    targets = [
        f"results page after a batch: {verdict(read['results page after a batch ms'], TARGETS_MS['results page'])}; the worker's cache empty: "
        f"{verdict(read['results page stored ms'], TARGETS_MS['results page'])}; nothing stored, caches cleared: {verdict(read['results page ms'], TARGETS_MS['results page'])}",
        f"API results after a batch: {verdict(read['API results after a batch ms'], TARGETS_MS['API results'])}; the worker's cache empty: "
        f"{verdict(read['API results stored ms'], TARGETS_MS['API results'])}; nothing stored, caches cleared: {verdict(read['API results ms'], TARGETS_MS['API results'])}",
        f"PDF report ({info['report language']}): {read['pdf_seconds']:.1f} s, {read['pdf_MB']:.1f} MB "
        f"(under {PDF_SECONDS} s: {'met' if read['pdf_seconds'] < PDF_SECONDS else 'MISSED'})",
        f"{rushed['people']} participants submitting at the same moment ({WORKERS} served at a time): {rushed['receipts']} receipts, {rushed['written']} responses written "
        f"and {rushed['pending']} waiting in the pool (k = 10), {rushed['distinct']} distinct, {rushed['error_count']} errors, "
        f"{rushed['seconds']:.1f} s; tallies count {rushed['tallied_total']:,} respondents for {rushed['responses_total']:,} responses",
    ]
    data = (
        f"{seeded['responses']:,} responses × {seeded['questions']} questions = {seeded['answers']:,} answers over {seeded['countries']} "
        f"countries, written with COPY in {seeded['copy_seconds']:.0f} s; tallies counted in {seeded['tally_seconds']:.1f} s"
    )
    machine = "\n".join(f"- {key}: {value}" for key, value in info.items())
    return (
        "\n".join(lines)
        + "\n\nThe responses CSV, streamed (Python's peak memory while reading it):\n\n| Read | rows | size | time | peak memory |\n|---|---:|---:|---:|---:|\n"
        + "\n".join(csv_rows)
        + "\n\nTargets:\n\n"
        + "\n".join(f"- {line}" for line in targets)
        + f"\n\nData set: {data}.\n\nMachine:\n\n{machine}\n"
    )


def correct(seeded, rushed):
    problems = []
    if rushed["error_count"]:
        problems.append(f"{rushed['error_count']} submissions failed: {rushed['errors']}")
    if rushed["receipts"] != rushed["people"] or rushed["written"] + rushed["pending"] != rushed["people"]:
        problems.append(f"lost submissions: {rushed}")
    if rushed["distinct"] != rushed["texts"] or rushed["texts"] != rushed["written"]:
        problems.append(f"doubled responses: {rushed}")
    if rushed["tallied_total"] != rushed["responses_total"]:
        problems.append(f"tallies do not add up: {rushed}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--responses", type=int, default=RESPONSES)
    parser.add_argument("--countries", type=int, default=COUNTRIES)
    parser.add_argument("--people", type=int, default=RUSH, help="participants submitting at once")
    parser.add_argument("--report-language", default="en")
    parser.add_argument("--no-write", action="store_true", help="do not update docs/performance.md")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    tmp = Path(tempfile.mkdtemp(prefix="dialogue-bench-questionnaires-"))
    database = bench.Database(os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432"))
    database.name = f"dialogue_bench_questionnaires_{os.getpid()}"
    database.url = f"{database.server_url}/{database.name}"
    try:
        pg_version = database.create()
        env = bench.bench_env(database, tmp, BENCH_API_RATE_LIMIT="100000000", QUESTIONNAIRE_MIX_BATCH="10")
        bench.migrate_and_seed(env)
        bench.run([bench.PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env, "collectstatic", 300)
        seeded = step(bench.seed_env(env), "seed", args.responses, args.countries)
        load_average = os.getloadavg()[0]
        read = step(env, "measure", seeded["questionnaire"], args.report_language)
        rushed = step(env, "rush", args.people)
    finally:
        database.drop()
        shutil.rmtree(tmp, ignore_errors=True)
    info = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "CPU": f"{bench.cpu_model()}, {bench.cpu_count()} CPUs available (nproc)",
        "load average before measuring": f"{load_average:.2f}",
        "PostgreSQL": pg_version,
        "report language": args.report_language,
    }
    report = render(info, seeded, read, rushed)
    print(report)
    problems = correct(seeded, rushed)
    if problems:
        print("bench: " + "; ".join(problems), file=sys.stderr)
        raise SystemExit(1)
    if not args.no_write:
        bench.write_docs(report, MARK_START, MARK_END, heading="## Questionnaires")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] in ("seed", "measure", "rush"):
        import django

        django.setup()
        {"seed": lambda: seed(int(sys.argv[2]), int(sys.argv[3])), "measure": lambda: measure(int(sys.argv[2]), sys.argv[3]), "rush": lambda: rush(int(sys.argv[2]))}[sys.argv[1]]()
    else:
        main()
