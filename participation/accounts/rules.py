"""Who may do what with accounts (django-rules predicates, checked with user.has_perm)."""

import rules

from participation.core.rules import is_participant


@rules.predicate
def is_public_person(user, person):
    """A profile (a Person) is public while the account is active, not deleted, and has a nickname."""
    return person is not None and person.user.is_active and person.deleted_at is None and bool(person.nickname)


rules.add_perm("participation_accounts.view_profile", is_public_person)
# Export and delete one's own data; signed-in people only, and only while the account exists.
rules.add_perm("participation_accounts.manage_own_account", is_participant)
