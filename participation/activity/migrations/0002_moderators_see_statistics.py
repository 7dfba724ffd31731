"""Moderators read the statistics page: how much is reported and hidden, dialogue by dialogue."""

from django.db import migrations

GROUP_NAME = "Moderators (participation)"


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    # Permissions from Meta.permissions are only created after migrate; create this one now.
    content_type, _ = ContentType.objects.get_or_create(app_label="participation_activity", model="statistics")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="view_statistics", defaults={"name": "Can view participation statistics"}
    )
    group = Group.objects.filter(name=GROUP_NAME).first()
    if group is not None:
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="participation_activity", codename="view_statistics").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("participation_activity", "0001_initial"),
        ("participation_moderation", "0002_moderators_group"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
