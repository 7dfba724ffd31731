"""The transparency bundle: verify_selection and the standalone script agree that a fresh
bundle checks out, and both catch a tampered panel, probability or seed."""

import csv
import json
import subprocess
import sys
import zipfile

import pytest
from django.core.management import CommandError, call_command

from participation.selection import bundle, verify_standalone
from participation.selection.engine import find_distribution
from participation.selection.lottery import draw, make_lottery
from tests.factories import make_selection

from .conftest import QUOTAS, pool


@pytest.fixture(scope="module")
def drawn():
    lottery = make_lottery(find_distribution(make_selection(QUOTAS, pool(), 20), "leximin"))
    return lottery, draw(lottery, "Lotto 2026-12-07: 4 8 15 16 23 42")


@pytest.fixture
def folder(tmp_path, drawn):
    lottery, result = drawn
    directory, _archive = bundle.write(tmp_path / "bundle", lottery, result, seed_source="national lottery, announced 2026-12-01")
    return directory


def standalone(path):
    """The script as a person would run it: a plain Python, no Django, from its own copy."""
    return subprocess.run([sys.executable, "-I", str(path / "verify_standalone.py"), str(path)], capture_output=True, text=True, timeout=60)


def test_a_fresh_bundle_checks_out_folder_and_zip(folder):
    assert bundle.verify(folder) == []
    assert bundle.verify(folder.with_suffix(".zip")) == []
    result = standalone(folder)
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("OK")
    call_command("verify_selection", str(folder.with_suffix(".zip")))


def test_the_bundle_holds_no_names_and_publishes_what_was_drawn(folder, drawn):
    lottery, result = drawn
    people = (folder / "people.csv").read_text()
    assert "Name" not in people and people.splitlines()[0] == "reference,gender,age,region"
    selection = json.loads((folder / "selection.json").read_text())
    assert selection["seed"] == "Lotto 2026-12-07: 4 8 15 16 23 42"
    assert selection["ticket"] == result.ticket
    assert selection["algorithm"]["run"] == "leximin"
    assert [row["reference"] for row in csv.DictReader(open(folder / "panel.csv"))] == result.panel
    with zipfile.ZipFile(folder.with_suffix(".zip")) as archive:
        assert set(verify_standalone.FILES) <= set(archive.namelist())


def rewrite(path, change):
    rows = list(csv.DictReader(open(path)))
    change(rows)
    with open(path, "w", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def swap_panel_member(folder):
    reserve = [row["reference"] for row in csv.DictReader(open(folder / "reserve.csv"))]

    def change(rows):
        rows[0]["reference"] = reserve[0]

    rewrite(folder / "panel.csv", change)
    return "The published panel is not the one the seed and the ticket give."


def change_probability(folder):
    def change(rows):
        rows[3]["probability"] = f"{float(rows[3]['probability']) + 0.01:.12f}"

    rewrite(folder / "probabilities.csv", change)
    return "published probability"


def change_seed(folder):
    selection = json.loads((folder / "selection.json").read_text())
    selection["seed"] = "Lotto 2026-12-07: 4 8 15 16 23 43"
    (folder / "selection.json").write_text(json.dumps(selection))
    return "The seed gives ticket"


@pytest.mark.parametrize("tamper", [swap_panel_member, change_probability, change_seed])
def test_tampering_is_caught_by_both(folder, tamper):
    expected = tamper(folder)
    problems = bundle.verify(folder)
    assert any(expected in problem for problem in problems), problems
    with pytest.raises(CommandError, match="does not check out"):
        call_command("verify_selection", str(folder))
    result = standalone(folder)
    assert result.returncode == 1
    assert expected in result.stdout and "FAILED" in result.stdout


def test_verify_selection_exits_non_zero_with_a_clear_message(folder):
    swap_panel_member(folder)
    result = subprocess.run([sys.executable, "manage.py", "verify_selection", str(folder)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "The published panel is not the one the seed and the ticket give." in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_bundle_or_file(tmp_path, folder):
    with pytest.raises(CommandError, match="No bundle at"):
        call_command("verify_selection", str(tmp_path / "nowhere"))
    (folder / "tickets.csv").unlink()
    assert bundle.verify(folder) == ["The bundle has no tickets.csv."]


def test_the_two_verifiers_know_the_same_problems():
    from participation.selection.bundle import _message

    for code, english in verify_standalone.MESSAGES.items():
        names = [part.split("}")[0] for part in english.split("{")[1:]]
        assert _message(code, {name: name.upper() for name in names}) == english.format(**{name: name.upper() for name in names})
