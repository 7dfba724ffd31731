"""Gatherings in the site's pages: country editions of a dialogue day, events pages with their
calls, recurring series, and what visitors see on each."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
from wagtail_localize.strings import StringValue

from content.models import (
    CountryEditionPage, DialoguePage, EventPage, EventSeries, EventsIndexPage, EventTheme, HomePage, Organisation, OutsideEvent,
    SessionPattern, TopicPage,
)  # fmt: skip
from participation.events.models import Registration, Session
from participation.events.queries import sessions_for
from participation.proposals.services import create_proposal
from tests.factories import PROFILE_QUESTIONS, client_for, make_edition, make_event, make_events_index, make_person, make_session

pytestmark = pytest.mark.django_db


def soup(html):
    return BeautifulSoup(html, "html.parser")

def add_edition(dialogue, **fields):
    """The Ukraine edition as the partner's page describes it."""
    defaults = {"slug": "ukraine", "languages": ["uk", "en"], "total_places": 100, "participants_preselected": True}
    return make_edition(dialogue, profile_questions=PROFILE_QUESTIONS, **{**defaults, **fields})


class GatheringTreeRulesTest(WagtailPageTestCase):
    def test_editions_only_under_dialogues(self):
        self.assertAllowedParentPageTypes(CountryEditionPage, {DialoguePage})
        self.assertAllowedSubpageTypes(CountryEditionPage, set())
        self.assertCanNotCreateAt(TopicPage, CountryEditionPage)

    def test_events_pages_under_home_and_events_under_them(self):
        self.assertAllowedParentPageTypes(EventsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventsIndexPage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {EventsIndexPage})
        self.assertCanNotCreateAt(DialoguePage, EventPage)
        self.assertCanNotCreateAt(Page, EventsIndexPage)


def test_an_edition_answers_participations_hooks(dialogue):
    edition = add_edition(dialogue)
    page = Page.objects.get(pk=edition.pk).specific
    assert page.registration_questions() == [
        {"key": "age_band", "label": "Your age", "required": True, "choices": [("18_29", "18 to 29"), ("30_plus", "30 or more")]},
        {"key": "region", "label": "Your region", "required": False, "choices": []},
    ]
    assert page.participants_preselected is True and page.sessions_may_overlap is False and page.total_places == 100
    assert "I agree" in page.registration_consent_text
    page.consent_text = "I agree to be contacted by The Influencer Platform."
    assert page.registration_consent_text == "I agree to be contacted by The Influencer Platform."


def test_an_event_answers_participations_hooks_with_defaults(home):
    event = Page.objects.get(pk=make_event(make_events_index(home)).pk).specific
    assert event.registration_questions() == []
    assert event.participants_preselected is False and event.sessions_may_overlap is True and event.total_places is None
    assert event.registration_consent_text


# --- Recurring series ---------------------------------------------------------------------------


def make_series(index, name="Conversation hours"):
    series = EventSeries(name=name, index=index, locale=index.locale)
    series.patterns = [
        SessionPattern(ordinal=SessionPattern.LAST, weekday=3, time=datetime.time(16, 0), time_zone="Europe/London", duration=90, label="Europe-Africa-Americas"),
        SessionPattern(ordinal=1, weekday=1, time=datetime.time(8, 0), time_zone="UTC", duration=60, label="Asia-Pacific"),
    ]
    series.save()
    return series


def utc(*args):
    return datetime.datetime(*args, tzinfo=datetime.UTC)


def test_a_monthly_series_is_created_in_one_step_and_keeps_local_time_across_dst(editor_client, home):
    index = make_events_index(home)
    series = make_series(index)
    url = reverse("content_series_occurrences")
    for admin_page in (reverse(EventSeries.snippet_viewset.get_url_name("list")), reverse(EventSeries.snippet_viewset.get_url_name("edit"), args=[series.pk])):
        assert f"{url}?series={series.pk}" in editor_client.get(admin_page).content.decode()
    form = editor_client.get(f"{url}?series={series.pk}")
    assert form.status_code == 200 and f'<option value="{series.pk}" selected>' in form.content.decode()
    response = editor_client.post(url, {"series": series.pk, "first_month": "2027-10", "count": "3", "status": "publish"})
    assert response.status_code == 302
    events = EventPage.objects.child_of(index).order_by("path")
    assert [event.title for event in events] == [
        "Conversation hours — October 2027", "Conversation hours — November 2027", "Conversation hours — December 2027"
    ]
    assert all(event.live and event.series_id == series.pk for event in events)
    october, november, december = events
    # Last Thursday 16:00 London time: 15:00 UTC in summer time (28 October), 16:00 UTC after it
    # ends (31 October); first Tuesday 08:00 UTC on its own date.
    assert [(s.title, s.starts_at, s.ends_at, s.time_zone) for s in sessions_for(october)] == [
        ("Asia-Pacific", utc(2027, 10, 5, 8), utc(2027, 10, 5, 9), "UTC"),
        ("Europe-Africa-Americas", utc(2027, 10, 28, 15), utc(2027, 10, 28, 16, 30), "Europe/London"),
    ]
    assert [s.starts_at for s in sessions_for(november)] == [utc(2027, 11, 2, 8), utc(2027, 11, 25, 16)]
    assert [s.starts_at for s in sessions_for(december)] == [utc(2027, 12, 7, 8), utc(2027, 12, 30, 16)]
    # Each occurrence is its own page: cancelling one session or unpublishing one call leaves the rest.
    sessions_for(november).filter(title="Asia-Pacific").update(cancelled_at=timezone.now())
    december.unpublish()
    assert sessions_for(october).filter(cancelled_at__isnull=True).count() == 2
    assert EventPage.objects.child_of(index).live().count() == 2


def test_occurrences_can_be_drafts_and_are_not_created_twice(editor_client, home):
    index = make_events_index(home)
    series = make_series(index)
    url = reverse("content_series_occurrences")
    assert editor_client.post(url, {"series": series.pk, "first_month": "2027-01", "count": "2", "status": "draft"}).status_code == 302
    assert not EventPage.objects.child_of(index).live().exists() and EventPage.objects.child_of(index).count() == 2
    again = editor_client.post(url, {"series": series.pk, "first_month": "2026-12", "count": "3", "status": "draft"})
    assert again.status_code == 200
    assert "already has a page for January 2027, February 2027" in again.content.decode()
    assert EventPage.objects.child_of(index).count() == 2


def test_bad_occurrence_input_is_redisplayed_with_a_message(editor_client, home):
    series = make_series(make_events_index(home))
    response = editor_client.post(
        reverse("content_series_occurrences"), {"series": series.pk, "first_month": "March", "count": "99", "status": "publish"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="March"' in html and 'value="99"' in html
    assert "Enter a valid date." in html and "less than or equal to 24" in html


def test_only_people_who_may_add_events_create_occurrences(client, home, translator_client):
    series = make_series(make_events_index(home))
    url = reverse("content_series_occurrences")
    assert reverse("wagtailadmin_login") in client.get(url).url
    assert reverse("wagtailadmin_login") in client_for(make_person()).get(url).url
    # A French translator may add pages in the French tree only, not under this English events page.
    refused = translator_client.post(url, {"series": series.pk, "first_month": "2027-01", "count": "1", "status": "publish"})
    assert refused.status_code == 302 and refused.url == reverse("wagtailadmin_home")
    assert not EventPage.objects.filter(series=series).exists()


# --- Sessions in the page editor ----------------------------------------------------------------


def test_the_editor_lists_a_pages_sessions_and_adds_one_for_it(editor_client, dialogue):
    edition = add_edition(dialogue)
    make_session(edition, title="Slot 1", starts_at=utc(2027, 10, 10, 7), time_zone="Europe/Kyiv", capacity=25)
    html = editor_client.get(reverse("wagtailadmin_pages:edit", args=[edition.pk])).content.decode()
    assert "Slot 1 · Sunday, October 10, 2027, 10:00\u202fAM – 11:00\u202fAM (Kyiv time)" in html
    add_url = reverse("wagtailsnippets_participation_events_session:add") + f"?page={edition.pk}"
    assert f'href="{add_url}"' in html
    form = editor_client.get(add_url).content.decode()
    assert f'name="page" value="{edition.pk}"' in form


# --- The country edition page -------------------------------------------------------------------


def test_the_edition_page_reads_like_the_partners_page(client, dialogue):
    partner = Organisation.objects.create(name="The Influencer Platform", country="UA", locale=dialogue.locale, description="A Kyiv NGO.")
    edition = add_edition(dialogue, partner=partner, registration_deadline=utc(2026, 10, 2, 20, 59))
    html = client.get(edition.url).content.decode()
    page = soup(html)
    assert page.h1.text == "Citizens' Dialogue in Ukraine"
    assert "Welcome to your Citizens" in html
    assert "We have only 100 places." in html
    assert "Deadline for registration is October 2, 2026." in html  # 23:59 in Kyiv
    assert "Українська, English" in html and "Ukraine" in html
    assert "pre-selected" in html
    assert [h2.text for h2 in page.find_all("h2")].count("About the organiser") == 1
    assert "The Influencer Platform" in html and "A Kyiv NGO." in html
    # The global dialogue's briefings, linked from the edition.
    for topic in TopicPage.objects.child_of(dialogue).live():
        assert topic.title.replace("'", "&#x27;") in html or topic.title in page.text
    # The dialogue lists its editions.
    listing = soup(client.get(dialogue.url).content.decode())
    assert listing.find("a", string="Citizens' Dialogue in Ukraine")["href"] == edition.url


def test_the_edition_page_is_phone_sized_and_right_to_left_in_arabic(client, dialogue, locales, translate):
    edition = add_edition(dialogue, registration_deadline=utc(2026, 10, 2, 20, 59))
    arabic = translate(edition, locales["ar"])
    page = soup(client.get(arabic.url).content.decode())
    assert page.html["dir"] == "rtl" and page.html["lang"] == "ar"
    assert "2 أكتوبر 2026" in page.text
    assert page.find("meta", attrs={"name": "viewport"})["content"].startswith("width=device-width")
    headings = [int(tag.name[1]) for tag in page.find_all(["h1", "h2", "h3"])]
    assert headings[0] == 1 and all(later - earlier <= 1 for earlier, later in zip(headings, headings[1:]))


# --- Translation with wagtail-localize ----------------------------------------------------------


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """A translator's work in wagtail-localize: every segment translated, then published."""

    def translate(page, locale):
        source, created = TranslationSource.get_or_create_from_instance(page)
        if not created:
            source.update_from_db()
        for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
            text = StringValue(segment.string.data).render_text()
            translated = f"{text}-{locale.language_code}" if segment.context.path == "slug" else f"{text} [{locale.language_code}]"
            StringTranslation.objects.update_or_create(
                translation_of=segment.string, locale=locale, context=segment.context,
                defaults={"data": StringValue.from_plaintext(translated).data},
            )  # fmt: skip
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            translated, _ = source.create_or_update_translation(locale, publish=True, fallback=False)
        return Page.objects.get(pk=translated.pk).specific

    return translate


def segment_texts(page):
    source, _ = TranslationSource.get_or_create_from_instance(page)
    return {StringValue(segment.string.data).render_text() for segment in StringSegment.objects.filter(source=source).select_related("string")}


def test_translating_an_edition_keeps_times_places_and_keys_out_of_the_translators_hands(dialogue, locales, translate):
    edition = add_edition(dialogue, registration_deadline=utc(2026, 10, 2, 20, 59), consent_text="I agree.")
    make_session(edition, title="Slot 1", starts_at=utc(2026, 10, 10, 7), capacity=25, time_zone="Europe/Kyiv")
    texts = segment_texts(edition)
    assert {"Your age", "18 to 29", "Your region", "I agree."} <= texts
    assert not texts & {"age_band", "18_29", "Europe/Kyiv", "100", "UA", "uk", "Slot 1"}
    french = translate(edition, locales["fr"])
    assert french.time_zone == "Europe/Kyiv" and french.total_places == 100 and french.languages == ["uk", "en"]
    assert french.registration_deadline == edition.registration_deadline and french.participants_preselected
    with translation.override("fr"):
        assert french.registration_questions()[0] == {
            "key": "age_band", "label": "Your age [fr]", "required": True,
            "choices": [("18_29", "18 to 29 [fr]"), ("30_plus", "30 or more [fr]")],
        }  # fmt: skip
    assert [session.title for session in sessions_for(french)] == ["Slot 1"]
    # A later change of the source reaches the translation without a translator.
    edition.total_places, edition.time_zone = 120, "Europe/Warsaw"
    edition.save_revision().publish()
    french = translate(edition, locales["fr"])
    assert (french.total_places, french.time_zone) == (120, "Europe/Warsaw")


def test_a_translated_event_keeps_its_recording_and_password(home, locales, translate):
    event = make_event(make_events_index(home), recording_url="https://video.example/call-1", recording_password="tulip-42")
    assert not segment_texts(event) & {"https://video.example/call-1", "tulip-42"}
    translate(event.get_parent(), locales["fr"])
    french = translate(event, locales["fr"])
    assert (french.recording_url, french.recording_password) == ("https://video.example/call-1", "tulip-42")


def test_a_translations_editor_says_where_sessions_are_edited(editor_client, dialogue, locales, translate):
    edition = add_edition(dialogue)
    make_session(edition, title="Slot 1")
    french = translate(edition, locales["fr"])
    html = editor_client.get(reverse("wagtailadmin_pages:edit", args=[french.pk])).content.decode()
    assert "they belong to the page in the default language" in html and "Slot 1" in html
    assert f"?page={edition.pk}" in html


# --- The events page ----------------------------------------------------------------------------


def past_call(index, number, theme=None, **fields):
    """A call held `number` weeks ago, with its session."""
    event = make_event(index, title=f"Call {number}", theme=theme, **fields)
    make_session(event, starts_at=timezone.now() - datetime.timedelta(weeks=number))
    return event


def test_the_events_page_shows_the_next_call_upcoming_and_outside_events(client, home):
    today = timezone.localdate()
    index = make_events_index(home)
    index.outside_events = [
        OutsideEvent(title="RightsCon", starts_on=today + datetime.timedelta(days=40), ends_on=today + datetime.timedelta(days=43), place="Lusaka", link="https://rightscon.example/", locale=index.locale),
        OutsideEvent(title="Last year's summit", starts_on=today - datetime.timedelta(days=300), place="Paris", locale=index.locale),
    ]
    index.save_revision().publish()
    later = make_event(index, title="Open source and public money")
    make_session(later, starts_at=timezone.now() + datetime.timedelta(days=30))
    soon = make_event(index, title="Data and trust")
    make_session(soon, title="Asia-Pacific", starts_at=timezone.now() + datetime.timedelta(days=2))
    make_session(soon, title="Cancelled slot", starts_at=timezone.now() + datetime.timedelta(days=1), cancelled_at=timezone.now())
    past_call(index, 3)
    page = soup(client.get(index.url).content.decode())
    next_call = page.find("section", class_="next-call")
    assert next_call.find("a").text == "Data and trust" and "Asia-Pacific" in next_call.text
    upcoming = page.find("section", attrs={"aria-labelledby": "upcoming-heading"})
    assert [a.text for a in upcoming.find_all("a")] == ["Data and trust", "Open source and public money"]
    outside = page.find("section", attrs={"aria-labelledby": "outside-heading"})
    assert outside.find("a", string="RightsCon")["href"] == "https://rightscon.example/" and "Lusaka" in outside.text
    assert "Last year" not in outside.text
    log = page.find("section", attrs={"aria-labelledby": "log-heading"})
    assert [h3.text for h3 in log.find_all("h3")] == ["Call 3"]


def test_the_log_of_past_calls_is_newest_first_and_filters_by_theme_and_year(client, home, locales, translate):
    index = make_events_index(home)
    privacy = EventTheme.objects.create(name="Privacy", slug="privacy", locale=locales["en"])
    commons = EventTheme.objects.create(name="Digital commons", slug="commons", locale=locales["en"])
    for number in range(1, 5):
        past_call(index, number, theme=privacy if number % 2 else commons, recording_url="https://video.example/")
    old = past_call(index, 60, theme=privacy)
    page = soup(client.get(index.url).content.decode())
    assert [h3.text for h3 in page.select(".events-log h3")] == ["Call 1", "Call 2", "Call 3", "Call 4", "Call 60"]
    filtered = soup(client.get(f"{index.url}?theme=privacy").content.decode())
    assert [h3.text for h3 in filtered.select(".events-log h3")] == ["Call 1", "Call 3", "Call 60"]
    year = Session.objects.get(page=old).starts_at.year
    by_year = soup(client.get(f"{index.url}?theme=privacy&year={year}").content.decode())
    assert "Call 60" in [h3.text for h3 in by_year.select(".events-log h3")]
    assert by_year.find("option", selected=True, value="privacy")
    # Unknown values: the visitor's choice is said to be wrong, the whole log is shown.
    wrong = soup(client.get(f"{index.url}?theme=cooking&year=abc").content.decode())
    assert wrong.find(role="alert").text == "Choose a theme and a year from the lists."
    assert len(wrong.select(".events-log h3")) == 5
    # In French the same filter finds the same calls under their translated theme.
    for theme in (privacy, commons):
        translate(theme, locales["fr"])
    translate(index, locales["fr"])
    for event in EventPage.objects.child_of(index):
        translate(event, locales["fr"])
    french = index.get_translation(locales["fr"])
    html = soup(client.get(f"{french.url}?theme=privacy").content.decode())
    assert [h3.text for h3 in html.select(".events-log h3")] == ["Call 1 [fr]", "Call 3 [fr]", "Call 60 [fr]"]
    assert html.find("option", value="privacy").text == "Privacy [fr]"


def test_the_events_page_needs_the_same_queries_at_any_size(client, home, django_assert_num_queries):
    index = make_events_index(home)
    theme = EventTheme.objects.create(name="Privacy", slug="privacy", locale=index.locale)
    url = f"{index.url}?theme=privacy"  # a query string: past the anonymous page cache

    def add_calls(first, last):
        for number in range(first, last + 1):
            past_call(index, number, theme=theme, recording_url="https://video.example/")
            upcoming = make_event(index, title=f"Upcoming {number}", theme=theme)
            make_session(upcoming, starts_at=timezone.now() + datetime.timedelta(days=number))

    add_calls(1, 3)
    client.get(url)  # warm the caches that publishing pages empties (visibility, site, locales)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    small = len(captured)  # now: the connection's query log is a bounded deque
    add_calls(4, 40)
    client.get(url)
    with django_assert_num_queries(small):
        page = soup(client.get(url).content.decode())
    assert len(page.select(".events-log h3")) == 10 and "Page 1 of 4" in page.text
    assert len(page.select("#upcoming-heading + ul li")) == 40


@pytest.mark.parametrize("hiding", ["unpublished", "group-restricted", "password-protected"])
def test_hidden_events_show_nothing_in_the_events_page_or_the_next_call_box(client, home, hiding):
    index = make_events_index(home)
    hidden = make_event(index, title="Secret strategy call")
    make_session(hidden, title="Secret slot", starts_at=timezone.now() + datetime.timedelta(hours=2))
    past_call(index, 2)
    members = Group.objects.create(name="Strategy group")
    if hiding == "unpublished":
        hidden.unpublish()
    elif hiding == "group-restricted":
        PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.GROUPS).groups.add(members)
    else:
        PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="open sesame")
    outsider = make_person("outsider")
    for reader in (client, client_for(outsider)):
        html = reader.get(index.url).content.decode()
        assert "Secret" not in html and "next-call" not in html
    if hiding == "group-restricted":
        member = make_person("member")
        member.groups.add(members)
        html = client_for(member).get(index.url).content.decode()
        assert "Secret strategy call" in html and "next-call" in html


def test_site_search_finds_an_edition_but_never_its_access_details(client, dialogue):
    edition = add_edition(dialogue)
    make_session(
        edition, title="Slot 1", join_url="https://zoom.example/j/kyiv-room", meeting_id="812 555 0101",
        passcode="sunflower", address="Secret hall, Kyiv", address_is_private=True,
        starts_at=timezone.now() + datetime.timedelta(minutes=5),
    )  # fmt: skip
    found = client.get("/en/search/?q=Ukraine").content.decode()
    assert edition.title in soup(found).text
    for secret in ("kyiv-room", "812 555 0101", "sunflower", "Secret hall"):
        assert secret not in found
        results = soup(client.get(f"/en/search/?q={secret.split()[0]}").content.decode())
        assert edition.title not in results.text


def test_public_gatherings_link_their_calendar_feed_and_restricted_ones_do_not(client, home):
    index = make_events_index(home)
    public, private = make_event(index, title="Open call"), make_event(index, title="Members call")
    for event in (public, private):
        make_session(event, starts_at=timezone.now() + datetime.timedelta(days=3))
    members = Group.objects.create(name="Members")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.GROUPS).groups.add(members)
    member = make_person("member")
    member.groups.add(members)
    for page in (index, public):
        feed = soup(client.get(page.url).content.decode()).select_one('a[type="text/calendar"]')["href"]
        assert feed == f"/calendar/pages/{page.pk}.ics" and client.get(feed).status_code == 200
    # The member reads the page, but its feed is public and would answer 404: no link.
    assert client_for(member).get(private.url).status_code == 200
    assert 'type="text/calendar"' not in client_for(member).get(private.url).content.decode()


# --- The event page -----------------------------------------------------------------------------


def test_the_event_page_shows_theme_speakers_agenda_and_what_came_after(client, home, locales):
    document = get_document_model().objects.create(title="Slides of call 1", file=ContentFile(b"%PDF-1.4", name="call-1.pdf"))
    theme = EventTheme.objects.create(name="Privacy", slug="privacy", locale=locales["en"])
    event = past_call(
        make_events_index(home), 1, theme=theme,
        speakers=[{"type": "speaker", "value": {"name": "Ada Lovelace", "role": "Host", "link": "https://ada.example/"}}],
        agenda="<p>Welcome, then questions.</p>", notes="<p>We agreed to meet again.</p>",
        recording_url="https://video.example/call-1", slides=[{"type": "document", "value": document.pk}],
    )  # fmt: skip
    page = soup(client.get(event.url).content.decode())
    assert "Privacy" in page.find(class_="event__theme").text
    assert page.find("a", string="Ada Lovelace")["href"] == "https://ada.example/"
    assert "Welcome, then questions." in page.text and "We agreed to meet again." in page.text
    assert page.find("a", string="Watch the recording")["href"] == "https://video.example/call-1"
    assert page.find("a", string="Slides of call 1")["href"] == document.url
    assert [h.name for h in page.find_all(["h1", "h2"])][:1] == ["h1"]


def test_the_recording_password_reaches_only_those_it_is_meant_for(client, home):
    event = past_call(make_events_index(home), 1, recording_url="https://video.example/call-1", recording_password="tulip-42")
    session = sessions_for(event).get()
    confirmed, waiting, other = make_person("confirmed"), make_person("waiting"), make_person("other")
    Registration.objects.create(session=session, user=confirmed, status=Registration.CONFIRMED)
    Registration.objects.create(session=session, user=waiting, status=Registration.WAITLISTED)
    # An anonymous visit first fills the page cache: it must not hold or serve the password.
    first = client.get(event.url)
    assert "tulip-42" not in first.content.decode() and "shown to the call's confirmed participants" in first.content.decode()
    participant = client_for(confirmed).get(event.url)
    assert "tulip-42" in participant.content.decode()
    assert "no-store" in participant["Cache-Control"] or "private" in participant["Cache-Control"]
    for person in (waiting, other):
        assert "tulip-42" not in client_for(person).get(event.url).content.decode()
    again = client.get(event.url)
    assert again.get("X-Page-Cache") == "hit" and "tulip-42" not in again.content.decode()
    # Shown to everyone when the editor says so.
    event.recording_password_shown_to = EventPage.EVERYONE
    event.save_revision().publish()
    assert "tulip-42" in client.get(event.url).content.decode()


def test_an_editions_registration_dates_hold_for_its_sessions_once_published(dialogue):
    edition = add_edition(dialogue)
    slots = [make_session(edition, title=f"Slot {n}", starts_at=utc(2027, 10, 10, 7 + 3 * n)) for n in (1, 2)]
    edition.registration_opens_at, edition.registration_deadline = utc(2027, 9, 1), utc(2027, 10, 2, 20, 59)
    edition.save_revision().publish()
    for slot in slots:
        slot.refresh_from_db()
        assert (slot.registration_opens_at, slot.registration_closes_at) == (utc(2027, 9, 1), utc(2027, 10, 2, 20, 59))


def test_an_editor_creates_an_edition_in_the_admin_and_bad_input_is_explained(editor_client, dialogue):
    url = reverse("wagtailadmin_pages:add", args=["content", "countryeditionpage", dialogue.pk])
    data = nested_form_data({
        "title": "Citizens' Dialogue in Brazil", "slug": "brazil", "intro": "Bem-vindos.", "body": streamfield([]),
        "country": "BR", "time_zone": "America/Sao_Paulo", "total_places": "60",
        "registration_deadline": "2027-10-01 18:00", "sessions_may_overlap": "", "consent_text": "",
        "profile_questions": streamfield([("question", {"key": "age band", "label": "Age", "required": "", "choices": streamfield([])})]),
    })  # fmt: skip
    data["languages"] = ["es", "en"]  # ticked boxes: one value each
    bad = editor_client.post(url, {**data, "time_zone": "Mars/Olympus"})
    html = bad.content.decode()
    assert bad.status_code == 200 and "“Mars/Olympus” is not a time zone." in html and 'value="Mars/Olympus"' in html
    assert "Use lowercase letters, digits and underscores only." in html
    data["profile_questions-0-value-key"] = "age_band"
    assert editor_client.post(url, data).status_code == 302
    edition = CountryEditionPage.objects.get(slug="brazil", locale=dialogue.locale)
    assert edition.languages == ["es", "en"] and edition.time_zone == "America/Sao_Paulo" and edition.total_places == 60
    assert edition.registration_questions() == [{"key": "age_band", "label": "Age", "required": False, "choices": []}]


def test_the_community_proposes_topics_for_a_call(home):
    index = make_events_index(home)
    event = make_event(index)
    proposal = create_proposal(make_person(), index, title="Talk about open maps", body="Maps made by everyone.", topic=event)
    assert (proposal.dialogue_id, proposal.topic_id) == (index.pk, event.pk)


def test_a_changed_session_shows_at_once_on_cached_pages(client, home):
    index = make_events_index(home)
    session = make_session(make_event(index), title="Asia-Pacific", starts_at=timezone.now() + datetime.timedelta(days=3))
    assert "Asia-Pacific" in client.get(index.url).content.decode()
    assert client.get(index.url).get("X-Page-Cache") == "hit"
    session.title = "Asia-Pacific (new time)"
    session.save()
    assert "Asia-Pacific (new time)" in client.get(index.url).content.decode()
