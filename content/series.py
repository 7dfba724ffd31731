"""A recurring series in one step: one event page per month under the series' events page, each
with the sessions its patterns give for that month.

Each pattern ("last Thursday, 16:00 Europe/London, 90 minutes") is expanded with dateutil's
rrule in the pattern's own zone and only then converted to UTC, so a call keeps its local time
across daylight-saving changes. The pages are ordinary event pages afterwards: editors change or
cancel any one of them (its sessions' cancelled_at, or unpublishing the page)."""

import datetime
from zoneinfo import ZoneInfo

from dateutil.rrule import MONTHLY, rrule, weekday
from django import forms
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied

from participation.core.dates import month as month_name
from participation.core.pages import default_language_code
from participation.events.models import Session

from .models import EventPage, EventSeries

MAX_OCCURRENCES = 24


def months_from(first_month, count):
    """The first day of `count` consecutive months, from `first_month`'s."""
    start = first_month.year * 12 + first_month.month - 1
    return [datetime.date((start + n) // 12, (start + n) % 12 + 1, 1) for n in range(count)]


def pattern_times(pattern, first_month, count):
    """(starts_at, ends_at) in UTC of the pattern's session in each of `count` months."""
    zone = ZoneInfo(pattern.time_zone)
    rule = rrule(
        MONTHLY,
        dtstart=datetime.datetime.combine(first_month.replace(day=1), pattern.time, tzinfo=zone),
        count=count,
        byweekday=weekday(pattern.weekday, pattern.ordinal),
    )
    duration = datetime.timedelta(minutes=pattern.duration)
    # The local wall time stays the same each month; its UTC offset follows the zone's rules.
    return [(local.astimezone(datetime.UTC), (local + duration).astimezone(datetime.UTC)) for local in rule]


def occurrence_title(series, month):
    with translation.override(default_language_code()):
        return f"{series.name} — {month_name(month)}"


def occurrence_slug(series, month):
    return slugify(f"{series.name} {month:%Y-%m}", allow_unicode=True)


def existing_months(series, months):
    """Those of `months` the series already has a page for under its events page."""
    slugs = {occurrence_slug(series, month): month for month in months}
    taken = EventPage.objects.child_of(series.index).filter(slug__in=slugs).values_list("slug", flat=True)
    return sorted(slugs[slug] for slug in taken)


@transaction.atomic
def create_occurrences(series, first_month, count, *, publish, user=None):
    """The series' event pages for `count` months from `first_month`, with their sessions."""
    index = series.index.specific
    patterns = list(series.patterns.all())
    # One row per month: each pattern's (starts_at, ends_at) in that month.
    by_month = zip(*(pattern_times(pattern, first_month, count) for pattern in patterns), strict=True) if patterns else [()] * count
    pages = []
    for month, times in zip(months_from(first_month, count), by_month, strict=True):
        page = EventPage(title=occurrence_title(series, month), slug=occurrence_slug(series, month), series=series, live=False)
        index.add_child(instance=page)
        revision = page.save_revision(user=user, log_action=True)
        if publish:
            revision.publish(user=user)
        Session.objects.bulk_create(
            Session(page=page, title=pattern.label, starts_at=starts_at, ends_at=ends_at, time_zone=pattern.time_zone)
            for pattern, (starts_at, ends_at) in zip(patterns, times, strict=True)
        )
        pages.append(page)
    return pages


def series_user_may_extend(user):
    """Default-locale series whose events page the person may add event pages under."""
    candidates = EventSeries.objects.filter(locale__language_code=default_language_code(), index__isnull=False).select_related("index")
    return [
        series
        for series in candidates
        if EventPage.can_create_at(series.index) and series.index.permissions_for_user(user).can_add_subpage()
    ]


class MonthInput(forms.DateInput):
    input_type = "month"


class OccurrencesForm(forms.Form):
    DRAFT, PUBLISH = "draft", "publish"

    series = forms.ModelChoiceField(label=_("Series"), queryset=EventSeries.objects.none())
    first_month = forms.DateField(
        label=_("First month"), widget=MonthInput(format="%Y-%m"), input_formats=["%Y-%m"], help_text=_("Year and month, e.g. 2027-03.")
    )
    count = forms.IntegerField(label=_("Number of occurrences"), min_value=1, max_value=MAX_OCCURRENCES, initial=6)
    status = forms.ChoiceField(
        label=_("The new pages are"),
        choices=[(DRAFT, _("Drafts, to check before publishing")), (PUBLISH, _("Published at once"))],
        initial=DRAFT,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, allowed_series, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["series"].queryset = EventSeries.objects.filter(pk__in=[series.pk for series in allowed_series])

    def clean(self):
        data = super().clean()
        series, first_month, count = data.get("series"), data.get("first_month"), data.get("count")
        if series is None or first_month is None or count is None:
            return data
        if not series.patterns.exists():
            raise forms.ValidationError(_("This series has no session pattern yet: add one to the series first."))
        taken = existing_months(series, months_from(first_month, count))
        if taken:
            months = ", ".join(month_name(month) for month in taken)
            raise forms.ValidationError(_("The series already has a page for %(months)s.") % {"months": months})
        return data


def occurrences_view(request):
    """The one-step form; open to people who may add event pages under some series' events page."""
    allowed = series_user_may_extend(request.user)
    if not allowed:
        return permission_denied(request)
    form = OccurrencesForm(request.POST or None, allowed_series=allowed, initial={"series": request.GET.get("series")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        pages = create_occurrences(
            data["series"], data["first_month"], data["count"], publish=data["status"] == form.PUBLISH, user=request.user
        )
        message = ngettext("%(count)d event page created.", "%(count)d event pages created.", len(pages)) % {"count": len(pages)}
        messages.success(request, message)
        return redirect("wagtailadmin_explore", data["series"].index_id)
    title = gettext("Create monthly occurrences")
    return TemplateResponse(request, "content/admin/series_occurrences.html", {"form": form, "page_title": title})
