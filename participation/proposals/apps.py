from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    name = "participation.proposals"
    label = "participation_proposals"
    verbose_name = _("Proposals")

    def ready(self):
        from . import receivers  # noqa: F401
        from . import views  # noqa: F401  (registers the support a sign-in finishes)
