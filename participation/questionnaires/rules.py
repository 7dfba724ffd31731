"""Who may answer a questionnaire or enter paper questionnaires, and why not
(participation.core.rules). A questionnaire restricted to a session is for that session's
confirmed participants; paper entries are for the facilitators of focus groups of its dialogue
(of its session, if it has one) while the questionnaire is open."""

import rules
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participation.core.rules import SIGN_IN, Rulebook, is_moderator, is_not_blocked, is_participant


@rules.predicate
def has_opened(user, questionnaire):
    return questionnaire is not None and (questionnaire.opens_at is None or questionnaire.opens_at <= timezone.now())


@rules.predicate
def not_closed(user, questionnaire):
    return questionnaire is not None and (questionnaire.closes_at is None or timezone.now() < questionnaire.closes_at)


@rules.predicate
def in_the_session(user, questionnaire):
    """Open to anyone, or the person is a confirmed participant of its session."""
    if questionnaire is None or questionnaire.session_id is None:
        return True
    from participation.events.models import Registration

    return Registration.objects.filter(session_id=questionnaire.session_id, user=user, status=Registration.CONFIRMED).exists()


def facilitated_groups(user, questionnaire):
    """The focus groups whose paper questionnaires `user` may type in for `questionnaire`."""
    from participation.focusgroups.models import FocusGroup

    if user is None or not user.is_authenticated or questionnaire is None:
        return FocusGroup.objects.none()
    groups = FocusGroup.objects.filter(facilitator=user, session__page__path__startswith=questionnaire.dialogue.path)
    if questionnaire.session_id:
        groups = groups.filter(session_id=questionnaire.session_id)
    return groups.select_related("session__page").order_by("session__starts_at", "number")


@rules.predicate
def is_facilitator(user, questionnaire):
    return facilitated_groups(user, questionnaire).exists()


NOT_OPEN = _("This questionnaire is not open yet.")
CLOSED = _("This questionnaire has closed.")

CHECKS = {
    "answer": [
        (is_participant, SIGN_IN),
        (is_not_blocked, _("Moderators have blocked your account from taking part.")),
        (has_opened, NOT_OPEN),
        (not_closed, CLOSED),
        (in_the_session, _("This questionnaire is for the participants of its session.")),
    ],
    "enter_paper": [
        (is_participant, SIGN_IN),
        (is_facilitator, _("Only the group's facilitator may enter paper questionnaires.")),
        (has_opened, NOT_OPEN),
        (not_closed, CLOSED),
    ],
    # Free text may name someone: moderators read it before it is published.
    "moderate_texts": [(is_participant, SIGN_IN), (is_moderator, _("Only moderators can do this."))],
}

RULES = Rulebook("participation_questionnaires", CHECKS)
can = RULES.can
denial = RULES.denial
