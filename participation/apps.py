from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    """The package itself as an app: Django looks for translations in each app's folder, and the
    plugin's catalogues are one set for all its apps, in participation/locale."""

    name = "participation"
