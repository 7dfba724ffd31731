"""Voting: a form post that goes back to the page with a message, or JSON for scripts."""

from django.contrib import messages
from django.http import HttpResponseRedirect, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from participation.core.http import refused, safe_next, sign_in_first, wants_json
from participation.core.rules import Refused
from participation.core.visibility import viewer_of

from . import queries, services
from .models import Poll


def _number(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@require_POST
def vote(request, poll_id):
    poll = Poll.objects.filter(pk=poll_id).first()
    page_id = _number(request.POST.get("page"))
    page = Page.objects.filter(pk=page_id).first() if page_id else None
    viewer = viewer_of(request)
    # What the person may not see does not exist for them.
    if poll is None or page is None or not viewer.sees_page(page):
        return refused(request, services.NOT_FOUND, status=404)
    back = safe_next(request, f"{page.get_url(request) or '/'}#poll-{poll.pk}")
    if not request.user.is_authenticated:
        return sign_in_first(request, next_url=back)
    try:
        services.cast_vote(request.user, poll, page, request.POST.getlist("choice"), viewer=viewer)
    except Refused as error:
        return refused(request, error.message, status=error.status, back_url=back, redirect_back=True)
    if wants_json(request):
        return JsonResponse(_answer(poll, request.user))
    messages.success(request, _("Thank you: your vote is counted."))
    return HttpResponseRedirect(back)


def _answer(poll, user):
    """The person's choices, and the results when the poll lets them see them."""
    chosen = queries.chosen_keys(poll, user)
    shows = poll.has_closed() or poll.results == Poll.Results.AFTER_VOTING
    choices = list(poll.choices.all())
    return {
        "poll": poll.pk,
        "chosen": sorted(str(key) for key in chosen),
        "results": queries.results(poll, choices, chosen).as_json() if shows else None,
    }
