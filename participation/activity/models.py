from django.db import models
from django.utils.translation import gettext_lazy as _


class Statistics(models.Model):
    """No table: the holder of the permission to read the statistics page in the admin, which
    editors and moderators get (moderators from migration 0002, editors from the host)."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_statistics", _("Can view participation statistics"))]
        verbose_name = _("participation statistics")
        verbose_name_plural = _("participation statistics")
