"""Who may change which translation of participation's translatable snippets in the admin."""

from django.core.exceptions import PermissionDenied
from wagtail.permission_policies import ModelPermissionPolicy

from .models import GroupLocale

EVERY_LOCALE = None


class LocalePermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, limited per object to the locales of the groups that grant them
    (GroupLocale). A permission held directly, or through a group without a locale, holds in
    every locale. The model must be translatable (a `locale` field)."""

    def _locale_ids(self, user, action):
        """The ids of the locales where `user` may do `action`, or EVERY_LOCALE."""
        if not user.is_active or not self.user_has_permission(user, action):
            return set()
        if user.is_superuser:
            return EVERY_LOCALE
        permissions = self._get_permission_objects_for_actions([action])
        if user.user_permissions.filter(pk__in=permissions).exists():
            return EVERY_LOCALE
        groups = user.groups.filter(permissions__in=permissions)
        limits = GroupLocale.objects.filter(group__in=groups)
        if groups.exclude(pk__in=limits.values("group_id")).exists():
            return EVERY_LOCALE
        return set(limits.values_list("locale_id", flat=True))

    def user_has_permission_for_instance(self, user, action, instance):
        locale_ids = self._locale_ids(user, action)
        return locale_ids is EVERY_LOCALE or instance.locale_id in locale_ids

    def instances_user_has_any_permission_for(self, user, actions):
        instances = self.model._default_manager.none()
        for action in actions:
            locale_ids = self._locale_ids(user, action)
            if locale_ids is EVERY_LOCALE:
                return self.model._default_manager.all()
            instances |= self.model._default_manager.filter(locale_id__in=locale_ids)
        return instances


class LocaleLimitedViewSetMixin:
    """For a translatable snippet's viewset: a partner's translators list and change their
    locale's translations only; editors (groups without a locale) every one. Pair it with an edit
    view using InstancePermissionMixin."""

    @property
    def permission_policy(self):
        return LocalePermissionPolicy(self.model)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        queryset = self.model._default_manager.all() if queryset is None else queryset
        allowed = self.permission_policy.instances_user_has_any_permission_for(request.user, ["view", "change"])
        return queryset.filter(pk__in=allowed.values("pk"))


class InstancePermissionMixin:
    """For a snippet edit view: Wagtail's generic edit view checks the model permission only, so
    ask the policy about this object before anything (wagtail-localize's editor included) runs."""

    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission_for_instance(self.permission_required, self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
