"""Listeners: comment counts follow the comments app, support counts follow deleted people."""

from django.conf import settings
from django.db.models.signals import pre_delete
from django.dispatch import receiver

from participation.core.signals import contribution_created

from .models import decrement_supports_of
from .services import record_comment


@receiver(contribution_created, dispatch_uid="proposals_count_comments")
def count_comment(sender, instance, **kwargs):
    # Any contribution with a `target` (comments use a generic foreign key) may be about a proposal.
    record_comment(instance)


@receiver(pre_delete, sender=settings.AUTH_USER_MODEL, dispatch_uid="proposals_person_deleted")
def person_deleted(sender, instance, **kwargs):
    decrement_supports_of(instance.pk)
