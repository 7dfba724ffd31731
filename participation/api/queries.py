"""Reads of the public API and the open-data files: public data only (no email, no private
name, nobody's supports or reports), each list in a fixed number of queries whatever its size.

Reads the pages share come from the apps (proposals.queries, comments.queries,
moderation.queries); what only the API and the exports need lives here."""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Min, Q, Sum
from wagtail.models import Page, get_page_models

from participation.comments.models import Comment
from participation.core.visibility import public_viewer
from participation.events import queries as event_queries
from participation.moderation.queries import hidden_counts
from participation.proposals import queries as proposal_queries
from participation.core.pages import canonical_page, default_language_code, live_versions
from participation.proposals.models import DialogueSettings, Proposal, ProposalAnswer

# Anonymous on purpose: nothing about the caller (supports, votes, rights) goes into an answer.
NOBODY = AnonymousUser()


def dialogue_types():
    return [model for model in get_page_models() if getattr(model, "participation_root", False)]


def _live_dialogues():
    types = dialogue_types()
    if not types:
        return Page.objects.none()
    return Page.objects.live().public().type(*types).select_related("locale")


def dialogue_pages():
    """Every live, public dialogue once: its page in the default locale, where proposals live."""
    return _live_dialogues().filter(locale__language_code=default_language_code()).order_by("path")


def dialogue_page(page_id):
    """The dialogue with this id (the page in any of its languages) as its default-locale page."""
    page = _live_dialogues().filter(pk=page_id).first()
    if page is None:
        return None
    canonical = canonical_page(page)
    if canonical.pk != page.pk:
        canonical = Page.objects.select_related("locale").get(pk=canonical.pk)
    return canonical


@dataclass
class DialogueRead:
    page: Page  # in the default locale: its id is the dialogue's id
    shown: Page  # in the asked language when published, else `page`
    proposals: int = 0
    supports: int = 0
    comments: int = 0
    hidden: int = 0

    @property
    def title(self):
        return self.shown.title

    @property
    def language(self):
        return self.shown.locale.language_code


def dialogue_reads(pages, language):
    """Titles in `language` and public counts of the dialogues: six queries for any number."""
    pages = list(pages)
    versions = live_versions(pages, language)
    reads = {page.translation_key: DialogueRead(page, versions.get(page.translation_key, page)) for page in pages}
    # Comments and hidden contributions belong to the page they were written on (any language).
    key_of = dict(Page.objects.filter(translation_key__in=list(reads)).values_list("pk", "translation_key"))
    by_id = {read.page.pk: read for read in reads.values()}
    viewer = public_viewer()
    proposals = (
        Proposal.objects.shown()
        .in_dialogues(list(by_id))
        .visible_to(viewer)
        .order_by()
        .values("dialogue_id")
        .annotate(n=Count("pk"), supports=Sum("support_count"))
    )
    for row in proposals:
        read = by_id[row["dialogue_id"]]
        read.proposals, read.supports = row["n"], row["supports"] or 0
    comments = (
        Comment.objects.shown()
        .in_dialogues(list(key_of))
        .visible_to(viewer)
        .order_by()
        .values_list("dialogue_id")
        .annotate(n=Count("pk"))
    )
    for dialogue_id, count in comments:
        reads[key_of[dialogue_id]].comments += count
    for dialogue_id, count in hidden_counts(list(key_of)).items():
        reads[key_of[dialogue_id]].hidden += count
    return list(reads.values())


@dataclass
class Topic:
    pk: int  # the topic page in the default locale: proposals point at it
    title: str
    language: str


def topics(dialogue, language):
    """The dialogue's live topics in tree order, titled in `language` where translated."""
    pages = list(Page.objects.child_of(dialogue).live().public().select_related("locale").order_by("path"))
    versions = live_versions(pages, language)
    shown = [versions.get(page.translation_key, page) for page in pages]
    return [Topic(page.pk, version.title, version.locale.language_code) for page, version in zip(pages, shown)]


def topics_by_id(dialogue, language, referenced=()):
    """{page id: Topic} of the dialogue's topics, plus the `referenced` ones (ids or a subquery)
    that are not live any more, named as written: three queries at most."""
    found = {topic.pk: topic for topic in topics(dialogue, language)}
    if isinstance(referenced, (list, tuple, set)) and not set(referenced) - set(found) - {None}:
        return found
    others = Page.objects.filter(pk__in=referenced).exclude(pk__in=list(found)).select_related("locale")
    found.update((page.pk, Topic(page.pk, page.title, page.locale.language_code)) for page in others)
    return found


class States:
    """Proposal states named in the active language, from one query."""

    def __init__(self):
        self.translations = proposal_queries.states_by_translation()

    def all(self):
        return proposal_queries.canonical_states(self.translations)

    def name(self, state):
        return state.display_name(self.translations) if state is not None else ""


def proposals(dialogue, *, topic=None, state=None, sort="newest", seed=0):
    """The dialogue's proposals as the HTML list orders them, hidden ones included (as
    placeholders), without anything about the caller."""
    rows = proposal_queries.proposal_list(
        proposal_queries.Dialogue(dialogue), NOBODY, state=state, sort=sort, seed=seed, viewer=public_viewer()
    )
    if topic is not None:
        rows = rows.filter(topic_id=topic)
    return rows


def proposal(pk):
    """The proposal, if anyone may see it (the API answers what the public pages show)."""
    found = proposal_queries.proposal_detail(pk, NOBODY)
    return found if found is not None and found.is_visible_to(public_viewer()) else None


def _order_key(sort):
    # Top-level comments in the order the page offers; on (pk, parent id, created at, score) rows.
    if sort == "newest":
        return lambda row: (-row[2].timestamp(), -row[0])
    if sort == "best":
        return lambda row: (-row[3], row[2], row[0])
    return lambda row: (row[2], row[0])


def comment_thread(target, sort, offset, limit):
    """(number of comments, the comments from `offset` to `offset + limit`) of the target's
    thread in reading order: each conversation in `sort` order, replies under their parent,
    oldest first. Two queries: the thread's shape, then the comments of the slice."""
    rows = list(
        Comment.objects.for_target(target)
        .annotate(score=F("upvotes") - F("downvotes"))
        .order_by("created_at", "pk")
        .values_list("pk", "parent_id", "created_at", "score")
    )
    children = {row[0]: [] for row in rows}
    roots = []
    for row in rows:  # oldest first, so every list of replies is too
        (children[row[1]] if row[1] in children else roots).append(row)
    order = []
    stack = sorted(roots, key=_order_key(sort), reverse=True)
    while stack:
        row = stack.pop()
        order.append(row[0])
        stack.extend(reversed(children[row[0]]))
    wanted = order[offset : offset + limit]
    loaded = {comment.pk: comment for comment in Comment.objects.filter(pk__in=wanted).select_related("author__participant")}
    return len(order), [loaded[pk] for pk in wanted if pk in loaded]


# Open data: every row of a dialogue, streamed with .iterator() so memory stays flat.


def answer_texts(dialogue, language):
    """{proposal id: (official answer text, its language)}: in `language` where translated,
    else the source (the first written)."""
    texts = {}
    answers = (
        ProposalAnswer.objects.filter(proposal__dialogue_id=dialogue.pk)
        .order_by("pk")
        .values_list("proposal_id", "locale__language_code", "text")
    )
    for proposal_id, code, text in answers.iterator(chunk_size=2000):
        if proposal_id not in texts or code == language:
            texts[proposal_id] = (text, code)
    return texts


def export_proposals(dialogue):
    return (
        Proposal.objects.in_dialogue(dialogue)
        .visible_to(public_viewer())
        .select_related("author__participant", "state")
        .with_reference_prefix()
        .order_by("pk")
    )


def export_comments(dialogue):
    """Every comment written in the dialogue, on any of its pages (any language) or proposals."""
    return (
        Comment.objects.filter(dialogue__translation_key=dialogue.translation_key)
        .visible_to(public_viewer())
        .select_related("author__participant")
        .order_by("pk")
    )


def comment_targets(dialogue):
    """What the dialogue's comments are about, without a query per comment: (proposal content
    type, reference prefix, ids of hidden proposals, page content type, {page id: page})."""
    proposal_type = ContentType.objects.get_for_model(Proposal)
    page_type = ContentType.objects.get_for_model(Page)
    prefix = DialogueSettings.for_dialogue(dialogue).reference_prefix
    hidden = set(Proposal.objects.in_dialogue(dialogue).filter(hidden_at__isnull=False).values_list("pk", flat=True))
    on_pages = export_comments(dialogue).filter(content_type=page_type).values("object_id")
    pages = {page.pk: page for page in Page.objects.filter(pk__in=on_pages).select_related("locale")}
    return proposal_type, prefix, hidden, page_type, pages


def export_counts(dialogue):
    """Visible proposals grouped by topic and state, with their supports and comments."""
    return (
        Proposal.objects.visible()
        .in_dialogue(dialogue)
        .visible_to(public_viewer())
        .order_by()
        .values("topic_id", "state_id")
        .annotate(
            proposals=Count("pk"),
            withdrawn=Count("pk", filter=Q(withdrawn_at__isnull=False)),
            supports=Sum("support_count"),
            comments=Sum("comment_count"),
        )
    )


# Gatherings: pages with sessions anyone may see, and counts of registrations, never people.


def event_pages():
    """Every page (in the default locale, where sessions hang) with sessions anyone may see,
    ordered by its first session."""
    return (
        Page.objects.filter(pk__in=event_queries.public_sessions().values("page_id"))
        .annotate(first_session=Min("event_sessions__starts_at"))
        .select_related("locale")
        .order_by("first_session", "pk")
    )


def event_page(page_id):
    """The event or edition with this id (the page in any of its languages) as its
    default-locale page, when anyone may see it and a session of it."""
    viewer = public_viewer()
    page = Page.objects.select_related("locale").filter(pk=page_id).first()
    if not viewer.sees_page(page):
        return None
    canonical = canonical_page(page)
    if not event_queries.public_sessions().filter(page=canonical).exists():
        return None
    return canonical


def event_sessions(pages):
    """{page id: [its public sessions, with registration counts]} in one query."""
    sessions = event_queries.public_sessions().select_related(None).filter(page__in=[page.pk for page in pages])
    sessions = event_queries.with_registration_counts(sessions)
    by_page = {page.pk: [] for page in pages}
    for session in sessions.order_by("starts_at", "pk"):
        by_page[session.page_id].append(session)
    return by_page


def export_sessions():
    """Sessions anyone may see with their registration counts, earliest first."""
    return event_queries.with_registration_counts(event_queries.public_sessions()).order_by("starts_at", "pk")


# Questionnaires: those of dialogues anyone may see; their results only from the tallies.


def questionnaires():
    """Every questionnaire (its default-locale version, the one answers count on) of a live,
    public dialogue, by dialogue then id."""
    from participation.questionnaires.models import Questionnaire

    return (
        Questionnaire.objects.filter(locale__language_code=default_language_code(), dialogue__in=dialogue_pages().values("pk"))
        .select_related("locale")
        .order_by("dialogue__path", "pk")
    )


def questionnaire(pk):
    """The questionnaire with this id (any of its translations) as its default-locale version,
    when anyone may see its dialogue."""
    from participation.questionnaires.models import Questionnaire

    found = Questionnaire.objects.select_related("locale").filter(pk=pk).first()
    if found is None:
        return None
    canonical = found.canonical
    return canonical if questionnaires().filter(pk=canonical.pk).exists() else None


def questionnaire_versions(items, language):
    """{translation key: the questionnaire in `language`} for those translated: one query."""
    from participation.questionnaires.models import Questionnaire

    keys = [item.translation_key for item in items]
    found = Questionnaire.objects.filter(translation_key__in=keys, locale__language_code=language).select_related("locale")
    return {item.translation_key: item for item in found}
