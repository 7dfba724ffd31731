from types import SimpleNamespace

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class ConsultationPage(Page):
    """The host's own page type, marked as a dialogue: participation hangs proposals, comments and
    the rest on it. Its phase is one field here; participation only asks current_phase().kind."""

    PHASES = [
        ("information", "Information"),
        ("registration", "Registration"),
        ("dialogue", "Dialogue"),
        ("results", "Results"),
    ]

    participation_root = True

    intro = RichTextField(blank=True)
    phase = models.CharField(max_length=20, choices=PHASES, default="dialogue")

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("phase")]

    def current_phase(self, today=None):
        return SimpleNamespace(kind=self.phase)
