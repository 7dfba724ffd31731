"""Events of the account life cycle other apps listen to."""

from django.dispatch import Signal

# Sent inside the deletion transaction, after the account was anonymised.
# sender: the user model; user: the (already anonymised) user. Receivers delete the rows they
# consider personal (follows, registrations, preferences...); contributions stay.
account_deleted = Signal()
