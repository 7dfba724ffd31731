"""User forms for Wagtail's admin: citizens sign up with an email address and a nickname
(kept by participation), so first and last names are optional here."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users import forms as wagtail_forms
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet


def _names():
    return (
        forms.CharField(required=False, label=_("First name"), max_length=150),
        forms.CharField(required=False, label=_("Last name"), max_length=150),
    )


class UserCreationForm(wagtail_forms.UserCreationForm):
    first_name, last_name = _names()


class UserEditForm(wagtail_forms.UserEditForm):
    first_name, last_name = _names()


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm
