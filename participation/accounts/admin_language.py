"""Wagtail's admin speaks each person's language. The admin reads only Wagtail's user profile,
so the language a person chose on the site (Person.language) is copied there."""

from django.db.models.signals import post_save
from wagtail.admin.localization import get_available_admin_languages
from wagtail.users.models import UserProfile


def admin_speaks_persons_language(sender, instance, raw=False, **kwargs):
    if raw or instance.language not in {code for code, _name in get_available_admin_languages()}:
        return
    UserProfile.objects.update_or_create(user_id=instance.user_id, defaults={"preferred_language": instance.language})


def connect():
    from .models import Person

    post_save.connect(admin_speaks_persons_language, sender=Person, dispatch_uid="accounts-admin-language")
