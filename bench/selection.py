#!/usr/bin/env python
"""Time LEXIMIN over types against maximin on the same pools and record the figures.

    .venv/bin/python bench/selection.py [--quick] [--time-limit 60] [--no-docs]

Pools are made up with a fixed random seed: people answer gender (3 values), age band (5),
region (5), education (3), area (urban/rural) and time slot (3) with the census-like shares
below, except that the pool over-represents the last value of each (volunteers self-select:
weight x1.6). Quotas: each value's share of the panel, 10% either way (floor of 0.9x, floor of
1.1x + 1). The instances: 300, 1,000 and 2,000 people with 4 categories (to panels of 100, 100
and 200), and 2,000 with all 6 (to 100). For each: LEXIMIN with the time limit (falling back as
docs/selection.md says), then maximin in the same run (our LEXIMIN's first level, the maximin
optimum over types, and sortition-algorithms' maximin over people where it finishes in reasonable
time), the lowest probability, how many people sit at it, and the lottery's rounding error.
Figures, not a test: the script exits 0 whatever the times.
"""

import argparse
import os
import platform
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from bench.run import cpu_count, cpu_model, write_docs  # noqa: E402
from participation.selection.engine import find_distribution, versions  # noqa: E402
from participation.selection.lottery import make_lottery  # noqa: E402
from participation.selection.quotas import Instance, Pool, Quota, Quotas  # noqa: E402

MARK_START = "<!-- bench-selection:start -->"
MARK_END = "<!-- bench-selection:end -->"
CATEGORIES = {
    "gender": (["woman", "man", "non-binary"], [0.49, 0.49, 0.02]),
    "age": (["16-29", "30-44", "45-59", "60-74", "75+"], [0.2, 0.25, 0.25, 0.2, 0.1]),
    "region": (["north", "south", "east", "west", "centre"], [0.3, 0.2, 0.2, 0.15, 0.15]),
    "education": (["primary", "secondary", "higher"], [0.2, 0.45, 0.35]),
    "area": (["urban", "rural"], [0.7, 0.3]),
    "slot": (["morning", "afternoon", "evening"], [0.3, 0.3, 0.4]),
}
INSTANCES = [(300, 100, 4), (1000, 100, 4), (2000, 200, 4), (2000, 100, 6)]
QUICK = [(300, 100, 4)]
# sortition-algorithms' maximin works per person; above this pool size it takes minutes.
SORTITION_MAXIMIN_UP_TO = 300


def instance(people, panel, categories, seed=1):
    rng = random.Random(seed)
    names = list(CATEGORIES)[:categories]
    pool = {}
    for number in range(people):
        features = []
        for name in names:
            values, shares = CATEGORIES[name]
            weights = [share * (1.6 if i == len(shares) - 1 else 1) for i, share in enumerate(shares)]
            features.append(rng.choices(values, weights)[0])
        pool[f"R{number:05d}"] = tuple(features)
    quotas = [
        Quota(name, value, int(panel * share * 0.9), int(panel * share * 1.1 + 1))
        for name in names
        for value, share in zip(*CATEGORIES[name])
    ]
    return Instance.build(Quotas(tuple(quotas)), Pool(tuple(names), pool), panel)


def lowest(distribution):
    shares = distribution.type_probabilities()
    values = [shares[t] for t, members in enumerate(distribution.instance.members) for _ in members]
    low = min(values)
    return low, sum(1 for value in values if value < low + 1e-6)


def measure(people, panel, categories, time_limit):
    problem = instance(people, panel, categories)
    started = time.monotonic()
    leximin = find_distribution(problem, "leximin", time_limit=time_limit)
    seconds = time.monotonic() - started
    lottery = make_lottery(leximin)
    row = {
        "instance": f"{people:,} → {panel}, {categories} categories, {len(problem.types)} types",
        "leximin": f"{seconds:.1f} s ({leximin.algorithm}, {len(leximin.levels)} levels)",
        "leximin_min": "%.4f (%d people)" % lowest(leximin),
        "rounding": f"{lottery.rounding_error:.4f}",
    }
    if leximin.levels:
        first = leximin.levels[0]
        row["maximin_types"] = f"{first.value:.4f} ({first.fixed_people} people) after {first.seconds:.1f} s"
    if people <= SORTITION_MAXIMIN_UP_TO:
        started = time.monotonic()
        maximin = find_distribution(problem, "maximin")
        row["maximin"] = f"{time.monotonic() - started:.1f} s"
        row["maximin_min"] = "%.4f (%d people)" % lowest(maximin)
    else:
        row["maximin"] = "not run (minutes)"
        row["maximin_min"] = "–"
    print(row, flush=True)
    return row


def render(rows, time_limit):
    lines = [
        "| instance | LEXIMIN | lowest probability (people at it) | level 1 = maximin's optimum (people fixed), reached after | sortition-algorithms maximin | its lowest probability (people at it) | ticket rounding: largest change |",
        "|---|---|---|---|---|---|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['instance']} | {row['leximin']} | {row['leximin_min']} | {row.get('maximin_types', '–')} | {row['maximin']} | {row['maximin_min']} | {row['rounding']} |"
        )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines += [
        "",
        f"- time limit: {time_limit:g} s; versions: " + ", ".join(f"{name} {version}" for name, version in versions().items()),
        f"- date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; CPU: {cpu_model()}, {cpu_count()} CPUs; load average at the end: {load:.2f}; Python {platform.python_version()}",
        "",
    ]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="only the 300-person instance")
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--no-docs", action="store_true", help="print only; leave docs/performance.md alone")
    options = parser.parse_args()
    rows = [measure(*spec, options.time_limit) for spec in (QUICK if options.quick else INSTANCES)]
    report = render(rows, options.time_limit)
    print(report)
    if not options.no_docs:
        write_docs(report, MARK_START, MARK_END, heading="## Selection")


if __name__ == "__main__":
    main()
