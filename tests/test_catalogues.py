"""Every interface string is translated into fr, es, uk and ar, with nothing fuzzy, in both
catalogues: the site's (locale/) and the plugin's, shipped in its wheel (participation/locale/)."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ["fr", "es", "uk", "ar"]
CATALOGUES = ["locale", "participation/locale"]


def catalogue(root, language, folder="locale"):
    return polib.pofile(str(root / folder / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("folder", CATALOGUES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_complete_and_valid(language, folder):
    po = catalogue(ROOT, language, folder)
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    for entry in po:
        if entry.msgid_plural:
            assert all(form.strip() for form in entry.msgstr_plural.values()), entry.msgid
    path = ROOT / folder / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_catalogues_cover_every_string_in_the_code(tmp_path):
    """Extract the strings afresh (makemessages on a copy) and compare with the committed catalogues.
    makemessages files each string under its nearest locale folder, so the plugin's strings must be
    in the plugin's catalogue: the wheel carries no other."""
    copy = tmp_path / "project"
    ignore = shutil.ignore_patterns(
        ".venv", ".git", "media", "static", "var", "artifacts", "node_modules", "*.sqlite3", "build", "dist"
    )
    shutil.copytree(ROOT, copy, ignore=ignore)
    command = [sys.executable, "manage.py", "makemessages", "--ignore", "tests/*", "--ignore", "bench/*", "-v0"]
    command += [arg for language in LANGUAGES for arg in ("-l", language)]
    subprocess.run(command, cwd=copy, check=True, timeout=120)
    for folder in CATALOGUES:
        for language in LANGUAGES:
            fresh = {entry.msgid for entry in catalogue(copy, language, folder) if not entry.obsolete}
            committed = {entry.msgid for entry in catalogue(ROOT, language, folder) if not entry.obsolete}
            assert fresh - committed == set(), f"{folder}, {language}: run `make messages-extract` and translate the new strings"
