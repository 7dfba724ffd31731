"""Who may do what with accounts (django-rules predicates, checked with user.has_perm)."""

import rules

from .models import person_of


@rules.predicate
def is_public_person(user, person):
    """A profile (a Person) is public while the account is active, not deleted, and has a nickname."""
    return person is not None and person.user.is_active and person.deleted_at is None and bool(person.nickname)


@rules.predicate
def has_live_account(user):
    return user.is_authenticated and user.is_active and getattr(person_of(user), "deleted_at", None) is None


rules.add_perm("participation_accounts.view_profile", is_public_person)
# Export and delete one's own data; signed-in people only, and only while the account exists.
rules.add_perm("participation_accounts.manage_own_account", has_live_account)
