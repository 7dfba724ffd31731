"""Builds the demo site: locales, groups, partners, the dialogue and its translations.

Every step looks for what already exists first, so running it again changes nothing. Pages
are translated the way partners do it: through wagtail-localize's translation memory, filled
from content/demo/translations/<lang>.py (the same strings a PO file would carry)."""

import datetime
import importlib
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, Site
from wagtail.users.models import UserProfile
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
from wagtail_localize.strings import StringValue

from content.models import DialoguePage, DialoguePhase, HomePage, Organisation, StandardPage, TopicPage
from content.translators import ensure_editor_group, ensure_translator_group

from . import data, gatherings, images, living
from . import questionnaire as demo_questionnaire
from .pages import add_page, list_items, paragraphs
from .pdf import text_pdf

SOURCE = "en"
# Phase lengths around today, so the demo is always in its information phase.
PHASE_DAYS = {"information": (-14, 20), "registration": (0, 27), "dialogue": (28, 28), "results": (60, None)}


class MissingDemoTranslation(Exception):
    pass


def load_translations(language):
    return importlib.import_module(f"content.demo.translations.{language}").TRANSLATIONS


def ensure_locales():
    source = Locale.objects.get_or_create(language_code=SOURCE)[0]
    locales = [source]
    for code, _name in settings.LANGUAGES:
        if code == SOURCE:
            continue
        locale = Locale.objects.get_or_create(language_code=code)[0]
        # Sync from English so a page not yet translated still shows, marked as such.
        if not LocaleSynchronization.objects.filter(locale=locale).exists():
            LocaleSynchronization.objects.bulk_create([LocaleSynchronization(locale=locale, sync_from=source)])
        locales.append(locale)
    return locales


def ensure_home(source):
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=source, depth=2).first()
    if home is None:
        # Wagtail's starter "Welcome" page (and the site pointing at it) is not part of the demo.
        for starter in root.get_children().filter(content_type__model="page", numchild=0):
            starter.delete()
        home = root.add_child(instance=HomePage(title=data.HOME["title"], slug="home", intro=data.HOME["intro"], locale=source))
        home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Dialogue"},
    )
    return home


def ensure_organisations(source, items=data.ORGANISATIONS):
    organisations = {}
    for item in items:
        organisation = Organisation.objects.filter(locale=source, name=item["name"]).first()
        if organisation is None:
            organisation = Organisation.objects.create(
                locale=source,
                name=item["name"],
                country=item["country"],
                website=item["website"],
                description=item["description"],
            )
        organisations[item["key"]] = organisation
    return organisations


def ensure_material(topic):
    Document = get_document_model()
    material = topic["material"]
    title = material["title"]
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        document.file.save(f"{material['filename']}.pdf", ContentFile(text_pdf(title, material["lines"])), save=False)
        document.file_size = document.file.size
        document.save()
    return document


def topic_body(topic, dialogue):
    body = []
    for section in topic["sections"]:
        body.append({"type": "heading", "value": {"text": section["heading"], "level": "h2"}})
        body.append({"type": "paragraph", "value": paragraphs(section["paragraphs"])})
    body.append({"type": "key_facts", "value": {"heading": topic["key_facts_heading"], "facts": list_items(topic["key_facts"])}})
    body.append({"type": "quote", "value": topic["quote"]})
    video = topic["video"]
    body.append(
        {
            "type": "video",
            "value": {
                "title": video["title"],
                "url": video["url"],
                "file": None,
                "captions": None,
                "captions_language": "en",
                "transcript": paragraphs(video["transcript"]),
            },
        }
    )
    document = ensure_material(topic)
    body.append(
        {
            "type": "material",
            "value": {"document": document.pk, "title": topic["material"]["title"], "language": "en", "description": ""},
        }
    )
    body.append({"type": "faq", "value": {"heading": "", "questions": list_items(topic["faq"])}})
    body.append(
        {
            "type": "call_to_action",
            "value": {"text": topic["cta"]["text"], "label": topic["cta"]["label"], "page": dialogue.pk, "url": ""},
        }
    )
    return body


def ensure_pages(home, organisations):
    # The terms and the privacy policy are linked from the footer and from sign-up, not the menu.
    for info, in_menu in ((data.ABOUT, True), (data.PRIVACY, False), (data.TERMS, False)):
        add_page(
            home,
            StandardPage(
                title=info["title"],
                slug=info["slug"],
                show_in_menus=in_menu,
                body=[{"type": "paragraph", "value": paragraphs(info["paragraphs"])}],
            ),
        )
    info = data.DIALOGUE
    today = timezone.localdate()
    dialogue = DialoguePage(
        title=info["title"],
        slug=info["slug"],
        intro=info["intro"],
        organiser=organisations["missions-publiques"],
        questions=[{"type": "question", "value": question} for question in info["questions"]],
        show_in_menus=True,
    )
    for phase in info["phases"]:
        start, end = PHASE_DAYS[phase["kind"]]
        dialogue.phases.add(
            DialoguePhase(
                kind=phase["kind"],
                starts_on=today + datetime.timedelta(days=start),
                ends_on=today + datetime.timedelta(days=end) if end is not None else None,
                description=phase["description"],
            )
        )
    dialogue.partners = list(organisations.values())
    dialogue = add_page(home, dialogue)
    for index, topic in enumerate(data.TOPICS):
        add_page(
            dialogue,
            TopicPage(
                title=topic["title"],
                slug=topic["slug"],
                question=topic["question"],
                summary=topic["summary"],
                image=images.topic_image(topic, index),
                image_alt=images.ALT,
                body=topic_body(topic, dialogue),
            ),
        )
    return dialogue


def translate(instance, locale, translations):
    """Fill wagtail-localize's translation memory for one object, then publish the translation.

    An object already translated into the locale is left as it is (a partner may have edited it)."""
    existing = instance.get_translation_or_none(locale)
    if existing is not None and not getattr(existing, "alias_of_id", None):
        return
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    missing = []
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = StringValue(segment.string.data).render_text()
        if segment.context.path == "slug":
            title = translations.get(instance.title)
            translated = slugify(title, allow_unicode=True) if title else None
        elif segment.context.path == "name":
            translated = translations.get(text, text)  # organisations keep their proper names
        else:
            translated = translations.get(text)
        if not translated:
            missing.append(text)
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": StringValue.from_plaintext(translated).data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    if missing:
        raise MissingDemoTranslation(f"{locale.language_code}: no translation for {missing!r}")
    # wagtail-localize publishes on commit, so commit here for the page to be live right away.
    with transaction.atomic():
        source.create_or_update_translation(locale, publish=True, fallback=False)


def ensure_users(locales, home_pages, password=None):
    """An editor and a French translator; returns their credentials for the command to print."""
    User = get_user_model()
    editors = ensure_editor_group()
    translator_groups = {locale.language_code: ensure_translator_group(locale, home_pages[locale.language_code]) for locale in locales[1:]}
    credentials = []
    for username, email, group in (
        ("editor", "editor@dialogue.example", editors),
        ("translator-fr", "translator-fr@dialogue.example", translator_groups["fr"]),
    ):
        user, _ = User.objects.get_or_create(username=username, defaults={"email": email})
        secret = password or secrets.token_urlsafe(12)
        user.set_password(secret)
        user.save()
        user.groups.add(group)
        if username == "translator-fr":  # the admin in French for the French translator
            UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "fr"})
        credentials.append((username, secret, group.name))
    return credentials


def build(password=None, with_gatherings=True):
    """The demo. `with_gatherings=False` leaves out the country editions and conversation hours,
    the questionnaire with its responses, the quick poll and the citizens' contributions (proposals,
    comments, answers, moderation: content/demo/living.py): the test suite's base
    (tests/conftest.py), so tests count a single dialogue's contributions and the base stays
    fast; tests/content/test_demo.py builds them."""
    locales = ensure_locales()
    source = locales[0]
    home = ensure_home(source)
    organisations = ensure_organisations(source)
    dialogue = ensure_pages(home, organisations)
    snippets, events, series = list(organisations.values()), [], []
    if with_gatherings:
        partners = ensure_organisations(source, data.GATHERING_ORGANISATIONS)
        themes, index, series = gatherings.ensure_all(home, dialogue, source, {**organisations, **partners})
        snippets += [*partners.values(), *themes]
        events = index.get_children().specific()
        # Placed before the briefing is translated, so every language's briefing shows it.
        briefing = dialogue.get_children().get(slug=demo_questionnaire.POLL_TOPIC).specific
        poll = demo_questionnaire.ensure_poll(briefing)
        snippets.append(poll)
    pages = [home, *home.get_children().filter(locale=source).specific(), *dialogue.get_children().specific(), *events]
    # Translations in tree order: partners and themes first (pages refer to them), then parents
    # before children; a series refers to its events page, and events to their series.
    pages.sort(key=lambda page: page.path)
    for item in series:
        pages.insert(pages.index(item.index) + 1, item)
    translations = {}
    for locale in locales[1:]:
        translations[locale.language_code] = dict(load_translations(locale.language_code))
        translations[locale.language_code].update(gatherings.dated_translations(locale.language_code, translations[locale.language_code]))
        for item in [*snippets, *pages]:
            translate(item, locale, translations[locale.language_code])
    if with_gatherings:
        # The results page and the report (content) are about this questionnaire.
        demo_questionnaire.build_questionnaire(dialogue, locales[1:], translate, translations)
        demo_questionnaire.sync_briefing(briefing, locales[1:])
        demo_questionnaire.ensure_votes(poll, gatherings.ensure_citizens())
    home_pages = {page.locale.language_code: page for page in HomePage.objects.filter(depth=2).select_related("locale")}
    credentials = ensure_users(locales, home_pages, password)
    if with_gatherings:
        # Proposals, supports, comments, answers and moderation, in several languages.
        credentials.append(living.ensure_living_dialogue(dialogue, password))
    return credentials
