"""Listeners: comment counts follow the comments app."""

from django.dispatch import receiver

from participation.core.signals import contribution_created

from .services import record_comment


@receiver(contribution_created, dispatch_uid="proposals_count_comments")
def count_comment(sender, instance, **kwargs):
    # Any contribution with a `target` (comments use a generic foreign key) may be about a proposal.
    record_comment(instance)
