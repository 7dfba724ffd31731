"""Similar-title search uses trigram similarity on PostgreSQL: the pg_trgm extension and an
index for it. Other databases use a word-based fallback and need nothing."""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS participation_proposals_title_trgm ON participation_proposals_proposal USING gin (title gin_trgm_ops)"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # The extension stays: other apps may use it.
    schema_editor.execute("DROP INDEX IF EXISTS participation_proposals_title_trgm")


class Migration(migrations.Migration):
    dependencies = [("participation_proposals", "0002_builtin_states")]

    operations = [migrations.RunPython(create, drop)]
