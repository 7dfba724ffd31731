"""Writes of the moderation app: reports, decisions and blocks, each logged.

The rules (participation/moderation/rules.py) are enforced here, so a view, a script or another
app cannot skip them."""

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from participation.core.models import Contribution
from participation.core.rules import Refused
from participation.core.signals import public_content_changed

from . import rules as moderation_rules
from .models import BlockedUser, ModerationAction, Reason, Report

DEFAULT_AUTO_HIDE_REPORTS = 3


class ModerationError(Refused):
    """A refusal with a message for the person (already reported, already hidden, ...)."""

    def __init__(self, message, status=400):
        super().__init__(message, status)


class AlreadyReported(ModerationError):
    def __init__(self):
        super().__init__(_("You have already reported this. Thank you: moderators will review it."))


def auto_hide_threshold():
    return getattr(settings, "MODERATION_AUTO_HIDE_REPORTS", DEFAULT_AUTO_HIDE_REPORTS)


def contribution_models():
    """Every concrete Contribution subclass installed (comments, proposals, ...)."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Contribution) and not model._meta.abstract and not model._meta.proxy
    ]


def is_reportable(obj):
    return isinstance(obj, Contribution) and getattr(obj, "deleted_at", None) is None


def is_blocked(user):
    """True when moderators blocked this person. Cached on the user object for the request."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    cached = getattr(user, "_moderation_blocked", None)
    if cached is None:
        cached = BlockedUser.objects.filter(user_id=user.pk).exists()
        user._moderation_blocked = cached
    return cached


def can_moderate(user):
    return bool(user is not None and user.is_authenticated and user.is_active and user.has_perm("participation_moderation.moderate"))


def _require_moderator(user):
    if not can_moderate(user):
        raise PermissionDenied(_("Only moderators can do this."))


def _lock(obj):
    """The content row, locked until the transaction ends: decisions on one item run one at a time."""
    return type(obj)._base_manager.select_for_update().get(pk=obj.pk)


def _key(obj):
    return ContentType.objects.get_for_model(obj), obj.pk


def _log(moderator, action, obj=None, reason="", subject=None):
    content_type, object_id = _key(obj) if obj is not None else (None, None)
    return ModerationAction.objects.create(
        moderator=moderator,
        action=action,
        content_type=content_type,
        object_id=object_id,
        dialogue_id=getattr(obj, "dialogue_id", None),
        subject=subject,
        reason=reason,
    )


def _set_hidden_at(target, value):
    # update(), not save(): the row is locked and nothing else may change. It sends no model
    # signal, so the public pages' caches are told here.
    type(target)._base_manager.filter(pk=target.pk).update(hidden_at=value)
    public_content_changed.send(sender=type(target))


def _resolve_reports(obj, now):
    content_type, object_id = _key(obj)
    return Report.objects.open().filter(content_type=content_type, object_id=object_id).update(resolved_at=now)


def report(user, obj, reason, note=""):
    """Record `user`'s report of `obj`; hide it once enough different people reported it.

    Raises AlreadyReported when this person reported it before, ModerationError when the
    person may not report it. Returns the Report."""
    if user is None or not user.is_authenticated:
        raise PermissionDenied(_("Sign in to report content."))
    if not is_reportable(obj):
        raise ModerationError(_("This content cannot be reported."))
    moderation_rules.RULES.check(user, "report_content", obj, error=ModerationError)
    if reason not in Reason.values:
        raise ModerationError(_("Choose a reason."))
    content_type, object_id = _key(obj)
    with transaction.atomic():
        # Reports of one item are counted one at a time, so the threshold is crossed exactly once.
        target = _lock(obj)
        try:
            with transaction.atomic():
                created = Report.objects.create(
                    reporter=user,
                    content_type=content_type,
                    object_id=object_id,
                    dialogue_id=target.dialogue_id,
                    reason=reason,
                    note=note or "",
                )
        except IntegrityError:
            raise AlreadyReported() from None
        if target.hidden_at is None:
            count = Report.objects.open().filter(content_type=content_type, object_id=object_id).count()
            if count >= auto_hide_threshold():
                target.hidden_at = timezone.now()
                _set_hidden_at(target, target.hidden_at)
                # Stored as written: the log is data, read by moderators in any language.
                _log(None, ModerationAction.Action.HIDE, target, f"automatic: {count} reports")
    obj.hidden_at = target.hidden_at
    return created


def hide(moderator, obj, reason):
    _require_moderator(moderator)
    with transaction.atomic():
        target = _lock(obj)
        if target.hidden_at is not None:
            raise ModerationError(_("This content is already hidden."))
        now = timezone.now()
        _set_hidden_at(target, now)
        _resolve_reports(target, now)
        action = _log(moderator, ModerationAction.Action.HIDE, target, reason)
    obj.hidden_at = now
    return action


def unhide(moderator, obj, reason):
    _require_moderator(moderator)
    with transaction.atomic():
        target = _lock(obj)
        if target.hidden_at is None:
            raise ModerationError(_("This content is not hidden."))
        _set_hidden_at(target, None)
        _resolve_reports(target, timezone.now())
        action = _log(moderator, ModerationAction.Action.UNHIDE, target, reason)
    obj.hidden_at = None
    return action


def dismiss(moderator, obj, reason):
    """Close the open reports without changing the content."""
    _require_moderator(moderator)
    with transaction.atomic():
        target = _lock(obj)
        if not _resolve_reports(target, timezone.now()):
            raise ModerationError(_("There are no open reports to dismiss."))
        return _log(moderator, ModerationAction.Action.DISMISS, target, reason)


def block(moderator, user, reason, obj=None):
    """Stop `user` from posting comments, proposals and reports. `obj`: the content that led to it."""
    _require_moderator(moderator)
    if user is None:
        raise ModerationError(_("This contribution has no author to block."))
    if user.pk == moderator.pk:
        raise ModerationError(_("You cannot block yourself."))
    with transaction.atomic():
        _blocked, created = BlockedUser.objects.get_or_create(user=user, defaults={"blocked_by": moderator, "reason": reason})
        if not created:
            raise ModerationError(_("This person is already blocked."))
        action = _log(moderator, ModerationAction.Action.BLOCK, obj, reason, subject=user)
    user._moderation_blocked = True
    return action


def unblock(moderator, user, reason, obj=None):
    _require_moderator(moderator)
    if user is None:
        raise ModerationError(_("This contribution has no author to unblock."))
    with transaction.atomic():
        deleted, _rows = BlockedUser.objects.filter(user=user).delete()
        if not deleted:
            raise ModerationError(_("This person is not blocked."))
        action = _log(moderator, ModerationAction.Action.UNBLOCK, obj, reason, subject=user)
    user._moderation_blocked = False
    return action


def log_deletion(moderator, obj, reason):
    """For apps whose moderators delete content in place (comments): keep the log complete."""
    return _log(moderator, ModerationAction.Action.DELETE, obj, reason)
