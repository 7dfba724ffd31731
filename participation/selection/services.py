"""Selection by lot for a gathering page: the categories its registrations give, quotas checked
at once, the computation (tasks.py runs `compute`), the seed's source, the draw, starting over.

The pool is one entry per person, whatever the number of slots they registered for: their
reference (Registration.reference), their answer to each registration question with choices
(the question's key is the category, the choice values its features; no answer is the feature
NO_ANSWER), and one slot, the category SLOT: the earliest of the sessions they registered for.
A person who can attend several slots is counted in, and selected for, that first slot only, so
that each slot's places can be a quota of the panel like any other (the engine needs one feature
per category and person). Their other registrations stay unselected.

Errors are SelectionError (participation.core.rules.Refused): a translated message, a status,
and `problems`, translated sentences naming the quotas at fault."""

import io
import logging
from collections import Counter
from types import SimpleNamespace

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from participation.core.pages import canonical_page
from participation.core.rules import Refused
from participation.events import hooks
from participation.events.admin_views import session_label
from participation.events.models import Registration
from participation.events.queries import sessions_for

from . import check
from .engine import Distribution, versions
from .lottery import Lottery, draw
from .models import Selection
from .quotas import Instance, Pool, Quota, Quotas, SelectionInputError, check_feasible, read_categories

logger = logging.getLogger(__name__)

SLOT = "slot"
NO_ANSWER = "(no answer)"


class SelectionError(Refused):
    def __init__(self, message, status=400, problems=()):
        super().__init__(message, status)
        self.problems = list(problems)


# --- The pool and its categories ------------------------------------------------------------------


def registrants(page):
    """{reference: (registration, slot session)} for everyone with an active registration on
    the page's sessions, their earliest session's registration standing for them."""
    people = {}
    registrations = Registration.objects.active().filter(session__page=canonical_page(page), session__cancelled_at=None)
    # Rows written around Registration.save (bulk loads) have no reference yet: save gives them
    # the person's, so nobody is left out of the pool.
    for registration in registrations.filter(reference="").select_related("session"):
        registration.save(update_fields=["reference"])
    registrations = registrations.select_related("session").order_by("session__starts_at", "session_id", "pk")
    for registration in registrations:
        people.setdefault(registration.reference, registration)
    return people


def categories(page, people=None):
    """[{"key", "label", "features": [{"value", "label", "count"}]}]: the page's questions with
    choices, then the slots, each feature with how many registrants have it."""
    people = registrants(page) if people is None else people
    profiles = {reference: profile(page, registration) for reference, registration in people.items()}
    counts = Counter((category, feature) for features in profiles.values() for category, feature in features.items())
    listed = []
    for question in hooks.registration_questions(page):
        if not question.get("choices"):
            continue
        features = [{"value": str(value), "label": label} for value, label in question["choices"]]
        if counts[question["key"], NO_ANSWER]:
            features.append({"value": NO_ANSWER, "label": _("No answer")})
        listed.append({"key": question["key"], "label": question["label"], "features": features})
    slots = [{"value": session_label(session), "label": session_label(session)} for session in sessions_for(page).filter(cancelled_at=None)]
    listed.append({"key": SLOT, "label": _("Time slot"), "features": slots})
    for category in listed:
        for feature in category["features"]:
            feature["count"] = counts[category["key"], feature["value"]]
    return listed


def choice_keys(page):
    return [question["key"] for question in hooks.registration_questions(page) if question.get("choices")]


def profile(page, registration, keys=None):
    """{category: feature} of one registrant."""
    keys = choice_keys(page) if keys is None else keys
    features = {key: str(registration.answers.get(key) or NO_ANSWER) for key in keys}
    features[SLOT] = session_label(registration.session)
    return features


def snapshot(page, quotas):
    """The pool for `quotas` as stored on a run: categories in the quotas' order, each person's
    features, and the registration that stands for them (not published)."""
    people = registrants(page)
    keys = choice_keys(page)
    names = list(quotas.categories)
    rows, standing = {}, {}
    for reference, registration in sorted(people.items()):
        features = profile(page, registration, keys)
        rows[reference] = [features.get(name, NO_ANSWER) for name in names]
        standing[reference] = registration.pk
    return {"categories": names, "people": rows, "registrations": standing}


# --- Quotas ---------------------------------------------------------------------------------------


def quotas_from_rows(rows):
    return Quotas(tuple(Quota(row["category"], row["feature"], int(row["min"]), int(row["max"])) for row in rows))


def rows_of(quotas):
    return [{"category": q.category, "feature": q.feature, "min": q.min, "max": q.max} for q in quotas.quotas]


def check_known(page, quotas, listed=None):
    """Sentences for quotas on a category or feature the page does not have."""
    listed = categories(page) if listed is None else listed
    known = {category["key"]: {feature["value"] for feature in category["features"]} for category in listed}
    problems = []
    for quota in quotas.quotas:
        if quota.category not in known:
            problems.append(
                _("“%(category)s” is not a category of this page: use %(known)s.") % {"category": quota.category, "known": ", ".join(known)}
            )
        elif quota.feature not in known[quota.category]:
            problems.append(
                _("%(quota)s: “%(feature)s” is not a feature of %(category)s here: use %(known)s.")
                % {"quota": quota.describe(), "feature": quota.feature, "category": quota.category, "known": ", ".join(sorted(known[quota.category]))}
            )
    # Like the Sortition Foundation's files, a category with quotas lists every feature its people have.
    listed_features = {(quota.category, quota.feature) for quota in quotas.quotas}
    for category in listed:
        if category["key"] not in quotas.categories:
            continue
        for feature in category["features"]:
            if feature["count"] and (category["key"], feature["value"]) not in listed_features:
                problems.append(
                    _("%(category)s “%(feature)s”: %(count)s registrants have it, but the quotas do not list it. Add a line for it (its minimum may be 0).")
                    % {"category": category["key"], "feature": feature["value"], "count": feature["count"]}
                )
    return problems


def check_quotas(page, quotas, panel_size):
    """Every problem with `quotas` for a panel of `panel_size` from the page's registrants, as
    translated sentences naming the quota at fault; empty when a panel exists."""
    if not quotas.quotas:
        return [_("Set at least one quota.")]
    problems = check_known(page, quotas)
    if problems:
        return problems
    pool = snapshot(page, quotas)
    instance = Instance.build(quotas, Pool(tuple(pool["categories"]), {r: tuple(f) for r, f in pool["people"].items()}), panel_size)
    if not instance.pool.people:
        return [_("Nobody has registered yet.")]
    try:
        check_feasible(instance)
    except SelectionInputError as error:
        return error.problems
    return []


def import_quotas(page, upload):
    """Quotas from an uploaded `category,feature,min,max` CSV (the Sortition Foundation's format)."""
    try:
        text = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SelectionError(_("The quotas file cannot be used."), problems=[_("The file is not UTF-8 text.")]) from None
    try:
        quotas = read_categories(io.StringIO(text))
    except SelectionInputError as error:
        raise SelectionError(_("The quotas file cannot be used."), problems=error.problems) from None
    return quotas


def current(page):
    """The page's latest run, or None."""
    return Selection.objects.filter(page=canonical_page(page)).order_by("-run").first()


def default_panel_size(page):
    return getattr(page.specific, "total_places", None) or 0


@transaction.atomic
def save_quotas(page, quotas, panel_size, user, algorithm="leximin", time_limit=None):
    """Check, then store the quotas on the page's editable run (made if there is none): all of
    it or, with any problem, nothing (SelectionError with the problems)."""
    page = canonical_page(page)
    problems = check_quotas(page, quotas, panel_size)
    if problems:
        raise SelectionError(_("The quotas cannot all hold; nothing was saved."), problems=problems)
    selection = Selection.objects.select_for_update().filter(page=page).order_by("-run").first()
    if selection is None:
        selection = Selection(page=page, run=1, created_by=user)
    elif not selection.editable:
        raise SelectionError(_("This selection is computed: its quotas no longer change. Start over to make a new one."), 409)
    selection.quotas, selection.panel_size, selection.algorithm_requested = rows_of(quotas), panel_size, algorithm
    if time_limit:
        selection.time_limit = time_limit
    selection.status, selection.error = Selection.DRAFT, ""
    selection.save()
    return selection


# --- Computing ------------------------------------------------------------------------------------


@transaction.atomic
def queue(selection):
    """Take the pool as it is now and hand the run to the background task (tasks.py)."""
    from .tasks import compute_selection

    selection = Selection.objects.select_for_update().get(pk=selection.pk)
    if not selection.editable:
        raise SelectionError(_("This selection is already computed or being computed."), 409)
    quotas = quotas_from_rows(selection.quotas)
    problems = check_quotas(selection.page, quotas, selection.panel_size)
    if problems:
        raise SelectionError(_("The quotas cannot all hold; nothing was computed."), problems=problems)
    selection.pool = snapshot(selection.page, quotas)
    selection.status, selection.progress, selection.progress_message, selection.error = Selection.QUEUED, 0, "", ""
    selection.results = {}
    selection.save()
    language = translation.get_language()
    transaction.on_commit(lambda: compute_selection.enqueue(selection.pk, language))
    return selection


def instance_of(selection):
    pool = Pool(tuple(selection.pool["categories"]), {reference: tuple(features) for reference, features in selection.pool["people"].items()})
    return Instance.build(quotas_from_rows(selection.quotas), pool, selection.panel_size)


def compute(selection_id):
    """The distribution and the 1,000 tickets of a queued run, with progress stored as it goes;
    on failure the run is FAILED with the reason and holds no results."""
    from .engine import find_distribution
    from .lottery import make_lottery

    started = timezone.now()
    if not Selection.objects.filter(pk=selection_id, status=Selection.QUEUED).update(status=Selection.RUNNING, started_at=started):
        return  # not queued (already done, or started over)
    selection = Selection.objects.get(pk=selection_id)

    def report(fraction, message):
        Selection.objects.filter(pk=selection_id).update(progress=fraction, progress_message=str(message))

    try:
        instance = instance_of(selection)
        distribution = find_distribution(instance, selection.algorithm_requested, time_limit=selection.time_limit, progress=report)
        lottery = make_lottery(distribution)
    except SelectionInputError as error:
        _fail(selection_id, error.problems)
        return
    except Exception:  # noqa: BLE001 - the run records a failure instead of staying "being computed"
        logger.exception("Selection %s failed", selection_id)
        _fail(selection_id, [_("The computation stopped with an error. Nothing was kept; you can compute again.")])
        return
    probabilities = lottery.type_probabilities()
    results = {
        "types": [{"features": list(features), "members": list(members)} for features, members in zip(instance.types, instance.members)],
        "type_probabilities": probabilities,
        "tickets": [list(ticket) for ticket in lottery.tickets],
        "rounding_error": lottery.rounding_error,
        "seconds": distribution.seconds,
        "levels": [
            {"probability": level.value, "gap": level.gap, "people_fixed": level.fixed_people, "seconds": level.seconds} for level in distribution.levels
        ],
        "spread": check.spread(lottery.person_probabilities()),
        "versions": versions(),
    }
    Selection.objects.filter(pk=selection_id, status=Selection.RUNNING).update(
        status=Selection.COMPUTED, results=results, algorithm_run=distribution.algorithm, algorithm_reason=str(distribution.reason),
        progress=1.0, progress_message=str(_("Distribution found.")), computed_at=timezone.now(),
    )  # fmt: skip


def _fail(selection_id, problems):
    Selection.objects.filter(pk=selection_id).update(
        status=Selection.FAILED, error="\n".join(str(problem) for problem in problems), results={}, progress=0, progress_message=""
    )


def lottery_of(selection):
    """The stored lottery, as the engine's objects (for the draw and the bundle)."""
    instance = instance_of(selection)
    results = selection.results
    tickets = [tuple(ticket) for ticket in results["tickets"]]
    shares = Counter(tickets)
    panels = sorted(shares)
    levels = [SimpleNamespace(value=l["probability"], gap=l["gap"], fixed_people=l["people_fixed"], seconds=l["seconds"]) for l in results["levels"]]
    distribution = Distribution(
        instance, panels, [shares[panel] / len(tickets) for panel in panels], selection.algorithm_requested, selection.algorithm_run,
        selection.algorithm_reason, results["seconds"], levels,
    )  # fmt: skip
    return Lottery(distribution, tickets, results["rounding_error"])


def person_probabilities(selection):
    """{reference: probability} from the stored types, no query."""
    results = selection.results
    return {reference: p for kind, p in zip(results["types"], results["type_probabilities"]) for reference in kind["members"]}


# --- The seed and the draw --------------------------------------------------------------------------


@transaction.atomic
def announce_seed_source(selection, text):
    """Fix, before the draw, where the seed will come from; it never changes afterwards."""
    text = " ".join(text.split())
    if not text:
        raise SelectionError(_("Say where the seed will come from."))
    selection = Selection.objects.select_for_update().get(pk=selection.pk)
    if selection.seed_source:
        raise SelectionError(_("The seed's source is already announced; it cannot change."), 409)
    if selection.is_drawn:
        raise SelectionError(_("This selection is drawn; it can never change."), 409)
    selection.seed_source, selection.seed_source_at = text, timezone.now()
    selection.save(update_fields=["seed_source", "seed_source_at"])
    return selection


def draw_panel(selection, seed, user):
    """Draw with the announced seed: the ticket, the panel and the ordered reserve, and
    Registration.selected_at for the panel, in one transaction. Refused without a source
    announced before, twice, or before the tickets exist. Returns the drawn selection."""
    if not (seed or "").strip():
        raise SelectionError(_("Type the seed."))
    with transaction.atomic():
        selection = Selection.objects.select_for_update().get(pk=selection.pk)
        if selection.is_drawn:
            raise SelectionError(_("This selection is already drawn; a finished selection never changes. Start over for a new run."), 409)
        if not selection.seed_source:
            raise SelectionError(_("Announce where the seed will come from before the draw; then type the seed."), 409)
        if selection.status != Selection.COMPUTED:
            raise SelectionError(_("The tickets are not computed yet."), 409)
        drawn = draw(lottery_of(selection), seed)
        now = timezone.now()
        selection.seed, selection.status, selection.drawn_at, selection.drawn_by = drawn.seed, Selection.DRAWN, now, user
        selection.results = {**selection.results, "ticket": drawn.ticket, "panel": drawn.panel, "reserve": drawn.reserve, "replacements": []}
        selection.save()
        # The latest draw decides who takes part: an earlier run's panel gives way to it.
        page_registrations = Registration.objects.filter(session__page=selection.page)
        page_registrations.update(selected_at=None, selection_confirmed_at=None, selection_declined_at=None)
        standing = selection.pool["registrations"]
        Registration.objects.filter(pk__in=[standing[reference] for reference in drawn.panel if reference in standing]).update(selected_at=now)
    from .emails import tell_everyone

    transaction.on_commit(lambda: tell_everyone(selection))
    return selection


@transaction.atomic
def start_over(selection, user):
    """A new run with the same quotas; the earlier run stays as it is, published."""
    selection = Selection.objects.select_for_update().get(pk=selection.pk)
    if selection.editable or selection.busy:
        raise SelectionError(_("This run can still be changed or is being computed: there is nothing to start over."), 409)
    latest = Selection.objects.filter(page=selection.page).order_by("-run").first()
    if latest.pk != selection.pk:
        raise SelectionError(_("A newer run exists already."), 409)
    return Selection.objects.create(
        page=selection.page, run=selection.run + 1, panel_size=selection.panel_size, quotas=selection.quotas,
        algorithm_requested=selection.algorithm_requested, time_limit=selection.time_limit, created_by=user,
    )  # fmt: skip



def drawn_of(selection):
    """The stored draw as the engine's Draw."""
    from .lottery import Draw

    results = selection.results
    return Draw(selection.seed, results["ticket"], list(results["panel"]), list(results["reserve"]))


def ticket_runs(selection):
    """The tickets as the bundle lists them: [first, last, "T1:3 T7:1 ..."]."""
    from .bundle import ticket_rows

    return ticket_rows([tuple(ticket) for ticket in selection.results["tickets"]])


# --- Replacements -----------------------------------------------------------------------------------


def left(selection):
    """References of panel members who declined or dropped out."""
    return {entry["leaving"] for entry in selection.results.get("replacements", [])}


def current_panel(selection):
    """The drawn panel with the replacements made since, in order: who takes part now."""
    if not selection.is_drawn:
        return []
    panel = list(selection.results["panel"])
    for entry in selection.results.get("replacements", []):
        panel.remove(entry["leaving"])
        if entry.get("joining"):
            panel.append(entry["joining"])
    return panel


def drawn_run(page):
    """The page's latest drawn run: the one whose panel takes part."""
    return Selection.objects.filter(page=canonical_page(page), status=Selection.DRAWN).order_by("-run").first()


def standing_registration(selection, reference):
    registration_id = selection.pool.get("registrations", {}).get(reference)
    return Registration.objects.filter(pk=registration_id).select_related("user__participant").first() if registration_id else None


def candidates(selection):
    """The reserve list as it stands: in order, without people on the panel now, people who left,
    or people whose registration is no longer active."""
    panel, gone = set(current_panel(selection)), left(selection)
    standing = selection.pool.get("registrations", {})
    active = set(Registration.objects.active().filter(pk__in=standing.values()).values_list("reference", flat=True))
    return [reference for reference in selection.results["reserve"] if reference not in panel and reference not in gone and (reference in active or reference not in standing)]


def vacancy_problems(selection, leaving):
    """The quotas the first person on the reserve list would break in `leaving`'s place
    (translated in the active language)."""
    from .lottery import replacement

    panel = current_panel(selection) + [leaving]
    return replacement(instance_of(selection), panel, leaving, candidates(selection))[1]


def leave(selection, reference, by_organiser=False):
    """A panel member declines or drops out: their place goes to the first person on the reserve
    list with whom every quota still holds, who is told; if nobody fits, the place stays open
    and the organisers are told which quotas would break. Recorded in the run's replacements,
    published. Returns the replacement's reference or None."""
    from .lottery import replacement

    with transaction.atomic():
        selection = Selection.objects.select_for_update().get(pk=selection.pk)
        if not selection.is_drawn:
            raise SelectionError(_("This selection is not drawn."), 409)
        panel = current_panel(selection)
        if reference not in panel:
            raise SelectionError(_("%(reference)s is not on the panel.") % {"reference": reference}, 409)
        now = timezone.now()
        Registration.objects.filter(session__page=selection.page, reference=reference).update(selected_at=None, selection_declined_at=now)
        joining, _problems = replacement(instance_of(selection), panel, reference, candidates(selection))
        entry = {"leaving": reference, "joining": joining, "by": "reserve" if joining else "", "at": now.isoformat(), "dropout": by_organiser}
        selection.results = {**selection.results, "replacements": [*selection.results.get("replacements", []), entry]}
        selection.save(update_fields=["results"])
        joined = _select(selection, joining, now) if joining else None
    from . import emails

    if joined is not None:
        transaction.on_commit(lambda: emails.tell_replacement(selection, joined))
    else:
        transaction.on_commit(lambda: emails.tell_organisers(selection, reference, lambda language: _problems_in(selection, reference, language)))
    return joining


def _problems_in(selection, leaving, language):
    with translation.override(language):
        return [str(problem) for problem in vacancy_problems(selection, leaving)]


def _select(selection, reference, now):
    registration = standing_registration(selection, reference)
    if registration is not None:
        Registration.objects.filter(pk=registration.pk).update(selected_at=now, selection_declined_at=None, selection_confirmed_at=None)
    return registration


def choose(selection, leaving, reference):
    """The organisers fill an open place with someone from the reserve list (recorded as their
    choice, even if a quota breaks: they were told which)."""
    with transaction.atomic():
        selection = Selection.objects.select_for_update().get(pk=selection.pk)
        entries = selection.results.get("replacements", [])
        open_entry = next((entry for entry in entries if entry["leaving"] == leaving and not entry.get("joining")), None)
        if open_entry is None:
            raise SelectionError(_("This place is not open."), 409)
        if reference not in candidates(selection):
            raise SelectionError(_("Choose someone on the reserve list."), 400)
        now = timezone.now()
        open_entry.update(joining=reference, by="organiser", chosen_at=now.isoformat())
        selection.results = {**selection.results, "replacements": entries}
        selection.save(update_fields=["results"])
        joined = _select(selection, reference, now)
    if joined is not None:
        from . import emails

        transaction.on_commit(lambda: emails.tell_replacement(selection, joined))
    return selection


def answer(user, page, confirm):
    """The selected person confirms they come, or declines (their place goes to the reserve
    list: leave). Returns the replacement's reference when declining, else None."""
    from .rules import RULES

    selection = drawn_run(page)
    registration = (
        Registration.objects.filter(user=user, session__page=canonical_page(page)).exclude(selected_at=None).select_related("session").first()
    )
    RULES.check(user, "confirm" if confirm else "decline", registration, error=SelectionError)
    if selection is None:
        raise SelectionError(_("This selection is not drawn."), 409)
    if confirm:
        Registration.objects.filter(pk=registration.pk).update(selection_confirmed_at=timezone.now())
        return None
    return leave(selection, registration.reference)


def on_selected_registration_cancelled(sender, registration, **kwargs):
    """A selected person cancelled their registration: a drop-out, replaced like a decline."""
    selection = drawn_run(registration.session.page)
    if selection is not None and registration.reference in current_panel(selection):
        leave(selection, registration.reference)
