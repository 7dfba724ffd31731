from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class Follow(models.Model):
    """A person follows a proposal, a dialogue or any other object to hear about it by email."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        constraints = [models.UniqueConstraint(fields=["user", "content_type", "object_id"], name="one_follow_per_target")]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def export_data(self, link):
        """The followed page or proposal by its title and address."""
        target = self.target
        if isinstance(target, Page):
            url = target.url
        else:
            url = target.get_absolute_url() if hasattr(target, "get_absolute_url") else None
        return {"following": getattr(target, "title", None), "url": link(url) if url else None, "since": self.created_at}


class Preference(models.Model):
    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("One email per event")
        DAILY = "daily", _("One digest per day")
        NEVER = "never", _("No emails")

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference")
    frequency = models.CharField(_("how often"), max_length=10, choices=Frequency.choices, default=Frequency.IMMEDIATE)

    class Meta:
        verbose_name = _("notification preference")

    def export_data(self, link):
        return {"emails about what you follow": self.get_frequency_display()}


class Notification(models.Model):
    """One event for one person; emailed at once or collected into the daily digest."""

    class Kind(models.TextChoices):
        COMMENT = "comment", _("New comment")
        REPLY = "reply", _("Reply to your comment")
        PROPOSAL = "proposal", _("New proposal")
        ANSWER = "answer", _("Official answer")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    # What it is about, so an email sent later (a digest) leaves out what the person may no
    # longer see (participation.core.visibility).
    content_type = models.ForeignKey(ContentType, null=True, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField(null=True)
    subject = GenericForeignKey("content_type", "object_id")
    subject_title = models.CharField(max_length=300)
    excerpt = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # Read on the site (the notifications page): the header counts the unread ones.
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        ordering = ["created_at"]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_unread")]

    def export_data(self, link):
        # Not the excerpt: it quotes what someone else wrote.
        return {"about": self.get_kind_display(), "url": link(self.url), "created": self.created_at, "sent": self.sent_at, "read": self.read_at}
