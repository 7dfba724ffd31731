from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = _("Content")

    def ready(self):
        from . import partners, signals, slugs

        signals.connect()
        partners.connect()
        slugs.connect()
