"""User forms for Wagtail's admin that fit Dialogue's accounts: citizens have a nickname and
an optional private name instead of a first and last name, so those are optional here."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users import forms as wagtail_forms
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .forms import NICKNAME_HELP, NICKNAME_TAKEN, nickname_is_taken
from .validators import NICKNAME_MAX_LENGTH, normalise_nickname, validate_nickname

EXTRA_FIELDS = {"nickname", "full_name"}


def _fields():
    """first_name, last_name, nickname, full_name: new field instances for one form class."""
    return (
        forms.CharField(required=False, label=_("First name"), max_length=150),
        forms.CharField(required=False, label=_("Last name"), max_length=150),
        forms.CharField(required=False, label=_("Public nickname"), max_length=NICKNAME_MAX_LENGTH * 2, help_text=NICKNAME_HELP),
        forms.CharField(required=False, label=_("Private name"), max_length=150),
    )


class _NicknameMixin:
    def clean_nickname(self):
        nickname = normalise_nickname(self.cleaned_data.get("nickname"))
        if not nickname:
            return None
        validate_nickname(nickname)
        if nickname_is_taken(nickname, exclude=self.instance if self.instance.pk else None):
            raise forms.ValidationError(NICKNAME_TAKEN, code="nickname_taken")
        return nickname


class UserCreationForm(_NicknameMixin, wagtail_forms.UserCreationForm):
    first_name, last_name, nickname, full_name = _fields()

    class Meta(wagtail_forms.UserCreationForm.Meta):
        fields = wagtail_forms.UserCreationForm.Meta.fields | EXTRA_FIELDS


class UserEditForm(_NicknameMixin, wagtail_forms.UserEditForm):
    first_name, last_name, nickname, full_name = _fields()

    class Meta(wagtail_forms.UserEditForm.Meta):
        fields = wagtail_forms.UserEditForm.Meta.fields | EXTRA_FIELDS


class UserViewSet(WagtailUserViewSet):
    create_template_name = "accounts/wagtail/user_create.html"
    edit_template_name = "accounts/wagtail/user_edit.html"

    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm
