"""What a questionnaire asks (its `Form`, in one language) and the checking of what someone
answered against it.

Answers are handled by keys, never by row ids: a question's and an option's `translation_key`
is the same in every language, so a French form checks answers exactly as the English one and
the stored answers count together. The raw answers are a dict {question key: value}, as a draft
keeps them and as the form's POST parses into:
single: option key; multiple: [option keys]; scale: number; matrix: {row key: number};
ranking: {option key: rank from 1}; number: number; short/long text: text."""

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db.models import Prefetch
from django.utils.translation import gettext as _, ngettext

from .models import Option, Question, Section

SHORT_TEXT_MAX, LONG_TEXT_MAX = 500, 5000


@dataclass
class FormQuestion:
    question: Question  # in the form's language
    key: str
    canonical_id: int  # the default-locale question the answers are stored against
    options: list = field(default_factory=list)  # Options in the form's language

    @property
    def kind(self):
        return self.question.kind

    def option_keys(self):
        return [str(option.translation_key) for option in self.options]


@dataclass
class FormSection:
    section: Section
    questions: list


class Form:
    """A questionnaire's sections and questions in one translation, loaded in four queries."""

    def __init__(self, questionnaire):
        self.questionnaire = questionnaire
        canonical = questionnaire.canonical
        canonical_ids = dict(
            Question.objects.filter(section__questionnaire=canonical).values_list("translation_key", "pk")
        )
        sections = questionnaire.sections.prefetch_related(
            Prefetch(
                "questions",
                queryset=Question.objects.select_related("show_if_option__question").prefetch_related(
                    Prefetch("options", queryset=Option.objects.order_by("sort_order", "pk"))
                ).order_by("sort_order", "pk"),
            )
        ).order_by("sort_order", "pk")
        self.sections = [
            FormSection(
                section,
                [
                    FormQuestion(question, str(question.translation_key), canonical_ids.get(question.translation_key), list(question.options.all()))
                    for question in section.questions.all()
                ],
            )
            for section in sections
        ]
        self.questions = [question for section in self.sections for question in section.questions]

    def shown(self, question, answers):
        """Is `question` asked, given the (clean) answers before it? Its condition is an option
        of an earlier question; a question whose condition question was not shown is not shown."""
        option = question.question.show_if_option
        if option is None:
            return True
        answer = answers.get(str(option.question.translation_key))
        chosen = answer if isinstance(answer, list) else [answer]
        return str(option.translation_key) in chosen

    def clean(self, raw):
        """(clean answers, errors): errors maps a question key (or "" for the whole form) to a
        translated message; clean answers hold only the questions shown and answered."""
        raw = raw if isinstance(raw, dict) else {}
        known = {question.key for question in self.questions}
        errors = {}
        if set(raw) - known:
            errors[""] = _("This form was changed in a way it cannot be: reload it and try again.")
        clean = {}
        for question in self.questions:
            value = raw.get(question.key)
            if not self.shown(question, clean):
                if not _empty(value):
                    errors[question.key] = _("This question does not apply given your earlier answers: leave it empty.")
                continue
            if _empty(value):
                if question.question.required:
                    errors[question.key] = _("Please answer this question.")
                continue
            try:
                clean[question.key] = CLEANERS[question.kind](question, value)
            except AnswerError as error:
                errors[question.key] = error.message
        return clean, errors

    def rows(self, clean):
        """The Answer rows (question id, option key, value, text) of clean answers, as the
        mixing pool keeps them: canonical question ids, option keys, numbers as text."""
        rows = []
        for question in self.questions:
            value = clean.get(question.key)
            if value is None:
                continue
            qid = question.canonical_id
            if question.kind == Question.SINGLE:
                rows.append((qid, value, None, ""))
            elif question.kind == Question.MULTIPLE:
                rows.extend((qid, key, None, "") for key in value)
            elif question.kind == Question.RANKING:
                rows.extend((qid, key, str(rank), "") for rank, key in enumerate(value, start=1))
            elif question.kind == Question.MATRIX:
                rows.extend((qid, key, str(number), "") for key, number in value.items())
            elif question.kind in (Question.SCALE, Question.NUMBER):
                rows.append((qid, None, str(value), ""))
            else:
                rows.append((qid, None, None, value))
        return rows


class AnswerError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _empty(value):
    return value is None or value == "" or value == [] or value == {} or (isinstance(value, str) and not value.strip())


def _option(question, value):
    if not isinstance(value, str) or value not in question.option_keys():
        raise AnswerError(_("Choose one of the options given."))
    return value


def _single(question, value):
    return _option(question, value)


def _multiple(question, value):
    values = value if isinstance(value, list) else [value]
    chosen = [_option(question, item) for item in values]
    if len(set(chosen)) != len(chosen):
        raise AnswerError(_("Choose each option at most once."))
    limit = question.question.max_choices
    if limit and len(chosen) > limit:
        raise AnswerError(ngettext("Choose at most %(count)s option.", "Choose at most %(count)s options.", limit) % {"count": limit})
    return sorted(chosen, key=question.option_keys().index)


def _integer_in(question, value):
    low, high = question.question.scale_min, question.question.scale_max
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        number = None
    if number is None or not low <= number <= high:
        raise AnswerError(_("Choose a value from %(low)d to %(high)d.") % {"low": low, "high": high})
    return number


def _scale(question, value):
    return _integer_in(question, value)


def _matrix(question, value):
    if not isinstance(value, dict) or set(value) - set(question.option_keys()):
        raise AnswerError(_("Choose one of the options given."))
    answered = {key: _integer_in(question, number) for key, number in value.items() if not _empty(number)}
    if question.question.required and len(answered) < len(question.options):
        raise AnswerError(_("Please answer every row."))
    return {key: answered[key] for key in question.option_keys() if key in answered}


def _ranking(question, value):
    """{option key: rank} (ranks from 1, unranked options left out) -> option keys, first = 1."""
    if not isinstance(value, dict) or set(value) - set(question.option_keys()):
        raise AnswerError(_("Choose one of the options given."))
    ranks = {key: _rank(question, rank) for key, rank in value.items() if not _empty(rank)}
    if len(set(ranks.values())) != len(ranks):
        raise AnswerError(_("Give each option a different rank."))
    return sorted(ranks, key=ranks.get)


def _rank(question, value):
    try:
        rank = int(str(value).strip())
    except (TypeError, ValueError):
        rank = None
    if rank is None or not 1 <= rank <= len(question.options):
        raise AnswerError(_("Rank the options from 1 to %(count)d.") % {"count": len(question.options)})
    return rank


def _number(question, value):
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        raise AnswerError(_("Enter a number.")) from None
    if not number.is_finite() or abs(number) >= Decimal("1e10"):
        raise AnswerError(_("Enter a number."))
    low, high = question.question.number_min, question.question.number_max
    if (low is not None and number < low) or (high is not None and number > high):
        raise AnswerError(_number_range_message(low, high))
    if number != number.quantize(Decimal("0.0001")):
        raise AnswerError(_("Enter a number with at most four decimals."))
    return format(number, "f")


def _number_range_message(low, high):
    if low is not None and high is not None:
        return _("Enter a number from %(low)s to %(high)s.") % {"low": _plain(low), "high": _plain(high)}
    if low is not None:
        return _("Enter a number of at least %(low)s.") % {"low": _plain(low)}
    return _("Enter a number of at most %(high)s.") % {"high": _plain(high)}


def _plain(number):
    return format(number.normalize(), "f")


def _text(limit):
    def clean(question, value):
        if not isinstance(value, str):
            raise AnswerError(_("Enter text."))
        value = value.strip()
        if len(value) > limit:
            raise AnswerError(_("Keep your answer under %(limit)d characters.") % {"limit": limit})
        return value

    return clean


CLEANERS = {
    Question.SINGLE: _single,
    Question.MULTIPLE: _multiple,
    Question.SCALE: _scale,
    Question.MATRIX: _matrix,
    Question.RANKING: _ranking,
    Question.NUMBER: _number,
    Question.SHORT_TEXT: _text(SHORT_TEXT_MAX),
    Question.LONG_TEXT: _text(LONG_TEXT_MAX),
}
