"""Focus groups: a session's participants split into small groups of mixed profiles, each with a
facilitator who sees only their group's nicknames and marks who came."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FocusGroup(models.Model):
    session = models.ForeignKey("participation_events.Session", on_delete=models.CASCADE, related_name="focus_groups", verbose_name=_("session"))
    number = models.PositiveSmallIntegerField(_("number"))
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="facilitated_groups", verbose_name=_("facilitator")
    )

    class Meta:
        verbose_name = _("focus group")
        verbose_name_plural = _("focus groups")
        ordering = ["session", "number"]
        constraints = [models.UniqueConstraint(fields=["session", "number"], name="focusgroups_one_number_per_session")]

    def __str__(self):
        return _("Group %(number)s") % {"number": self.number}


class Member(models.Model):
    """A participant's place in a group: one group per registration."""

    group = models.ForeignKey(FocusGroup, on_delete=models.CASCADE, related_name="members", verbose_name=_("group"))
    registration = models.OneToOneField(
        "participation_events.Registration", on_delete=models.CASCADE, related_name="focus_group_member", verbose_name=_("registration")
    )
    attended = models.BooleanField(_("attended"), null=True, blank=True)

    class Meta:
        verbose_name = _("group member")
        verbose_name_plural = _("group members")
