from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "participation.notifications"
    label = "participation_notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from . import receivers
        from . import views  # noqa: F401  (registers the follow a sign-in finishes)

        receivers.connect()
