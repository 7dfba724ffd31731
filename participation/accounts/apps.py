from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "participation.accounts"
    label = "participation_accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from . import admin_language

        admin_language.connect()
