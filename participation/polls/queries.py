"""Reads shared by the block, the vote view and the JSON answer: which polls a page shows, a
person's vote, and the results. Votes are always on the canonical poll, so every read joins on
the poll's `translation_key` and works from any translation without first looking it up."""

from dataclasses import dataclass

from django.db.models import Count
from django.utils import translation

from .models import Selection, Vote


def polls_on(page):
    """Pks of the polls placed by poll blocks at the top level of the page's StreamFields.

    Read from the stored JSON: no query, and no snippet loaded."""
    from wagtail.fields import StreamField

    from .blocks import PollBlock

    specific = page.specific
    found = set()
    for field in specific._meta.get_fields():
        if not isinstance(field, StreamField):
            continue
        stream = getattr(specific, field.name)
        for item in stream.raw_data:
            if isinstance(stream.stream_block.child_blocks.get(item["type"]), PollBlock) and item.get("value"):
                found.add(item["value"])
    return found


def chosen_keys(poll, user):
    """The translation keys of the choices `user` voted for (empty: no vote)."""
    if user is None or not user.is_authenticated:
        return set()
    return set(
        Selection.objects.filter(vote__poll__translation_key=poll.translation_key, vote__user=user).values_list(
            "choice__translation_key", flat=True
        )
    )


@dataclass
class Row:
    choice: object
    count: int
    percent: int  # of the people who voted, rounded
    chosen: bool


@dataclass
class Results:
    voters: int
    rows: list

    def as_json(self):
        return {
            "voters": self.voters,
            "choices": [
                {"id": str(row.choice.translation_key), "text": row.choice.text, "count": row.count, "percent": row.percent}
                for row in self.rows
            ],
        }


def results(poll, choices, chosen=()):
    """Counts per choice (by identity, whatever the language voted in) and shares of voters."""
    counts = dict(
        Selection.objects.filter(vote__poll__translation_key=poll.translation_key)
        .values_list("choice__translation_key")
        .annotate(n=Count("pk"))
        .order_by()
    )
    voters = Vote.objects.filter(poll__translation_key=poll.translation_key).count()
    rows = []
    for choice in choices:
        count = counts.get(choice.translation_key, 0)
        rows.append(Row(choice, count, round(100 * count / voters) if voters else 0, choice.translation_key in chosen))
    return Results(voters, rows)


def bar_x(percent):
    """Where a bar starts in a 0-100 wide chart: from the right in right-to-left languages."""
    return 100 - percent if translation.get_language_bidi() else 0
