"""select_panel end to end on the Sortition Foundation's files, and its refusals."""

import csv
import json

import pytest
from django.core.management import CommandError, call_command

from participation.selection.bundle import verify
from tests.factories import make_selection, write_selection_files

from .conftest import QUOTAS


def select(tmp_path, people, quotas=QUOTAS, *extra):
    categories, people_file = write_selection_files(tmp_path, quotas, people)
    out = tmp_path / "out"
    call_command(
        "select_panel", "--categories", str(categories), "--people", str(people_file), "--panel-size", "20", "--out", str(out), *extra
    )
    return out


def test_select_panel_writes_the_panel_reserve_probabilities_summary_and_bundle(tmp_path, people):
    out = select(tmp_path, people, QUOTAS, "--seed", "Lotto 2026-12-07", "--seed-source", "national lottery")
    panel = list(csv.DictReader(open(out / "panel.csv")))
    reserve = list(csv.DictReader(open(out / "reserve.csv")))
    assert len(panel) == 20 and len(reserve) == 40
    assert {row["id"] for row in panel} | {row["id"] for row in reserve} == set(people)
    instance = make_selection(QUOTAS, people, 20)
    from participation.selection.check import check_panel

    assert check_panel(instance, [row["id"] for row in panel]) == []
    probabilities = {row["id"]: float(row["probability"]) for row in csv.DictReader(open(out / "probabilities.csv"))}
    assert sum(probabilities.values()) == pytest.approx(20)
    summary = json.loads((out / "summary.json").read_text())
    assert summary["algorithm"]["run"] == "leximin"
    assert summary["seed_source"] == "national lottery"
    assert summary["probabilities"]["min"] == pytest.approx(min(probabilities.values()))
    assert summary["probabilities"]["max"] == pytest.approx(max(probabilities.values()))
    assert 0 <= summary["probabilities"]["gini"] < 1
    assert summary["algorithm"]["seconds"] > 0
    assert 0 <= summary["rounding_error"] < 0.01
    assert verify(out / "bundle") == [] and verify(out / "bundle.zip") == []


def test_a_finished_selection_is_not_replaced(tmp_path, people):
    out = select(tmp_path, people, QUOTAS, "--seed", "s1")
    panel = (out / "panel.csv").read_text()
    with pytest.raises(CommandError, match="already holds a selection"):
        select(tmp_path, people, QUOTAS, "--seed", "s2")
    assert (out / "panel.csv").read_text() == panel


def test_same_seed_same_panel(tmp_path, people):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = (select(tmp_path / "a", people, QUOTAS, "--seed", "s1") / "panel.csv").read_text()
    again = (select(tmp_path / "b", people, QUOTAS, "--seed", "s1") / "panel.csv").read_text()
    assert first == again


def test_without_a_seed_the_summary_says_it_was_not_announced(tmp_path, people):
    summary = json.loads((select(tmp_path, people) / "summary.json").read_text())
    assert "not announced before the draw" in summary["seed_source"]
    assert len(summary["seed"]) == 32


def test_a_tiny_time_limit_falls_back_to_maximin_in_the_summary(tmp_path, people):
    summary = json.loads((select(tmp_path, people, QUOTAS, "--time-limit", "0.000001") / "summary.json").read_text())
    assert summary["algorithm"]["requested"] == "leximin"
    assert summary["algorithm"]["run"] == "maximin"
    assert "did not finish within the time limit" in summary["algorithm"]["reason"]


@pytest.mark.parametrize("algorithm", ["maximin", "nash"])
def test_other_algorithms_on_request(tmp_path, people, algorithm):
    summary = json.loads((select(tmp_path, people, QUOTAS, "--algorithm", algorithm) / "summary.json").read_text())
    assert summary["algorithm"]["run"] == algorithm


def test_infeasible_quotas_are_refused_naming_the_quota(tmp_path, people):
    quotas = [row if row[:2] != ("region", "south") else ("region", "south", 15, 20) for row in QUOTAS]
    with pytest.raises(CommandError) as error:
        select(tmp_path, people, quotas)
    assert "region “south”" in str(error.value)
    assert not (tmp_path / "out").exists()  # nothing half-done


def test_bad_files_are_refused_clearly(tmp_path, people):
    categories, people_file = write_selection_files(tmp_path, QUOTAS, people)
    people_file.write_text(people_file.read_text() + "R-000,Again,man,under 40,north\n")
    with pytest.raises(CommandError, match="the id R-000 appears on lines 2, 62"):
        call_command("select_panel", "--categories", str(categories), "--people", str(people_file), "--panel-size", "20", "--out", str(tmp_path / "o"))
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("select_panel", "--categories", str(tmp_path / "none.csv"), "--people", str(people_file), "--panel-size", "20", "--out", str(tmp_path / "o"))
    with pytest.raises(CommandError, match="The seed is empty."):
        call_command("select_panel", "--categories", str(categories), "--people", str(people_file), "--panel-size", "20", "--seed", " ", "--out", str(tmp_path / "o"))
