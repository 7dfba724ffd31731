from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "participation.api"
    label = "participation_api"
    verbose_name = _("Public API and open data")

    def ready(self):
        from participation.questionnaires import results

        from . import api

        # The results' JSON is made with the results after each batch (results.warm).
        results.MAKERS[api.RESULTS_JSON] = api.results_json
