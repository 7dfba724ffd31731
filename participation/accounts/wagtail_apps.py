"""Wagtail's user admin with Dialogue's user forms.

To use it, replace "wagtail.users" in INSTALLED_APPS with
"participation.accounts.wagtail_apps.DialogueUsersAppConfig". This module is imported while
apps load, so it must not import models."""

from wagtail.users.apps import WagtailUsersAppConfig


class DialogueUsersAppConfig(WagtailUsersAppConfig):
    user_viewset = "participation.accounts.wagtail_users.UserViewSet"
