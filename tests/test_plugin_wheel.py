"""The plugin as a host gets it: build the wheel, install it into a fresh virtual environment with
only its declared dependencies (held to the site's exact pins), and run the Townhall site's suite
(tests/plugin_site) there, where the repository's own participation/ folder is not importable."""

import os
import re
import shutil
import subprocess
import sys
import time
import venv
import zipfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLUGIN_SITE = ROOT / "tests" / "plugin_site"
LANGUAGES = ["fr", "es", "uk", "ar"]
# What the Townhall suite needs besides the wheel and its dependencies.
TEST_TOOLS = ["pytest", "pytest-django", "dj-database-url", "psycopg[binary]"]

pytestmark = pytest.mark.plugin_site


def run(command, **kwargs):
    return subprocess.run(command, capture_output=True, text=True, check=False, **kwargs)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    """Built from a clean copy of the package, with its catalogues compiled (.mo files are not
    committed), so leftovers in the worktree cannot slip in."""
    source = tmp_path_factory.mktemp("source")
    shutil.copy(ROOT / "pyproject.toml", source)
    shutil.copytree(ROOT / "participation", source / "participation", ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    for po in (source / "participation" / "locale").glob("*/LC_MESSAGES/django.po"):
        subprocess.run(["msgfmt", "--check", "-o", str(po.with_suffix(".mo")), str(po)], check=True)
    dist = tmp_path_factory.mktemp("dist")
    built = run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(dist), str(source)], timeout=300)
    assert built.returncode == 0, built.stdout + built.stderr
    [path] = dist.glob("dialogue_participation-*.whl")
    return path


def sources():
    """Every file of the package in the worktree that a host needs (not caches, not compiled catalogues)."""
    for path in (ROOT / "participation").rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".mo"):
            yield path.relative_to(ROOT).as_posix()


def test_the_wheel_holds_the_whole_plugin_and_nothing_of_the_site(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = archive.read(next(name for name in names if name.endswith(".dist-info/METADATA"))).decode()
    # Code, migrations, templates, static files, catalogues: all of it.
    assert set(sources()) - names == set()
    assert "participation/proposals/migrations/0001_initial.py" in names
    assert "participation/accounts/templates/accounts/signup.html" in names
    for language in LANGUAGES:
        assert f"participation/locale/{language}/LC_MESSAGES/django.mo" in names
    # Nothing else: no Dialogue site, no tests.
    assert {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")} == {"participation"}
    assert "License-Expression: AGPL-3.0-or-later" in metadata
    assert "Requires-Dist: Django<6,>=5.2" in metadata and "Requires-Dist: wagtail<8,>=7.4" in metadata


def pins():
    """The site's exact pins as pip constraints (which take no extras): `psycopg[binary]==3` → `psycopg==3`."""
    lines = []
    for requirements in ("requirements.txt", "requirements-test.txt"):
        for line in (ROOT / requirements).read_text().splitlines():
            line = line.split("#")[0].strip()
            if line and not line.startswith("-"):
                lines.append(re.sub(r"\[.*?\]", "", line))
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def plugin_python(wheel, tmp_path_factory):
    """A fresh virtual environment with the wheel and what it declares, nothing of requirements.txt
    beyond that: a dependency the wheel forgets to declare fails the Townhall suite."""
    folder = tmp_path_factory.mktemp("venv")
    venv.create(folder / "env", with_pip=True)
    python = folder / "env" / "bin" / "python"
    constraints = folder / "constraints.txt"
    constraints.write_text(pins())
    started = time.monotonic()
    installed = run([str(python), "-m", "pip", "install", "--quiet", "-c", str(constraints), str(wheel), *TEST_TOOLS], timeout=900)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    print(f"wheel and dependencies installed in {time.monotonic() - started:.0f} s")
    yield python
    shutil.rmtree(folder)  # a quarter of a gigabyte, and pytest keeps its last three runs


def townhall_database_url():
    """On PostgreSQL, a database name of its own: its test database must not be the outer suite's."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        return None
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=parts.path.rstrip("/") + "_townhall"))


def test_the_townhall_site_passes_on_the_installed_wheel(plugin_python):
    env = {key: value for key, value in os.environ.items() if key not in ("DJANGO_SETTINGS_MODULE", "PYTHONPATH", "DATABASE_URL")}
    if townhall_database_url():
        env["DATABASE_URL"] = townhall_database_url()
    # From tests/plugin_site the repository root is not on the path: `participation` is the wheel's.
    result = run([str(plugin_python), "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=PLUGIN_SITE, env=env, timeout=900)
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-2000:]


def test_a_host_with_other_languages_has_no_migration_to_make_in_the_plugin(plugin_python):
    """Townhall has its own LANGUAGES and user model: the plugin's migrations must not depend on
    them, or the host's makemigrations would write into the installed package."""
    env = {key: value for key, value in os.environ.items() if key not in ("DJANGO_SETTINGS_MODULE", "PYTHONPATH", "DATABASE_URL")}
    result = run([str(plugin_python), "manage.py", "makemigrations", "--check", "--dry-run"], cwd=PLUGIN_SITE, env=env, timeout=300)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
