from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuestionnairesConfig(AppConfig):
    name = "participation.questionnaires"
    label = "participation_questionnaires"
    verbose_name = _("Questionnaires")

    def ready(self):
        from . import signals

        signals.connect()
