from django import template
from django.urls import reverse

from participation.core.dialogues import dialogue_for
from participation.core.text import render_plain_text

from .. import queries
from .. import rules as proposal_rules

register = template.Library()


@register.filter
def plain_text(value):
    """Citizen or official text: escaped, line breaks kept, links clickable."""
    return render_plain_text(value)


@register.inclusion_tag("proposals/includes/summary.html", takes_context=True)
def proposals_summary(context, page):
    """"Proposals (N)" with links to all of them and to the form, for a dialogue's page."""
    page = dialogue_for(page)
    if page is None:
        return {"dialogue": None}
    dialogue = queries.Dialogue(page)
    request = context.get("request")
    user = getattr(request, "user", None)
    return {
        "dialogue": dialogue,
        "count": queries.proposal_count(dialogue),
        "list_url": reverse("proposals:list", args=[page.pk]),
        "create_url": reverse("proposals:create", args=[page.pk]),
        "proposals_open": proposal_rules.proposals_open.test(user, dialogue.canonical),
    }
