"""Checks that do not trust the solver: a panel against the quotas and the wanted size, and the
spread of the probabilities."""

from django.utils.translation import gettext as _

from .verify_standalone import gini, quota_counts


def quota_problems(quotas, pool, panel):
    """Translated sentences for each quota the panel (references) misses."""
    counts = quota_counts(pool.categories, pool.people, panel)
    problems = []
    for quota in quotas.quotas:
        count = counts[quota.category, quota.feature]
        if count < quota.min:
            problems.append(
                _("%(quota)s: %(count)s on the panel, fewer than the minimum of %(min)s.") % {"quota": quota.describe(), "count": count, "min": quota.min}
            )
        elif count > quota.max:
            problems.append(
                _("%(quota)s: %(count)s on the panel, more than the maximum of %(max)s.") % {"quota": quota.describe(), "count": count, "max": quota.max}
            )
    return problems


def check_panel(instance, panel):
    """Everything wrong with `panel` (references) for `instance`: its size, people twice or not
    in the pool, quotas missed. Empty when the panel is right."""
    problems = []
    if len(panel) != instance.panel_size:
        problems.append(_("The panel has %(count)s people, not %(size)s.") % {"count": len(panel), "size": instance.panel_size})
    if len(set(panel)) != len(panel):
        problems.append(_("Someone is on the panel twice."))
    strangers = [reference for reference in panel if reference not in instance.pool.people]
    if strangers:
        problems.append(_("Not in the pool: %(references)s.") % {"references": ", ".join(strangers)})
    known = [reference for reference in panel if reference in instance.pool.people]
    return problems + quota_problems(instance.quotas, instance.pool, known)


def spread(probabilities):
    """Minimum, maximum and Gini coefficient of the probabilities (a mapping or a list)."""
    values = list(probabilities.values() if hasattr(probabilities, "values") else probabilities)
    return {"min": min(values), "max": max(values), "gini": gini(values)}
