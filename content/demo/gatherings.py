"""The demo's gatherings: country editions of the dialogue day and monthly conversation hours.

Dates are relative to the day the demo is first loaded, so it always shows upcoming and past
gatherings; a page that exists already is left as it is (an editor may have changed it), and
sessions are added only to a page that has none. Page text with dates in it ("on 10 October")
is written in each language from the sessions themselves (`dated_translations`)."""

import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_skeleton
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db.models import Count
from django.utils import timezone
from django.utils.text import slugify
from wagtail.documents import get_document_model

from content.models import CountryEditionPage, EventPage, EventSeries, EventsIndexPage, EventTheme, OutsideEvent, SessionPattern
from content.series import pattern_times
from participation.accounts.models import Person
from participation.events.models import Session
from participation.proposals.models import Proposal, Support

from . import data
from .pages import add_page, list_items, paragraphs
from .pdf import text_pdf

UTC = datetime.timezone.utc
# Babel's locale for each site language's dates ("10 October" rather than "October 10").
DATE_LOCALES = {"en": "en_GB"}


def at(day, clock, zone):
    """`day` at "HH:MM" in `zone`, as an aware datetime."""
    hour, minute = map(int, clock.split(":"))
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=zone)


# --- country editions ---------------------------------------------------------------------------


def edition_dates(page):
    """The dates its text names, from its sessions and deadline, in the edition's zone."""
    zone = ZoneInfo(page.time_zone)
    days = sorted({timezone.localtime(s.starts_at, zone).date() for s in Session.objects.filter(page=page)})
    dates = {"first_day": days[0], "second_day": days[-1]}
    if page.registration_deadline:
        dates["deadline"] = timezone.localtime(page.registration_deadline, zone).date()
    return dates


def fill(text, language, dates):
    if "{" not in text:
        return text
    locale = DATE_LOCALES.get(language, language)
    return text.format(**{key: format_skeleton("MMMMd", day, locale=locale) for key, day in dates.items()})


def questions():
    return [
        {
            "type": "question",
            "value": {
                "key": q["key"],
                "label": q["label"],
                "required": q["required"],
                "choices": list_items([{"value": value, "label": label} for value, label in q["choices"]]),
            },
        }
        for q in data.PROFILE_QUESTIONS
    ]


def ensure_edition(dialogue, info, organisations, today):
    zone = ZoneInfo(info["time_zone"])
    days = [today + datetime.timedelta(days=day) for day, _start, _end in info["slots"]]
    deadline = days[0] - datetime.timedelta(days=info["deadline_days_before"])
    dates = {"first_day": days[0], "second_day": days[-1], "deadline": deadline}
    page = add_page(
        dialogue,
        CountryEditionPage(
            title=info["title"],
            slug=info["slug"],
            intro=info["intro"],
            country=info["country"],
            partner=organisations[info["partner"]],
            languages=info["languages"],
            time_zone=info["time_zone"],
            total_places=info["total_places"],
            registration_opens_at=at(today, "00:00", zone),
            registration_deadline=at(deadline, "23:59", zone),
            participants_preselected=info["participants_preselected"],
            sessions_may_overlap=False,
            profile_questions=questions() if info["participants_preselected"] else [],
            body=[{"type": "paragraph", "value": paragraphs(fill(text, "en", dates) for text in info["paragraphs"])}],
        ),
    )
    if not Session.objects.filter(page=page).exists():
        for number, (day, (_day, start, end)) in enumerate(zip(days, info["slots"], strict=True), start=1):
            online = "address" not in info
            Session.objects.create(
                page=page,
                starts_at=at(day, start, zone),
                ends_at=at(day, end, zone),
                time_zone=info["time_zone"],
                capacity=info.get("capacity"),
                mode=Session.ONLINE if online else Session.IN_PERSON,
                join_url=f"https://zoom.example/j/8{page.pk:04d}{number}" if online else "",
                meeting_id=f"8{page.pk:04d} {number}00 100" if online else "",
                passcode=f"dialogue{number}" if online else "",
                address=info.get("address", ""),
                registration_opens_at=page.registration_opens_at,
                registration_closes_at=page.registration_deadline,
            )
    return page


def dated_translations(language, translations):
    """{English text as built: text in `language`} for the editions' texts with dates, from
    the sessions and deadline stored (the demo may have been loaded on another day)."""
    result = {}
    for info in (data.UKRAINE, *data.EDITIONS):
        page = CountryEditionPage.objects.filter(slug=info["slug"], locale__language_code="en").first()
        if page is None or not Session.objects.filter(page=page).exists():
            continue
        dates = edition_dates(page)
        for text in info["paragraphs"]:
            if "{" in text:
                result[fill(text, "en", dates)] = fill(translations[text], language, dates)
    return result


# --- conversation hours -------------------------------------------------------------------------


def month_after(month, count=1):
    """The first day of the month `count` months after `month`'s (before, when negative)."""
    index = month.year * 12 + month.month - 1 + count
    return datetime.date(index // 12, index % 12 + 1, 1)


def occurrence(series, month):
    """The series' sessions in `month`, (label, starts_at, ends_at) in UTC, as the series form
    makes them."""
    return [(pattern.label, *pattern_times(pattern, month, 1)[0]) for pattern in series.patterns.all()]


def next_occurrence_month(series, now):
    """The first month whose sessions all lie ahead."""
    month = now.date().replace(day=1)
    while min(starts for _label, starts, _ends in occurrence(series, month)) <= now:
        month = month_after(month)
    return month


def ensure_themes(source):
    themes = {}
    for slug, name in data.EVENT_THEMES:
        themes[slug] = EventTheme.objects.get_or_create(locale=source, slug=slug, defaults={"name": name})[0]
    return themes


def ensure_series(source, index):
    info = data.EVENT_SERIES
    series = EventSeries.objects.filter(locale=source, name=info["name"]).first()
    if series is None:
        series = EventSeries(locale=source, name=info["name"], description=info["description"], index=index)
        for ordinal, weekday, clock, minutes, label in info["patterns"]:
            hour, minute = map(int, clock.split(":"))
            series.patterns.add(
                SessionPattern(ordinal=ordinal, weekday=weekday, time=datetime.time(hour, minute), time_zone="UTC", duration=minutes, label=label)
            )
        series.save()
    return series


def ensure_index(home, source, today):
    info = data.EVENTS_INDEX
    index = EventsIndexPage(title=info["title"], slug=info["slug"], intro=info["intro"], show_in_menus=True)
    for first, last, title, place, link in data.OUTSIDE_EVENTS:
        index.outside_events.add(
            OutsideEvent(
                locale=source,
                title=title,
                place=place,
                link=link,
                starts_on=today + datetime.timedelta(days=first),
                ends_on=today + datetime.timedelta(days=last),
            )
        )
    return add_page(home, index)


def slides(title):
    Document = get_document_model()
    name = f"Slides: {title}"
    document = Document.objects.filter(title=name).first()
    if document is None:
        document = Document(title=name)
        lines = ["Conversation hours", *data.AGENDA]
        document.file.save(f"{slugify(title)}-slides.pdf", ContentFile(text_pdf(title, lines)), save=False)
        document.file_size = document.file.size
        document.save()
    return document


def ensure_event(index, info, themes, series, sessions, past=False):
    """An event page with its sessions: (label, starts_at, ends_at)."""
    page = add_page(
        index,
        EventPage(
            title=info["title"],
            slug=slugify(info["title"]),
            theme=themes[info["theme"]],
            series=series,
            speakers=[
                {"type": "speaker", "value": {"name": data.SPEAKERS[key][0], "role": data.SPEAKERS[key][1], "link": ""}}
                for key in info["speakers"]
            ],
            agenda="<ul>" + "".join(f"<li>{item}</li>" for item in data.AGENDA) + "</ul>",
            recording_url=f"https://video.example.org/conversation-hours/{slugify(info['title'])}" if past else "",
            recording_password=info.get("recording_password", ""),
            slides=[{"type": "document", "value": slides(info["title"]).pk}] if past else [],
            notes=f"<p>{info['notes']}</p>" if past else "",
        ),
    )
    if not Session.objects.filter(page=page).exists():
        for number, (label, starts_at, ends_at) in enumerate(sessions, start=1):
            Session.objects.create(
                page=page,
                title=label,
                starts_at=starts_at,
                ends_at=ends_at,
                time_zone="UTC",
                mode=Session.ONLINE,
                join_url=f"https://meet.example.org/hours-{page.pk}-{number}",
                passcode=f"hours{number}",
            )
    return page


def ensure_conversation_hours(home, source, now):
    today = now.date()
    index = ensure_index(home, source, today)
    themes = ensure_themes(source)
    series = ensure_series(source, index)
    month = next_occurrence_month(series, now)
    upcoming = ensure_event(index, data.NEXT_CALL, themes, series, occurrence(series, month))
    past = month_after(month, -1)
    while max(ends for _label, _starts, ends in occurrence(series, past)) >= now:  # half of it still ahead
        past = month_after(past, -1)
    for back, info in enumerate(data.PAST_CALLS):
        ensure_event(index, info, themes, series, occurrence(series, month_after(past, -back)), past=True)
    ad_hoc = data.AD_HOC_CALL
    sessions = []
    for day, clock, label in ad_hoc["sessions"]:
        starts = at(today + datetime.timedelta(days=day), clock, UTC)
        sessions.append((label, starts, starts + datetime.timedelta(hours=1)))
    ensure_event(index, ad_hoc, themes, None, sessions)
    ensure_community_topics(index, upcoming)
    return index, themes, series


def ensure_citizens():
    User = get_user_model()
    citizens = []
    now = timezone.now()
    for name in data.CITIZENS:
        user, created = User.objects.get_or_create(username=f"demo-{name}", defaults={"email": f"{name}@dialogue.example"})
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        Person.objects.get_or_create(
            user=user, defaults={"nickname": name.capitalize(), "language": "en", "accepted_terms_at": now, "email_confirmed_at": now}
        )
        citizens.append(user)
    return citizens


def ensure_community_topics(index, event):
    """Proposals for the next call, each supported by the first few citizens (not its author)."""
    citizens = ensure_citizens()
    for number, (title, body, language, supports) in enumerate(data.COMMUNITY_TOPICS):
        author = citizens[number % len(citizens)]
        proposal = Proposal.objects.get_or_create(
            dialogue=index, title=title, defaults={"author": author, "body": body, "topic": event, "language": language}
        )[0]
        supporters = [citizen for citizen in citizens if citizen != proposal.author][:supports]
        for citizen in supporters:
            Support.objects.get_or_create(user=citizen, proposal=proposal)
    counts = Proposal.objects.filter(dialogue=index).annotate(n=Count("supports"))
    for proposal in counts:
        if proposal.support_count != proposal.n:
            Proposal.objects.filter(pk=proposal.pk).update(support_count=proposal.n)


def ensure_all(home, dialogue, source, organisations):
    """Editions and conversation hours; returns what build() translates besides pages: the
    themes, the events page and the series."""
    today = timezone.localdate()
    for info in (data.UKRAINE, *data.EDITIONS):
        ensure_edition(dialogue, info, organisations, today)
    index, themes, series = ensure_conversation_hours(home, source, timezone.now())
    return list(themes.values()), index, [series]
