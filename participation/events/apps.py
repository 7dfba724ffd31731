from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "participation.events"
    label = "participation_events"
    verbose_name = _("Gatherings")

    def ready(self):
        from .emails import on_session_cancelled
        from .signals import session_cancelled

        session_cancelled.connect(on_session_cancelled, dispatch_uid="events-session-cancelled-email")
