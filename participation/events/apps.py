from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "participation.events"
    label = "participation_events"
    verbose_name = _("Gatherings")

    def ready(self):
        from . import calendars

        calendars.connect()
