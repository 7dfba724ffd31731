import secrets

from django.db import migrations, models

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def give_references(apps, schema_editor):
    """One reference per person and page for the registrations made before references existed."""
    Registration = apps.get_model("participation_events", "Registration")
    taken = set(Registration.objects.exclude(reference="").values_list("reference", flat=True))
    given = {}
    for registration in Registration.objects.filter(reference="").select_related("session").order_by("pk").iterator():
        key = (registration.user_id, registration.session.page_id)
        if key not in given:
            reference = "".join(secrets.choice(ALPHABET) for _ in range(8))
            while reference in taken:
                reference = "".join(secrets.choice(ALPHABET) for _ in range(8))
            taken.add(reference)
            given[key] = reference
        registration.reference = given[key]
        registration.save(update_fields=["reference"])


class Migration(migrations.Migration):
    dependencies = [
        ("participation_events", "0003_calendartoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="registration",
            name="reference",
            field=models.CharField(blank=True, db_index=True, editable=False, max_length=12, verbose_name="reference"),
        ),
        migrations.RunPython(give_references, migrations.RunPython.noop),
    ]
