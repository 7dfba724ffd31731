"""Wagtail's user admin with Dialogue's user forms.

"wagtail.users" in INSTALLED_APPS is replaced by "people.wagtail_apps.PeopleUsersAppConfig".
This module is imported while apps load, so it must not import models."""

from wagtail.users.apps import WagtailUsersAppConfig


class PeopleUsersAppConfig(WagtailUsersAppConfig):
    user_viewset = "people.wagtail_users.UserViewSet"
