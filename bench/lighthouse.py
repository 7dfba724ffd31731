"""Lighthouse, in mobile mode, on the demo's main page types in English and Arabic.

    npm ci                       # lighthouse from package-lock.json, into node_modules/
    python manage.py seed_demo   # the demo in the database the site uses (db.sqlite3 by default)
    python bench/lighthouse.py   # serves it, audits each page, prints the four scores

Lighthouse drives Debian's chromium (CHROME_PATH, default /usr/bin/chromium), never a browser it
downloads. The site runs under gunicorn with production-like settings (DEBUG off, whitenoise),
as people would meet it; the figures go in docs/performance.md. Not part of `make test`: a
Lighthouse run takes about half a minute a page."""

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATEGORIES = ["accessibility", "best-practices", "seo", "performance"]
LANGUAGES = ["en", "ar"]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pages():
    """(name, path) per page type in the default language; the demo's first dialogue, briefing
    and most supported proposal."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    from django.urls import reverse

    from content.models import DialoguePage, TopicPage
    from participation.proposals.models import Proposal

    dialogue = DialoguePage.objects.live().get(locale__language_code="en")
    topic = TopicPage.objects.live().child_of(dialogue).first()
    proposal = Proposal.objects.filter(dialogue=dialogue, hidden_at__isnull=True).order_by("-support_count").first()
    if proposal is None:
        sys.exit("No proposal in the demo: run `python manage.py seed_demo` first.")
    return [
        ("home", "/{lang}/"),
        ("dialogue", dialogue.url.replace("/en/", "/{lang}/", 1)),
        ("topic briefing", None, topic),
        ("proposal list", "/{lang}" + reverse("proposals:list", args=[dialogue.pk]).removeprefix("/en")),
        ("proposal", "/{lang}" + reverse("proposals:detail", args=[proposal.pk]).removeprefix("/en")),
    ]


def localized(entry, lang):
    name, path, *page = entry
    if page:
        from wagtail.models import Locale

        return page[0].get_translation(Locale.objects.get(language_code=lang)).url
    return path.format(lang=lang)


def serve(port):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.production", "DEBUG": "0", "ALLOWED_HOSTS": "127.0.0.1,localhost",
           "SECRET_KEY": os.environ.get("SECRET_KEY", "lighthouse-only-" + "x" * 40), "SECURE_SSL_REDIRECT": "0",
           # Topic images: in production the proxy serves MEDIA_ROOT; here Django does (as in the browser journeys).
           "SERVE_IMAGES": "1"}  # fmt: skip
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "config.wsgi", "-b", f"127.0.0.1:{port}", "-w", "2"], cwd=ROOT, env=env)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
            return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    sys.exit("The server did not start.")


def warm(url, workers=2):
    """Open the page once per gunicorn worker first: Lighthouse then measures the page as readers
    of a running site meet it (its fragments and renditions made, its page cache filled), not the
    first request after a restart."""
    for _ in range(workers):
        with urllib.request.urlopen(url, timeout=60) as response:
            response.read()


def audit(url, tries=3):
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        sys.exit("Lighthouse is not installed: run `npm ci` first.")
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        # On a busy machine chromium sometimes loses the trace (NO_NAVSTART): run that page again.
        for _ in range(tries):
            run = subprocess.run(
                [str(binary), url, "--quiet", "--output=json", f"--output-path={report.name}", f"--only-categories={','.join(CATEGORIES)}",
                 "--form-factor=mobile", "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],  # fmt: skip
                env={**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")},
            )
            if run.returncode == 0:
                break
        else:
            sys.exit(f"Lighthouse failed {tries} times on {url}.")
        result = json.loads(Path(report.name).read_text())
    scores = {key: round(result["categories"][key]["score"] * 100) for key in CATEGORIES}
    failing = sorted(
        audit["id"] for audit in result["audits"].values() if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") == "binary"
    )
    return scores, failing


def main():
    entries = pages()
    port = free_port()
    server = serve(port)
    rows = []
    try:
        for lang in LANGUAGES:
            for entry in entries:
                path = localized(entry, lang)
                warm(f"http://127.0.0.1:{port}{path}")
                scores, failing = audit(f"http://127.0.0.1:{port}{path}")
                rows.append((f"{entry[0]} ({lang})", scores, failing))
                print(f"{rows[-1][0]:<22} " + "  ".join(f"{key} {value:>3}" for key, value in scores.items()) + (f"  failing: {', '.join(failing)}" if failing else ""), flush=True)
    finally:
        server.terminate()
        server.wait()
    print("\n| page | " + " | ".join(CATEGORIES) + " |\n|---|" + "---|" * len(CATEGORIES))
    for name, scores, _failing in rows:
        print(f"| {name} | " + " | ".join(str(scores[key]) for key in CATEGORIES) + " |")


if __name__ == "__main__":
    main()
