"""Who may do what: the predicates every app shares, and the one way an app states its rules.

An app's rules.py lists, per action, (predicate, reason) checks in a Rulebook: the permission is
all of them, and the first that fails says why not, in the person's language. Services call
`check()`, so views, the API and any later caller cannot forget a rule; views and templates ask
`can()` or `denial()` to show what a person may do. Each action is also a django-rules
permission "<app label>.<action>". Unlike user.has_perm, these give a superuser no free pass on
what belongs to someone else (editing another person's words)."""

from functools import reduce
from operator import and_

import rules
from django.apps import apps
from django.utils.translation import gettext_lazy as _

from participation.accounts.models import person_of

SIGN_IN = _("Please sign in first.")


@rules.predicate
def is_participant(user):
    """Signed in, active, and not an account deleted by its owner."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and getattr(person_of(user), "deleted_at", None) is None
    )


@rules.predicate
def is_not_blocked(user):
    """Moderators may block a person from taking part (when the moderation app is installed)."""
    if not apps.is_installed("participation.moderation"):
        return True
    from participation.moderation.services import is_blocked

    return not is_blocked(user)


@rules.predicate
def is_moderator(user):
    """Holds "participation_moderation.moderate" (the "Moderators (participation)" group)."""
    return bool(user is not None and user.is_authenticated and user.is_active and user.has_perm("participation_moderation.moderate"))


@rules.predicate
def is_author(user, contribution):
    return bool(
        contribution is not None
        and user is not None
        and user.is_authenticated
        and contribution.author_id is not None
        and contribution.author_id == user.pk
    )


can_participate = is_participant & is_not_blocked


class Refused(Exception):
    """A rule said no: `message` says why, in the person's language; `status` is the HTTP answer."""

    def __init__(self, message, status=403):
        super().__init__(str(message))
        self.message, self.status = message, status


class Rulebook:
    def __init__(self, app_label, checks):
        self.checks = checks
        for action, items in checks.items():
            rules.add_perm(f"{app_label}.{action}", reduce(and_, [predicate for predicate, _reason in items]))

    def denial(self, user, action, obj=None, assume_signed_in=False):
        """Why `user` may not do `action` on `obj` (translated), or None when they may.

        With `assume_signed_in`, answers for a visitor as if they signed in: is there any point
        in asking them to?"""
        for predicate, reason in self.checks[action]:
            if assume_signed_in and predicate is is_participant:
                continue
            if not predicate.test(user, obj):
                return reason
        return None

    def can(self, user, action, obj=None):
        return self.denial(user, action, obj) is None

    def check(self, user, action, obj=None, error=Refused, status=403):
        """For services: raise `error` (the app's Refused) with the reason when the rules say no."""
        reason = self.denial(user, action, obj)
        if reason is not None:
            raise error(reason, status)
