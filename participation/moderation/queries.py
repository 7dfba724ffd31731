"""Reads shared by the public pages and the moderators' queue, in a fixed number of queries
whatever the number of items: one per Contribution model at most, never one per item."""

from collections import defaultdict

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q

from .models import BlockedUser, ModerationAction, Reason, Report
from .services import contribution_models


def resolve_content(content_type_id, object_id):
    """The Contribution behind (content type id, object id), or None."""
    try:
        content_type = ContentType.objects.get_for_id(content_type_id)
    except ContentType.DoesNotExist:
        return None
    model = content_type.model_class()
    if model is None or model not in contribution_models():
        return None
    return model._base_manager.filter(pk=object_id).select_related("author__participant", "dialogue").first()


def hidden_counts(dialogue_ids):
    """{dialogue id: number of contributions hidden by moderation}, in one query."""
    querysets = [
        model._base_manager.filter(dialogue_id__in=dialogue_ids, hidden_at__isnull=False)
        .order_by()
        .values("dialogue_id")
        .annotate(n=Count("pk"))
        for model in contribution_models()
    ]
    if not querysets:
        return {}
    first, *rest = querysets
    counts = defaultdict(int)
    for row in first.union(*rest, all=True) if rest else first:
        counts[row["dialogue_id"]] += row["n"]
    return counts


def transparency(dialogue):
    """Public figures for one dialogue: no names, no hidden text."""
    by_reason = dict(
        Report.objects.filter(dialogue=dialogue).order_by().values_list("reason").annotate(n=Count("pk"))
    )
    by_action = dict(
        ModerationAction.objects.filter(dialogue=dialogue).order_by().values_list("action").annotate(n=Count("pk"))
    )
    return {
        "hidden": hidden_counts([dialogue.pk]).get(dialogue.pk, 0),
        "reports": [(label, by_reason.get(value, 0)) for value, label in Reason.choices],
        "reports_total": sum(by_reason.values()),
        "actions": [(label, by_action.get(value, 0)) for value, label in ModerationAction.Action.choices],
        "actions_automatic": ModerationAction.objects.filter(dialogue=dialogue, moderator__isnull=True).count(),
    }


class QueueItem:
    """One reported or hidden contribution, as the queue shows it."""

    def __init__(self, obj, content_type):
        self.obj = obj
        self.content_type = content_type
        self.kind = obj._meta.verbose_name
        self.title = getattr(obj, "title", "") or ""
        self.text = getattr(obj, "body", "") or ""
        self.reports = []
        self.open_reports = []
        self.author_blocked = False

    @property
    def last_activity(self):
        moments = [self.obj.hidden_at] + [report.created_at for report in self.open_reports]
        return max((moment for moment in moments if moment), default=self.obj.created_at)

    @property
    def reason_counts(self):
        counts = defaultdict(int)
        for report in self.reports:
            counts[report.reason] += 1
        return [(label, counts[value]) for value, label in Reason.choices if counts[value]]

    @property
    def notes(self):
        return [report for report in self.open_reports if report.note]

    @property
    def public_url(self):
        get_url = getattr(self.obj, "get_absolute_url", None)
        try:
            return get_url() if get_url else None
        except Exception:  # noqa: BLE001 - a target without a public page must not break the queue
            return None


def _generic_relations(model):
    return [field.name for field in model._meta.private_fields if isinstance(field, GenericForeignKey)]


def queue(status="all"):
    """Reported (open reports) and/or hidden contributions, the most recent activity first.

    status: "open" (waiting for a decision), "hidden", or "all"."""
    open_keys = defaultdict(set)
    if status in ("open", "all"):
        for content_type_id, object_id in Report.objects.open().order_by().values_list("content_type_id", "object_id").distinct():
            open_keys[content_type_id].add(object_id)
    items = []
    for model in contribution_models():
        content_type = ContentType.objects.get_for_model(model)
        condition = Q(pk__in=open_keys.get(content_type.pk, ()))
        if status in ("hidden", "all"):
            condition |= Q(hidden_at__isnull=False)
        if status == "open" and not open_keys.get(content_type.pk):
            continue
        queryset = model._base_manager.filter(condition).select_related("author__participant", "dialogue")
        relations = _generic_relations(model)
        if relations:
            queryset = queryset.prefetch_related(*relations)
        items += [QueueItem(obj, content_type) for obj in queryset]
    if not items:
        return []
    by_key = {(item.content_type.pk, item.obj.pk): item for item in items}
    targets = Q()
    for content_type_id in {item.content_type.pk for item in items}:
        targets |= Q(content_type_id=content_type_id, object_id__in=[k[1] for k in by_key if k[0] == content_type_id])
    for report in Report.objects.filter(targets).order_by("-created_at"):
        item = by_key[(report.content_type_id, report.object_id)]
        item.reports.append(report)
        if report.resolved_at is None:
            item.open_reports.append(report)
    blocked = set(
        BlockedUser.objects.filter(user_id__in={item.obj.author_id for item in items if item.obj.author_id}).values_list(
            "user_id", flat=True
        )
    )
    for item in items:
        item.author_blocked = item.obj.author_id in blocked
    items.sort(key=lambda item: item.last_activity, reverse=True)
    return items


def item_detail(obj):
    content_type = ContentType.objects.get_for_model(obj)
    item = QueueItem(obj, content_type)
    for report in Report.objects.filter(content_type=content_type, object_id=obj.pk).select_related("reporter__participant"):
        item.reports.append(report)
        if report.resolved_at is None:
            item.open_reports.append(report)
    item.author_blocked = bool(obj.author_id) and BlockedUser.objects.filter(user_id=obj.author_id).exists()
    item.history = list(
        ModerationAction.objects.filter(
            Q(content_type=content_type, object_id=obj.pk) | Q(subject_id=obj.author_id, subject__isnull=False)
        ).select_related("moderator__participant", "subject__participant")
    )
    return item


def available_actions(item):
    """The decisions that make sense for this item now."""
    Action = ModerationAction.Action
    actions = [Action.UNHIDE if item.obj.hidden_at else Action.HIDE]
    if item.open_reports:
        actions.append(Action.DISMISS)
    if item.obj.author_id:
        actions.append(Action.UNBLOCK if item.author_blocked else Action.BLOCK)
    return actions


def open_report_count():
    return Report.objects.open().values("content_type_id", "object_id").distinct().count()


