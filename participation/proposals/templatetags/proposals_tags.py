from django import template
from django.urls import reverse
from django.utils import translation

from participation.core.dialogues import dialogue_for
from participation.core.http import sign_in_url
from participation.core.text import render_plain_text
from participation.core.visibility import viewer_of

from .. import queries
from .. import rules as proposal_rules

register = template.Library()

# Proposed topics shown on an event page; the dialogue's listing has them all.
AGENDA_SIZE = 20


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


@register.inclusion_tag("proposals/includes/community_agenda.html", takes_context=True)
def community_agenda(context, page):
    """The topics the community proposes for an event (a page whose parent is a dialogue, such
    as an events index): proposals whose topic is this page, most supported first, each with its
    support box; those the host marked "Discussed" say so. Nothing for other pages or for a
    visitor who may not see the page."""
    request = context["request"]
    parent = page.get_parent()
    viewer = viewer_of(request)
    if not getattr(parent.specific_class, "participation_root", False) or not (viewer.sees_page(page) and viewer.sees_page(parent)):
        return {"dialogue": None}
    dialogue = queries.Dialogue(parent)
    user = request.user
    rows = list(queries.proposal_list(dialogue, user, topic_key=page.translation_key, sort="supported", viewer=viewer)[: AGENDA_SIZE + 1])
    state_translations = queries.states_by_translation()
    allowance = queries.support_allowance(user, dialogue.settings)
    items = []
    for proposal in rows[:AGENDA_SIZE]:
        proposal.dialogue = dialogue.canonical  # one page object: its phase is looked up once
        proposal.topic_title = ""  # every one is on this page's topic
        proposal.state_name = proposal.state.display_name(state_translations) if proposal.state else ""
        items.append({"proposal": proposal, **proposal_rules.support_permissions(user, proposal)})
    list_url = reverse("proposals:list", args=[dialogue.pk])
    next_url = f"{request.path}#community-agenda"
    return {
        "dialogue": dialogue,
        "page": page,
        "items": items,
        "settings": dialogue.settings,
        "allowance": allowance,
        "more_url": f"{list_url}?topic={page.translation_key}&sort=supported" if len(rows) > AGENDA_SIZE else "",
        "create_url": f"{reverse('proposals:create', args=[dialogue.pk])}?topic={page.pk}",
        "proposals_open": proposal_rules.proposals_open.test(user, dialogue.canonical),
        "next_url": next_url,
        # Visitors get a link to sign in, not a form: no CSRF token, so the page cache keeps the page.
        "sign_in_url": "" if user.is_authenticated else sign_in_url(next_url),
        # Context processors do not reach an inclusion tag (Django passes on only the CSRF token).
        "LANGUAGE_CODE": translation.get_language(),
    }
