from django import forms
from django.utils.translation import gettext_lazy as _

from participation.core.text import clean_plain_text

from .models import ModerationAction, Reason

NOTE_MAX_LENGTH = 500
ACTION_REASON_MAX_LENGTH = 1000


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why are you reporting this?"),
        choices=Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a reason."), "invalid_choice": _("Choose one of the reasons listed.")},
    )
    note = forms.CharField(
        label=_("Note for the moderators"),
        help_text=_("Optional, except when you choose “Other”. At most 500 characters."),
        required=False,
        # The raw input may hold markup that cleaning removes; the real limit is checked after.
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": NOTE_MAX_LENGTH}),
    )

    def clean_note(self):
        note = clean_plain_text(self.cleaned_data.get("note", ""))
        if len(note) > NOTE_MAX_LENGTH:
            raise forms.ValidationError(
                _("Your note is %(length)d characters long; the limit is %(limit)d."),
                params={"length": len(note), "limit": NOTE_MAX_LENGTH},
            )
        return note

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reason") == Reason.OTHER and not cleaned.get("note") and "note" not in self.errors:
            self.add_error("note", _("Tell the moderators what is wrong when you choose “Other”."))
        return cleaned


class ModerationActionForm(forms.Form):
    """A moderator's decision on one item; only the actions that make sense for it are offered."""

    action = forms.ChoiceField(
        label=_("Action"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose an action."), "invalid_choice": _("This action is not available for this item.")},
    )
    reason = forms.CharField(
        label=_("Reason"),
        help_text=_("Required. Kept in the moderation history."),
        max_length=ACTION_REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Give a reason: it is kept in the moderation history.")},
    )

    def __init__(self, *args, actions=(), **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(ModerationAction.Action.choices)
        self.fields["action"].choices = [(action, labels[action]) for action in actions]

    def clean_reason(self):
        reason = clean_plain_text(self.cleaned_data.get("reason", ""))
        if not reason:
            raise forms.ValidationError(_("Give a reason: it is kept in the moderation history."))
        return reason
