"""Submitting answers, drafts, paper entries, and writing the mixing pool out as responses.

The anonymity of a submission rests on four steps (docs/privacy.md):
1. the receipt (who answered) is written and committed in a transaction of its own;
2. the answers go into the mixing pool (PendingSubmission) in another transaction, without the
   person, without a time;
3. `flush` writes the pool out only when at least k submissions wait, all of them in one
   transaction, in an order shuffled by the operating system's random source, with random UUIDs;
   so in PostgreSQL every response of a batch has the same xmin and their ctids follow the
   shuffle, not the submissions;
4. the pool rows are deleted in that same transaction.
A caller must not wrap `submit` in a transaction of its own (the view is non-atomic), or steps 1
and 2 would share one."""

import random
import uuid
from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q, Sum
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from participation.core.rules import Refused
from participation.core.signals import public_content_changed
from participation.core.visibility import viewer_for

from .answers import Form
from .conf import mix_batch
from .models import Answer, CountryTally, Draft, PendingSubmission, Question, Questionnaire, Receipt, Response, Tally
from .rules import RULES, facilitated_groups
from .tasks import flush_pool

_shuffle = random.SystemRandom().shuffle


class QuestionnaireError(Refused):
    pass


class InvalidAnswers(QuestionnaireError):
    """Some answers were refused: `errors` maps a question key ("" for the form) to why."""

    def __init__(self, errors):
        super().__init__(_("Some answers need your attention."), 400)
        self.errors = errors


def _visible(user, questionnaire, viewer=None):
    if not (viewer or viewer_for(user)).sees_page(questionnaire.dialogue):
        raise QuestionnaireError(_("There is no such questionnaire."), 404)


def save_draft(user, questionnaire, raw, viewer=None):
    """Keep what the person typed so far, checked or not, to resume on any device."""
    questionnaire = questionnaire.canonical
    _visible(user, questionnaire, viewer)
    RULES.check(user, "answer", questionnaire, error=QuestionnaireError)
    if Receipt.objects.filter(user=user, questionnaire=questionnaire).exists():
        raise QuestionnaireError(_("You have already answered this questionnaire."), 409)
    Draft.objects.update_or_create(user=user, questionnaire=questionnaire, defaults={"answers": raw if isinstance(raw, dict) else {}})


def draft_of(user, questionnaire):
    draft = Draft.objects.filter(user=user, questionnaire=questionnaire.canonical).first()
    return draft.answers if draft else {}


def submit(user, questionnaire, raw, viewer=None):
    """Check every answer, then record that `user` answered and pool the answers apart.

    `questionnaire` is the translation the person answered; the language is the active one.
    Raises InvalidAnswers (nothing stored) or QuestionnaireError."""
    canonical = questionnaire.canonical
    _visible(user, canonical, viewer)
    RULES.check(user, "answer", canonical, error=QuestionnaireError)
    rows = _checked_rows(questionnaire, raw)
    if Receipt.objects.filter(user=user, questionnaire=canonical).exists():
        raise QuestionnaireError(_("You have already answered this questionnaire."), 409)
    country, session_date = respondent_context(user, canonical)
    try:
        with transaction.atomic():
            receipt = Receipt.objects.create(user=user, questionnaire=canonical)
            Draft.objects.filter(user=user, questionnaire=canonical).delete()
    except IntegrityError:  # the same person, submitting twice at once
        raise QuestionnaireError(_("You have already answered this questionnaire."), 409) from None
    try:
        _pool(canonical, rows, country=country, session_date=session_date, is_paper=False)
    except Exception:
        receipt.delete()  # no answers kept, so no receipt either: they may submit again
        raise


def enter_paper(user, questionnaire, raw, group=None, viewer=None):
    """A facilitator types in one paper questionnaire of their focus group: counted like any other
    response (is_paper), with the country and date of the group's session, linked to nobody, no
    receipt. `group` may be left out by someone who facilitates one group only."""
    canonical = questionnaire.canonical
    _visible(user, canonical, viewer)
    RULES.check(user, "enter_paper", canonical, error=QuestionnaireError)
    groups = facilitated_groups(user, canonical)
    if group is not None:
        group = groups.filter(pk=group.pk).first()
    elif len(groups[:2]) == 1:
        group = groups.first()
    if group is None:
        raise QuestionnaireError(_("Choose the group whose paper questionnaires you are typing in."), 400)
    rows = _checked_rows(questionnaire, raw)
    _pool(canonical, rows, country=_country_of(group.session), session_date=_date_of(group.session), is_paper=True)


def _checked_rows(questionnaire, raw):
    form = Form(questionnaire)
    clean, errors = form.clean(raw)
    if errors:
        raise InvalidAnswers(errors)
    return form.rows(clean)


def respondent_context(user, questionnaire):
    """(country, session date) of a respondent: from the session the questionnaire is for, or
    the person's latest confirmed registration in the dialogue. The page's `country` hook gives
    the country (a country edition page); nothing more precise than the date is kept."""
    from participation.events.models import Registration

    registrations = Registration.objects.filter(user=user, status=Registration.CONFIRMED).select_related("session__page")
    if questionnaire.session_id:
        registrations = registrations.filter(session_id=questionnaire.session_id)
    else:
        registrations = registrations.filter(session__page__path__startswith=questionnaire.dialogue.path)
    registration = registrations.order_by("-session__starts_at").first()
    session = registration.session if registration else None
    return _country_of(session), _date_of(session)


def _country_of(session):
    return str(getattr(session.page.specific, "country", "") or "")[:2].upper() if session else ""


def _date_of(session):
    return session.starts_at.astimezone(session.zone).date() if session else None


def _pool(questionnaire, rows, *, country, session_date, is_paper):
    payload = {
        "country": country,
        "language": translation.get_language() or "",
        "session_date": session_date.isoformat() if session_date else None,
        "is_paper": is_paper,
        "answers": rows,
    }
    with transaction.atomic():
        PendingSubmission.objects.create(questionnaire=questionnaire, payload=payload)
    flush_pool.enqueue(questionnaire.pk)


def flush(questionnaire_id, k=None):
    """Write every waiting submission of a questionnaire as responses, in one shuffled batch, if
    at least k wait; otherwise hold them. Returns how many were written.

    Rows locked by a concurrent flush are skipped, so two flushes never write one twice."""
    k = k or mix_batch()
    with transaction.atomic():
        # One flush at a time per questionnaire, so tallies add up exactly.
        Questionnaire.objects.select_for_update().filter(pk=questionnaire_id).exists()
        pending = list(PendingSubmission.objects.select_for_update(skip_locked=True).filter(questionnaire_id=questionnaire_id))
        if len(pending) < k:
            return 0
        _shuffle(pending)
        responses, answers = [], []
        for submission in pending:
            response = _response(questionnaire_id, submission.payload)
            responses.append(response)
            answers.extend(_answer(response, row) for row in submission.payload["answers"])
        Response.objects.bulk_create(responses)
        Answer.objects.bulk_create(answers, batch_size=1000)
        _add_to_tallies(questionnaire_id, responses, answers)
        Questionnaire.objects.filter(pk=questionnaire_id).update(results_version=F("results_version") + 1)
        PendingSubmission.objects.filter(pk__in=[submission.pk for submission in pending]).delete()
        # Results shown on cached pages changed.
        public_content_changed.send(sender=Response)
    return len(responses)


def _tally_counts(responses, answers, numbers):
    """What a batch adds to each Tally key (see Tally for the rows): {key: [count, paper, total,
    squares]}. `numbers`: the ids of number questions."""
    counts = defaultdict(lambda: [0, 0, None, None])
    breakdown = {}
    for response in responses:
        breakdown[response.pk] = (response.country, response.language, response.session_date)
        added = counts[(None, *breakdown[response.pk], None, None)]
        added[0] += 1
        added[1] += response.is_paper
    for answer in answers:
        where = breakdown[answer.response_id]
        if answer.question_id in numbers:
            added = counts[(answer.question_id, *where, None, None)]
            added[2] = (added[2] or 0) + answer.value
            added[3] = (added[3] or 0) + answer.value * answer.value
        elif answer.option_key is not None or answer.value is not None:
            counts[(answer.question_id, *where, answer.option_key, answer.value)][0] += 1
    for response_id, question_id in {(answer.response_id, answer.question_id) for answer in answers}:
        counts[(question_id, *breakdown[response_id], None, None)][0] += 1
    return counts


def _add_to_tallies(questionnaire_id, responses, answers):
    numbers = set(Question.objects.filter(pk__in={answer.question_id for answer in answers}, kind=Question.NUMBER).values_list("pk", flat=True))
    counts = _tally_counts(responses, answers, numbers)
    existing = Q()
    for country, language, session_date in {key[1:4] for key in counts}:
        existing |= Q(country=country, language=language, session_date=session_date)
    _add(Tally, Tally.objects.filter(existing, questionnaire_id=questionnaire_id), questionnaire_id, counts)
    rolled = _by_country(counts)
    _add(CountryTally, CountryTally.objects.filter(questionnaire_id=questionnaire_id, country__in={key[1] for key in rolled}), questionnaire_id, rolled)


def _by_country(counts):
    """Tally counts ({Tally.KEY: [count, paper, total, squares]}) of answers added up over
    languages and dates: {CountryTally.KEY: [count, total, squares]}."""
    rolled = defaultdict(lambda: [0, None, None])
    for (question_id, country, _language, _date, option_key, value), (count, _paper, total, squares) in counts.items():
        if question_id is None:
            continue
        added = rolled[(question_id, country, option_key, value)]
        added[0] += count
        if total is not None:
            added[1] = (added[1] or 0) + total
            added[2] = (added[2] or 0) + squares
    return rolled


def _add(model, rows, questionnaire_id, counts):
    """Add `counts` ({model.KEY: [count, (paper,) total, squares]}) to the `rows` of `model`
    that have those keys, creating the others."""
    fields = ["count", "paper", "total", "squares"] if model is Tally else ["count", "total", "squares"]
    rows = {row.key: row for row in rows}
    changed, new = [], []
    for key, added in counts.items():
        row = rows.get(key)
        values = dict(zip(fields, added))
        if row is None:
            new.append(model(questionnaire_id=questionnaire_id, **values, **dict(zip(model.KEY, key))))
            continue
        row.count += values["count"]
        if "paper" in values:
            row.paper += values["paper"]
        if values["total"] is not None:
            row.total = (row.total or 0) + values["total"]
            row.squares = (row.squares or 0) + values["squares"]
        changed.append(row)
    model.objects.bulk_update(changed, fields, batch_size=1000)
    model.objects.bulk_create(new, batch_size=1000)


def rebuild_tallies(questionnaire_id):
    """Count a questionnaire's tallies again from its responses, in SQL (after a bulk import, or
    to check the running counts)."""
    breakdown = ("response__country", "response__language", "response__session_date")
    responses = Response.objects.filter(questionnaire_id=questionnaire_id)
    answers = Answer.objects.filter(response__questionnaire_id=questionnaire_id)
    tallies = [
        Tally(question=None, country=country, language=language, session_date=session_date, count=n, paper=paper)
        for country, language, session_date, n, paper in responses.values_list("country", "language", "session_date")
        .annotate(n=Count("pk"), paper=Count("pk", filter=Q(is_paper=True)))
        .order_by()
    ]
    number = Q(question__kind=Question.NUMBER)
    tallies += [
        Tally(question_id=question, country=country, language=language, session_date=session_date, count=n, total=total, squares=squares)
        for question, country, language, session_date, n, total, squares in answers.values_list("question_id", *breakdown)
        .annotate(n=Count("response_id", distinct=True), total=Sum("value", filter=number), squares=Sum(F("value") * F("value"), filter=number))
        .order_by()
    ]
    tallies += [
        Tally(question_id=row[0], **dict(zip(Tally.KEY[1:], row[1:-1])), count=row[-1])
        for row in answers.exclude(option_key__isnull=True, value__isnull=True).exclude(number)
        .values_list("question_id", *breakdown, "option_key", "value")
        .annotate(n=Count("pk"))
        .order_by()
    ]
    with transaction.atomic():
        Questionnaire.objects.select_for_update().filter(pk=questionnaire_id).exists()
        Tally.objects.filter(questionnaire_id=questionnaire_id).delete()
        for tally in tallies:
            tally.questionnaire_id = questionnaire_id
        Tally.objects.bulk_create(tallies, batch_size=2000)
        CountryTally.objects.filter(questionnaire_id=questionnaire_id).delete()
        counts = {tally.key: [tally.count, tally.paper, tally.total, tally.squares] for tally in tallies}
        CountryTally.objects.bulk_create(
            (CountryTally(questionnaire_id=questionnaire_id, **dict(zip(CountryTally.KEY, key)), count=count, total=total, squares=squares)
             for key, (count, total, squares) in _by_country(counts).items()),
            batch_size=2000,
        )  # fmt: skip
        Questionnaire.objects.filter(pk=questionnaire_id).update(results_version=F("results_version") + 1)
        public_content_changed.send(sender=Tally)


def _response(questionnaire_id, payload):
    session_date = payload.get("session_date")
    return Response(
        id=uuid.uuid4(),
        questionnaire_id=questionnaire_id,
        country=payload.get("country", ""),
        language=payload.get("language", ""),
        session_date=date.fromisoformat(session_date) if session_date else None,
        is_paper=payload.get("is_paper", False),
    )


def _answer(response, row):
    question_id, option_key, value, text = row
    return Answer(
        response=response,
        question_id=question_id,
        option_key=uuid.UUID(option_key) if option_key else None,
        value=Decimal(value) if value is not None else None,
        text=text,
    )


def moderate_texts(user, questionnaire, answer_ids, status):
    """Publish or withhold free-text answers of `questionnaire`; returns how many changed.
    Ids of other questionnaires' answers, or of answers without text, are ignored."""
    RULES.check(user, "moderate_texts", questionnaire, error=QuestionnaireError)
    if status not in (Answer.PUBLISHED, Answer.WITHHELD):
        raise QuestionnaireError(_("Choose to publish or to withhold."), 400)
    return (
        text_answers(questionnaire.canonical)
        .filter(pk__in=answer_ids)
        .exclude(text_status=status)
        .update(text_status=status)
    )


def text_answers(questionnaire):
    """The free-text answers given to `questionnaire` (default-locale version)."""
    return Answer.objects.filter(response__questionnaire=questionnaire).exclude(text="")
