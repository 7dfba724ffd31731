"""A dialogue's CSV files for the open-data page, streamed: a large dialogue costs neither memory
nor a long wait for the first byte, and the queries are a fixed few whatever its size.

Columns are stable identifiers (scripts read them); values that have a language (topics, states,
official answers) follow the page's language, falling back to their source. Contributions hidden
by moderation keep their row, empty; deleted comments too. No personal data: nicknames only."""

import csv
import io
from collections import Counter, defaultdict
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


# Questionnaires: the anonymised responses and the aggregates, once the results are published.
# Columns of the responses file are numbered after the questionnaire's order: q3 is its third
# question, q5.2 the second row of a matrix (or option of a ranking); the aggregates file names
# each column's question and option with their language-independent keys (`responses_column`).

RESPONSES_PER_CHUNK = 500
RESPONSE_COLUMNS = ["country", "language", "session_date", "paper"]
WITHHELD = "*"  # a quasi-identifier left out so that the row's group has at least MIN_GROUP responses
AGGREGATE_COLUMNS = [
    "question", "question_key", "question_type", "question_text", "breakdown", "breakdown_name", "global_figure",
    "n", "answered", "no_answer", "row_key", "row", "item_key", "item", "count", "percent", "mean", "spread", "mean_rank",
    "responses_column",
]  # fmt: skip
# Coarser and coarser (country, language, session date, paper): the session date goes first,
# then the language, the country, and last whether it was a paper entry.
GENERALISATIONS = [
    lambda key: key,
    lambda key: (key[0], key[1], WITHHELD, key[3]),
    lambda key: (key[0], WITHHELD, WITHHELD, key[3]),
    lambda key: (WITHHELD, WITHHELD, WITHHELD, key[3]),
    lambda key: (WITHHELD, WITHHELD, WITHHELD, WITHHELD),
]


def in_language(questionnaire, language):
    return queries.questionnaire_versions([questionnaire], language).get(questionnaire.translation_key, questionnaire)


def generalised(questionnaire):
    """{(country, language, session date, paper): what the file shows of them}, from the
    respondents' tallies: each combination with fewer than MIN_GROUP responses is made coarser,
    one step at a time, together with the others made coarser alike, until its group is large
    enough. Combinations still too small once everything is withheld are absent: their
    responses are left out of the file."""
    from participation.questionnaires.models import Tally
    from participation.questionnaires.results import MIN_GROUP

    sizes = Counter()
    respondents = Tally.objects.filter(questionnaire=questionnaire, question=None)
    for country, language, session_date, count, paper in respondents.values_list("country", "language", "session_date", "count", "paper"):
        sizes[(country, language, session_date, True)] += paper
        sizes[(country, language, session_date, False)] += count - paper
    sizes = +sizes  # no empty combinations
    level = dict.fromkeys(sizes, 0)
    for step, coarser in enumerate(GENERALISATIONS):
        groups = Counter()
        for key, size in sizes.items():
            if level[key] == step:
                groups[coarser(key)] += size
        for key in sizes:
            if level[key] == step and groups[coarser(key)] < MIN_GROUP:
                level[key] = step + 1
    return {key: GENERALISATIONS[step](key) for key, step in level.items() if step < len(GENERALISATIONS)}


def _plain(value):
    return format(value.normalize(), "f") if value is not None else ""


def _response_columns(form):
    """(column names, {question id: how to fill its cells}) in the questionnaire's order."""
    from participation.questionnaires.models import Question

    columns, fillers = list(RESPONSE_COLUMNS), {}
    for number, question in enumerate(form.questions, start=1):
        name, kind = f"q{number}", question.kind
        labels = {option.translation_key: option.label for option in question.options}
        if kind in (Question.SINGLE, Question.MULTIPLE):
            columns += [name, f"{name}_key"]
        elif kind in (Question.MATRIX, Question.RANKING):
            columns += [f"{name}.{position}" for position in range(1, len(question.options) + 1)]
        else:
            columns.append(name)
        fillers[question.canonical_id] = (kind, labels, [option.translation_key for option in question.options])
    return columns, fillers


def _cells(kind, labels, order, answers):
    """The cells of one question for one response's `answers` (option key, value, text, status)."""
    from participation.questionnaires.models import Answer, Question

    if kind in (Question.SINGLE, Question.MULTIPLE):
        keys = sorted((key for key, _value, _text, _status in answers if key), key=lambda key: order.index(key) if key in order else len(order))
        return ["; ".join(labels.get(key, "") for key in keys), " ".join(str(key) for key in keys)]
    if kind in (Question.MATRIX, Question.RANKING):
        values = {key: value for key, value, _text, _status in answers}
        return [_plain(values.get(key)) for key in order]
    if kind in (Question.SCALE, Question.NUMBER):
        return [_plain(answers[0][1]) if answers else ""]
    # Free text only once a moderator published it.
    return [next((text for _key, _value, text, status in answers if status == Answer.PUBLISHED), "")]


def response_table(questionnaire, language):
    """(columns, rows) of the anonymised responses: rows are read in chunks while the file
    streams (a fixed two queries per chunk), ordered by their random ids."""
    from participation.questionnaires.answers import Form

    form = Form(in_language(questionnaire, language))
    columns, fillers = _response_columns(form)
    return columns, _response_rows(questionnaire, fillers, generalised(questionnaire))


def _response_rows(questionnaire, fillers, shown):
    from participation.questionnaires.models import Answer, Response

    responses = Response.objects.filter(questionnaire=questionnaire).order_by("pk")
    responses = responses.values_list("pk", "country", "language", "session_date", "is_paper")
    last = None
    while True:
        chunk = list((responses.filter(pk__gt=last) if last else responses)[:RESPONSES_PER_CHUNK])
        if not chunk:
            return
        answers = defaultdict(lambda: defaultdict(list))
        for response_id, question_id, option_key, value, text, status in (
            Answer.objects.filter(response_id__in=[row[0] for row in chunk]).order_by("pk")
            .values_list("response_id", "question_id", "option_key", "value", "text", "text_status")
        ):  # fmt: skip
            answers[response_id][question_id].append((option_key, value, text, status))
        for pk, *key in chunk:
            published = shown.get(tuple(key))
            if published is None:  # too few like it even with everything withheld, or written since
                continue
            country, answered_in, session_date, is_paper = published
            paper = is_paper if is_paper == WITHHELD else ("yes" if is_paper else "no")
            row = [country, answered_in, session_date.isoformat() if hasattr(session_date, "isoformat") else session_date or "", paper]
            for question_id, (kind, labels, order) in fillers.items():
                row += _cells(kind, labels, order, answers[pk].get(question_id, []))
            yield row
        if len(chunk) < RESPONSES_PER_CHUNK:
            return
        last = chunk[-1][0]


def aggregate_rows(questionnaire, language):
    """One row per question × breakdown (all countries, then each country shown) × option or
    scale value (matrix: × row), from the results: what they leave out is absent."""
    from participation.questionnaires.results import results

    found = results(in_language(questionnaire, language))
    everyone = translation.gettext("All countries")
    for number, item in enumerate(found.questions, start=1):
        if item.overall is None:
            continue
        question = [f"q{number}", item.key, item.kind, item.question.text]
        breakdowns = [("all", everyone, found.global_figure, item.overall, {row.key: row.overall for row in item.rows})]
        for country in found.countries:
            if country.code in item.by_country:
                rows = {row.key: row.by_country[country.code] for row in item.rows if country.code in row.by_country}
                breakdowns.append((country.code, country.name, "", item.by_country[country.code], rows))
        for code, name, figure, figures, rows in breakdowns:
            where = [*question, code, name, figure]
            yield [*where, figures.n, figures.answered, figures.no_answer, "", "", "", "", "", "", figures.mean, figures.spread, "", f"q{number}"]
            if item.rows:
                for position, row in enumerate(item.rows, start=1):
                    if row.key not in rows:
                        continue
                    column, each = f"q{number}.{position}", rows[row.key]
                    yield [*where, each.n, each.answered, each.no_answer, row.key, row.label, "", "", "", "", each.mean, each.spread, "", column]
                    for share in each.shares:
                        yield [*where, "", "", "", row.key, row.label, share.key, share.label, share.count, share.percent, "", "", "", column]
                continue
            mean_ranks = {key: mean for key, _label, mean in figures.ranks}
            for position, share in enumerate(figures.shares, start=1):
                column = f"q{number}.{position}" if mean_ranks else f"q{number}"
                yield [*where, "", "", "", "", "", share.key, share.label, share.count, share.percent, "", "", mean_ranks.get(share.key, ""), column]
