from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "participation.core"
    label = "participation_core"
    verbose_name = _("Participation")

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
        from . import pending, visibility

        visibility.connect()
        pending.connect()
