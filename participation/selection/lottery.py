"""The lottery: a distribution over panels rounded to 1,000 equally likely tickets, the draw of
one ticket from a seed announced before the draw, the panel and the ordered reserve list, and
replacements from the reserve that keep every quota.

The tickets are published before the draw; the seed (a lottery result, an index close, announced
in advance as the future source) picks one: SHA-256 of the seed text, as a number, modulo 1,000.
The ticket says how many people of each type sit on the panel; within a type, the people with the
lowest SHA-256(seed, reference) ranks do. verify_standalone.py holds these rules, and anyone can
run it on the bundle.
"""

from dataclasses import dataclass

import highspy
import numpy as np
from django.utils.translation import gettext as _

from .check import quota_problems
from .verify_standalone import expand, normalise_seed, ticket_for_seed

TICKETS = 1000
# Seconds HiGHS may spend improving on the largest-remainder rounding.
ROUNDING_TIME_LIMIT = 2.0


@dataclass(frozen=True)
class Lottery:
    distribution: object
    tickets: list  # tickets[i]: counts per type of ticket i's panel
    rounding_error: float  # the largest change to anyone's probability made by the rounding

    @property
    def instance(self):
        return self.distribution.instance

    def type_probabilities(self):
        sizes = self.instance.sizes
        totals = np.sum(np.asarray(self.tickets, dtype=float), axis=0)
        return [float(totals[t]) / (len(self.tickets) * sizes[t]) for t in range(len(sizes))]

    def person_probabilities(self):
        shares = self.type_probabilities()
        return {reference: shares[t] for t, members in enumerate(self.instance.members) for reference in members}


@dataclass(frozen=True)
class Draw:
    seed: str
    ticket: int
    panel: list  # references, by rank
    reserve: list  # everyone else, by rank: the order replacements are offered in


def make_lottery(distribution, tickets=TICKETS, time_limit=ROUNDING_TIME_LIMIT):
    """Round the panels' probabilities to multiples of 1/tickets: each panel gets the floor or
    the ceiling of its share of tickets, chosen (by HiGHS, from the largest-remainder rounding)
    to keep every type's probability as close as possible to the distribution's."""
    panels = distribution.panels
    sizes = np.asarray(distribution.instance.sizes, dtype=float)
    shares = np.asarray(distribution.weights) * tickets
    floors = np.floor(shares + 1e-9)
    extra = int(round(tickets - floors.sum()))
    remainders = shares - floors
    largest = np.zeros(len(panels))
    largest[np.argsort(-remainders, kind="stable")[:extra]] = 1
    rounded = floors + _closest_rounding(panels, sizes, remainders, extra, largest, time_limit)
    target = np.asarray(distribution.type_probabilities())
    matrix = np.asarray(panels, dtype=float) / sizes
    error = float(np.max(np.abs(rounded @ matrix / tickets - target))) if len(panels) else 0.0
    listed = []
    for panel, count in sorted(zip(panels, rounded.astype(int))):
        listed += [tuple(panel)] * int(count)
    return Lottery(distribution, listed, error)


def _closest_rounding(panels, sizes, remainders, extra, start, time_limit):
    """Which panels get their ceiling: `extra` of them, minimising the largest change of a
    type's probability; starts from `start` and keeps it if HiGHS finds nothing better in time."""
    count, types = len(panels), len(sizes)
    if extra == 0 or extra == count:
        return start
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("time_limit", time_limit)
    highs.setOptionValue("threads", 1)
    # Columns: one binary per panel (ceiling or not), then d, the largest change (in tickets).
    highs.addVars(count, np.zeros(count), np.ones(count))
    highs.changeColsIntegrality(count, np.arange(count, dtype=np.int32), np.array([highspy.HighsVarType.kInteger] * count))
    highs.addVar(0.0, highspy.kHighsInf)
    highs.changeColCost(count, 1.0)
    highs.addRow(extra, extra, count, np.arange(count, dtype=np.int32), np.ones(count))
    matrix = np.asarray(panels, dtype=float) / sizes
    for t in range(types):
        used = np.nonzero(matrix[:, t])[0]
        # The change for type t: Σ_P (ceil_P − remainder_P) · x_{P,t}/n_t, within ±d.
        offset = float(remainders[used] @ matrix[used, t])
        columns = np.append(used, count).astype(np.int32)
        highs.addRow(-highspy.kHighsInf, offset, len(columns), columns, np.append(matrix[used, t], -1.0))
        highs.addRow(offset, highspy.kHighsInf, len(columns), columns, np.append(matrix[used, t], 1.0))
    solution = highspy.HighsSolution()
    worst = max(abs(float((start - remainders) @ matrix[:, t])) for t in range(types))
    solution.col_value = list(start) + [worst]
    highs.setSolution(solution)
    highs.run()
    if highs.getInfo().primal_solution_status != highspy.SolutionStatus.kSolutionStatusFeasible:
        return start
    chosen = np.round(np.asarray(highs.getSolution().col_value[:count]))
    return chosen if int(chosen.sum()) == extra else start


def draw(lottery, seed):
    """The panel and reserve list that `seed` (announced before the draw) picks."""
    seed = normalise_seed(seed)
    if not seed:
        raise ValueError(_("The seed is empty."))
    ticket = ticket_for_seed(seed, len(lottery.tickets))
    panel, reserve = expand(seed, lottery.instance.members, lottery.tickets[ticket])
    return Draw(seed, ticket, panel, reserve)


def replacement(instance, panel, leaving, reserve):
    """The first person on the reserve list who can take `leaving`'s place with every quota
    still met, and no problems; or None and the quotas the first reserve would break."""
    staying = [reference for reference in panel if reference != leaving]
    first_problems = None
    for candidate in reserve:
        if candidate in panel:
            continue
        problems = quota_problems(instance.quotas, instance.pool, staying + [candidate])
        if not problems:
            return candidate, []
        if first_problems is None:
            first_problems = problems
    return None, first_problems or []

