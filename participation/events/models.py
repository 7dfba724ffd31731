"""Gatherings: sessions (a time slot of an event or country-edition page) and who registered.

Times are stored in UTC; `time_zone` says in which zone the organisers think of them, so pages
show them in that zone (and the visitor's) across daylight-saving changes. Access details (join
link, meeting id, passcode, a private address) are shown only through
services.access_details_for, never by templates reading these fields."""

import secrets
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, URLValidator
from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from participation.core.pages import canonical_page

from .hooks import sessions_may_overlap
from .signals import session_cancelled


def validate_time_zone(value):
    """An IANA zone name such as "Europe/Kyiv"; `available_timezones` keeps out file paths that
    ZoneInfo would also open."""
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        known = False
    else:
        known = value in available_timezones()
    if not known:
        raise ValidationError(
            _("“%(zone)s” is not a time zone. Use a name such as Europe/Kyiv or America/New_York."),
            code="time_zone",
            params={"zone": value},
        )


class Session(models.Model):
    ONLINE, IN_PERSON, HYBRID = "online", "in_person", "hybrid"
    MODES = [(ONLINE, _("Online")), (IN_PERSON, _("In person")), (HYBRID, _("Hybrid"))]

    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="event_sessions", verbose_name=_("page"),
        help_text=_("The event or country edition this session belongs to."),
    )  # fmt: skip
    title = models.CharField(_("label"), max_length=100, blank=True, help_text=_("Optional, for example “Slot 1”."))
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    time_zone = models.CharField(_("time zone"), max_length=64, default="UTC", validators=[validate_time_zone])
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, validators=[MinValueValidator(1)], help_text=_("Leave empty for no limit.")
    )
    mode = models.CharField(_("mode"), max_length=10, choices=MODES, default=ONLINE)
    join_url = models.URLField(
        _("join link"), blank=True, validators=[URLValidator(schemes=["https"], message=_("Enter a link starting with https://."), code="https_only")]
    )
    meeting_id = models.CharField(_("meeting ID"), max_length=100, blank=True)
    passcode = models.CharField(_("passcode"), max_length=100, blank=True)
    address = models.TextField(_("address"), blank=True)
    address_is_private = models.BooleanField(
        _("address only for participants"), default=False, help_text=_("Show the address only to confirmed participants, like the join link.")
    )
    access_opens_minutes = models.PositiveIntegerField(
        _("access details appear (minutes before)"), default=10,
        help_text=_("How long before the start confirmed participants see the join link, meeting ID, passcode and private address."),
    )  # fmt: skip
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="events_session_ends_after_start"),
            models.CheckConstraint(condition=Q(capacity__isnull=True) | Q(capacity__gte=1), name="events_session_capacity_positive"),
        ]

    def __str__(self):
        when = timezone.localtime(self.starts_at, ZoneInfo(self.time_zone)).strftime("%Y-%m-%d %H:%M")
        return f"{self.page.title} · {self.title + ' · ' if self.title else ''}{when} ({self.time_zone})"

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("A session must end after it starts.")})
        if self.registration_opens_at and self.registration_closes_at and self.registration_closes_at <= self.registration_opens_at:
            raise ValidationError({"registration_closes_at": _("The registration deadline must come after registration opens.")})
        self._refuse_overlap()

    def _refuse_overlap(self):
        """Some pages (an edition's slots, which one person may all attend) say their sessions
        may not overlap: refuse one that does, naming the other. Cancelled sessions free their time."""
        if not (self.page_id and self.starts_at and self.ends_at) or sessions_may_overlap(self.page):
            return
        other = (
            Session.objects.filter(page=canonical_page(self.page), cancelled_at__isnull=True, starts_at__lt=self.ends_at, ends_at__gt=self.starts_at)
            .exclude(pk=self.pk)
            .first()
        )
        if other is not None:
            when = timezone.localtime(other.starts_at, other.zone).strftime("%Y-%m-%d %H:%M")
            message = _("This session overlaps another session of this page (%(other)s, %(when)s %(zone)s), and the page says its sessions may not overlap.")
            params = {"other": other.title or other.page.title, "when": when, "zone": other.time_zone}
            raise ValidationError({"starts_at": ValidationError(message, code="overlap", params=params)})

    def save(self, *args, **kwargs):
        # Sessions are the same in every language: they hang on the page's default-locale version.
        if self.page_id:
            self.page = canonical_page(self.page)
        cancelling = self.cancelled_at is not None and (
            self.pk is None or Session.objects.filter(pk=self.pk, cancelled_at__isnull=True).exists()
        )
        super().save(*args, **kwargs)
        if cancelling:  # the admin or a script: registrants are told once the change is committed
            transaction.on_commit(lambda: session_cancelled.send(sender=Session, session=self))

    @property
    def is_cancelled(self):
        return self.cancelled_at is not None

    @property
    def zone(self):
        return ZoneInfo(self.time_zone)


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=Registration.CANCELLED)

    def in_arrival_order(self):
        return self.order_by("created_at", "pk")


class Registration(models.Model):
    CONFIRMED, WAITLISTED, CANCELLED = "confirmed", "waitlisted", "cancelled"
    STATUSES = [(CONFIRMED, _("Confirmed")), (WAITLISTED, _("On the waiting list")), (CANCELLED, _("Cancelled"))]

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("session"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations", verbose_name=_("person"))
    status = models.CharField(_("status"), max_length=10, choices=STATUSES)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    promoted_at = models.DateTimeField(_("moved up from the waiting list at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    # In an edition whose participants are pre-selected (by lot, participation.selection), only
    # selected people receive the access details.
    selected_at = models.DateTimeField(_("selected at"), null=True, blank=True)
    # The selected person's answer: they confirm they come, or decline (their place then goes to
    # the reserve list, participation.selection.services.leave).
    selection_confirmed_at = models.DateTimeField(_("selection confirmed at"), null=True, blank=True)
    selection_declined_at = models.DateTimeField(_("selection declined at"), null=True, blank=True)
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    # The person's reference in this page's selection by lot (participation.selection): one per
    # person and page, the same on all their registrations there, random so it tells nothing
    # about them or when they came. Published next to their probability, never with their name.
    reference = models.CharField(_("reference"), max_length=12, blank=True, db_index=True, editable=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            # Once per person and session; a cancelled registration does not stop registering again.
            models.UniqueConstraint(
                fields=["session", "user"], condition=~Q(status="cancelled"), name="events_one_registration_per_person"
            )
        ]
        indexes = [models.Index(fields=["session", "status", "created_at"], name="events_reg_session_status")]

    def __str__(self):
        return f"{self.session} · {self.get_status_display()}"

    def save(self, *args, **kwargs):
        if not self.reference:
            self.reference = reference_for(self.user_id, self.session.page_id)
        super().save(*args, **kwargs)


# Crockford's base 32 without I, L, O, U: nothing to misread when a person types theirs in.
REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
REFERENCE_LENGTH = 8


def new_reference():
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


def reference_for(user_id, page_id):
    """The person's reference on the page (sessions hang on its canonical version): the one their
    other registrations there carry, or a new one nobody else has (40 random bits)."""
    existing = (
        Registration.objects.filter(user_id=user_id, session__page_id=page_id).exclude(reference="").values_list("reference", flat=True).first()
    )
    if existing:
        return existing
    while True:
        reference = new_reference()
        if not Registration.objects.filter(reference=reference).exists():
            return reference


def new_calendar_token():
    return secrets.token_urlsafe(32)


class CalendarToken(models.Model):
    """The secret in the address of a person's own calendar feed: whoever has the address reads
    their sessions (access details included, in the access window), so it can be reset."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token", verbose_name=_("person"))
    token = models.CharField(_("secret"), max_length=64, unique=True, default=new_calendar_token)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("calendar address")
        verbose_name_plural = _("calendar addresses")

    def __str__(self):
        return str(self.user)

    @classmethod
    def for_user(cls, user):
        return cls.objects.get_or_create(user=user)[0]

    def reset(self):
        """A new secret: the old address stops working at once."""
        self.token, self.created_at = new_calendar_token(), timezone.now()
        self.save(update_fields=["token", "created_at"])
