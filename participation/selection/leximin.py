"""LEXIMIN over types with the open-source HiGHS solver.

LEXIMIN (Flanigan, Gölz, Gupta, Hennig, Procaccia, Nature 2021) picks the distribution over panels
that maximises the lowest selection probability anyone has, then, with those people held at that
level, the next lowest, and so on. Everybody of a type has the same probability, so the
programme has one probability per type, not per person.

Each level is a linear programme over panels (the master):

    maximise z  subject to  Σ_P λ_P = 1,  λ ≥ 0,
                            π_t = Σ_P λ_P · x_{P,t} / n_t ≥ z    for the types not yet fixed,
                            π_t ≥ v_t                             for the types fixed at v_t.

There are far too many panels to list, so the master holds a few and grows (column generation):
its dual prices y_t ≥ 0 (Σ y_t = 1 over the unfixed types) and μ ask the pricing problem — a
mixed-integer programme over the panels (panels.py) — for the panel maximising
Σ_t y_t · x_{P,t} / n_t. If that beats μ the panel joins the master. Otherwise no panel can help,
and whatever the pricing problem returns, max_P Σ_t y_t x_{P,t}/n_t − Σ_fixed y_t v_t bounds the
level's value from above (weak duality): the certified gap is that bound minus the value reached.
Once the gap is within the tolerance, the types with a positive dual price cannot rise above the
level in any optimal distribution (complementary slackness), so they are fixed there and the next
level begins, until every type is fixed.
"""

import time
from dataclasses import dataclass

import highspy
import numpy as np

from .panels import INF, PanelSolver

# A level is done when its certified gap is below this (probabilities are drawn from 1,000
# tickets, so anything much finer than 1/1000 does not show).
TOLERANCE = 1e-5
# Fixed types are held this much below their level, so rounding in the solver never makes the
# next level's programme infeasible.
SLACK = 1e-9
# A dual price above this marks a type as fixed at the level.
DUAL_POSITIVE = 1e-7
# Rounds of multiplicative weights that seed the master with varied panels: one per type when
# there are at most SEED_EVERY_TYPE_UP_TO types (the varied panels save more column generation
# than they cost: 300 people to 100 went from 2.5 to 1.9 s, 2,000 to 200 from 3.7 to 2.0 s),
# else SEED_ROUNDS, where each round's pricing problem costs more.
SEED_EVERY_TYPE_UP_TO = 200
SEED_ROUNDS = 30
# Weight of the best prices so far when pricing panels (Wentges' smoothing).
SMOOTHING = 0.5


class TimeLimitReached(Exception):
    """Past the deadline; `partial` holds the levels finished so far (a LeximinResult whose
    lowest probability is already the maximin optimum), or None before the first."""

    def __init__(self, partial=None):
        super().__init__()
        self.partial = partial


@dataclass(frozen=True)
class Level:
    """One LEXIMIN level: the probability reached, the certified gap, people fixed so far."""

    number: int
    value: float
    gap: float
    fixed_people: int
    panels: int
    seconds: float  # since the start of leximin()


@dataclass(frozen=True)
class LeximinResult:
    panels: list  # counts per type
    weights: list  # the probability of each panel
    levels: list


def _initial_panels(solver, sizes, deadline):
    """Panels that include every type some panel can include, then a few varied ones."""
    count = len(sizes)
    inverse = 1.0 / np.asarray(sizes, dtype=float)
    panels, uncovered = [], set(range(count))
    while uncovered:
        _check(deadline)
        weights = np.array([inverse[t] if t in uncovered else 0.0 for t in range(count)])
        counts = _price(solver, weights, deadline)[0]
        covered = {t for t in uncovered if counts[t] > 0}
        if not covered:  # the best panel includes none of them: no panel can
            break
        panels.append(counts)
        uncovered -= covered
    # Multiplicative weights: lower the weight of the types each new panel includes.
    weights = np.ones(count)
    for _round in range(count if count <= SEED_EVERY_TYPE_UP_TO else SEED_ROUNDS):
        _check(deadline)
        counts = _price(solver, weights * inverse, deadline)[0]
        weights *= 1 - 0.5 * np.asarray(counts) * inverse
        weights /= weights.sum() if weights.sum() > 0 else 1
        if counts not in panels:
            panels.append(counts)
    return panels, sorted(uncovered)


def _check(deadline):
    if deadline is not None and time.monotonic() > deadline:
        raise TimeLimitReached


def _price(solver, weights, deadline):
    """solver.solve within what is left of the time; the deadline passing mid-solve stops too."""
    try:
        return solver.solve(weights, None if deadline is None else deadline - time.monotonic())
    except TimeoutError:
        raise TimeLimitReached from None


class _Master:
    """The restricted master programme, solved in its dual form: the prices y_t (columns
    0..T-1) and μ (column T) with one row per known panel, Σ_t y_t·x_{P,t}/n_t ≤ μ, and the
    row Σ_{t unfixed} y_t = 1; minimise μ − Σ_{t fixed} y_t·v_t. A new panel is a new row, which
    the dual simplex method takes from the last basis in a few iterations; the panels' weights
    are that row's duals."""

    def __init__(self, sizes):
        self.sizes = np.asarray(sizes, dtype=float)
        self.count = len(sizes)
        highs = highspy.Highs()
        highs.setOptionValue("output_flag", False)
        highs.setOptionValue("presolve", "off")  # warm starts from the last basis instead
        highs.setOptionValue("threads", 1)
        highs.addVars(self.count, np.zeros(self.count), np.full(self.count, INF))
        highs.addVar(-INF, INF)
        highs.changeColCost(self.count, 1.0)
        index = np.arange(self.count, dtype=np.int32)
        highs.addRow(1.0, 1.0, self.count, index, np.ones(self.count))
        self.highs = highs
        self.panels = []
        self.known = set()

    def add(self, counts):
        nonzero = [t for t in range(self.count) if counts[t]]
        columns = np.array(nonzero + [self.count], dtype=np.int32)
        values = np.array([counts[t] / self.sizes[t] for t in nonzero] + [-1.0])
        self.highs.addRow(-INF, 0.0, len(columns), columns, values)
        self.panels.append(counts)
        self.known.add(counts)

    def fix(self, t, value):
        self.highs.changeCoeff(0, t, 0.0)
        self.highs.changeColCost(t, -max(value - SLACK, 0.0))

    def solve(self, deadline=None):
        # HiGHS counts its time limit from the object's first run, over every run since.
        left = INF if deadline is None else self.highs.getRunTime() + max(deadline - time.monotonic(), 0.01)
        self.highs.setOptionValue("time_limit", left)
        self.highs.run()
        if self.highs.getModelStatus() == highspy.HighsModelStatus.kTimeLimit:
            raise TimeLimitReached
        if self.highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            raise RuntimeError(self.highs.modelStatusToString(self.highs.getModelStatus()))
        solution = self.highs.getSolution()
        values = np.asarray(solution.col_value)
        z = self.highs.getInfo().objective_function_value
        weights = np.maximum(-np.asarray(solution.row_dual[1:]), 0.0)
        return z, values[self.count], np.maximum(values[: self.count], 0.0), weights


def _level(master, solver, fixed, inverse, deadline, tolerance):
    """Column generation for one level: its value, certified gap, dual prices and the weights
    of the master's panels.

    The master's dual prices jump from one panel to the next and the value creeps up
    (tailing off), so panels are priced at a point between them and the prices that gave
    the best bound so far (Wentges' smoothing); when that finds no panel the master lacks,
    the master's own prices are tried before stopping."""
    best_upper, center = INF, None
    while True:
        _check(deadline)
        z, mu, prices, weights = master.solve(deadline)
        tries = [prices] if center is None else [SMOOTHING * center + (1 - SMOOTHING) * prices, prices]
        added = False
        for point in tries:
            counts, value, bound = _price(solver, point * inverse, deadline)
            upper = bound - sum(point[t] * (v - SLACK) for t, v in fixed.items())
            if upper < best_upper:
                best_upper, center = upper, point
            if best_upper - z <= tolerance:
                return z, max(best_upper - z, 0.0), center, weights
            if float(np.dot(prices * inverse, counts)) > mu + tolerance / 10 and counts not in master.known:
                master.add(counts)
                added = True
        if not added:
            # The master's own prices admit no better panel: the master is optimal.
            return z, max(best_upper - z, 0.0), prices, weights


def leximin(instance, deadline=None, progress=None, tolerance=TOLERANCE):
    """The LEXIMIN distribution over panels for `instance` (quotas.Instance); raises
    TimeLimitReached past `deadline` (time.monotonic()); calls progress(fraction, level) after
    each level, the fraction being the share of people whose probability is fixed."""
    started = time.monotonic()
    sizes = instance.sizes
    total_people = sum(sizes)
    solver = PanelSolver(instance)
    panels, unselectable = _initial_panels(solver, sizes, deadline)
    master = _Master(sizes)
    for counts in panels:
        master.add(counts)
    fixed = {}
    for t in unselectable:
        master.fix(t, 0.0)
        fixed[t] = 0.0
    levels, result = [], None
    inverse = 1.0 / np.asarray(sizes, dtype=float)
    while len(fixed) < len(sizes):
        try:
            z, gap, prices, weights = _level(master, solver, fixed, inverse, deadline, tolerance)
        except TimeLimitReached:
            raise TimeLimitReached(result) from None
        unfixed = [t for t in range(len(sizes)) if t not in fixed]
        tight = [t for t in unfixed if prices[t] > DUAL_POSITIVE] or [max(unfixed, key=lambda t: prices[t])]
        for t in tight:
            master.fix(t, z)
            fixed[t] = z
        fixed_people = sum(sizes[t] for t in fixed)
        elapsed = time.monotonic() - started
        levels.append(Level(number=len(levels) + 1, value=z, gap=gap, fixed_people=fixed_people, panels=len(master.panels), seconds=elapsed))
        chosen = [p for p in range(len(weights)) if weights[p] > 1e-12]
        total = weights[chosen].sum()
        result = LeximinResult(
            panels=[master.panels[p] for p in chosen],
            weights=[float(weights[p] / total) for p in chosen],
            levels=list(levels),
        )
        if progress:
            progress(fixed_people / total_people, levels[-1])
    return result
