from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "participation.api"
    label = "participation_api"
    verbose_name = _("Public API and open data")
