"""Translated pages get slugs in their own language and script.

wagtail-localize copies the source page's slug into each translation and, when a translator
translates the slug, passes it through an ASCII-only slugify that empties a Ukrainian or Arabic
one. So a French, Ukrainian or Arabic page would keep the English address by accident. Once a
translation is saved with its translated title, a slug that is still the source's (or empty) is
made from that title, Unicode kept (WAGTAIL_ALLOW_UNICODE_SLUGS)."""

import re
import unicodedata

from django.conf import settings
from django.db.models.signals import post_save
from django.utils.text import slugify
from wagtail.models import Page
from wagtail.coreutils import find_available_slug

from participation.core.pages import default_language_code


def _same(slug, base):
    # find_available_slug appends -2, -3... when a sibling has the slug already.
    return bool(base) and re.fullmatch(re.escape(base) + r"(-\d+)?", slug) is not None


def _loses_letters(title):
    """Letters ASCII cannot spell (Cyrillic, Arabic), unlike accents ("é" -> "e")."""
    return any(char.isalpha() and not unicodedata.normalize("NFKD", char).encode("ascii", "ignore") for char in title)


def _by_accident(slug, source_slug, title):
    """The source's slug copied, an empty one, or the translated title's ASCII leftovers
    ("Наші звички після COVID-19" -> "covid-19"); "communs-numeriques" for "Communs numériques"
    is a fair spelling someone chose."""
    return not slug or _same(slug, source_slug) or (_loses_letters(title) and _same(slug, slugify(title)))


def slug_from_translated_title(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not isinstance(instance, Page) or instance.is_root() or instance.depth <= 2:
        return  # fixtures; the tree's root and the home pages, whose slugs nobody sees
    if update_fields is not None and not {"title", "slug"} & set(update_fields):
        return  # e.g. a revision's bookkeeping: title and slug did not change
    source = (
        Page.objects.filter(translation_key=instance.translation_key, locale__language_code=default_language_code())
        .exclude(pk=instance.pk)
        .values("title", "slug")
        .first()
    )
    if source is None or instance.title == source["title"]:
        return  # the source page itself, or a translation whose title is not translated yet
    base = slugify(instance.title, allow_unicode=getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True))
    if not base or _same(instance.slug, base) or not _by_accident(instance.slug, source["slug"], instance.title):
        return  # already right, or a slug someone chose
    instance.slug = find_available_slug(instance.get_parent(), base, ignore_page_id=instance.pk)
    # Page.save with the slug recomputes the url_path, the descendants' too.
    instance.save(update_fields=["slug", "url_path"], clean=False)


def connect():
    post_save.connect(slug_from_translated_title, dispatch_uid="content-translated-slug")
