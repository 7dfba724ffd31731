"""Events other apps (notifications, activity, a host's caches) listen to."""

from django.dispatch import Signal

# sender: the model class; instance: the new object. Services send it after commit.
contribution_created = Signal()
# sender: Proposal; proposal, answer. Sent after commit.
proposal_answered = Signal()
# sender: the model class. What the public sees changed by a write that sends no model signal
# (moderation hides with update(), an account's contributions lose their author): a host's
# caches of public pages must drop what they hold. Sent inside the writing transaction.
public_content_changed = Signal()
