"""What a signed-out person asked for (a form they sent), finished once they are signed in.

The post that asked passed Django's CSRF check like any other post. What it asked is kept in the
person's session, which survives signing in, and signing up then confirming in the same browser
(both sign in with django.contrib.auth.login). Then either:

- the app that registered the kind (`@finishes("support")`) does it at sign-in, through its
  services, with visibility and rules checked again for the person now signed in, and says how
  it went in a message; or
- a form reads it back (`take(request, "comment", ...)`), so the person finds their text in it
  and sends it themselves.

Only one action is kept: the last one asked for. The address the person returns to is built by
the view from its own URLs, never read from the request."""

from django.contrib import messages
from django.contrib.auth.signals import user_logged_in
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _

from .http import json_error, sign_in_url, wants_json

SESSION_KEY = "participation:pending-action"
KEPT = _("Sign in, or create an account, to finish: we keep what you started until then.")

_finishers = {}


def finishes(kind):
    """Registers `function(request, user, data)` to do a kept action of this kind at sign-in."""

    def register(function):
        _finishers[kind] = function
        return function

    return register


def sign_in_to_finish(request, kind, back_url, message, **data):
    """A person not signed in: keep the action, then the sign-in page, which leads back to
    `back_url`. Scripts get 401 with `message` and nothing is kept (they are not redirected)."""
    if wants_json(request):
        return json_error(message, status=401)
    request.session[SESSION_KEY] = {"kind": kind, "back": back_url, **data}
    messages.info(request, KEPT)
    return HttpResponseRedirect(sign_in_url(back_url))


def back_url(request):
    """Where the kept action's page is, for a view that signs people in without a `next`
    (the email confirmation)."""
    kept = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    return kept["back"] if kept else None


def take(request, kind, **match):
    """The kept action of this kind about this object (e.g. content_type=.., object=..), removed
    from the session as it is handed to the form; None if there is none."""
    kept = request.session.get(SESSION_KEY) if request is not None and hasattr(request, "session") else None
    if not kept or kept.get("kind") != kind or any(kept.get(name) != value for name, value in match.items()):
        return None
    del request.session[SESSION_KEY]
    return kept


def finish(sender, request, user, **kwargs):
    """user_logged_in: do the kept action if its kind is finished at sign-in."""
    kept = request.session.get(SESSION_KEY) if request is not None and hasattr(request, "session") else None
    if not kept or kept.get("kind") not in _finishers:
        return
    del request.session[SESSION_KEY]
    _finishers[kept["kind"]](request, user, kept)


def connect():
    """Called once the apps are ready (core's AppConfig.ready)."""
    user_logged_in.connect(finish, dispatch_uid="participation-pending-action")
