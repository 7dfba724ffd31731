"""The phases a dialogue goes through, named once for participation and the site's pages.

A dialogue page type's `current_phase()` returns an object whose `kind` is one of these;
participation opens and closes actions by kind (see `core/dialogues.py`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PhaseKind(models.TextChoices):
    INFORMATION = "information", _("Information")
    REGISTRATION = "registration", _("Registration")
    DIALOGUE = "dialogue", _("Dialogue day")
    RESULTS = "results", _("Results")
