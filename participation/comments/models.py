"""Comments on anything: a Wagtail page (topic briefing), a proposal, any model.

The target is a generic relation. Pages are always stored under the base `wagtailcore.Page`
content type, so a page's comments are found whether the caller holds a `Page` or its
specific subclass."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from participation.core.models import Contribution, ContributionQuerySet

MAX_DEPTH = 3
MAX_LENGTH = 2000


def target_content_type(target):
    if isinstance(target, Page):
        return ContentType.objects.get_for_model(Page)
    return ContentType.objects.get_for_model(target)


def target_url(target):
    if target is None:  # the page was deleted (generic relations do not cascade)
        return "/"
    if isinstance(target, Page):
        return target.url or "/"
    return target.get_absolute_url()


def target_class(target):
    """The class whose attributes (comment_positions) describe the target."""
    if isinstance(target, Page):
        return target.specific_class or type(target)
    return type(target)


def allows_positions(target):
    return bool(getattr(target_class(target), "comment_positions", False))


class Position(models.TextChoices):
    IN_FAVOUR = "for", _("In favour")
    AGAINST = "against", _("Against")
    NEUTRAL = "neutral", _("Neutral")


class CommentQuerySet(ContributionQuerySet):
    def for_target(self, target):
        return self.filter(content_type=target_content_type(target), object_id=target.pk)

    def shown(self):
        return super().shown().filter(deleted_at__isnull=True)

    def on_visible_page(self, viewer):
        """On a page the person may see, or on a contribution (a proposal) they may see."""
        from django.apps import apps

        condition = Q(content_type=ContentType.objects.get_for_model(Page), object_id__in=viewer.visible_pages().values("pk"))
        for model in apps.get_models():
            if issubclass(model, Contribution) and model is not Comment:
                visible = model._default_manager.visible_to(viewer).values("pk")
                condition |= Q(content_type=ContentType.objects.get_for_model(model), object_id__in=visible)
        return condition


class Comment(Contribution):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    parent = models.ForeignKey(
        "self", verbose_name=_("in reply to"), null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    # 1 for a top-level comment; stored so the thread is built without walking parents.
    depth = models.PositiveSmallIntegerField(default=1)
    body = models.TextField(_("comment"), max_length=MAX_LENGTH, blank=True)
    position = models.CharField(_("position"), max_length=10, choices=Position.choices, blank=True)
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True)
    # Kept equal to the CommentVote rows by services.vote (row lock + F() updates).
    upvotes = models.PositiveIntegerField(_("up votes"), default=0)
    downvotes = models.PositiveIntegerField(_("down votes"), default=0)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="comments_target")]

    def __str__(self):
        if self.deleted_at:
            return str(_("Comment deleted"))
        return self.body[:60] + ("…" if len(self.body) > 60 else "")

    def visibility_pages(self):
        return [self.target]

    @property
    def is_deleted(self):
        return self.deleted_at is not None

    @property
    def score(self):
        return self.upvotes - self.downvotes

    def export_data(self, link):
        # A reply links to its parent: the parent's text is someone else's.
        return {
            **super().export_data(link),
            "text": self.body,
            "position": self.get_position_display(),
            "in reply to": link(self.parent.get_absolute_url()) if self.parent_id else None,
            "deleted": self.deleted_at,
        }

    def get_absolute_url(self):
        return comment_link(target_url(self.target), self.pk)


def comment_link(base_url, pk):
    """A comment's permanent link: `?comment=` opens the thread on the page that holds it."""
    return f"{base_url}?comment={pk}#comment-{pk}"


class CommentVote(models.Model):
    class Value(models.IntegerChoices):
        UP = 1, _("Up")
        DOWN = -1, _("Down")

    # Votes of a deleted account still count, pointing at nobody.
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="votes")
    value = models.SmallIntegerField(choices=Value.choices)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("comment vote")
        verbose_name_plural = _("comment votes")
        constraints = [
            models.UniqueConstraint(fields=["user", "comment"], name="comments_one_vote_per_person"),
            models.CheckConstraint(condition=models.Q(value__in=[1, -1]), name="comments_vote_up_or_down"),
        ]

    def export_data(self, link):
        return {"comment": link(self.comment.get_absolute_url()), "vote": self.get_value_display(), "voted": self.created_at}
