from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivityConfig(AppConfig):
    name = "participation.activity"
    label = "participation_activity"
    verbose_name = _("Activity")
