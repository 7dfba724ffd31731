"""Public moderation pages: the report form and the transparency figures of a dialogue."""

from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Page

from participation.core import pending, ratelimit
from participation.core.http import json_error, refused, sign_in_url, wants_json
from participation.core.visibility import viewer_of

from . import queries, services
from . import rules as moderation_rules
from .forms import ReportForm
from .models import Report


def content_url(obj):
    """Where a contribution is shown: its own page, else its dialogue."""
    get_url = getattr(obj, "get_absolute_url", None)
    if get_url is not None:
        try:
            url = get_url()
        except Exception:  # noqa: BLE001 - a broken target must not turn a report into an error page
            url = None
        if url:
            return url
    return obj.dialogue.url if obj.dialogue_id else "/"


@require_http_methods(["GET", "POST"])
def report(request, content_type_id, object_id):
    obj = queries.resolve_content(content_type_id, object_id)
    if obj is None or not services.is_reportable(obj) or not viewer_of(request).sees(obj):
        raise Http404(_("This content does not exist or cannot be reported."))
    back = content_url(obj)
    user = request.user
    if not user.is_authenticated:
        if request.method == "POST":  # signed out meanwhile: the form keeps the choice and note
            return pending.sign_in_to_finish(
                request, "report", request.path, _("Sign in to report content."), content_type=content_type_id,
                object=object_id, reason=request.POST.get("reason", "")[:50], note=request.POST.get("note", "")[:5000],
            )  # fmt: skip
        if wants_json(request):
            return json_error(_("Sign in to report content."), status=401)
        return redirect(sign_in_url(request.get_full_path()))
    kept = pending.take(request, "report", content_type=content_type_id, object=object_id)
    reason = moderation_rules.denial(user, "report_content", obj)
    if reason:
        return refused(request, reason)
    if Report.objects.for_object(obj).filter(reporter=user).exists():
        return _done(request, back, services.AlreadyReported().message, level=messages.INFO)
    if obj.hidden_at is not None:
        return _done(request, back, _("This content is already hidden by moderation."), level=messages.INFO)

    form = ReportForm(request.POST or None, initial={"reason": kept["reason"], "note": kept["note"]} if kept else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            if not ratelimit.hit("report", f"user:{user.pk}"):
                form.add_error(None, _("You have sent many reports in a short time. Please try again later."))
                status = 429
            else:
                try:
                    services.report(user, obj, form.cleaned_data["reason"], form.cleaned_data["note"])
                except services.AlreadyReported as refusal:
                    return _done(request, back, refusal.message, level=messages.INFO)
                except services.ModerationError as refusal:
                    form.add_error(None, refusal.message)
                    status = 400
                else:
                    return _done(request, back, _("Thank you for your report: moderators will review it."))
        else:
            status = 400
        if wants_json(request):
            errors = [str(error) for errors in form.errors.values() for error in errors]
            return json_error(" ".join(errors), status=status, errors=form.errors.get_json_data())
    return TemplateResponse(
        request,
        "moderation/report.html",
        {"form": form, "target": obj, "kind": obj._meta.verbose_name, "back_url": back},
        status=status,
    )


def _done(request, back, message, level=messages.SUCCESS):
    if wants_json(request):
        return JsonResponse({"message": str(message)})
    messages.add_message(request, level, message)
    return redirect(back)


@require_GET
def transparency(request, page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is None or not viewer_of(request).sees_page(page):
        raise Http404(_("This page is not a dialogue."))
    page = page.specific
    if not getattr(page, "participation_root", False):
        raise Http404(_("This page is not a dialogue."))
    return TemplateResponse(
        request, "moderation/transparency.html", {"dialogue": page, "figures": queries.transparency(page)}
    )
