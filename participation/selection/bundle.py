"""The transparency bundle: what anyone needs to check a selection, without the database.

A folder (and the same files in a .zip) with:

    selection.json      seed, drawn ticket, panel size, algorithm (asked for, run, why), versions,
                        LEXIMIN's levels and gaps, the rounding error, min/max/Gini of probabilities
    categories.csv      category,feature,min,max
    people.csv          reference + one column per category (no names, no other data)
    types.csv           type,<categories>,people: the people the quotas cannot tell apart
    tickets.csv         first_ticket,last_ticket,panel ("type:count" pairs): the 1,000 tickets
    probabilities.csv   reference,probability (the share of tickets selecting the person)
    panel.csv           reference,rank: the drawn panel
    reserve.csv         reference,rank: everyone else, in the order replacements are offered

verify_standalone.py checks it; `verify` below runs the same checks with translated messages.
"""

import csv
import io
import json
import shutil
import zipfile
from pathlib import Path

from django.utils.translation import gettext as _

from . import verify_standalone
from .check import spread
from .engine import versions
from .verify_standalone import PROCEDURE, rank


def type_name(t):
    return f"T{t + 1}"


def contents(lottery, drawn, seed_source=""):
    """{file name: text} of the bundle for `drawn` (lottery.Draw) from `lottery`."""
    instance = lottery.instance
    categories = list(instance.pool.categories)
    probabilities = lottery.person_probabilities()
    files = {}
    files["categories.csv"] = _csv(["category", "feature", "min", "max"], [[q.category, q.feature, q.min, q.max] for q in instance.quotas.quotas])
    files["people.csv"] = _csv(["reference", *categories], [[reference, *instance.pool.people[reference]] for reference in sorted(instance.pool.people)])
    files["types.csv"] = _csv(
        ["type", *categories, "people"], [[type_name(t), *features, len(instance.members[t])] for t, features in enumerate(instance.types)]
    )
    files["tickets.csv"] = _csv(["first_ticket", "last_ticket", "panel"], ticket_rows(lottery.tickets))
    files["probabilities.csv"] = _csv(["reference", "probability"], [[r, f"{probabilities[r]:.12f}"] for r in sorted(probabilities)])
    files["panel.csv"] = _csv(["reference", "rank"], [[r, rank(drawn.seed, r)] for r in drawn.panel])
    files["reserve.csv"] = _csv(["reference", "rank"], [[r, rank(drawn.seed, r)] for r in drawn.reserve])
    files["selection.json"] = json.dumps(summary(lottery, drawn, seed_source), indent=2, ensure_ascii=False) + "\n"
    return files


def summary(lottery, drawn, seed_source=""):
    """What selection.json (and the command's summary.json) records."""
    distribution = lottery.distribution
    return {
        "seed": drawn.seed,
        "seed_source": seed_source,
        "procedure": PROCEDURE,
        "draw": "ticket = int(sha256(seed), 16) mod tickets; within each type the lowest sha256(seed + '\\n' + reference)",
        "tickets": len(lottery.tickets),
        "ticket": drawn.ticket,
        "panel_size": lottery.instance.panel_size,
        "people": len(lottery.instance.pool.people),
        "types": len(lottery.instance.types),
        "algorithm": {
            "requested": distribution.requested,
            "run": distribution.algorithm,
            "reason": distribution.reason,
            "seconds": round(distribution.seconds, 3),
            "levels": [
                {"probability": level.value, "gap": level.gap, "people_fixed": level.fixed_people, "seconds": round(level.seconds, 3)}
                for level in distribution.levels
            ],
        },
        "versions": versions(),
        "rounding_error": lottery.rounding_error,
        "probabilities": spread(lottery.person_probabilities()),
    }


def write(directory, lottery, drawn, seed_source=""):
    """Write the bundle into `directory` (created or emptied) and `directory`.zip; return both."""
    directory = Path(directory)
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    files = contents(lottery, drawn, seed_source)
    for name, text in files.items():
        (directory / name).write_text(text, encoding="utf-8")
    archive = directory.with_suffix(".zip")
    archive.write_bytes(zipped(files))
    verify_script = Path(verify_standalone.__file__)
    shutil.copy(verify_script, directory / verify_script.name)
    return directory, archive


def zipped(files):
    """The bundle's files ({name: text}) as a .zip's bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return out.getvalue()


def verify(path):
    """Translated sentences for everything in the bundle at `path` (folder or .zip) that does
    not agree; an empty list when the seed gives the published ticket, panel and reserve, every
    quota holds, and the probabilities are the tickets' shares."""
    return [_message(code, parameters) for code, parameters in verify_standalone.check(path)]


def _message(code, p):
    messages = {
        "missing_file": _("The bundle has no %(file)s."),
        "bad_file": _("%(file)s cannot be read: %(error)s"),
        "unknown_feature": _("%(reference)s has %(value)s, not a feature of %(category)s."),
        "types_differ": _("types.csv does not match the people in people.csv."),
        "tickets_incomplete": _("The tickets are not numbered 0 to %(last)s exactly once."),
        "ticket_too_many": _("Ticket %(ticket)s takes more people of type %(type)s than there are."),
        "ticket_size": _("Ticket %(ticket)s has %(size)s people, not %(panel_size)s."),
        "ticket_quota": _("Ticket %(ticket)s has %(count)s for %(category)s %(feature)s, outside %(min)s to %(max)s."),
        "seed_ticket": _("The seed gives ticket %(expected)s, not the published ticket %(published)s."),
        "panel_differs": _("The published panel is not the one the seed and the ticket give."),
        "reserve_differs": _("The published reserve list is not the one the seed gives."),
        "panel_size": _("The panel has %(size)s people, not %(panel_size)s."),
        "panel_quota": _("The panel has %(count)s for %(category)s %(feature)s, outside %(min)s to %(max)s."),
        "probability_missing": _("%(reference)s has no published probability."),
        "probability_differs": _("%(reference)s's published probability %(published)s is not the tickets' %(computed)s."),
        "summary_differs": _("selection.json says %(name)s is %(published)s; the probabilities give %(computed)s."),
    }
    return messages[code] % p


def ticket_rows(tickets):
    """[first ticket, last ticket, "T1:3 T7:1 ..."] for each run of equal tickets."""
    rows, first = [], 0
    for panel, number in _runs(tickets):
        rows.append([first, first + number - 1, " ".join(f"{type_name(t)}:{count}" for t, count in enumerate(panel) if count)])
        first += number
    return rows


def _runs(tickets):
    """(panel, how many consecutive tickets hold it)."""
    runs = []
    for panel in tickets:
        if runs and runs[-1][0] == panel:
            runs[-1][1] += 1
        else:
            runs.append([panel, 1])
    return runs


def _csv(header, rows):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()
