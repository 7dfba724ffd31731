"""While the database is away, answer 503 Service Unavailable with Retry-After, not 500.

A PostgreSQL restart or failover breaks every open connection and refuses new ones for a few
seconds. That is no bug in the request: the client should retry shortly, and the site recovers
by itself, because Django replaces a broken persistent connection on the next request
(CONN_HEALTH_CHECKS). See docs/deployment.md.

Views are covered by `process_exception`. A database error raised by another middleware (the
anonymous page cache reads the content version, the session middleware saves the session) is
already a 500 by the time it gets here; the `got_request_exception` receiver marks the request
so the middleware can swap that 500 for the 503. Place the middleware after the ones whose
headers the 503 needs (security, CSP) and before the ones that may query the database."""

import logging
import sys

from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError, connections
from django.dispatch import receiver
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from .http import wants_json

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5


def database_unavailable(error):
    """An error that means "the database is not there", not "this query is wrong".

    OperationalError also covers bugs such as SQLite's "no such table", which must stay 500s: so
    the connection must be gone too (refused, closed by the server, or dropped by Django after a
    failed rollback)."""
    if not isinstance(error, (OperationalError, InterfaceError)):
        return False
    for connection in connections.all(initialized_only=True):
        raw = connection.connection
        if raw is None or getattr(raw, "closed", False) or getattr(raw, "broken", False):
            return True
    return False


def unavailable_response(request):
    message = _("The site is briefly unavailable. Please try again in a few seconds.")
    if wants_json(request):
        response = JsonResponse({"error": message}, status=503)
    else:
        # Without the request: no context processor may reach for the session or the user. The
        # plugin's own page, which extends nothing: the host's base template may read the database.
        response = HttpResponse(render_to_string("participation/unavailable.html", {"message": message}), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


@receiver(got_request_exception)
def _note_database_error(sender, request=None, **kwargs):
    if request is not None and database_unavailable(sys.exc_info()[1]):
        request.database_unavailable = True


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 500 and getattr(request, "database_unavailable", False):
            return unavailable_response(request)
        return response

    def process_exception(self, request, exception):
        if database_unavailable(exception):
            logger.warning("Database unavailable, answered 503: %s %s (%s)", request.method, request.path, exception)
            return unavailable_response(request)
        return None
