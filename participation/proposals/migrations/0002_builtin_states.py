"""The three states every dialogue understands, in the default locale. Their names show in other
languages through the interface translations until partners translate the snippets."""

import uuid

from django.conf import settings
from django.db import migrations

BUILTIN = [("evaluating", "Being evaluated"), ("accepted", "Accepted"), ("rejected", "Rejected")]


def create_states(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    ProposalState = apps.get_model("participation_proposals", "ProposalState")
    locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    for kind, name in BUILTIN:
        if not ProposalState.objects.filter(kind=kind, is_builtin=True).exists():
            ProposalState.objects.create(name=name, kind=kind, is_builtin=True, locale=locale, translation_key=uuid.uuid4())


def remove_states(apps, schema_editor):
    apps.get_model("participation_proposals", "ProposalState").objects.filter(is_builtin=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("participation_proposals", "0001_initial"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [migrations.RunPython(create_states, remove_states)]
