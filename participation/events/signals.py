"""Events of gatherings other code listens to."""

from django.dispatch import Signal

# sender: Session; session: the session whose cancelled_at has just been set. Sent after commit.
session_cancelled = Signal()

# sender: Registration; registration: a selected person's registration they have just cancelled
# (participation.selection gives the place to the reserve list). Sent after commit.
selected_registration_cancelled = Signal()
