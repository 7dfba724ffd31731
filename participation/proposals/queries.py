"""Reads shared by views (and an API later): annotated querysets, never one query per row."""

import re
from functools import reduce
from operator import or_

from django.db import connection
from django.db.models import BigIntegerField, Exists, ExpressionWrapper, F, OuterRef, Q, Subquery, Value
from django.utils import translation
from wagtail.models import Page

from participation.core.pages import default_language_code
from participation.core.text import clean_plain_text

from .models import DEFAULT_REFERENCE_PREFIX, DialogueSettings, Proposal, ProposalAnswer, ProposalState, Support

PER_PAGE = 20
SIMILARITY_THRESHOLD = 0.3
MIN_SIMILAR_LENGTH = 4
SORTS = ("supported", "newest", "commented", "random")
SEED_LIMIT = 1_000_000  # seeds of the random order: 0 to SEED_LIMIT - 1


class Dialogue:
    """A dialogue as the views need it, from any of its translations: the canonical page
    (proposals, settings), the page in the visitor's language (topics, links) and its settings."""

    def __init__(self, page):
        default_code = default_language_code()
        active_code = translation.get_language()
        versions = {}
        if page._state.fields_cache.get("locale") is not None:
            versions[page.locale.language_code] = page
        if not {default_code, active_code} <= versions.keys():
            # Plain pages: phases come from participation.core.dialogues.phase_kind, cached.
            versions.update(
                (version.locale.language_code, version)
                for version in Page.objects.filter(
                    translation_key=page.translation_key, locale__language_code__in={default_code, active_code}
                ).select_related("locale")
            )
        self.page = page
        self.canonical = versions.get(default_code) or page
        self.localized = versions.get(active_code) or page
        self.settings = DialogueSettings.for_dialogue(self.canonical)

    @property
    def pk(self):
        return self.canonical.pk

    @property
    def title(self):
        return self.localized.title

    def topics(self):
        return list(Page.objects.child_of(self.localized).live().public().order_by("path"))


def topic_titles(topics):
    """Titles of the visitor's topics by translation key, to show any proposal's topic."""
    return {topic.translation_key: topic.title for topic in topics}


def states_by_translation():
    """Every state in every language, keyed by (translation key, language code): one query."""
    return {(state.translation_key, state.locale.language_code): state for state in ProposalState.objects.select_related("locale")}


def canonical_states(translations):
    default_code = default_language_code()
    return sorted((state for (key, code), state in translations.items() if code == default_code), key=lambda state: state.pk)


def proposal_list(dialogue, user, *, topic_key=None, state=None, mine=False, supported=False, sort="newest", seed=0, viewer=None):
    """The dialogue's proposals as a listing shows them, hidden ones included (shown as
    placeholders), with whether `user` supports each one; only those on topics `viewer` may
    see (the caller checked the dialogue)."""
    # The dialogue's prefix as a constant and the topic as two values, not a page object per row
    # (a Wagtail page is costly to build); subqueries, unlike a join, stay out of the count.
    topic = Page.objects.filter(pk=OuterRef("topic_id"))
    proposals = (
        Proposal.objects.in_dialogue(dialogue)
        .select_related("author__participant", "state")
        .annotate(
            reference_prefix_value=Value(dialogue.settings.reference_prefix or DEFAULT_REFERENCE_PREFIX),
            topic_key=Subquery(topic.values("translation_key")[:1]),
            topic_source_title=Subquery(topic.values("title")[:1]),
        )
    )
    if user.is_authenticated:
        proposals = proposals.annotate(supported_by_me=Exists(Support.objects.filter(user=user, proposal=OuterRef("pk"))))
        if mine:
            proposals = proposals.filter(author=user)
        if supported:
            proposals = proposals.filter(supported_by_me=True)
    else:
        proposals = proposals.annotate(supported_by_me=Value(False))
    if viewer is not None:
        proposals = proposals.filter(Proposal.objects.on_visible_page(viewer))
    if topic_key:
        proposals = proposals.filter(topic__translation_key=topic_key)
    if state == "none":
        proposals = proposals.filter(state__isnull=True)
    elif state:
        proposals = proposals.filter(state_id=state)
    return order(proposals, sort, seed)


def order(proposals, sort, seed=0):
    if sort == "supported":
        return proposals.order_by("-support_count", "-created_at", "-pk")
    if sort == "commented":
        return proposals.order_by("-comment_count", "-created_at", "-pk")
    if sort == "random":
        # A permutation computed in SQL (portable to SQLite and PostgreSQL): stable for one seed,
        # so paging through a shuffled list never shows a proposal twice.
        shuffle = ExpressionWrapper((F("id") * 2654435761 + seed) % 1000003, output_field=BigIntegerField())
        return proposals.annotate(shuffle=shuffle).order_by("shuffle", "pk")
    return proposals.order_by("-created_at", "-pk")


def proposal_detail(pk, user):
    proposals = Proposal.objects.select_related("author__participant", "topic", "state", "state__locale", "dialogue__locale").with_reference_prefix()
    if user.is_authenticated:
        proposals = proposals.annotate(supported_by_me=Exists(Support.objects.filter(user=user, proposal=OuterRef("pk"))))
    else:
        proposals = proposals.annotate(supported_by_me=Value(False))
    return proposals.filter(pk=pk).first()


def answer_for(proposal):
    """The official answer in the visitor's language, else in its source language.

    Returns (answer, is_fallback); (None, False) without an answer text."""
    answers = list(ProposalAnswer.objects.filter(proposal=proposal).select_related("locale").order_by("pk"))
    if not answers:
        return None, False
    active = translation.get_language()
    for answer in answers:
        if answer.locale.language_code == active:
            return answer, False
    return answers[0], True


def support_allowance(user, dialogue_settings):
    """How many supports `user` has left in the dialogue: None when unlimited."""
    limit = dialogue_settings.support_limit
    if limit is None or not user.is_authenticated:
        return None
    used = supports_used(user, dialogue_settings.dialogue_id)
    return {"limit": limit, "used": used, "left": max(limit - used, 0)}


def supports_used(user, dialogue_id):
    """Supports that count against the limit: those on withdrawn or hidden proposals are frozen
    (they cannot be withdrawn), so they do not use up a person's allowance."""
    return Support.objects.filter(
        user=user, proposal__dialogue_id=dialogue_id, proposal__withdrawn_at__isnull=True, proposal__hidden_at__isnull=True
    ).count()


def proposal_count(dialogue):
    return Proposal.objects.shown().in_dialogue(dialogue).count()


STOPWORDS = {
    # Short, frequent words in the site's Latin-script languages that say nothing about a topic.
    "about", "after", "also", "avec", "been", "cette", "como", "dans", "desde", "does", "each", "entre",
    "from", "have", "more", "most", "much", "must", "need", "nous", "only", "other", "para", "pour",
    "sans", "should", "some", "sont", "such", "than", "that", "their", "them", "there", "these", "they",
    "this", "very", "vous", "want", "were", "what", "when", "which", "while", "will", "with", "would",
}


def significant_words(text):
    words = {word for word in re.findall(r"\w+", text.casefold()) if len(word) >= 4 and not word.isdigit()}
    return sorted(words - STOPWORDS)


def similar_proposals(dialogue, title, exclude_pk=None, limit=5, viewer=None):
    """Existing proposals whose title resembles `title` (among those `viewer` may see):
    trigram similarity on PostgreSQL, shared significant words elsewhere."""
    title = clean_plain_text(title or "")[:150]
    if len(title) < MIN_SIMILAR_LENGTH:
        return []
    proposals = Proposal.objects.visible().not_withdrawn().in_dialogue(dialogue).with_reference_prefix()
    if viewer is not None:
        proposals = proposals.filter(Proposal.objects.on_visible_page(viewer))
    if exclude_pk:
        proposals = proposals.exclude(pk=exclude_pk)
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import TrigramSimilarity

        return list(
            proposals.annotate(similarity=TrigramSimilarity("title", title))
            .filter(similarity__gte=SIMILARITY_THRESHOLD)
            .order_by("-similarity", "-support_count")[:limit]
        )
    words = significant_words(title)
    if not words:
        return []
    candidates = proposals.filter(reduce(or_, (Q(title__icontains=word) for word in words)))[:100]
    needed = max(1, (len(words) + 2) // 3)
    scored = []
    for proposal in candidates:
        shared = len(set(words) & set(significant_words(proposal.title)))
        if shared >= needed:
            scored.append((shared, proposal.support_count, proposal))
    scored.sort(key=lambda item: (-item[0], -item[1], -item[2].pk))
    return [proposal for *_rest, proposal in scored[:limit]]
