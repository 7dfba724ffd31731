from django import template
from django.urls import reverse

from participation.core.http import sign_in_url
from participation.core.templatetags.participation_tags import text_lang

from .. import queries
from .. import rules as poll_rules

register = template.Library()


@register.inclusion_tag("polls/includes/poll.html", takes_context=True)
def poll_block(context, poll, page):
    """A poll as this person sees it: the form (or why they cannot vote), their vote, and the
    results when the poll's setting allows. A fixed number of queries whatever its size."""
    request = context.get("request")
    user = getattr(request, "user", None)
    choices = list(poll.choices.all())
    chosen = queries.chosen_keys(poll, user)
    closed = poll.has_closed()
    shows_results = closed or (bool(chosen) and poll.results == poll.Results.AFTER_VOTING)
    page_url = page.get_url(request) if page is not None else ""
    return {
        "request": request,
        "poll": poll,
        "page": page,
        "choices": [(choice, choice.translation_key in chosen) for choice in choices],
        "mine": [choice for choice in choices if choice.translation_key in chosen],
        "closed": closed,
        "opened": poll.has_opened(),
        "signed_in": bool(user and user.is_authenticated),
        "denial": poll_rules.denial(user, "vote", poll, assume_signed_in=True),
        "results": queries.results(poll, choices, chosen) if shows_results else None,
        "vote_url": reverse("polls:vote", args=[poll.pk]),
        "sign_in_url": sign_in_url(f"{page_url}#poll-{poll.pk}"),
        "text_lang": text_lang(poll.locale.language_code),
    }


@register.simple_tag
def bar_x(percent):
    return queries.bar_x(percent)
