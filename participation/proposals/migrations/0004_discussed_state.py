"""A fourth built-in state, "Discussed": the host of a call marks the community's proposed topics
that were taken up, through the official answer like any other state."""

import uuid

from django.conf import settings
from django.db import migrations, models


def create_state(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    ProposalState = apps.get_model("participation_proposals", "ProposalState")
    locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not ProposalState.objects.filter(kind="discussed", is_builtin=True).exists():
        ProposalState.objects.create(name="Discussed", kind="discussed", is_builtin=True, locale=locale, translation_key=uuid.uuid4())


def remove_state(apps, schema_editor):
    apps.get_model("participation_proposals", "ProposalState").objects.filter(kind="discussed", is_builtin=True).delete()


class Migration(migrations.Migration):
    dependencies = [("participation_proposals", "0003_title_trigram_index")]

    operations = [
        migrations.AlterField(
            model_name="proposalstate",
            name="kind",
            field=models.CharField(
                choices=[("evaluating", "Being evaluated"), ("accepted", "Accepted"), ("rejected", "Rejected"), ("discussed", "Discussed"), ("other", "Other")],
                default="other",
                help_text="Sets the colour the state is shown in.",
                max_length=20,
                verbose_name="kind",
            ),
        ),
        migrations.RunPython(create_state, remove_state),
    ]
