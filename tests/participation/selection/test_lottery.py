"""The lottery of 1,000 tickets, the draw from a seed, the reserve list and replacements."""

import pytest

from participation.selection.check import check_panel, spread
from participation.selection.engine import find_distribution
from participation.selection.lottery import draw, make_lottery, replacement
from tests.factories import make_selection

from .conftest import QUOTAS


@pytest.fixture(scope="module")
def lottery():
    from .conftest import pool

    return make_lottery(find_distribution(make_selection(QUOTAS, pool(), 20), "leximin"))


def test_tickets_keep_probabilities_close_and_say_how_close(lottery):
    assert len(lottery.tickets) == 1000
    exact = lottery.distribution.type_probabilities()
    rounded = lottery.type_probabilities()
    largest = max(abs(a - b) for a, b in zip(exact, rounded))
    assert lottery.rounding_error == pytest.approx(largest)
    assert 0 <= lottery.rounding_error < 0.01
    assert sum(lottery.person_probabilities().values()) == pytest.approx(20)


def test_every_quota_holds_on_the_drawn_panel_for_many_seeds(lottery):
    tickets = set()
    for number in range(150):
        drawn = draw(lottery, f"Lottery of 2026-12-{number}")
        assert check_panel(lottery.instance, drawn.panel) == []
        assert sorted(drawn.panel + drawn.reserve) == sorted(lottery.instance.pool.people)
        tickets.add(drawn.ticket)
    assert len(tickets) > 100  # seeds spread over the tickets


def test_the_same_seed_gives_the_same_panel_and_reserve(lottery):
    first, again = draw(lottery, "EuroMillions 2026-12-08: 3 17 22 41 48"), draw(lottery, "  EuroMillions 2026-12-08: 3 17 22 41 48\n")
    assert (first.ticket, first.panel, first.reserve) == (again.ticket, again.panel, again.reserve)
    other = draw(lottery, "EuroMillions 2026-12-08: 3 17 22 41 49")
    assert other.ticket != first.ticket
    assert other.panel != first.panel


def test_an_empty_seed_is_refused(lottery):
    with pytest.raises(ValueError, match="The seed is empty."):
        draw(lottery, "  ")


def test_a_replacement_keeps_every_quota(lottery):
    drawn = draw(lottery, "seed")
    instance = lottery.instance
    leaving = drawn.panel[0]
    chosen, problems = replacement(instance, drawn.panel, leaving, drawn.reserve)
    assert problems == []
    assert chosen in drawn.reserve
    # The first on the reserve list who fits: nobody before them does.
    for earlier in drawn.reserve[: drawn.reserve.index(chosen)]:
        panel = [reference for reference in drawn.panel if reference != leaving] + [earlier]
        assert check_panel(instance, panel) != []
    panel = [reference for reference in drawn.panel if reference != leaving] + [chosen]
    assert check_panel(instance, panel) == []


def test_when_nobody_fits_the_quota_that_would_break_is_named():
    people = {"W1": ("w",), "W2": ("w",), "M1": ("m",), "M2": ("m",), "M3": ("m",)}
    instance = make_selection([("gender", "w", 1, 1), ("gender", "m", 1, 1)], people, 2)
    chosen, problems = replacement(instance, ["W1", "M1"], "W1", ["M2", "M3"])
    assert chosen is None
    assert problems[0] == "gender “w”: 0 on the panel, fewer than the minimum of 1."


def test_spread_of_probabilities():
    assert spread([0.5, 0.5]) == {"min": 0.5, "max": 0.5, "gini": 0.0}
    assert spread({"a": 0.0, "b": 1.0})["gini"] == pytest.approx(0.5)
