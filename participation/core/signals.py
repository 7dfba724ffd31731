"""Events other apps (notifications, activity) listen to; services send them after commit."""

from django.dispatch import Signal

# sender: the model class; instance: the new object
contribution_created = Signal()
# sender: Proposal; proposal, answer
proposal_answered = Signal()
