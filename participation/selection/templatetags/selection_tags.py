from django import template
from django.urls import reverse

from participation.events import hooks

register = template.Library()


@register.inclusion_tag("selection/includes/link.html")
def selection_link(page):
    """A link to the page's transparency page, on gatherings that select their participants by
    lot. Shown whether or not a run is published yet (that page says so), which keeps the
    gathering page the same for everyone and cacheable."""
    return {"url": reverse("selection:transparency", args=[page.pk]) if hooks.preselected(page) else ""}
