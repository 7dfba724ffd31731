"""LEXIMIN against a brute-force optimum and against maximin; the time limit's fallback."""

import itertools
import random

import numpy as np
import pytest
from scipy.optimize import linprog
from sortition_algorithms.utils import set_random_provider

from participation.selection.engine import find_distribution
from tests.factories import make_selection


def brute_force_leximin(instance):
    """LEXIMIN over people by listing every panel of a tiny pool: maximise the lowest
    probability, then fix whoever cannot rise above it (one LP each), and repeat."""
    people = sorted(instance.pool.people)
    categories = instance.pool.categories
    panels = []
    for panel in itertools.combinations(people, instance.panel_size):
        counts = {(c, instance.pool.people[p][i]) for p in panel for i, c in enumerate(categories)}
        tally = {key: sum(1 for p in panel for i, c in enumerate(categories) if (c, instance.pool.people[p][i]) == key) for key in counts}
        if all(q.min <= tally.get((q.category, q.feature), 0) <= q.max for q in instance.quotas.quotas):
            panels.append(set(panel))
    member = np.array([[1.0 if person in panel else 0.0 for panel in panels] for person in people])
    fixed = {}
    while len(fixed) < len(people):
        free = [i for i in range(len(people)) if i not in fixed]

        def programme(objective):
            # variables: λ per panel, then z; rows: z − p_i ≤ 0 (free), −p_i ≤ −v_i (fixed)
            rows, bounds = [], []
            for i in free:
                rows.append(np.append(-member[i], 1.0))
                bounds.append(0.0)
            for i, value in fixed.items():
                rows.append(np.append(-member[i], 0.0))
                bounds.append(-value + 1e-9)
            equal = [np.append(np.ones(len(panels)), 0.0)]
            return linprog(objective, A_ub=rows, b_ub=bounds, A_eq=equal, b_eq=[1.0], bounds=[(0, None)] * len(panels) + [(0, 1)])

        level = -programme(np.append(np.zeros(len(panels)), -1.0)).fun
        for i in free:
            # Can i rise above the level while everyone free stays at it?
            fixed_before = dict(fixed)
            fixed.update({j: level for j in free if j != i})
            best = -programme(np.append(-member[i], 0.0)).fun
            fixed.clear()
            fixed.update(fixed_before)
            if best <= level + 1e-7:
                fixed[i] = level
        if all(i not in fixed for i in free):  # numerically nobody stuck: fix one so the loop ends
            fixed[free[0]] = level
    return {people[i]: value for i, value in fixed.items()}


def test_leximin_matches_a_brute_force_optimum_on_a_tiny_pool():
    rng = random.Random(3)
    people = {f"P{n}": (rng.choice("wm"), rng.choice(["young", "old"])) for n in range(9)}
    quotas = [("gender", "w", 1, 2), ("gender", "m", 1, 2), ("age", "young", 1, 2), ("age", "old", 1, 3)]
    instance = make_selection(quotas, people, 3)
    expected = brute_force_leximin(instance)
    found = find_distribution(instance, "leximin").person_probabilities()
    assert sorted(found.values()) == pytest.approx(sorted(expected.values()), abs=1e-6)
    assert found == pytest.approx(expected, abs=1e-6)


def test_a_hand_solved_instance():
    # One woman and one man out of 2 women and 4 men: each woman 1/2, each man 1/4.
    people = {"W1": ("w",), "W2": ("w",), "M1": ("m",), "M2": ("m",), "M3": ("m",), "M4": ("m",)}
    distribution = find_distribution(make_selection([("gender", "w", 1, 1), ("gender", "m", 1, 1)], people, 2), "leximin")
    assert distribution.person_probabilities() == pytest.approx({"W1": 0.5, "W2": 0.5, "M1": 0.25, "M2": 0.25, "M3": 0.25, "M4": 0.25})
    assert distribution.algorithm == "leximin"
    assert [level.value for level in distribution.levels] == pytest.approx([0.25, 0.5])
    assert all(level.gap <= 1e-5 for level in distribution.levels)


def test_leximin_puts_fewer_people_at_the_minimum_than_maximin():
    set_random_provider(1)  # sortition-algorithms' maximin starts from random weights
    rng = random.Random(2)
    people = {f"p{n:02d}": (rng.choice("wm"), rng.choice(["young", "old"]), rng.choice(["n", "s", "e"])) for n in range(12)}
    quotas = [("gender", "w", 2, 3), ("gender", "m", 2, 3), ("age", "young", 2, 3), ("age", "old", 2, 3)]
    quotas += [("region", "n", 1, 2), ("region", "s", 1, 2), ("region", "e", 1, 2)]
    instance = make_selection(quotas, people, 5)
    leximin = sorted(find_distribution(instance, "leximin").person_probabilities().values())
    maximin = sorted(find_distribution(instance, "maximin").person_probabilities().values())
    assert leximin[0] >= maximin[0] - 1e-9

    def at_minimum(values):
        return sum(1 for value in values if value < values[0] + 1e-6)

    assert at_minimum(leximin) < at_minimum(maximin)
    assert [round(v, 6) for v in leximin] > [round(v, 6) for v in maximin]  # lexicographically, lowest first


@pytest.mark.parametrize("algorithm", ["leximin", "maximin", "nash"])
def test_everyone_of_a_type_has_the_same_probability(people, algorithm):
    from .conftest import QUOTAS

    distribution = find_distribution(make_selection(QUOTAS, people, 20), algorithm)
    probabilities = distribution.person_probabilities()
    for members in distribution.instance.members:
        assert len({round(probabilities[reference], 12) for reference in members}) == 1
    assert sum(probabilities.values()) == pytest.approx(20)
    assert sum(distribution.weights) == pytest.approx(1)


def test_a_tiny_time_limit_falls_back_to_maximin_and_says_why(people):
    from .conftest import QUOTAS

    messages = []
    distribution = find_distribution(make_selection(QUOTAS, people, 20), "leximin", time_limit=1e-6, progress=lambda f, m: messages.append((f, m)))
    assert (distribution.requested, distribution.algorithm) == ("leximin", "maximin")
    assert "did not finish within the time limit" in distribution.reason
    assert messages[-1][0] == 1.0
    assert [f for f, _m in messages] == sorted(f for f, _m in messages)  # progress never goes back


def test_out_of_time_after_a_level_keeps_the_levels_done():
    import time

    people = {"W1": ("w",), "W2": ("w",), "M1": ("m",), "M2": ("m",), "M3": ("m",), "M4": ("m",)}
    instance = make_selection([("gender", "w", 1, 1), ("gender", "m", 1, 1)], people, 2)

    def slow_reader(fraction, message):
        if message.startswith("LEXIMIN level 1"):
            time.sleep(1.2)  # the time limit passes while level 1 is being reported

    distribution = find_distribution(instance, "leximin", time_limit=1.0, progress=slow_reader)
    assert distribution.algorithm == "leximin-partial"
    assert "the levels it finished (1) is kept" in distribution.reason
    assert [level.value for level in distribution.levels] == pytest.approx([0.25])
    assert min(distribution.person_probabilities().values()) == pytest.approx(0.25)  # maximin's optimum
