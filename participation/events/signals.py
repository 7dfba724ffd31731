"""Events of gatherings other code listens to."""

from django.dispatch import Signal

# sender: Session; session: the session whose cancelled_at has just been set. Sent after commit.
session_cancelled = Signal()
