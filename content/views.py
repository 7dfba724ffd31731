import re

from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

from .translation_status import with_source_languages

SEARCH_MAX_LENGTH = 200
SEARCH_WORDS = re.compile(r"[\w-]+")
RESULTS_PER_PAGE = 10


@never_cache
@require_GET
def healthz(request):
    """200 when the database answers, 503 otherwise: for load balancers and uptime checks."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_GET
def search(request):
    """Full-text search of live public pages in the visitor's language."""
    query = request.GET.get("q", "").strip()[:SEARCH_MAX_LENGTH]
    # Words only: punctuation means nothing to the search and trips SQLite's FTS5 query syntax.
    terms = " ".join(SEARCH_WORDS.findall(query))
    results = None
    if terms:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        paginator = Paginator(pages.search(terms), RESULTS_PER_PAGE)
        try:
            results = paginator.get_page(request.GET.get("page"))
            results.object_list = with_source_languages(results.object_list)
        except DatabaseError:
            results = Paginator([], RESULTS_PER_PAGE).get_page(1)
    elif query:
        results = Paginator([], RESULTS_PER_PAGE).get_page(1)
    return TemplateResponse(request, "content/search.html", {"query": query, "results": results})


@require_GET
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: send them to the static icon."""
    return redirect(static("img/favicon.ico"), permanent=True)
