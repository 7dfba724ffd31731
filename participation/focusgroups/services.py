"""Splitting a session into focus groups, facilitators, attendance and moves."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participation.core.rules import Refused
from participation.events import hooks
from participation.events.models import Registration, Session

from . import diversity
from .models import FocusGroup, Member
from .rules import RULES

DEFAULT_SIZE = 8


class FocusGroupError(Refused):
    pass


def participants_of(sessions):
    """The confirmed participants of sessions of one page (in a pre-selected edition, the
    selected ones), in arrival order, with their person."""
    sessions = list(sessions)
    registrations = Registration.objects.filter(session__in=sessions, status=Registration.CONFIRMED)
    if sessions and hooks.preselected(sessions[0].page):
        registrations = registrations.exclude(selected_at=None)
    return registrations.select_related("user__participant").order_by("created_at", "pk")


def participants(session):
    return participants_of([session])


def profile_keys(page):
    """The registration questions with choices: the features groups are mixed on."""
    return [question["key"] for question in hooks.registration_questions(page) if question.get("choices")]


def profile(registration, keys):
    return {key: str(registration.answers.get(key, "")) for key in keys}


def split_session(session, size=DEFAULT_SIZE):
    """Replace the session's groups by a new split of its participants into groups of about
    `size`, mixed on their profile answers. Facilitators stay with their group numbers.
    Returns (groups, (mean distance, worst distance))."""
    if size < 2:
        raise FocusGroupError(_("A group needs at least two people."), 400)
    with transaction.atomic():
        session = Session.objects.select_for_update().get(pk=session.pk)
        if timezone.now() >= session.starts_at:
            raise FocusGroupError(_("The session has started: groups no longer change."), 409)
        keys = profile_keys(session.page)
        registrations = list(participants(session))
        profiles = [profile(registration, keys) for registration in registrations]
        facilitators = dict(FocusGroup.objects.filter(session=session).values_list("number", "facilitator"))
        FocusGroup.objects.filter(session=session).delete()
        split = diversity.split(profiles, size, keys)
        groups = FocusGroup.objects.bulk_create(
            FocusGroup(session=session, number=number, facilitator_id=facilitators.get(number)) for number in range(1, len(split) + 1)
        )
        Member.objects.bulk_create(
            Member(group=group, registration=registrations[index]) for group, indexes in zip(groups, split, strict=True) for index in indexes
        )
    return groups, diversity.measure([[profiles[index] for index in indexes] for indexes in split], keys)


def set_facilitator(group, user):
    group.facilitator = user
    group.save(update_fields=["facilitator"])


def record_attendance(user, group, present):
    """Mark who came: members whose ids are in `present` attended, the others did not."""
    RULES.check(user, "facilitate", group, error=FocusGroupError)
    present = {int(member_id) for member_id in present}
    members = group.members.all()
    members.filter(pk__in=present).update(attended=True)
    members.exclude(pk__in=present).update(attended=False)


def move(user, member, to_group):
    """Move a member to another group of the same session, before it starts."""
    RULES.check(user, "move", member.group, error=FocusGroupError)
    if to_group.session_id != member.group.session_id:
        raise FocusGroupError(_("Choose a group of the same session."), 400)
    member.group = to_group
    member.save(update_fields=["group"])
