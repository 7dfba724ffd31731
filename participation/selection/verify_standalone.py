#!/usr/bin/env python3
"""Check a selection's transparency bundle with nothing but Python 3.11+ and this file.

    python3 verify_standalone.py BUNDLE        # a bundle folder or its .zip

It recomputes the drawn ticket from the seed, the panel and the reserve list from the ticket
and the seed, checks that the panel and every ticket meet every quota, and that each person's
published probability is the share of tickets that select them. It prints what it found and
exits with 0 when everything agrees, 1 otherwise. Dialogue's `manage.py verify_selection` runs
the same checks; the engine draws with the functions below, so this file is the procedure.

The procedure, fixed before the seed is known:
  * seed text: surrounding white space removed, Unicode NFC, encoded as UTF-8;
  * drawn ticket = int(SHA-256(seed text), hexadecimal) mod the number of tickets (1,000);
  * each person's rank = SHA-256 of seed text, a line feed and the person's reference, in
    hexadecimal; the ticket says how many people of each type sit on the panel; the panel is,
    in each type, that many people with the lowest ranks; the panel and the reserve list (everyone
    else) are listed by rank.
"""

import csv
import hashlib
import io
import json
import sys
import unicodedata
import zipfile
from collections import Counter
from pathlib import Path

# The version of the procedure below; selection.json records it.
PROCEDURE = 1
FILES = ("selection.json", "categories.csv", "people.csv", "types.csv", "tickets.csv", "probabilities.csv", "panel.csv", "reserve.csv")
# Published probabilities carry 12 decimals.
PROBABILITY_TOLERANCE = 1e-9

MESSAGES = {
    "missing_file": "The bundle has no {file}.",
    "bad_file": "{file} cannot be read: {error}",
    "unknown_feature": "{reference} has {value}, not a feature of {category}.",
    "types_differ": "types.csv does not match the people in people.csv.",
    "tickets_incomplete": "The tickets are not numbered 0 to {last} exactly once.",
    "ticket_too_many": "Ticket {ticket} takes more people of type {type} than there are.",
    "ticket_size": "Ticket {ticket} has {size} people, not {panel_size}.",
    "ticket_quota": "Ticket {ticket} has {count} for {category} {feature}, outside {min} to {max}.",
    "seed_ticket": "The seed gives ticket {expected}, not the published ticket {published}.",
    "panel_differs": "The published panel is not the one the seed and the ticket give.",
    "reserve_differs": "The published reserve list is not the one the seed gives.",
    "panel_size": "The panel has {size} people, not {panel_size}.",
    "panel_quota": "The panel has {count} for {category} {feature}, outside {min} to {max}.",
    "probability_missing": "{reference} has no published probability.",
    "probability_differs": "{reference}'s published probability {published} is not the tickets' {computed}.",
    "summary_differs": "selection.json says {name} is {published}; the probabilities give {computed}.",
}


def normalise_seed(seed):
    return unicodedata.normalize("NFC", seed.strip())


def ticket_for_seed(seed, tickets):
    return int(hashlib.sha256(normalise_seed(seed).encode("utf-8")).hexdigest(), 16) % tickets


def rank(seed, reference):
    return hashlib.sha256(f"{normalise_seed(seed)}\n{reference}".encode("utf-8")).hexdigest()


def expand(seed, members, counts):
    """Panel and reserve (references by rank) for a ticket's `counts` per type of `members`."""
    panel, reserve = [], []
    for people, count in zip(members, counts):
        ordered = sorted(people, key=lambda reference: rank(seed, reference))
        panel += ordered[:count]
        reserve += ordered[count:]
    return sorted(panel, key=lambda r: rank(seed, r)), sorted(reserve, key=lambda r: rank(seed, r))


def quota_counts(categories, features_of, references):
    """{(category, feature): panel members having it}."""
    counts = Counter()
    for reference in references:
        counts.update(zip(categories, features_of[reference]))
    return counts


def gini(values):
    """Gini coefficient: 0 when everyone has the same, towards 1 when a few have everything."""
    values = sorted(values)
    total = sum(values)
    if not values or total == 0:
        return 0.0
    n = len(values)
    return 2 * sum(i * value for i, value in enumerate(values, start=1)) / (n * total) - (n + 1) / n


class Bundle:
    def __init__(self, path):
        path = Path(path)
        if path.is_dir():
            self.read = lambda name: (path / name).read_text(encoding="utf-8")
            self.names = {p.name for p in path.iterdir()}
        else:
            archive = zipfile.ZipFile(path)
            self.read = lambda name: archive.read(name).decode("utf-8")
            self.names = set(archive.namelist())

    def rows(self, name):
        return list(csv.DictReader(io.StringIO(self.read(name))))


def check(path):
    """[(code, parameters)] for everything that does not agree; empty when all is well."""
    try:
        bundle = Bundle(path)
    except (OSError, zipfile.BadZipFile) as error:
        return [("bad_file", {"file": str(path), "error": error})]
    missing = [("missing_file", {"file": name}) for name in FILES if name not in bundle.names]
    if missing:
        return missing
    try:
        return _check(bundle)
    except (KeyError, ValueError, IndexError) as error:
        return [("bad_file", {"file": Path(path).name, "error": repr(error)})]


def _check(bundle):
    problems = []
    selection = json.loads(bundle.read("selection.json"))
    seed, panel_size, total = selection["seed"], int(selection["panel_size"]), int(selection["tickets"])
    quotas = [(row["category"], row["feature"], int(row["min"]), int(row["max"])) for row in bundle.rows("categories.csv")]
    categories = list(dict.fromkeys(category for category, *_rest in quotas))
    declared = {(category, feature) for category, feature, *_rest in quotas}
    features_of = {}
    for row in bundle.rows("people.csv"):
        features_of[row["reference"]] = tuple(row[category] for category in categories)
        for category in categories:
            if (category, row[category]) not in declared:
                problems.append(("unknown_feature", {"reference": row["reference"], "value": row[category], "category": category}))

    # Types: the people with the same features, as types.csv lists them.
    members = {}
    for reference, features in features_of.items():
        members.setdefault(features, []).append(reference)
    types = [(row["type"], tuple(row[category] for category in categories), int(row["people"])) for row in bundle.rows("types.csv")]
    if sorted((features, size) for _t, features, size in types) != sorted((f, len(m)) for f, m in members.items()):
        return problems + [("types_differ", {})]
    type_members = [sorted(members[features]) for _t, features, _size in types]
    position = {name: index for index, (name, _f, _s) in enumerate(types)}

    # Tickets: each a count per type meeting every quota, numbered 0 .. total - 1 once each.
    tickets, numbers = [None] * total, []
    for row in bundle.rows("tickets.csv"):
        counts = [0] * len(types)
        for part in row["panel"].split():
            name, count = part.split(":")
            counts[position[name]] = int(count)
        first, last = int(row["first_ticket"]), int(row["last_ticket"])
        numbers += range(first, last + 1)
        for number in range(first, last + 1):
            if 0 <= number < total:
                tickets[number] = counts
        problems += _check_ticket(first, counts, types, quotas, categories, panel_size)
    if sorted(numbers) != list(range(total)):
        return problems + [("tickets_incomplete", {"last": total - 1})]

    # The draw: the seed's ticket, then the people.
    drawn = ticket_for_seed(seed, total)
    if drawn != int(selection["ticket"]):
        problems.append(("seed_ticket", {"expected": drawn, "published": selection["ticket"]}))
    panel, reserve = expand(seed, type_members, tickets[drawn])
    published_panel = [row["reference"] for row in bundle.rows("panel.csv")]
    if published_panel != panel:
        problems.append(("panel_differs", {}))
    if [row["reference"] for row in bundle.rows("reserve.csv")] != reserve:
        problems.append(("reserve_differs", {}))
    if len(published_panel) != panel_size:
        problems.append(("panel_size", {"size": len(published_panel), "panel_size": panel_size}))
    counts = quota_counts(categories, features_of, [r for r in published_panel if r in features_of])
    for category, feature, low, high in quotas:
        if not low <= counts[category, feature] <= high:
            problems.append(("panel_quota", {"count": counts[category, feature], "category": category, "feature": feature, "min": low, "max": high}))

    # Probabilities: the share of tickets whose panel includes each person.
    published = {row["reference"]: float(row["probability"]) for row in bundle.rows("probabilities.csv")}
    computed = {}
    for t, people in enumerate(type_members):
        share = sum(ticket[t] for ticket in tickets) / (total * len(people))
        for reference in people:
            computed[reference] = share
            if reference not in published:
                problems.append(("probability_missing", {"reference": reference}))
            elif abs(published[reference] - share) > PROBABILITY_TOLERANCE:
                problems.append(("probability_differs", {"reference": reference, "published": published[reference], "computed": f"{share:.12f}"}))
    summary = selection.get("probabilities", {})
    values = list(computed.values())
    for name, value in (("min", min(values)), ("max", max(values)), ("gini", gini(values))):
        if name in summary and abs(float(summary[name]) - value) > 1e-6:
            problems.append(("summary_differs", {"name": name, "published": summary[name], "computed": f"{value:.6f}"}))
    return problems


def _check_ticket(number, counts, types, quotas, categories, panel_size):
    problems = []
    for (name, _features, size), count in zip(types, counts):
        if count > size:
            problems.append(("ticket_too_many", {"ticket": number, "type": name}))
    if sum(counts) != panel_size:
        problems.append(("ticket_size", {"ticket": number, "size": sum(counts), "panel_size": panel_size}))
    index = {category: i for i, category in enumerate(categories)}
    for category, feature, low, high in quotas:
        count = sum(c for (_n, features, _s), c in zip(types, counts) if features[index[category]] == feature)
        if not low <= count <= high:
            problems.append(("ticket_quota", {"ticket": number, "count": count, "category": category, "feature": feature, "min": low, "max": high}))
    return problems


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print(__doc__.split("\n\n")[1].strip())
        return 2
    problems = check(argv[0])
    for code, parameters in problems:
        print(MESSAGES[code].format(**parameters))
    if problems:
        print(f"FAILED: {len(problems)} problem(s).")
        return 1
    print("OK: the seed gives the published ticket and panel, every quota holds, the probabilities are the tickets' shares.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
