"""The answering form's HTML side: POST fields to raw answers (answers.py checks them) and raw
answers back to what the template shows, so a refused form comes back exactly as typed.

Field names: `q-<question key>` (single, multiple, scale, number, texts) and
`q-<question key>-<option key>` (a matrix row's value, an option's rank)."""

from dataclasses import dataclass

from .answers import FormQuestion
from .models import Question


def field_name(question):
    return f"q-{question.key}"


def answers_from_post(questions, data):
    """The raw answers of `questions` in a POST; fields of other questions are not read."""
    raw = {}
    for question in questions:
        name = field_name(question)
        if question.kind == Question.MULTIPLE:
            raw[question.key] = [value for value in data.getlist(name) if value]
        elif question.kind in (Question.MATRIX, Question.RANKING):
            raw[question.key] = {key: data.get(f"{name}-{key}", "") for key in question.option_keys() if data.get(f"{name}-{key}", "")}
        else:
            raw[question.key] = data.get(name, "")
    return raw


@dataclass
class Field:
    """A question as the template draws it: its current value, its error."""

    question: FormQuestion
    value: object
    error: str

    @property
    def name(self):
        return field_name(self.question)

    @property
    def chosen(self):
        value = self.value
        return set(value) if isinstance(value, list) else {value} if isinstance(value, str) else set()

    @property
    def rows(self):
        """(option, field name, current value) per option, for matrices and rankings."""
        values = self.value if isinstance(self.value, dict) else {}
        return [(option, f"{self.name}-{option.translation_key}", str(values.get(str(option.translation_key), ""))) for option in self.question.options]

    @property
    def scale(self):
        question = self.question.question
        return [str(number) for number in range(question.scale_min, question.scale_max + 1)]

    @property
    def ranks(self):
        return [str(number) for number in range(1, len(self.question.options) + 1)]

    @property
    def text(self):
        return self.value if isinstance(self.value, str) else ""


def fields(questions, raw, errors):
    return [Field(question, raw.get(question.key), errors.get(question.key, "")) for question in questions]
