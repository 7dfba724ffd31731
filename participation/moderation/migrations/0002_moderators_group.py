"""The "Moderators (participation)" group: the moderation queue in the Wagtail admin, nothing else."""

from django.db import migrations

GROUP_NAME = "Moderators (participation)"


def create_group(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    # Permissions from Meta.permissions are only created after migrate; create this one now.
    content_type, _ = ContentType.objects.get_or_create(app_label="participation_moderation", model="moderationaction")
    moderate, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="moderate", defaults={"name": "Can moderate citizens' contributions"}
    )
    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.add(moderate, access_admin)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("participation_moderation", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
