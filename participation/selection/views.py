"""The public transparency page of a gathering's selections by lot, and their bundles: shown
exactly when the page itself is visible to the viewer (participation.core.visibility); and the
selected person's answer (confirm or decline)."""

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Page

from participation.core.http import refused, safe_next, sign_in_first, wants_json
from participation.core.pages import canonical_page
from participation.core.visibility import viewer_of

from . import bundle, services
from .models import Selection
from .verify_standalone import PROCEDURE


def visible_page(request, page_id):
    page = Page.objects.filter(pk=page_id).select_related("locale").first()
    if page is None or not viewer_of(request).sees_page(page):
        raise Http404(_("There is no such page."))
    return page


def published(page):
    """Runs with something public: tickets computed, or the seed's source announced."""
    runs = Selection.objects.filter(page=canonical_page(page)).order_by("-run")
    return [run for run in runs if run.has_tickets or run.seed_source]


def _run_context(selection, reference):
    """What the page shows of one run, from its stored record (no query)."""
    context = {"selection": selection, "quotas": selection.quotas}
    if not selection.has_tickets:
        return context
    results = selection.results
    probabilities = services.person_probabilities(selection)
    panel, reserve = services.current_panel(selection), results.get("reserve", [])
    context.update(
        probabilities=sorted(probabilities.items()),
        tickets=services.ticket_runs(selection),
        spread=results["spread"],
        levels=results["levels"],
        versions=results["versions"],
        panel=panel,
        reserve=[ref for ref in reserve if ref not in panel and ref not in services.left(selection)],
        replacements=results.get("replacements", []),
        types=len(results["types"]),
    )
    if reference:
        reference = reference.strip().upper()
        context["found"] = {
            "reference": reference,
            "probability": probabilities.get(reference),
            "on_panel": reference in panel,
            "reserve_position": (context["reserve"].index(reference) + 1) if reference in context["reserve"] else None,
        }
    return context


@require_GET
def transparency(request, page_id):
    page = visible_page(request, page_id)
    reference = request.GET.get("reference", "")[:20]
    runs = [_run_context(selection, reference) for selection in published(page)]
    context = {"page": page.localized if hasattr(page, "localized") else page, "runs": runs, "reference": reference, "procedure": PROCEDURE}
    return TemplateResponse(request, "selection/transparency.html", context)


@require_GET
def bundle_zip(request, page_id, run):
    page = visible_page(request, page_id)
    selection = Selection.objects.filter(page=canonical_page(page), run=run, status=Selection.DRAWN).first()
    if selection is None:
        raise Http404(_("This selection is not drawn yet."))
    lottery = services.lottery_of(selection)
    drawn = services.drawn_of(selection)
    files = bundle.contents(lottery, drawn, selection.seed_source)
    with open(bundle.verify_standalone.__file__, encoding="utf-8") as script:
        files["verify_standalone.py"] = script.read()
    response = HttpResponse(bundle.zipped(files), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="selection-{canonical_page(page).pk}-{selection.run}.zip"'
    return response


@require_POST
def answer(request, page_id):
    """A selected person confirms their place or declines it (signed in, on a page they see)."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None or not viewer_of(request).sees_page(page):
        return refused(request, _("There is no such page."), 404)
    back = safe_next(request, reverse("events:mine"))
    if not request.user.is_authenticated:
        return sign_in_first(request, back)
    confirm = request.POST.get("action") == "confirm"
    try:
        services.answer(request.user, page, confirm)
    except services.SelectionError as error:
        return refused(request, error.message, error.status, back_url=back, redirect_back=True)
    message = _("Thank you: your place is confirmed.") if confirm else _("Your place goes to someone on the reserve list. Thank you for telling us.")
    if wants_json(request):
        return JsonResponse({"message": message})
    messages.success(request, message)
    return HttpResponseRedirect(back)
