"""Reads about a person across every participation app, discovered rather than listed, so a new
app's contributions and personal rows show up in profiles and exports without touching this one."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.fields import GenericForeignKey
from django.core.paginator import Paginator
from django.db.models import Count, DateTimeField, Q, UUIDField, Window
from django.urls import reverse
from django.utils import timezone, translation

from participation.core.conf import site_name
from participation.core.models import Contribution

from .models import Person, nickname_key

PROFILE_PAGE_SIZE = 20
# Deeper pages cost more rows per model (see profile_contributions); nobody reads that far.
PROFILE_MAX_PAGE = 200
EXPORT_FORMAT = "dialogue-account-export/2"


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


def _account(user, person, link):
    """What the account itself holds, by name: never the password hash, permission flags
    (staff, superuser, groups) or ids."""
    found = {
        "nickname": getattr(person, "nickname", None),
        "public profile": link(reverse("accounts:profile", args=[person.nickname])) if getattr(person, "nickname", None) else None,
        "name": getattr(person, "full_name", ""),
        "email address": getattr(user, user.get_email_field_name()),
        "new email address, not yet confirmed": getattr(person, "pending_email", "") or None,
        "preferred language": getattr(person, "language", ""),
        "signed up": getattr(person, "created_at", None) or getattr(user, "date_joined", None),
        "email address confirmed": getattr(person, "email_confirmed_at", None),
        "accepted the terms": getattr(person, "accepted_terms_at", None),
        "last signed in": user.last_login,
    }
    # What a host's user model adds that people type in themselves.
    if user.USERNAME_FIELD != user.get_email_field_name():
        found["username"] = user.get_username()
    for name, label in (("first_name", "first name"), ("last_name", "last name")):
        if getattr(user, name, ""):
            found[label] = getattr(user, name)
    return found


def _described(row, link):
    """A row in words: the model's own export_data(link) when it has one (contributions always
    do, see participation.core.models.Contribution); else its plain fields by their verbose
    names, never its relations (other people, other rows), ids or bookkeeping (fields nobody
    edits, but dates)."""
    if hasattr(row, "export_data"):
        return row.export_data(link)
    found = {}
    for field in row._meta.concrete_fields:
        internal = isinstance(field, UUIDField) or not (field.editable or isinstance(field, DateTimeField))
        if field.primary_key or field.is_relation or internal:
            continue
        value = getattr(row, f"get_{field.name}_display")() if field.choices else getattr(row, field.attname)
        found[str(field.verbose_name)] = value
    return found


def export_data(user, link=str):
    """Everything the platform holds about the person, as JSON-ready Python data a person can read.

    Sections are discovered (every participation model pointing at the person, see
    personal_data_models) and named after the model; each row says what it is through
    _described. `link` turns a path into a full address (the view passes build_absolute_uri).
    Keys are in English whatever the interface language, so the format stays the same for
    programs that read it."""
    person = Person.objects.filter(user=user).first()
    sections = {}
    with translation.override("en"):
        for model, fields in personal_data_models():
            query = Q()
            for name in fields:
                query |= Q(**{name: user})
            generic = [field.name for field in model._meta.private_fields if isinstance(field, GenericForeignKey)]
            rows = model._default_manager.filter(query).select_related().prefetch_related(*generic).order_by("pk")
            name = str(model._meta.verbose_name_plural)
            if name in sections:  # two apps chose the same name
                name = f"{name} ({model._meta.app_config.verbose_name})"
            sections[name] = [_described(row, link) for row in rows]
        account = _account(user, person, link)
    return {
        "format": EXPORT_FORMAT,
        "site": site_name(),
        "exported at": timezone.now(),
        "account": account,
        **sections,
    }
