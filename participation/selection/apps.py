from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SelectionConfig(AppConfig):
    name = "participation.selection"
    label = "participation_selection"
    verbose_name = _("Selection by lot")

    def ready(self):
        from participation.events.signals import selected_registration_cancelled

        from .services import on_selected_registration_cancelled

        selected_registration_cancelled.connect(on_selected_registration_cancelled, dispatch_uid="selection-replace-cancelled")
