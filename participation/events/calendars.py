"""iCalendar feeds: the whole site's sessions, a page's (a dialogue, an events index or an event,
with the pages under it) and each person's own, at a secret address they can reset.

Public feeds are what anyone may see (the public viewer, never the caller): the same bytes for
everyone, so they are cached, keyed on a version that every change to sessions, publication,
moves and view restrictions replaces (connect() below), and in any case rebuilt after
FEED_SECONDS. A person's feed is theirs alone, never cached: it holds their access details
within the access window (ical.sessions_calendar with person=).

Titles and page links are in the language asked with ?lang= (like the API), else the site's
default language. Feeds live outside the language prefix: calendar applications keep one address."""

import time

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseNotFound, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from participation.core import conf
from participation.core.http import safe_next, sign_in_first, wants_json
from participation.core.pages import canonical_page, default_language_code
from participation.core.signals import public_content_changed
from participation.core.visibility import public_viewer, viewer_for

from .ical import sessions_calendar
from .models import CalendarToken, Registration, Session
from .queries import public_sessions, shown_versions

CONTENT_TYPE = "text/calendar; charset=utf-8"
VERSION_KEY = "participation:calendars-version"
FEED_SECONDS = 300  # bounds a change made without signals (a script's .update())
MAX_ID = 2**63 - 1  # beyond the largest row id, a 404 rather than the database's overflow


# --- the public feeds' cache ---------------------------------------------------------------------


def version():
    """The current version of what public feeds show. A fresh clock value when the cache lost
    it, never a number used before: an old feed cannot come back."""
    current = cache.get(VERSION_KEY)
    if current is None:
        current = time.time_ns()
        cache.set(VERSION_KEY, current, None)
    return current


def bump(**kwargs):
    cache.set(VERSION_KEY, time.time_ns(), None)


def connect():
    """Called once the apps are ready (events' AppConfig.ready)."""
    for name, signal in (("published", page_published), ("unpublished", page_unpublished), ("moved", post_page_move)):
        signal.connect(bump, dispatch_uid=f"participation-calendars-page-{name}")
    for model in (Session, PageViewRestriction):
        post_save.connect(bump, sender=model, dispatch_uid=f"participation-calendars-saved-{model.__name__}")
        post_delete.connect(bump, sender=model, dispatch_uid=f"participation-calendars-deleted-{model.__name__}")
    post_delete.connect(bump, sender=Page, dispatch_uid="participation-calendars-page-deleted")
    public_content_changed.connect(bump, dispatch_uid="participation-calendars-public-change")


# --- helpers ---------------------------------------------------------------------------------------


def not_found(message):
    return HttpResponseNotFound(message, content_type="text/plain; charset=utf-8")


def language_of(request):
    """?lang= when it names one of the site's languages, the default language without it,
    None for anything else."""
    asked = request.GET.get("lang")
    if asked is None:
        return default_language_code()
    return asked if asked in dict(settings.LANGUAGES) else None


def bad_language():
    codes = ", ".join(code for code, _name in settings.LANGUAGES)
    return HttpResponseBadRequest(_("Unknown language. Use one of: %(codes)s.") % {"codes": codes}, content_type="text/plain; charset=utf-8")


def in_language(sessions, language):
    """The sessions, each naming and linking its page in `language` where it is translated.
    Each page is loaded once, however many sessions it has (a Wagtail page is costly to build).
    In memory only (never saved): the feed shows the translation, the session stays on its page."""
    sessions = list(sessions.select_related(None))
    pages = Page.objects.filter(pk__in={session.page_id for session in sessions}).select_related("locale")
    shown = shown_versions(list(pages), language)
    for session in sessions:
        session.page = shown[session.page_id]
    return sessions


def calendar_response(body):
    return HttpResponse(body, content_type=CONTENT_TYPE)


def public_feed(request, language, sessions, name):
    """A public feed from the cache, or built and cached: `sessions` and `name` are callables,
    read only on a miss."""
    key = f"participation:calendar:{version()}:{language}:{request.get_host()}:{request.path}"
    body = cache.get(key)
    if body is None:
        with translation.override(language):
            body = sessions_calendar(in_language(sessions(), language), request=request, name=name())
        cache.set(key, body, FEED_SECONDS)
    return calendar_response(body)


# --- views -----------------------------------------------------------------------------------------


@require_safe
def site_calendar(request):
    """Every session anyone may see, on every page."""
    language = language_of(request)
    if language is None:
        return bad_language()
    return public_feed(request, language, public_sessions, conf.site_name)


@require_safe
def page_calendar(request, page_id):
    """The sessions of a page and of the pages under it, whichever language's page is asked."""
    language = language_of(request)
    if language is None:
        return bad_language()
    page = Page.objects.select_related("locale").filter(pk=page_id).first() if page_id <= MAX_ID else None
    if not public_viewer().sees_page(page):
        return not_found(_("There is no such calendar."))
    canonical = canonical_page(page)

    def name():
        return shown_versions([canonical], language)[canonical.pk].title

    return public_feed(request, language, lambda: public_sessions().filter(page__path__startswith=canonical.path), name)


@require_safe
def person_calendar(request, token):
    """The sessions the token's owner registered for (a place or the waiting list), on pages
    they may still see; their access details only while services.access_details_for gives them."""
    language = language_of(request)
    if language is None:
        return bad_language()
    found = CalendarToken.objects.select_related("user").filter(token=token).first()
    if found is None or not found.user.is_active:
        return not_found(_("There is no such calendar."))
    person = found.user
    sessions = (
        Session.objects.filter(
            registrations__user=person, registrations__status__in=[Registration.CONFIRMED, Registration.WAITLISTED]
        )
        .filter(viewer_for(person).page_filter("page"))
    )
    with translation.override(language):
        body = sessions_calendar(in_language(sessions, language), request=request, name=_("My gatherings"), person=person)
    response = calendar_response(body)
    response["Cache-Control"] = "private, no-store"  # the person's own, with access details
    return response


@require_POST
def reset_calendar(request):
    """A new secret address for the person's feed; the old one answers 404 from now on."""
    mine = reverse("events:mine")
    if not request.user.is_authenticated:
        return sign_in_first(request, next_url=mine)
    token = CalendarToken.for_user(request.user)
    token.reset()
    if wants_json(request):
        return JsonResponse({"url": request.build_absolute_uri(reverse("calendars:person", args=[token.token]))})
    messages.success(request, _("Your calendar has a new address. The old one no longer works: subscribe again with the new one."))
    return HttpResponseRedirect(safe_next(request, mine))
