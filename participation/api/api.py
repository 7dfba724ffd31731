"""The public API: read-only, anonymous, JSON, described by OpenAPI at /api/v1/openapi.json.

It answers what the public pages show and nothing more: nicknames, never emails or private
names; counts of supports, never who gave them; hidden and deleted contributions as
placeholders. Translatable things (dialogue, topic and state names, official answers) come in
the language asked with ?lang=, else in their source language."""

import hashlib
import json
from datetime import date
from typing import Annotated, Literal, Optional

from django.conf import settings
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Path, Query
from ninja.errors import ValidationError
from pydantic import StringConstraints

from participation.comments.queries import SORTS as COMMENT_SORTS
from participation.core.pages import default_language_code
from participation.events import queries as event_queries
from participation.proposals.queries import SORTS as PROPOSAL_SORTS
from participation.proposals.queries import answer_for

from . import queries, schemas

MAX_LIMIT = 100
DEFAULT_LIMIT = 20
MAX_OFFSET = 10**9
MAX_ID = 2**63 - 1  # the largest id a database row can have; beyond, 422 rather than an overflow
MAX_SEED = 999_999
Language = Literal[tuple(code for code, _name in settings.LANGUAGES)]

api = NinjaAPI(
    title="Dialogue public API",
    version="1",
    description=(
        "Read-only access to everything citizens produce in Dialogue, except personal data. "
        "No authentication. Lists are paged with limit (at most 100) and offset. "
        "Bad parameters answer 422, unknown ids 404, any method but GET or HEAD 405, too many "
        "requests from one client 429 with Retry-After; errors are JSON "
        '{"error": "..."}. See docs/api.md.'
    ),
    urls_namespace="api",
    docs_url=None,  # Swagger UI loads from a CDN, which our Content Security Policy and privacy stance forbid
)

LANG = Query(settings.LANGUAGE_CODE, description="Language of titles, topic and state names, official answers.")
LIMIT = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"Items per page (1 to {MAX_LIMIT}).")
OFFSET = Query(0, ge=0, le=MAX_OFFSET, description="Items to skip.")
# 400: bytes that are not text (participation/core/bad_input.py answers before the API does);
# 429: past the "api" rate limit from one client (participation/api/urls.py).
THROTTLED = {400: schemas.Error, 429: schemas.Error}
ERRORS = {404: schemas.Error, 422: schemas.Error, **THROTTLED}


@api.exception_handler(ValidationError)
def invalid_parameters(request, exc):
    problems = [
        {"loc": [str(part) for part in error.get("loc", ())], "msg": str(error.get("msg", "")), "type": str(error.get("type", ""))}
        for error in exc.errors
    ]
    names = ", ".join(sorted({problem["loc"][-1] for problem in problems if problem["loc"]}))
    message = _("Some parameters are not valid: %(names)s.") % {"names": names}
    return api.create_response(request, {"error": message, "detail": problems}, status=422)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"error": str(exc) or _("Not found.")}, status=404)


# --- answers ------------------------------------------------------------------------------------


def absolute(request, url):
    return request.build_absolute_uri(url) if url else ""


def dialogue_out(request, read):
    pk = read.page.pk
    return {
        "id": pk,
        "title": read.title,
        "language": read.language,
        "url": absolute(request, read.shown.get_url(request)),
        "counts": {
            "proposals": read.proposals,
            "supports": read.supports,
            "comments": read.comments,
            "hidden_by_moderation": read.hidden,
        },
        "links": {
            "proposals": absolute(request, reverse("api:proposals", kwargs={"dialogue_id": pk})),
            "proposals_csv": absolute(request, reverse("open_data:proposals", args=[pk])),
            "comments_csv": absolute(request, reverse("open_data:comments", args=[pk])),
            "counts_csv": absolute(request, reverse("open_data:counts", args=[pk])),
        },
    }


def topic_out(topic):
    return {"id": topic.pk, "title": topic.title, "language": topic.language}


def state_out(state, states):
    return {"id": state.pk, "kind": state.kind, "name": states.name(state)}


def proposal_out(request, proposal, topics_by_id, states):
    out = {
        "id": proposal.pk,
        "reference": proposal.reference,
        "hidden": proposal.is_hidden,
        "url": absolute(request, proposal.get_absolute_url()),
    }
    if proposal.is_hidden:
        return out
    topic = topics_by_id.get(proposal.topic_id)
    moments = [proposal.created_at, proposal.edited_at, proposal.answered_at, proposal.withdrawn_at]
    out.update(
        title=proposal.title,
        author=str(proposal.author_name),
        language=proposal.language,
        topic=topic_out(topic) if topic else None,
        state=state_out(proposal.state, states) if proposal.state else None,
        withdrawn=proposal.is_withdrawn,
        support_count=proposal.support_count,
        comment_count=proposal.comment_count,
        created_at=proposal.created_at,
        updated_at=max(moment for moment in moments if moment),
    )
    return out


def comment_out(comment, page_url):
    gone = comment.deleted_at is not None or comment.hidden_at is not None
    return {
        "id": comment.pk,
        "parent_id": comment.parent_id,
        "depth": comment.depth,
        "hidden": comment.hidden_at is not None,
        "deleted": comment.deleted_at is not None,
        "author": None if gone else str(comment.author_name),
        "body": None if gone else comment.body,
        "position": None if gone else (comment.position or None),
        "upvotes": comment.upvotes,
        "downvotes": comment.downvotes,
        "edited": comment.edited_at is not None and not gone,
        "created_at": comment.created_at,
        # ?comment= lets the proposal's page open the part of a long thread that holds it.
        "url": f"{page_url}?comment={comment.pk}#comment-{comment.pk}",
    }


def session_out(session):
    return {
        "id": session.pk,
        "label": session.title,
        "starts_at": session.starts_at,
        "ends_at": session.ends_at,
        "time_zone": session.time_zone,
        "mode": session.mode,
        "address": event_queries.public_address(session) or None,
        "capacity": session.capacity,
        "places_left": event_queries.places_left(session),
        "registration_open": event_queries.registration_open(session),
        "cancelled": session.is_cancelled,
        "registrations": {"confirmed": session.confirmed_count, "waitlisted": session.waitlisted_count},
    }


def event_out(request, page, shown, sessions, lang):
    calendar = reverse("calendars:page", kwargs={"page_id": page.pk})
    if lang != default_language_code():
        calendar += f"?lang={lang}"
    return {
        "id": page.pk,
        "title": shown.title,
        "language": shown.locale.language_code,
        "url": absolute(request, shown.get_url(request)),
        "calendar_url": absolute(request, calendar),
        "sessions": [session_out(session) for session in sessions],
    }


def events_out(request, pages, lang):
    """The pages as events, titled in `lang`: two queries for any number."""
    shown = event_queries.shown_versions(pages, lang)
    sessions = queries.event_sessions(pages)
    return [event_out(request, page, shown[page.pk], sessions[page.pk], lang) for page in pages]


def page_of(items, count, limit, offset):
    return {"count": count, "limit": limit, "offset": offset, "items": items}


def as_built(request, answer):
    """The answer as built by the *_out functions, which give the schema's shape, without
    django-ninja validating it again: its getter on every field of every session cost more than
    the queries of a page of events. The endpoint's response schema still documents it."""
    return api.create_response(request, answer, status=200)


def dialogue_or_404(dialogue_id):
    page = queries.dialogue_page(dialogue_id)
    if page is None:
        raise Http404(_("There is no such dialogue."))
    return page


def proposal_or_404(proposal_id):
    """A proposal of a live, public dialogue (a private dialogue's proposals stay private)."""
    proposal = queries.proposal(proposal_id)
    if proposal is None or queries.dialogue_page(proposal.dialogue_id) is None:
        raise Http404(_("There is no such proposal."))
    return proposal


# --- endpoints ----------------------------------------------------------------------------------


@api.get("/", response={200: schemas.Index, **THROTTLED}, url_name="index", operation_id="index", summary="Where to start")
def index(request):
    return {
        "dialogues": absolute(request, reverse("api:dialogues")),
        "events": absolute(request, reverse("api:events")),
        "questionnaires": absolute(request, reverse("api:questionnaires")),
        "openapi": absolute(request, reverse("api:openapi-json")),
        "open_data": absolute(request, reverse("open_data:index")),
    }


@api.get(
    "/dialogues",
    response={200: schemas.DialoguePage, 422: schemas.Error, **THROTTLED},
    url_name="dialogues",
    operation_id="listDialogues",
    summary="Live dialogues with their public counts",
)
def list_dialogues(request, lang: Language = LANG, limit: int = LIMIT, offset: int = OFFSET):
    with translation.override(lang):
        pages = queries.dialogue_pages()
        count = pages.count()
        reads = queries.dialogue_reads(pages[offset : offset + limit], lang)
        return page_of([dialogue_out(request, read) for read in reads], count, limit, offset)


@api.get(
    "/dialogues/{dialogue_id}",
    response={200: schemas.DialogueDetail, **ERRORS},
    url_name="dialogue",
    operation_id="getDialogue",
    summary="One dialogue: counts, topics and the states a proposal can be given",
)
def get_dialogue(request, dialogue_id: int = Path(..., ge=1, le=MAX_ID), lang: Language = LANG):
    with translation.override(lang):
        page = dialogue_or_404(dialogue_id)
        [read] = queries.dialogue_reads([page], lang)
        states = queries.States()
        return {
            **dialogue_out(request, read),
            "topics": [topic_out(topic) for topic in queries.topics(page, lang)],
            "states": [state_out(state, states) for state in states.all()],
        }


@api.get(
    "/dialogues/{dialogue_id}/proposals",
    response={200: schemas.ProposalPage, **ERRORS},
    url_name="proposals",
    operation_id="listProposals",
    summary="A dialogue's proposals, filtered, sorted and paged like the proposals page",
)
def list_proposals(
    request,
    dialogue_id: int = Path(..., ge=1, le=MAX_ID),
    lang: Language = LANG,
    topic: Optional[int] = Query(None, ge=1, le=MAX_ID, description="Only proposals on this topic (a topic id of the dialogue)."),
    state: Optional[str] = Query(
        None, pattern=r"^(none|[1-9][0-9]{0,17})$", description="A state id, or 'none' for proposals not answered yet."
    ),
    sort: Literal[PROPOSAL_SORTS] = Query("newest", description="Order; 'random' is stable for one seed."),
    seed: int = Query(0, ge=0, le=MAX_SEED, description="The shuffle of sort=random; keep it while paging."),
    limit: int = LIMIT,
    offset: int = OFFSET,
):
    with translation.override(lang):
        page = dialogue_or_404(dialogue_id)
        rows = queries.proposals(page, topic=topic, state=state, sort=sort, seed=seed)
        count = rows.count()
        rows = list(rows[offset : offset + limit])
        topics_by_id = queries.topics_by_id(page, lang, [proposal.topic_id for proposal in rows])
        states = queries.States()
        return page_of([proposal_out(request, proposal, topics_by_id, states) for proposal in rows], count, limit, offset)


@api.get(
    "/proposals/{proposal_id}",
    response={200: schemas.ProposalDetail, **ERRORS},
    url_name="proposal",
    operation_id="getProposal",
    summary="One proposal with its text and official answer",
)
def get_proposal(request, proposal_id: int = Path(..., ge=1, le=MAX_ID), lang: Language = LANG):
    with translation.override(lang):
        proposal = proposal_or_404(proposal_id)
        topics_by_id = queries.topics_by_id(proposal.dialogue, lang, [proposal.topic_id])
        out = proposal_out(request, proposal, topics_by_id, queries.States())
        out.update(
            dialogue_id=proposal.dialogue_id,
            comments_url=absolute(request, reverse("api:comments", kwargs={"proposal_id": proposal.pk})),
        )
        if proposal.is_hidden:
            return out
        answer, _fallback = answer_for(proposal)
        out.update(
            body=proposal.body,
            answer={"text": answer.text, "language": answer.locale.language_code} if answer else None,
            edited_at=proposal.edited_at,
            answered_at=proposal.answered_at,
            withdrawn_at=proposal.withdrawn_at,
        )
        return out


@api.get(
    "/proposals/{proposal_id}/comments",
    response={200: schemas.CommentPage, **ERRORS},
    url_name="comments",
    operation_id="listComments",
    summary="A proposal's comments as a thread, in reading order",
)
def list_comments(
    request,
    proposal_id: int = Path(..., ge=1, le=MAX_ID),
    lang: Language = LANG,
    sort: Literal[COMMENT_SORTS] = Query("oldest", description="Order of the top-level comments; replies stay under their parent, oldest first."),
    limit: int = LIMIT,
    offset: int = OFFSET,
):
    with translation.override(lang):
        proposal = proposal_or_404(proposal_id)
        # Like the proposal's page: a hidden proposal shows no conversation.
        count, comments = (0, []) if proposal.is_hidden else queries.comment_thread(proposal, sort, offset, limit)
        page_url = absolute(request, proposal.get_absolute_url())
        return page_of([comment_out(comment, page_url) for comment in comments], count, limit, offset)


@api.get(
    "/events/",
    response={200: schemas.EventPage, 422: schemas.Error, **THROTTLED},
    url_name="events",
    operation_id="listEvents",
    summary="Events and country editions with their sessions, by their first session",
)
def list_events(request, lang: Language = LANG, limit: int = LIMIT, offset: int = OFFSET):
    with translation.override(lang):
        pages = queries.event_pages()
        count = pages.count()
        items = events_out(request, list(pages[offset : offset + limit]), lang)
        return as_built(request, page_of(items, count, limit, offset))


@api.get(
    "/events/{event_id}/",
    response={200: schemas.Event, **ERRORS},
    url_name="event",
    operation_id="getEvent",
    summary="One event or country edition with its sessions",
)
def get_event(request, event_id: int = Path(..., ge=1, le=MAX_ID), lang: Language = LANG):
    with translation.override(lang):
        page = queries.event_page(event_id)
        if page is None:
            raise Http404(_("There is no such event."))
        [event] = events_out(request, [page], lang)
        return as_built(request, event)


# --- questionnaires -----------------------------------------------------------------------------

CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]


def questionnaire_or_404(questionnaire_id):
    found = queries.questionnaire(questionnaire_id)
    if found is None:
        raise Http404(_("There is no such questionnaire."))
    return found


def questionnaire_out(request, questionnaire, shown):
    pk = questionnaire.pk
    published = questionnaire.results_published
    return {
        "id": pk,
        "title": shown.title,
        "language": shown.locale.language_code,
        "dialogue_id": questionnaire.dialogue_id,
        "opens_at": questionnaire.opens_at,
        "closes_at": questionnaire.closes_at,
        "results_published": published,
        "links": {
            "detail": absolute(request, reverse("api:questionnaire", kwargs={"questionnaire_id": pk})),
            "results": absolute(request, reverse("api:questionnaire_results", kwargs={"questionnaire_id": pk})) if published else None,
            "responses_csv": absolute(request, reverse("open_data:questionnaire_responses", args=[pk])) if published else None,
            "aggregates_csv": absolute(request, reverse("open_data:questionnaire_aggregates", args=[pk])) if published else None,
        },
    }


def _number(value):
    return float(value) if value is not None else None


def question_out(form_question):
    question = form_question.question
    condition = question.condition_key
    return {
        "key": form_question.key,
        "type": question.kind,
        "text": question.text,
        "help_text": question.help_text,
        "required": question.required,
        "max_choices": question.max_choices if question.kind == question.MULTIPLE else None,
        "scale": (
            {"min": question.scale_min, "max": question.scale_max, "min_label": question.min_label, "max_label": question.max_label}
            if question.kind in question.WITH_SCALE
            else None
        ),
        "number": {"min": _number(question.number_min), "max": _number(question.number_max)} if question.kind == question.NUMBER else None,
        "show_if": {"question": str(condition[0]), "option": str(condition[1])} if condition else None,
        "options": [{"key": str(option.translation_key), "label": option.label} for option in form_question.options],
    }


def figures_out(figures, **extra):
    return {
        **extra,
        "n": figures.n,
        "answered": figures.answered,
        "no_answer": figures.no_answer,
        "shares": [{"key": s.key, "label": s.label, "count": s.count, "percent": s.percent} for s in figures.shares],
        "mean": figures.mean,
        "spread": figures.spread,
        "ranks": [{"key": key, "label": label, "mean_rank": mean} for key, label, mean in figures.ranks],
    }


def by_country_out(by_country, countries):
    """Countries in the order of the results (by name), those left out absent."""
    return [figures_out(by_country[country.code], country=country.code) for country in countries if country.code in by_country]


def question_results_out(item, countries):
    return {
        "key": item.key,
        "type": item.kind,
        "text": item.question.text,
        "overall": figures_out(item.overall) if item.overall else None,
        "by_country": by_country_out(item.by_country, countries),
        "rows": [
            {"key": row.key, "label": row.label, "overall": figures_out(row.overall), "by_country": by_country_out(row.by_country, countries)}
            for row in item.rows
        ],
    }


@api.get(
    "/questionnaires/",
    response={200: schemas.QuestionnairePage, 422: schemas.Error, **THROTTLED},
    url_name="questionnaires",
    operation_id="listQuestionnaires",
    summary="Questionnaires of the dialogues anyone may see",
)
def list_questionnaires(request, lang: Language = LANG, limit: int = LIMIT, offset: int = OFFSET):
    with translation.override(lang):
        rows = queries.questionnaires()
        count = rows.count()
        rows = list(rows[offset : offset + limit])
        versions = queries.questionnaire_versions(rows, lang)
        items = [questionnaire_out(request, item, versions.get(item.translation_key, item)) for item in rows]
        return as_built(request, page_of(items, count, limit, offset))


@api.get(
    "/questionnaires/{questionnaire_id}/",
    response={200: schemas.QuestionnaireDetail, **ERRORS},
    url_name="questionnaire",
    operation_id="getQuestionnaire",
    summary="One questionnaire: its sections and questions, options with their language-independent keys",
)
def get_questionnaire(request, questionnaire_id: int = Path(..., ge=1, le=MAX_ID), lang: Language = LANG):
    from participation.questionnaires.answers import Form

    with translation.override(lang):
        questionnaire = questionnaire_or_404(questionnaire_id)
        shown = queries.questionnaire_versions([questionnaire], lang).get(questionnaire.translation_key, questionnaire)
        form = Form(shown)
        out = questionnaire_out(request, questionnaire, shown)
        out["intro"] = shown.intro
        out["sections"] = [
            {
                "key": str(section.section.translation_key),
                "title": section.section.title,
                "intro": section.section.intro,
                "questions": [question_out(question) for question in section.questions],
            }
            for section in form.sections
        ]
        return as_built(request, out)


@api.get(
    "/questionnaires/{questionnaire_id}/results/",
    response={200: schemas.QuestionnaireResults, **ERRORS},
    url_name="questionnaire_results",
    operation_id="getQuestionnaireResults",
    summary="Published results: aggregates per question, globally and per country, small breakdowns left out",
)
def get_questionnaire_results(
    request,
    questionnaire_id: int = Path(..., ge=1, le=MAX_ID),
    lang: Language = LANG,
    country: list[CountryCode] = Query([], description="Only respondents of these countries (ISO 3166 codes, repeatable)."),
    session_date: Optional[date] = Query(None, description="Only respondents of sessions on this date."),
    language: Optional[Language] = Query(None, description="Only responses given in this language."),
):
    from participation.questionnaires.results import Filters, prepared

    with translation.override(lang):
        questionnaire = questionnaire_or_404(questionnaire_id)
        if not questionnaire.results_published:
            raise Http404(_("The results of this questionnaire are not published."))
        shown = queries.questionnaire_versions([questionnaire], lang).get(questionnaire.translation_key, questionnaire)
        filters = Filters(countries=tuple(sorted(set(country))), session_date=session_date, language=language or "")
        # Cached per view; unfiltered, as the task made and stored it after the latest batch.
        return HttpResponse(prepared(shown, RESULTS_JSON, filters), content_type=api.get_content_type())


def results_out(found):
    from participation.questionnaires.models import Questionnaire

    filters = found.filters
    return {
        "id": found.questionnaire.canonical.pk,
        "title": found.questionnaire.title,
        "language": found.questionnaire.locale.language_code,
        "global_figure": found.global_figure,
        "global_figure_label": str(dict(Questionnaire.GLOBAL_FIGURES)[found.global_figure]),
        "filters": {"countries": list(filters.countries), "session_date": filters.session_date, "language": filters.language or None},
        "suppressed": found.suppressed,
        "n": found.n,
        "paper": found.paper,
        "countries": [{"code": c.code, "name": c.name, "n": c.n} for c in found.countries],
        "hidden_countries": found.hidden_countries,
        "choices": {
            "countries": found.choices["countries"],
            "session_dates": found.choices["dates"],
            "languages": found.choices["languages"],
        },
        "questions": [question_results_out(item, found.countries) for item in found.questions],
    }


def results_json(found):
    """The results' JSON: cached per view, and unfiltered made by results.warm() after each batch
    in each language and stored, so that every worker serves it as it is."""
    return api.renderer.render(None, results_out(found), response_status=200).encode()


# Named after the schema it follows, so that a release changing it never serves older JSON.
RESULTS_JSON = "api-" + hashlib.sha256(json.dumps(schemas.QuestionnaireResults.model_json_schema(), sort_keys=True).encode()).hexdigest()[:8]
