"""Reports from citizens, the moderators' log and blocked accounts.

Everything here points at content through (content_type, object_id), so any `Contribution`
subclass (proposals, comments, apps yet to come) can be reported and moderated."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Reason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    OFFENSIVE = "offensive", _("Offensive or abusive")
    OFF_TOPIC = "off_topic", _("Off-topic")
    OTHER = "other", _("Other")


class ReportQuerySet(models.QuerySet):
    def open(self):
        """Reports no moderator has decided on yet."""
        return self.filter(resolved_at__isnull=True)

    def for_object(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)


class Report(models.Model):
    """One person's report of one piece of content: a person counts once per content."""

    reporter = models.ForeignKey(
        # Kept for the moderators without the identity of a reporter who deleted their account.
        settings.AUTH_USER_MODEL, verbose_name=_("reporter"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    # Copied from the content so public counts per dialogue need no join through every model.
    dialogue = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("dialogue"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    note = models.TextField(_("note"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("reported at"), default=timezone.now, db_index=True)
    # Set when a moderator hides, unhides or dismisses: the report no longer asks for a decision.
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True, db_index=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["reporter", "content_type", "object_id"], name="moderation_report_once_per_person")
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="moderation_report_target")]

    def __str__(self):
        return f"{self.get_reason_display()} ({self.content_type_id}/{self.object_id})"

    def export_data(self, link):
        # What was reported is linked, never copied: it is someone else's text.
        target = self.target
        url = getattr(target, "get_absolute_url", None)
        return {
            "reported": link(url()) if url else None,
            "reason": self.get_reason_display(),
            "note": self.note,
            "reported at": self.created_at,
            "resolved at": self.resolved_at,
        }


class ModerationAction(models.Model):
    """The moderators' log: every decision, with its reason. moderator None = automatic."""

    class Action(models.TextChoices):
        HIDE = "hide", _("Hide")
        UNHIDE = "unhide", _("Unhide")
        DISMISS = "dismiss", _("Dismiss reports")
        BLOCK = "block", _("Block the author")
        UNBLOCK = "unblock", _("Unblock the author")
        DELETE = "delete", _("Delete")

    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("moderator"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    dialogue = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("dialogue"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The person blocked or unblocked, for those actions.
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("reason"), max_length=1000)
    created_at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation actions")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="moderation_action_target")]
        permissions = [("moderate", _("Can moderate citizens' contributions"))]

    def __str__(self):
        return f"{self.get_action_display()} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def is_automatic(self):
        return self.moderator_id is None


class BlockedUser(models.Model):
    """A person who may no longer post comments, proposals or reports."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="moderation_block"
    )
    blocked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("blocked by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("reason"), max_length=1000)
    created_at = models.DateTimeField(_("blocked at"), default=timezone.now)

    class Meta:
        verbose_name = _("blocked person")
        verbose_name_plural = _("blocked people")

    def __str__(self):
        return str(self.user_id)
