"""Registering, cancelling and one's own registrations: thin views over services, rules, queries."""

from django.contrib import messages
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language, gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from wagtail.models import Page

from participation.core import ratelimit
from participation.core.http import json_error, refused, safe_next, sign_in_first, wants_json
from participation.core.visibility import viewer_of

from . import emails, hooks, queries, services
from .forms import RegistrationForm
from .models import Registration, Session
from .rules import RULES


def event_page(request, page_id):
    """The event or edition page, in the visitor's language when translated, if this person may
    see it and it has sessions; otherwise None."""
    page = Page.objects.filter(pk=page_id).first()
    viewer = viewer_of(request)
    if page is None or not viewer.sees_page(page) or not queries.sessions_for(page).exists():
        return None
    localized = page.localized
    return (localized if viewer.sees_page(localized) else page).specific


def _form(request, page, sessions, data=None):
    user = request.user
    registered = set(queries.registrations_by_session(user, sessions))
    open_sessions = [session for session in sessions if session.pk not in registered and RULES.can(user, "register", session)]
    form = RegistrationForm(
        data, sessions=sessions, open_sessions=open_sessions, questions=hooks.registration_questions(page), consent_text=hooks.consent_text(page)
    )
    return form, [session for session in sessions if session.pk in registered]


def _form_page(request, page, form, registered, status=200):
    if status >= 400 and wants_json(request):
        errors = {name: [str(error) for error in errors] for name, errors in form.errors.items()}
        message = form.non_field_errors()[0] if form.non_field_errors() else _("Please check the form.")
        return json_error(message, status=status, errors=errors)
    context = {"page": page, "form": form, "registered": registered, "next": safe_next(request, page.url or "/")}
    return render(request, "events/register.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def register(request, page_id):
    page = event_page(request, page_id)
    if page is None:
        return refused(request, _("There is no such event."), status=404)
    if not request.user.is_authenticated:
        return sign_in_first(request)
    sessions = list(queries.sessions_for(page).select_related("page"))
    form, registered = _form(request, page, sessions, request.POST if request.method == "POST" else None)
    if request.method == "GET":
        return _form_page(request, page, form, registered)
    if not form.is_valid():
        return _form_page(request, page, form, registered, status=400)
    if not ratelimit.hit("registration", f"user:{request.user.pk}"):
        form.add_error(None, _("You sent many registrations in a short time. Please wait a while and try again."))
        return _form_page(request, page, form, registered, status=429)
    try:
        registrations = services.register_many(
            request.user, form.chosen_sessions(), answers=form.answers(), consent=form.cleaned_data["consent"], viewer=viewer_of(request)
        )
    except services.EventError as error:
        form.add_error(None, error.message)
        return _form_page(request, page, form, registered, status=error.status)
    emails.send_registered(request.user, registrations)
    if wants_json(request):
        return JsonResponse({"registrations": [_as_json(registration) for registration in registrations]}, status=201)
    waiting = any(registration.status == Registration.WAITLISTED for registration in registrations)
    messages.success(
        request,
        _("Thank you. You are on the waiting list for at least one session: we will write to you if a place frees up.")
        if waiting
        else _("Thank you: you are registered. We have sent you a confirmation by email."),
    )
    return HttpResponseRedirect(safe_next(request, page.url or "/"))


def _as_json(registration):
    return {"session": registration.session_id, "status": registration.status, "position": services.waiting_position(registration)}


@require_POST
def cancel(request, session_id):
    session = Session.objects.select_related("page").filter(pk=session_id).first()
    if session is None or not viewer_of(request).sees_page(session.page):
        return refused(request, _("There is no such session."), status=404)
    back = safe_next(request, session.page.localized.url or "/")
    if not request.user.is_authenticated:
        return sign_in_first(request, back)
    try:
        promoted = services.cancel(request.user, session, viewer=viewer_of(request))
    except services.EventError as error:
        return refused(request, error.message, status=error.status, back_url=back, redirect_back=True)
    if promoted is not None:
        emails.send_promoted(promoted)
    message = _("Your registration is cancelled.")
    if wants_json(request):
        return JsonResponse({"message": message})
    messages.success(request, message)
    return HttpResponseRedirect(back)


@never_cache
@require_GET
def mine(request):
    """The person's registrations on pages they may see, the coming sessions first."""
    if not request.user.is_authenticated:
        return sign_in_first(request)
    viewer = viewer_of(request)
    registrations = queries.with_position(
        Registration.objects.active()
        .filter(user=request.user)
        .filter(viewer.page_filter("session__page"))
        .select_related("session__page")
        .order_by("session__starts_at", "session__pk")
    )
    registrations = list(registrations)
    # Each page in the visitor's language when it is translated (one query for all of them).
    shown = queries.shown_versions(list({r.session.page_id: r.session.page for r in registrations}.values()), get_language())
    # Editions that select by lot show the person's reference (one query per page type).
    preselected = {page.pk for page in Page.objects.filter(pk__in={r.session.page_id for r in registrations}).specific() if hooks.preselected(page)}
    rows = [
        {
            "registration": registration,
            "page": shown[registration.session.page_id],
            "preselected": registration.session.page_id in preselected,
            "position": queries.position(registration),
            "can_cancel": RULES.can(request.user, "cancel_registration", registration.session),
        }
        for registration in registrations
    ]
    return render(request, "events/mine.html", {"rows": rows})
