"""Turn participation events into notifications for the people who follow what changed."""

from participation.core.signals import contribution_created, proposal_answered

from . import services
from .models import Notification


def on_contribution(sender, instance, **kwargs):
    target = getattr(instance, "target", None)
    dialogue = instance.dialogue
    if target is None:
        # A new proposal (or any contribution without a target): its author follows it from now
        # on, and the dialogue's followers hear of it.
        if instance.author_id:
            services.follow(instance.author, instance)
        services.notify(
            services.followers(dialogue), Notification.Kind.PROPOSAL, instance, getattr(instance, "body", ""), actor=instance.author
        )
        return
    # A comment: a reply reaches the parent's author; everyone following the thing or its dialogue hears of it.
    parent = getattr(instance, "parent", None)
    replied_to = {parent.author_id} if parent is not None and parent.author_id else set()
    services.notify(replied_to, Notification.Kind.REPLY, target, instance.body, actor=instance.author)
    others = services.followers(target, dialogue) - replied_to
    services.notify(others, Notification.Kind.COMMENT, target, instance.body, actor=instance.author)


def on_answer(sender, proposal, answer, **kwargs):
    recipients = services.followers(proposal, proposal.dialogue)
    if proposal.author_id:
        recipients.add(proposal.author_id)
    text = getattr(answer, "text", None) or getattr(answer, "body", None) or str(answer or "")
    services.notify(recipients, Notification.Kind.ANSWER, proposal, text)


def on_account_deleted(sender, user, **kwargs):
    user.follows.all().delete()
    user.notifications.all().delete()


def connect():
    contribution_created.connect(on_contribution, dispatch_uid="notifications-contribution")
    proposal_answered.connect(on_answer, dispatch_uid="notifications-answer")
    try:
        from participation.accounts.signals import account_deleted
    except ImportError:  # accounts without deletion hook
        return
    account_deleted.connect(on_account_deleted, dispatch_uid="notifications-account-deleted")
