"""Every write to votes. A vote is refused with a translated message and an HTTP status (a
`Refused`), never a 500, whatever the request carried.

Once per person: a unique constraint on (poll, person). Changing a vote locks that person's vote
row and replaces its selections, so two submissions at once leave exactly one of them. Counts are
read with COUNT (queries.results), so they are exact however many people vote at once."""

import uuid

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from participation.core.rules import Refused
from participation.core.visibility import viewer_for

from . import rules as poll_rules
from .models import Choice, Vote
from .queries import polls_on

NOT_FOUND = _("There is no such poll.")


def _identities(values):
    """The choice identities sent, or a refusal for anything that is not one."""
    try:
        keys = {uuid.UUID(str(value)) for value in values}
    except ValueError:
        raise Refused(_("This answer is not one of this poll's choices."), 400) from None
    if not keys:
        raise Refused(_("Choose an answer."), 400)
    return keys


def _check_number(poll, keys):
    most = poll.most
    if most is not None and len(keys) > most:
        if most == 1:
            raise Refused(_("Choose only one answer."), 400)
        raise Refused(
            ngettext("Choose at most %(count)d answer.", "Choose at most %(count)d answers.", most) % {"count": most}, 400
        )


def cast_vote(user, poll, page, choices, viewer=None):
    """Vote (or change one's vote) on `poll` as shown on `page`, for the choices whose identities
    (translation keys) are listed. Returns the Vote."""
    viewer = viewer or viewer_for(user)
    if page is None or not viewer.sees_page(page) or poll.pk not in polls_on(page):
        raise Refused(NOT_FOUND, 404)
    # The canonical poll's settings rule: votes are stored there, and a translation not synced
    # since an editor moved its closing date must not keep it open.
    canonical = poll.canonical()
    poll_rules.RULES.check(user, "vote", canonical)
    keys = _identities(choices)
    _check_number(canonical, keys)
    chosen = list(Choice.objects.filter(poll=canonical, translation_key__in=keys))
    if len(chosen) != len(keys):
        raise Refused(_("This answer is not one of this poll's choices."), 400)
    with transaction.atomic():
        vote, created = Vote.objects.get_or_create(poll=canonical, user=user)
        vote = Vote.objects.select_for_update().get(pk=vote.pk)
        if not created:
            vote.selections.all().delete()
            vote.changed_at = timezone.now()
            vote.save(update_fields=["changed_at"])
        vote.selections.bulk_create([vote.selections.model(vote=vote, choice=choice) for choice in chosen])
    return vote
