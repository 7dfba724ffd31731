"""The selection engine's entry points, for the command line and for background tasks.

    instance = Instance.build(quotas, pool, panel_size)      # quotas.py
    distribution = find_distribution(instance, "leximin", time_limit=60, progress=report)
    lottery = make_lottery(distribution)                     # lottery.py: 1,000 tickets, publish
    result = draw(lottery, seed)                              # once the announced seed is known

`progress(fraction, message)` receives a fraction of the work done (0 to 1) and a translated
message that ends with an estimate of the time left.
"""

import logging
import time
from dataclasses import dataclass, field
from importlib import metadata

from django.utils.translation import gettext as _

from .leximin import TimeLimitReached, leximin
from .quotas import check_feasible

# What can be asked for; a Distribution may also record "leximin-partial" as run (LEXIMIN's
# finished levels, kept when its time ran out).
ALGORITHMS = ("leximin", "maximin", "nash")
DEFAULT_TIME_LIMIT = 60.0


@dataclass(frozen=True)
class Distribution:
    """A probability distribution over panels; a panel is a count per type of `instance`."""

    instance: object
    panels: list
    weights: list
    requested: str
    algorithm: str  # the algorithm that produced it
    reason: str  # why that one, in words
    seconds: float
    levels: list = field(default_factory=list)  # LEXIMIN's levels (leximin.Level), empty otherwise

    def type_probabilities(self):
        sizes = self.instance.sizes
        return [sum(weight * panel[t] for panel, weight in zip(self.panels, self.weights)) / sizes[t] for t in range(len(sizes))]

    def person_probabilities(self):
        """{reference: probability}; everyone of a type has the type's."""
        shares = self.type_probabilities()
        return {reference: shares[t] for t, members in enumerate(self.instance.members) for reference in members}


class Progress:
    """Wraps a progress(fraction, message) callback: adds the time left, never goes backwards."""

    def __init__(self, callback, time_limit=None):
        self.callback = callback
        self.started = time.monotonic()
        self.time_limit = time_limit
        self.fraction = 0.0

    def __call__(self, fraction, message):
        if not self.callback:
            return
        self.fraction = max(self.fraction, min(fraction, 1.0))
        elapsed = time.monotonic() - self.started
        if self.fraction >= 1:
            left = 0
        elif self.fraction > 0:
            left = elapsed * (1 - self.fraction) / self.fraction
        else:
            left = None
        if self.time_limit is not None and left is not None:
            left = min(left, max(self.time_limit - elapsed, 0))
        if left is None:
            self.callback(self.fraction, message)
        else:
            self.callback(self.fraction, _("%(message)s — about %(seconds)s s left") % {"message": message, "seconds": round(left)})


def versions():
    """The versions a transparency bundle records."""

    def version(name):
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:  # run from a source checkout
            return "source"

    return {
        "dialogue-participation": version("dialogue-participation"),
        "highspy": version("highspy"),
        "sortition-algorithms": version("sortition-algorithms"),
    }


def find_distribution(instance, algorithm="leximin", time_limit=DEFAULT_TIME_LIMIT, progress=None):
    """The distribution over panels by `algorithm` (leximin, maximin or nash). LEXIMIN past
    `time_limit` seconds keeps the levels it finished, or, before the first, gives way to
    sortition-algorithms' maximin; the Distribution says which ran and why. Raises
    quotas.InfeasibleQuotas naming the quotas when no panel exists."""
    if algorithm not in ALGORITHMS:
        raise ValueError(algorithm)
    started, requested = time.monotonic(), algorithm
    report = Progress(progress, time_limit if algorithm == "leximin" else None)
    check_feasible(instance)
    report(0.0, _("The quotas can be met."))
    levels = []
    if algorithm == "leximin":
        try:
            result = leximin(instance, deadline=started + time_limit, progress=lambda fraction, level: report(fraction, _level_message(level)))
        except TimeLimitReached as stop:
            if stop.partial:
                # The levels done already hold maximin's optimum (level 1) and more, over types, in
                # a fraction of the time sortition-algorithms' maximin over people would take.
                algorithm = "leximin-partial"
                panels, weights, levels = stop.partial.panels, stop.partial.weights, stop.partial.levels
                report(report.fraction, reason_for(requested, algorithm, time_limit, len(levels)))
            else:
                algorithm = "maximin"
                report(report.fraction, reason_for(requested, algorithm, time_limit))
                panels, weights = _sortition(instance, "maximin", report)
        else:
            panels, weights, levels = result.panels, result.weights, result.levels
    else:
        panels, weights = _sortition(instance, algorithm, report)
    report(1.0, _("Distribution found."))
    reason = reason_for(requested, algorithm, time_limit, len(levels))
    return Distribution(instance, panels, weights, requested, algorithm, reason, time.monotonic() - started, levels)


def reason_for(requested, run, time_limit, levels=0):
    """Why `run` produced the distribution when `requested` was asked for, in the active
    language (pages say it again in their reader's language from the same facts)."""
    if run == "leximin":
        return _("LEXIMIN finished within the time limit of %(seconds)s s.") % {"seconds": _seconds(time_limit)}
    if run == "leximin-partial":
        return _(
            "LEXIMIN did not finish within the time limit of %(seconds)s s: the distribution of the levels it finished "
            "(%(levels)s) is kept. Its lowest probability is the maximin optimum; the higher ones may not be leximin's."
        ) % {"seconds": _seconds(time_limit), "levels": levels}
    if requested == "leximin":
        return _("LEXIMIN did not finish within the time limit of %(seconds)s s, so maximin ran instead.") % {"seconds": _seconds(time_limit)}
    return _("%(algorithm)s was asked for.") % {"algorithm": run}


def _seconds(value):
    return f"{value:g}"


def _level_message(level):
    return _("LEXIMIN level %(level)s: probability %(value)s for %(fixed)s people (certified gap %(gap)s)") % {
        "level": level.number,
        "value": f"{level.value:.4f}",
        "fixed": level.fixed_people,
        "gap": f"{level.gap:.1e}",
    }


class _Reporter:
    """sortition-algorithms' ProgressReporter protocol, passed on as messages."""

    def __init__(self, report):
        self.report = report

    def start_phase(self, name, total=None, *, message=None):
        self.report(self.report.fraction, message or name)

    def update(self, current, *, message=None):
        if message:
            self.report(self.report.fraction, message)

    def end_phase(self):
        pass


def _sortition(instance, algorithm, report):
    """maximin or nash from sortition-algorithms (HiGHS), over people; each panel then becomes
    its counts per type, which gives everyone of a type the same probability (their mean)."""
    from sortition_algorithms.committee_generation import find_distribution_maximin, find_distribution_nash
    from sortition_algorithms.features import FeatureValueMinMax
    from sortition_algorithms.people import People
    from sortition_algorithms.utils import override_logging_handlers

    # It prints its messages on stdout; they reach progress() instead (and Python's logging).
    override_logging_handlers([logging.NullHandler()], [logging.NullHandler()])

    features = {}
    for quota in instance.quotas.quotas:
        features.setdefault(quota.category, {})[quota.feature] = FeatureValueMinMax(min=quota.min, max=quota.max)
    people = People(columns_to_keep=[])
    for row, (reference, values) in enumerate(instance.pool.people.items(), start=1):
        people.add(reference, dict(zip(instance.pool.categories, values)), features, row)
    run = find_distribution_maximin if algorithm == "maximin" else find_distribution_nash
    committees, probabilities, _report = run(features, people, instance.panel_size, [], "highspy", progress_reporter=_Reporter(report))
    type_of = instance.type_of
    merged = {}
    for committee, probability in zip(committees, probabilities):
        counts = [0] * len(instance.types)
        for reference in committee:
            counts[type_of[reference]] += 1
        merged[tuple(counts)] = merged.get(tuple(counts), 0.0) + probability
    total = sum(merged.values())
    panels = sorted(merged)
    return panels, [merged[panel] / total for panel in panels]
