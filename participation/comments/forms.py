from django import forms
from django.utils.translation import gettext_lazy as _

from participation.core.text import clean_plain_text

from .models import MAX_LENGTH, Position, allows_positions
from .queries import resolve_target

# The raw text may hold markup that cleaning removes; the 2000 limit applies to what is kept.
RAW_MAX_LENGTH = 10 * MAX_LENGTH


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=RAW_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": MAX_LENGTH}),
        error_messages={
            "required": _("Write your comment before posting it."),
            "max_length": _("Your comment is far too long: the limit is 2000 characters."),
        },
    )
    position = forms.ChoiceField(
        label=_("Your position"),
        choices=[("", _("No position"))] + list(Position.choices),
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose one of the positions listed.")},
    )

    def __init__(self, *args, allow_positions=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.allow_positions = allow_positions
        # Set by clean_body when markup was removed, so the view can say so.
        self.neutralised = False
        if not allow_positions:
            del self.fields["position"]

    def clean_body(self):
        raw = self.cleaned_data.get("body", "")
        body = clean_plain_text(raw)
        if not body:
            raise forms.ValidationError(_("Write your comment before posting it: markup and scripts are removed, and nothing else was left."), code="empty")
        if len(body) > MAX_LENGTH:
            raise forms.ValidationError(
                _("Your comment is %(length)d characters long; the limit is %(limit)d."),
                params={"length": len(body), "limit": MAX_LENGTH},
                code="too_long",
            )
        self.neutralised = body != raw.replace("\r\n", "\n").strip()
        return body


class NewCommentForm(CommentForm):
    """A comment or a reply: what it is about travels in hidden fields. The form finds it
    (`target`: None when it does not exist, even when the text is refused, so the view can say
    which) and keeps a position only where the target offers them."""

    content_type = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    object_id = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    parent = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args, **kwargs):
        # Positions are known once the target is: the field stays, clean() empties it.
        super().__init__(*args, allow_positions=True, **kwargs)
        self.target = None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("content_type") and cleaned.get("object_id"):
            self.target = resolve_target(cleaned["content_type"], cleaned["object_id"])
        self.allow_positions = self.target is not None and allows_positions(self.target)
        if not self.allow_positions:
            cleaned["position"] = ""
        return cleaned


class DeleteCommentForm(forms.Form):
    """A moderator removing someone else's words says why; the reason goes to the moderation log."""

    reason = forms.CharField(
        required=False,
        max_length=1000,
        error_messages={"required": _("Give a reason: it is kept in the moderation history.")},
    )

    def __init__(self, *args, needs_reason=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = needs_reason
