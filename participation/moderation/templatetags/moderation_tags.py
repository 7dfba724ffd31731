from django import template
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from ..queries import hidden_counts

register = template.Library()


@register.inclusion_tag("moderation/includes/summary.html")
def moderation_summary(dialogue_page):
    """"N contributions hidden by moderation", linking to the dialogue's transparency page."""
    if dialogue_page is None or not getattr(dialogue_page, "pk", None):
        return {"count": 0, "url": ""}
    return {
        "count": hidden_counts([dialogue_page.pk]).get(dialogue_page.pk, 0),
        "url": reverse("moderation:transparency", args=[dialogue_page.pk]),
    }


@register.simple_tag
def report_url(contribution):
    """The address of the form to report this proposal or comment to the moderators."""
    return reverse("moderation:report", args=[ContentType.objects.get_for_model(contribution).pk, contribution.pk])
