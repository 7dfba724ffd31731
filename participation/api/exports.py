"""A dialogue's CSV files for the open-data page, streamed: a large dialogue costs neither memory
nor a long wait for the first byte, and the queries are a fixed few whatever its size.

Columns are stable identifiers (scripts read them); values that have a language (topics, states,
official answers) follow the page's language, falling back to their source. Contributions hidden
by moderation keep their row, empty; deleted comments too. No personal data: nicknames only."""

import csv
import io
from datetime import datetime

from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import translation

from participation.events import queries as event_queries

from . import queries

# Cells a spreadsheet would read as a formula (OWASP "CSV injection") get a leading apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"  # without it Excel reads UTF-8 as a legacy code page: Arabic and Ukrainian garbled
ROWS_PER_CHUNK = 500

PROPOSAL_COLUMNS = [
    "reference", "id", "status", "title", "body", "language", "topic", "state", "answer", "answer_language",
    "supports", "comments", "withdrawn_at", "created_at", "edited_at", "answered_at", "author", "url",
]  # fmt: skip
COMMENT_COLUMNS = [
    "id", "target_type", "target", "target_url", "parent_id", "depth", "status", "position", "text",
    "upvotes", "downvotes", "created_at", "edited_at", "author",
]  # fmt: skip
SESSION_COLUMNS = [
    "session_id", "event_id", "event", "event_url", "label", "starts_at", "ends_at", "time_zone", "mode",
    "capacity", "confirmed", "waitlisted", "cancelled",
]  # fmt: skip
COUNT_COLUMNS = ["topic_id", "topic", "state_id", "state", "proposals", "withdrawn", "supports", "comments"]


def cell(value):
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    value = str(value) if not isinstance(value, int) else value
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_response(filename, columns, rows, language):
    """A CSV download; `rows` is a lazy iterable, read while the response streams."""

    def stream():
        # The rows are read after the view returned: keep the page's language for their names.
        with translation.override(language):
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            buffer.write(BOM)
            writer.writerow(columns)
            for number, row in enumerate(rows, start=1):
                writer.writerow([cell(value) for value in row])
                if number % ROWS_PER_CHUNK == 0:
                    yield buffer.getvalue()
                    buffer.seek(0)
                    buffer.truncate()
            yield buffer.getvalue()

    response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def proposal_rows(request, dialogue, language):
    proposals = queries.export_proposals(dialogue)
    topics = queries.topics_by_id(dialogue, language, proposals.values("topic_id"))
    states = queries.States()
    answers = queries.answer_texts(dialogue, language)
    for proposal in proposals.iterator(chunk_size=2000):
        url = request.build_absolute_uri(proposal.get_absolute_url())
        if proposal.is_hidden:
            yield [proposal.reference, proposal.pk, "hidden", *[""] * 14, url]
            continue
        topic = topics.get(proposal.topic_id)
        answer, answer_language = answers.get(proposal.pk, ("", ""))
        yield [
            proposal.reference,
            proposal.pk,
            "visible",
            proposal.title,
            proposal.body,
            proposal.language,
            topic.title if topic else "",
            states.name(proposal.state),
            answer,
            answer_language,
            proposal.support_count,
            proposal.comment_count,
            proposal.withdrawn_at,
            proposal.created_at,
            proposal.edited_at,
            proposal.answered_at,
            proposal.author_name,
            url,
        ]


def comment_rows(request, dialogue):
    proposal_type, prefix, hidden_proposals, page_type, pages = queries.comment_targets(dialogue)
    for comment in queries.export_comments(dialogue).iterator(chunk_size=2000):
        if comment.content_type_id == proposal_type.pk:
            if comment.object_id in hidden_proposals:
                continue  # like the proposal's page: a hidden proposal shows no conversation
            target_type, target = "proposal", f"{prefix}-PROP-{comment.object_id}"
            target_url = request.build_absolute_uri(reverse("proposals:detail", args=[comment.object_id]))
        elif comment.content_type_id == page_type.pk and comment.object_id in pages:
            page = pages[comment.object_id]
            target_type, target, target_url = "page", page.title, request.build_absolute_uri(page.get_url(request) or "/")
        else:
            target_type, target, target_url = "other", "", ""
        status = "deleted" if comment.deleted_at else "hidden" if comment.hidden_at else "visible"
        shown = status == "visible"
        yield [
            comment.pk,
            target_type,
            target,
            target_url,
            comment.parent_id,
            comment.depth,
            status,
            comment.position if shown else "",
            comment.body if shown else "",
            comment.upvotes,
            comment.downvotes,
            comment.created_at,
            comment.edited_at if shown else None,
            comment.author_name if shown else "",
        ]


def count_rows(dialogue, language):
    rows = list(queries.export_counts(dialogue))
    topics = queries.topics_by_id(dialogue, language, [row["topic_id"] for row in rows])
    states = queries.States()
    by_id = {state.pk: state for state in states.all()}
    for row in rows:
        topic = topics.get(row["topic_id"])
        row["topic"] = topic.title if topic else ""
        row["state"] = states.name(by_id.get(row["state_id"]))
    rows.sort(key=lambda row: (row["topic"].casefold(), row["state"].casefold(), row["topic_id"] or 0, row["state_id"] or 0))
    for row in rows:
        yield [row[column] for column in ("topic_id", "topic", "state_id", "state")] + [
            row["proposals"], row["withdrawn"], row["supports"] or 0, row["comments"] or 0
        ]


def session_rows(request, language):
    """Every session anyone may see, with how many people have a place and how many wait:
    counts only, never who."""
    sessions = list(queries.export_sessions())
    pages = list({session.page_id: session.page for session in sessions}.values())
    shown = event_queries.shown_versions(pages, language)
    for session in sessions:
        page = shown[session.page_id]
        yield [
            session.pk,
            session.page_id,
            page.title,
            request.build_absolute_uri(page.get_url(request) or "/"),
            session.title,
            session.starts_at,
            session.ends_at,
            session.time_zone,
            session.mode,
            session.capacity,
            session.confirmed_count,
            session.waitlisted_count,
            "yes" if session.is_cancelled else "no",
        ]
