from django import forms
from django.utils.translation import gettext_lazy as _

from participation.core.http import number_from

CONSENT_REQUIRED = _("Please give your consent to register.")


class RegistrationForm(forms.Form):
    """One form for an event or an edition: the sessions (slots) the person can attend, the
    page's profile questions (`q_<key>`), and consent with the page's text.

    Any session of the page is a valid choice, so the service can say why one is refused (full
    list, deadline, started...); `open_sessions` are the ones offered as checkboxes."""

    label_suffix = ""

    def __init__(self, *args, sessions, open_sessions, questions, consent_text, **kwargs):
        super().__init__(*args, **kwargs)
        self.sessions = {session.pk: session for session in sessions}
        self.open_sessions = open_sessions
        self.questions = questions
        if len(open_sessions) == 1:
            self.initial.setdefault("sessions", [open_sessions[0].pk])
        self.fields["sessions"] = forms.TypedMultipleChoiceField(
            label=_("Sessions"),
            coerce=int,
            choices=[(session.pk, str(session.pk)) for session in sessions],
            widget=forms.CheckboxSelectMultiple,
            error_messages={"required": _("Choose at least one session."), "invalid_choice": _("There is no such session.")},
        )
        for question in questions:
            self.fields[f"q_{question['key']}"] = self._question_field(question)
        self.fields["consent"] = forms.BooleanField(label=consent_text, error_messages={"required": CONSENT_REQUIRED})

    @staticmethod
    def _question_field(question):
        required, label = bool(question.get("required")), question["label"]
        messages = {"required": _("Please answer this question."), "invalid_choice": _("Choose one of the answers offered.")}
        if question.get("choices"):
            choices = [("", _("Choose…"))] + [(str(value), text) for value, text in question["choices"]]
            return forms.ChoiceField(label=label, required=required, choices=choices, error_messages=messages)
        return forms.CharField(label=label, required=required, max_length=200, error_messages=messages)

    def question_fields(self):
        return [self[f"q_{question['key']}"] for question in self.questions]

    def chosen_ids(self):
        """The session ids ticked (also on a rejected form, to keep them ticked)."""
        if self.is_bound:
            return {number for number in map(number_from, self.data.getlist("sessions")) if number is not None}
        return set(self.initial.get("sessions", []))

    def chosen_sessions(self):
        return [self.sessions[pk] for pk in self.cleaned_data["sessions"]]

    def answers(self):
        """Answers by question key (choice values, language-independent); unanswered ones left out."""
        return {question["key"]: self.cleaned_data[f"q_{question['key']}"] for question in self.questions if self.cleaned_data.get(f"q_{question['key']}")}
