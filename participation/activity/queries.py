"""What happened in a dialogue, read across every kind of contribution with a fixed number of queries."""

from dataclasses import dataclass
from datetime import datetime

from django.apps import apps
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from participation.core.models import Contribution


@dataclass
class Event:
    kind: str
    when: datetime
    title: str
    author: str
    url: str
    hidden: bool = False
    language: str = ""  # the title's language when known (proposals); comments do not record theirs


def contribution_models():
    return [model for model in apps.get_models() if issubclass(model, Contribution)]


def _url(obj):
    if hasattr(obj, "get_absolute_url"):
        return obj.get_absolute_url()
    target = getattr(obj, "target", None)  # a comment: link to where it stands
    if target is None:
        return ""
    base = target.get_absolute_url() if hasattr(target, "get_absolute_url") else getattr(target, "url", "")
    return f"{base}#comment-{obj.pk}"


def recent_events(dialogue_ids, viewer, limit=30):
    """The latest contributions and official answers in the dialogue that `viewer` may see (one
    query per kind). A hidden contribution keeps its place, without its text or its author."""
    events = []
    for model in contribution_models():
        rows = (
            model.objects.in_dialogues(dialogue_ids)
            .visible_to(viewer)
            .select_related("author__participant")
            .order_by("-created_at")
        )
        if hasattr(rows, "with_reference_prefix"):  # proposals: their reference without a query each
            rows = rows.with_reference_prefix()
        if any(field.name == "target" for field in model._meta.private_fields):  # comments: where they stand
            rows = rows.prefetch_related("target")
        rows = rows[:limit]
        for row in rows:
            if getattr(row, "deleted_at", None):
                continue
            events.append(
                Event(
                    kind=str(model._meta.verbose_name),
                    when=row.created_at,
                    title="" if row.is_hidden else str(row),
                    author="" if row.is_hidden else str(row.author_name),
                    url=_url(row) if not row.is_hidden else "",
                    hidden=row.is_hidden,
                    language=getattr(row, "language", ""),
                )
            )
    if apps.is_installed("participation.proposals"):
        Proposal = apps.get_model("participation_proposals", "Proposal")
        answered = Proposal.objects.in_dialogues(dialogue_ids).visible_to(viewer).answered().with_reference_prefix()
        for proposal in answered.order_by("-answered_at")[:limit]:
            events.append(
                Event(
                    kind=str(_("official answer")),
                    when=proposal.answered_at,
                    title=str(proposal),
                    author=str(_("Organisers")),
                    url=proposal.get_absolute_url(),
                    language=proposal.language,
                )
            )
    events.sort(key=lambda event: event.when, reverse=True)
    return events[:limit]


def dialogue_statistics(dialogue_ids):
    """Counts for the admin statistics panel: one aggregate query per kind of contribution."""
    stats = {}
    people = set()
    for model in contribution_models():
        totals = model.objects.in_dialogues(dialogue_ids).aggregate(
            total=Count("pk"), hidden=Count("pk", filter=Q(hidden_at__isnull=False))
        )
        stats[str(model._meta.verbose_name_plural)] = totals
        people.update(
            model.objects.in_dialogues(dialogue_ids).filter(author__isnull=False).values_list("author_id", flat=True).distinct()
        )
    supports = 0
    if apps.is_installed("participation.proposals"):
        Support = apps.get_model("participation_proposals", "Support")
        supports = Support.objects.filter(proposal__dialogue_id__in=dialogue_ids).count()
        people.update(Support.objects.filter(proposal__dialogue_id__in=dialogue_ids).values_list("user_id", flat=True).distinct())
        Proposal = apps.get_model("participation_proposals", "Proposal")
        stats["answered"] = Proposal.objects.in_dialogues(dialogue_ids).answered().count()
    return {"by_kind": stats, "supports": supports, "participants": len(people), "answered": stats.pop("answered", 0)}
