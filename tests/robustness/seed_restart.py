"""Data for test_database_restart.py, run with `manage.py shell` on a freshly migrated database.

One dialogue open for supports, an author's proposals, and citizens signed in through sessions
written straight into the session store (signing in over HTTP would trip the login rate limit).
Prints one line `RESTART-SEED <json>` the test reads. Much lighter than seed_demo, which would
double the test's set-up time."""

import datetime
import json
import os
import secrets

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.utils import timezone
from django.utils.module_loading import import_string
from wagtail.models import Page

from content.models import DialoguePage, DialoguePhase
from participation.accounts import services as accounts
from participation.proposals.services import create_proposal

citizens, proposals = int(os.environ["RESTART_CITIZENS"]), int(os.environ["RESTART_PROPOSALS"])


def citizen(nickname):
    user = accounts.register(email=f"{nickname}@example.org", nickname=nickname, password=secrets.token_urlsafe(), language="en")
    accounts.confirm_email(user)
    user.refresh_from_db()
    return user


today = timezone.localdate()
dialogue = DialoguePage(title="Restart drill", slug="restart-drill", intro="Supports while the database restarts.")
# The information phase is running: proposals and supports are open in it by default.
dialogue.phases.add(
    DialoguePhase(kind="information", starts_on=today - datetime.timedelta(days=1), ends_on=today + datetime.timedelta(days=30))
)
home = Page.objects.get(depth=2)  # Wagtail's initial page; the dialogue only needs a live parent
home.add_child(instance=dialogue)

author = citizen("restart-author")
proposal_ids = [
    create_proposal(author, dialogue, title=f"Proposal {number}", body=f"Body of proposal {number}.").pk
    for number in range(proposals)
]

store = import_string(settings.SESSION_ENGINE + ".SessionStore")
backend = settings.AUTHENTICATION_BACKENDS[-1]
clients = []
for number in range(citizens):
    user = citizen(f"restart-citizen-{number}")
    session = store()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = backend
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    clients.append({"user": user.pk, "session": session.session_key})

print(
    "RESTART-SEED "
    + json.dumps(
        {
            "dialogue_url": dialogue.get_url(),
            "proposals": proposal_ids,
            "clients": clients,
            "session_cookie": settings.SESSION_COOKIE_NAME,
            "csrf_cookie": settings.CSRF_COOKIE_NAME,
        }
    )
)
