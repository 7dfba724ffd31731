"""Forms own validation: they keep what people typed and say why, in their language."""

import unicodedata

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Locale, Page

from participation.core.text import clean_plain_text

from .models import ProposalState
from .queries import SEED_LIMIT, SORTS

EMPTY = _("Please write some words here: nothing was left once markup was removed.")
MARKUP = _("HTML and scripts are not allowed. We removed them: check the text below and send it again.")


def _normalise(text):
    return (text or "").replace("\r\n", "\n").strip()


def detect_script_language(text):
    """A tiny guess from the writing system: mostly Arabic letters -> "ar", mostly Cyrillic ->
    "uk" (the site's only Cyrillic language). Latin script tells nothing: None."""
    counts = {"ar": 0, "uk": 0, "other": 0}
    for char in text:
        if not char.isalpha():
            continue
        name = unicodedata.name(char, "")
        if name.startswith("ARABIC"):
            counts["ar"] += 1
        elif name.startswith("CYRILLIC"):
            counts["uk"] += 1
        else:
            counts["other"] += 1
    total = sum(counts.values())
    available = {code for code, _name in settings.LANGUAGES}
    for code in ("ar", "uk"):
        if total and counts[code] * 2 > total and code in available:
            return code
    return None


class PlainTextFormMixin:
    """Citizen text is plain text: markup is refused with the neutralised text put back."""

    plain_text_fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            self.data = self.data.copy()  # so a neutralised text can be shown back

    def _clean_plain(self, name):
        raw = self.cleaned_data.get(name, "")
        text = clean_plain_text(raw)
        if not text:
            raise ValidationError(EMPTY, code="empty")
        if text != _normalise(raw):
            self.data[self.add_prefix(name)] = text
            raise ValidationError(MARKUP, code="markup")
        return text


class ProposalForm(PlainTextFormMixin, forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=150,
        help_text=_("One sentence that says what you propose (at most 150 characters)."),
    )
    body = forms.CharField(
        label=_("Your proposal"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Explain what should be done and why (at most 5000 characters). Links are allowed; formatting is not."),
    )
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Page.objects.none(),
        required=False,
        empty_label=_("No particular topic"),
    )
    language = forms.ChoiceField(
        label=_("Language you write in"),
        choices=settings.LANGUAGES,
        help_text=_("Text in Arabic or Cyrillic script is marked as Arabic or Ukrainian."),
    )

    def __init__(self, *args, topics=None, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = topics if topics is not None else Page.objects.none()
        if not self.is_bound and not self.initial.get("language"):
            self.initial["language"] = translation.get_language()

    def clean_title(self):
        # A title is one line wherever it goes: lists, page titles, email subjects.
        return " ".join(self._clean_plain("title").split())

    def clean_body(self):
        return self._clean_plain("body")

    def clean(self):
        cleaned = super().clean()
        detected = detect_script_language(f"{cleaned.get('title', '')} {cleaned.get('body', '')}")
        if detected and cleaned.get("language") != detected:
            cleaned["language"] = detected
        return cleaned


class ListFilterForm(forms.Form):
    """The listing's filters and order: a GET form, so it works without JavaScript."""

    topic = forms.ChoiceField(label=_("Topic"), required=False)
    state = forms.ChoiceField(label=_("State"), required=False)
    mine = forms.BooleanField(label=_("Only my proposals"), required=False)
    supported = forms.BooleanField(label=_("Only proposals I support"), required=False)
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[
            ("newest", _("Newest first")),
            ("supported", _("Most supported")),
            ("commented", _("Most commented")),
            ("random", _("Random")),
        ],
    )
    # The random order's shuffle, carried by the links so paging keeps the order (no session).
    seed = forms.IntegerField(required=False, min_value=0, max_value=SEED_LIMIT - 1, widget=forms.HiddenInput)

    def __init__(self, *args, topics=(), states=(), state_translations=None, user=None, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", _("All topics"))] + [(str(topic.translation_key), topic.title) for topic in topics]
        self.fields["state"].choices = (
            [("", _("Any state")), ("none", _("Not answered yet"))]
            + [(str(state.pk), state.display_name(state_translations)) for state in states]
        )
        if not (user and user.is_authenticated):
            del self.fields["mine"]
            del self.fields["supported"]

    def values(self):
        """The valid filters; an invalid one (an old link, a typo) is simply ignored."""
        self.is_valid()
        data = self.cleaned_data
        sort = data.get("sort") or "newest"
        return {
            "topic_key": data.get("topic") or None,
            "state": data.get("state") or None,
            "mine": bool(data.get("mine")),
            "supported": bool(data.get("supported")),
            "sort": sort if sort in SORTS else "newest",
            "seed": data.get("seed"),
        }


class ProposalAnswerAdminForm(WagtailAdminModelForm):
    """The official answer in the admin: a state and a public text, saved by the service."""

    answer_text = forms.CharField(
        label=_("Official answer"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Public. Written in the default language; translate it with the Translate action of Official answers."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "state" in self.fields:
            self.fields["state"].queryset = ProposalState.objects.filter(locale=Locale.get_default())
        if self.instance.pk and not self.is_bound:
            source = self.instance.answers.filter(locale=Locale.get_default()).first() or self.instance.answers.order_by("pk").first()
            if source is not None:
                self.initial["answer_text"] = source.text

    def clean_answer_text(self):
        return clean_plain_text(self.cleaned_data.get("answer_text", ""))

    def save(self, commit=True):
        from .services import answer_proposal

        return answer_proposal(
            self.instance,
            state=self.cleaned_data.get("state"),
            text=self.cleaned_data.get("answer_text", ""),
            user=self.for_user,
        )
