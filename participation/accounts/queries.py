"""Reads about a person across every participation app, discovered rather than listed, so a new
app's contributions and personal rows show up in profiles and exports without touching this one."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.fields import GenericForeignKey
from django.core import serializers
from django.core.paginator import Paginator
from django.db.models import Count, Q, Window
from django.utils import timezone

from participation.core.conf import site_name
from participation.core.models import Contribution

from .models import Person, nickname_key

PROFILE_PAGE_SIZE = 20
# Deeper pages cost more rows per model (see profile_contributions); nobody reads that far.
PROFILE_MAX_PAGE = 200
EXPORT_FORMAT = "dialogue-account-export/1"
# Never exported: the hash is a secret, the key is derived from the nickname.
EXPORT_EXCLUDED_FIELDS = {"password", "nickname_key"}


def contribution_models():
    """Every concrete model that subclasses participation.core.models.Contribution."""
    return sorted(
        (model for model in apps.get_models() if issubclass(model, Contribution) and not model._meta.proxy),
        key=lambda model: model._meta.label,
    )


def _user_foreign_keys(model):
    User = get_user_model()
    return [
        field.name
        for field in model._meta.get_fields()
        if field.concrete and (field.many_to_one or field.one_to_one) and field.related_model is User
    ]


def personal_data_models():
    """(model, names of its foreign keys to the user model) for every model of the
    participation.* apps that points at a person."""
    User = get_user_model()
    found = []
    for model in apps.get_models():
        if model is User or model is Person or not model._meta.app_config.name.startswith("participation."):
            continue
        if fields := _user_foreign_keys(model):
            found.append((model, fields))
    return sorted(found, key=lambda item: item[0]._meta.label)


def person_for_profile(nickname):
    """The public person with this nickname (any case), or None."""
    return Person.objects.public().filter(nickname_key=nickname_key(nickname)).select_related("user").first()


class _MergedContributions:
    """The newest `len(items)` contributions of a person across models, with the total count;
    enough for Paginator to cut the requested page."""

    def __init__(self, items, total):
        self.items, self.total = items, total

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, index):
        return self.items[index]


def profile_contributions(person, page_number, viewer, per_page=PROFILE_PAGE_SIZE):
    """A Paginator page of the person's visible contributions of every kind, newest first.

    One query per contribution model: each returns its newest page_number * per_page rows and,
    through a window count, its total; the merged head of those lists holds the page. Raises
    django.core.paginator.InvalidPage for a page out of range."""
    page_number = max(1, min(int(page_number), PROFILE_MAX_PAGE))
    limit = page_number * per_page
    items, total = [], 0
    for model in contribution_models():
        generic = [field.name for field in model._meta.private_fields if isinstance(field, GenericForeignKey)]
        rows = list(
            # What the public threads and lists show: a model narrows it with its own shown().
            model._default_manager.shown()
            .visible_to(viewer)
            .filter(author=person.user_id)
            # Non-null relations (dialogue page, parent proposal...) joined, generic targets
            # prefetched: str() and get_absolute_url() usually need them.
            .select_related()
            .prefetch_related(*generic)
            .annotate(profile_total=Window(Count("pk")))
            .order_by("-created_at", "-pk")[:limit]
        )
        if rows:
            total += rows[0].profile_total
        items.extend(rows)
    items.sort(key=lambda item: (item.created_at, item._meta.label, item.pk), reverse=True)
    return Paginator(_MergedContributions(items, total), per_page).page(page_number)


def export_data(user):
    """Everything the platform holds about the person, as JSON-ready Python data."""
    profile = serializers.serialize("python", [user])[0]["fields"]
    person = Person.objects.filter(user=user).first()
    if person is not None:
        profile.update(serializers.serialize("python", [person])[0]["fields"])
        profile.pop("user", None)
    for name in EXPORT_EXCLUDED_FIELDS:
        profile.pop(name, None)
    data = {}
    for model, fields in personal_data_models():
        query = Q()
        for name in fields:
            query |= Q(**{name: user})
        rows = model._default_manager.filter(query).order_by("pk")
        data[model._meta.label_lower] = serializers.serialize("python", rows)
    return {
        "format": EXPORT_FORMAT,
        "site": site_name(),
        "exported_at": timezone.now(),
        "profile": {"id": user.pk, **profile},
        "data": data,
    }
