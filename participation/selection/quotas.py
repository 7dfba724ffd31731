"""Quotas and the pool of people, read from the Sortition Foundation's CSV formats, grouped into types.

A *category* (gender, age band, region, time slot...) has *features* (its values), each with a
minimum and a maximum number of panel members. People with the same feature in every category are
one *type*: the quotas cannot tell them apart, so the engine decides how many of each type sit on
a panel and gives everyone in a type the same probability.

`check_feasible` says at once, naming the quota, why quotas cannot all hold.
"""

import csv
import io
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

# The Sortition Foundation's tools name the two first columns of the categories file in three ways.
CATEGORY_HEADERS = (("category", "feature"), ("feature", "value"), ("category", "name"))
# Their default id column, used when a people file has neither the named column nor `id`.
SORTITION_FOUNDATION_ID = "nationbuilder_id"
MAX_LISTED_PROBLEMS = 10


class SelectionInputError(ValueError):
    """Input the engine cannot use; `problems` are translated sentences for people."""

    def __init__(self, problems):
        self.problems = list(problems)
        listed = self.problems[:MAX_LISTED_PROBLEMS]
        if len(self.problems) > MAX_LISTED_PROBLEMS:
            listed.append(_("… and %(count)s more problems.") % {"count": len(self.problems) - MAX_LISTED_PROBLEMS})
        super().__init__("\n".join(listed))


class InfeasibleQuotas(SelectionInputError):
    """No panel of the wanted size meets every quota; the problems name the quotas at fault."""


@dataclass(frozen=True)
class Quota:
    category: str
    feature: str
    min: int
    max: int

    def describe(self):
        return _("%(category)s “%(feature)s”") % {"category": self.category, "feature": self.feature}


@dataclass(frozen=True)
class Quotas:
    """Quotas in file order, grouped by category."""

    quotas: tuple[Quota, ...]

    @property
    def categories(self):
        return tuple(dict.fromkeys(quota.category for quota in self.quotas))

    def features(self, category):
        return tuple(quota.feature for quota in self.quotas if quota.category == category)

    def of(self, category):
        return [quota for quota in self.quotas if quota.category == category]


@dataclass(frozen=True)
class Pool:
    """People by reference, each with one feature per category (in `categories` order)."""

    categories: tuple[str, ...]
    people: dict[str, tuple[str, ...]]


def _rows(source):
    """The rows of a CSV given as a path or an open text file, with stripped, lower-case headers."""
    if isinstance(source, (str, Path)):
        try:
            text = Path(source).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise SelectionInputError([_("Cannot read %(file)s: %(error)s") % {"file": source, "error": error}]) from error
        source = io.StringIO(text)
    try:
        reader = csv.reader(source)
        header = next(reader, None)
        rows = list(reader)
    except csv.Error as error:
        raise SelectionInputError([_("The file is not valid CSV: %(error)s") % {"error": error}]) from error
    if not header:
        raise SelectionInputError([_("The file is empty.")])
    return [column.strip() for column in header], [row for row in rows if any(cell.strip() for cell in row)]


def read_categories(source):
    """Quotas from `category,feature,min,max` (or `feature,value,...`, `category,name,...`); the
    Sortition Foundation's `min_flex,max_flex` and any other column are ignored."""
    header, rows = _rows(source)
    lower = [column.lower() for column in header]
    for first, second in CATEGORY_HEADERS:
        if {first, second, "min", "max"} <= set(lower):
            break
    else:
        raise SelectionInputError([_("The categories file needs the columns category, feature, min and max.")])
    index = {name: lower.index(name) for name in (first, second, "min", "max")}
    problems, quotas, seen = [], [], set()
    for line, row in enumerate(rows, start=2):
        cells = {name: (row[position].strip() if position < len(row) else "") for name, position in index.items()}
        category, feature = cells[first], cells[second]
        if not category or not feature:
            problems.append(_("Categories file, line %(line)s: the category or the feature is empty.") % {"line": line})
            continue
        try:
            low, high = int(cells["min"]), int(cells["max"])
        except ValueError:
            problems.append(_("Categories file, line %(line)s: min and max must be whole numbers.") % {"line": line})
            continue
        if low < 0 or low > high:
            problems.append(
                _("Categories file, line %(line)s: %(category)s “%(feature)s” needs 0 ≤ min ≤ max.")
                % {"line": line, "category": category, "feature": feature}
            )
            continue
        key = (category.casefold(), feature.casefold())
        if key in seen:
            problems.append(
                _("Categories file, line %(line)s: %(category)s “%(feature)s” is listed twice.")
                % {"line": line, "category": category, "feature": feature}
            )
            continue
        seen.add(key)
        quotas.append(Quota(category, feature, low, high))
    if not quotas and not problems:
        problems.append(_("The categories file has no quotas."))
    if problems:
        raise SelectionInputError(problems)
    return Quotas(tuple(quotas))


def read_people(source, quotas, id_column=None):
    """The pool: an id column (`id_column`, else `id`, else the Sortition Foundation's
    `nationbuilder_id`, else the first column) and one column per category; other columns (names,
    addresses) are not read. Features match the declared ones whatever their case."""
    header, rows = _rows(source)
    lower = [column.lower() for column in header]
    if id_column:
        if id_column.lower() not in lower:
            raise SelectionInputError([_("The people file has no id column “%(column)s”.") % {"column": id_column}])
        id_index = lower.index(id_column.lower())
    else:
        id_index = next((lower.index(name) for name in ("id", SORTITION_FOUNDATION_ID) if name in lower), 0)
    missing = [category for category in quotas.categories if category.lower() not in lower]
    if missing:
        raise SelectionInputError(
            [_("The people file has no column for the category “%(category)s”.") % {"category": category} for category in missing]
        )
    columns = [lower.index(category.lower()) for category in quotas.categories]
    declared = [{feature.casefold(): feature for feature in quotas.features(category)} for category in quotas.categories]
    problems, people, lines = [], {}, defaultdict(list)
    for line, row in enumerate(rows, start=2):
        cells = [cell.strip() for cell in row] + [""] * (len(header) - len(row))
        reference = cells[id_index]
        if not reference:
            problems.append(_("People file, line %(line)s: the id is empty.") % {"line": line})
            continue
        lines[reference].append(line)
        features = []
        for category, column, known in zip(quotas.categories, columns, declared):
            value = cells[column]
            if not value:
                problems.append(
                    _("People file, line %(line)s (%(id)s): no value for %(category)s.") % {"line": line, "id": reference, "category": category}
                )
            elif value.casefold() not in known:
                problems.append(
                    _("People file, line %(line)s (%(id)s): “%(value)s” is not a feature of %(category)s in the categories file.")
                    % {"line": line, "id": reference, "value": value, "category": category}
                )
            features.append(known.get(value.casefold(), value))
        people[reference] = tuple(features)
    for reference, where in lines.items():
        if len(where) > 1:
            problems.append(
                _("People file: the id %(id)s appears on lines %(lines)s.") % {"id": reference, "lines": ", ".join(map(str, where))}
            )
    if not people and not problems:
        problems.append(_("The people file has nobody in it."))
    if problems:
        raise SelectionInputError(problems)
    return Pool(quotas.categories, people)


@dataclass(frozen=True)
class Instance:
    """A selection problem over types: `types[t]` is a feature tuple, `members[t]` the sorted
    references of its people, `quota_types[q]` the types counting towards `quotas.quotas[q]`."""

    quotas: Quotas
    pool: Pool
    panel_size: int
    types: tuple[tuple[str, ...], ...]
    members: tuple[tuple[str, ...], ...]
    quota_types: tuple[tuple[int, ...], ...]

    @classmethod
    def build(cls, quotas, pool, panel_size):
        grouped = defaultdict(list)
        for reference, features in pool.people.items():
            grouped[features].append(reference)
        types = tuple(sorted(grouped))
        position = {category: index for index, category in enumerate(pool.categories)}
        quota_types = tuple(
            tuple(t for t, features in enumerate(types) if features[position[quota.category]] == quota.feature) for quota in quotas.quotas
        )
        return cls(quotas, pool, panel_size, types, tuple(tuple(sorted(grouped[features])) for features in types), quota_types)

    @property
    def sizes(self):
        return [len(members) for members in self.members]

    @property
    def type_of(self):
        return {reference: t for t, members in enumerate(self.members) for reference in members}


def check_counts(quotas, pool, panel_size):
    """What arithmetic alone shows: the panel against the pool, each category's sums, each
    feature's minimum against the people who have it. Translated sentences; empty if none."""
    problems = []
    if panel_size < 1:
        return [_("The panel size must be at least 1.")]
    if panel_size > len(pool.people):
        problems.append(
            _("The panel of %(size)s is larger than the pool of %(pool)s people.") % {"size": panel_size, "pool": len(pool.people)}
        )
    counts = Counter()
    for features in pool.people.values():
        counts.update(zip(pool.categories, features))
    for category in quotas.categories:
        rows = quotas.of(category)
        low = sum(quota.min for quota in rows)
        high = sum(quota.max for quota in rows)
        available = sum(min(quota.max, counts[category, quota.feature]) for quota in rows)
        if low > panel_size:
            problems.append(
                _("The minimums of %(category)s add up to %(sum)s, more than the panel of %(size)s.")
                % {"category": category, "sum": low, "size": panel_size}
            )
        if high < panel_size:
            problems.append(
                _("The maximums of %(category)s add up to %(sum)s, fewer than the panel of %(size)s.")
                % {"category": category, "sum": high, "size": panel_size}
            )
        elif available < panel_size:
            problems.append(
                _("Within the maximums of %(category)s only %(available)s people can be chosen from the pool, fewer than the panel of %(size)s.")
                % {"category": category, "available": available, "size": panel_size}
            )
        for quota in rows:
            if counts[category, quota.feature] < quota.min:
                problems.append(
                    _("%(quota)s: its minimum is %(min)s but the pool has %(count)s people with it.")
                    % {"quota": quota.describe(), "min": quota.min, "count": counts[category, quota.feature]}
                )
    return problems


def check_feasible(instance):
    """Raise InfeasibleQuotas naming the quotas at fault, or return None when a panel exists."""
    from .panels import PanelSolver  # the solver loads only when arithmetic found nothing

    problems = check_counts(instance.quotas, instance.pool, instance.panel_size)
    if problems:
        raise InfeasibleQuotas(problems)
    solver = PanelSolver(instance)
    if solver.feasible():
        return
    conflict = solver.conflicting_bounds()
    raise InfeasibleQuotas(
        [_("No panel of %(size)s meets these quotas together:") % {"size": instance.panel_size}]
        + [
            (_("%(quota)s: at least %(min)s") if bound == "min" else _("%(quota)s: at most %(max)s"))
            % {"quota": quota.describe(), "min": quota.min, "max": quota.max}
            for quota, bound in conflict
        ]
    )
