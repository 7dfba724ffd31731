from django.apps import AppConfig


class TownhallConfig(AppConfig):
    name = "townhall"
    default_auto_field = "django.db.models.BigAutoField"
