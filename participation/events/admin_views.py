"""The organisers' admin pages: the pages whose gatherings a person runs, each with its
registrations as CSV and a form to message its registrants. Who may do what: organisers.py."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from wagtail.admin.auth import permission_denied
from wagtail.models import Page

from participation.api.exports import csv_response
from participation.core.pages import canonical_page

from . import hooks, organisers
from .models import Registration
from .queries import sessions_for

COLUMNS = ["reference", "session", "status", "registered_at", "moved_up_at", "selected_at", "consent_at"]
CONTACT_COLUMNS = ["name", "email"]


class NotOrganised(Exception):
    pass


def refused(request):
    """403, whether the page exists or not. (Not a 404: under /admin/ Django's LocaleMiddleware
    would redirect it to a language-prefixed address, which the site's pages then answer.)"""
    return TemplateResponse(request, "events/admin/refused.html", {"page_title": _("Not one of your gatherings")}, status=403)


def organised_page(request, page_id):
    """The page (its default-locale version, which holds the sessions) if this person organises
    it; NotOrganised otherwise."""
    page = Page.objects.filter(pk=page_id).select_related("locale").first()
    if page is None or not organisers.may_organise(request.user, page):
        raise NotOrganised
    return canonical_page(page)


def organised_pages(request):
    if not organisers.may_see_registrations(request.user):
        return permission_denied(request)
    return TemplateResponse(
        request,
        "events/admin/pages.html",
        {"pages": organisers.organised_pages(request.user), "page_title": _("Registrations by page")},
    )


def session_label(session):
    when = timezone.localtime(session.starts_at, session.zone).strftime("%Y-%m-%d %H:%M")
    return f"{session.title} · {when} {session.time_zone}" if session.title else f"{when} {session.time_zone}"


def export_registrations(request, page_id):
    """Every registration of the page's sessions (cancelled ones too, marked), one row each."""
    if not organisers.may_see_registrations(request.user):
        return permission_denied(request)
    try:
        page = organised_page(request, page_id)
    except NotOrganised:
        return refused(request)
    keys = [question["key"] for question in hooks.registration_questions(page)]
    contacts = organisers.sees_contacts(request.user)
    registrations = Registration.objects.filter(session__page=page).select_related("session")
    if contacts:
        registrations = registrations.select_related("user__participant")
    registrations = registrations.order_by("session__starts_at", "session_id", "created_at", "pk")

    def rows():
        for registration in registrations.iterator(chunk_size=2000):
            row = [
                registration.reference,  # the person's, as on the selection's transparency page
                session_label(registration.session),
                registration.get_status_display(),
                registration.created_at,
                registration.promoted_at,
                registration.selected_at,
                registration.consent_at,
            ]
            if contacts:
                user = registration.user
                row += [getattr(getattr(user, "participant", None), "full_name", ""), getattr(user, user.get_email_field_name(), "")]
            yield row + [registration.answers.get(key, "") for key in keys]

    columns = COLUMNS + (CONTACT_COLUMNS if contacts else []) + keys
    return csv_response(f"registrations-{page.pk}.csv", columns, rows(), get_language())


class MessageForm(forms.Form):
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=200)
    body = forms.CharField(label=gettext_lazy("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 10}))
    who = forms.ChoiceField(
        label=gettext_lazy("Send to"),
        choices=[
            (organisers.CONFIRMED, gettext_lazy("Confirmed participants")),
            (organisers.WAITING, gettext_lazy("People on the waiting list")),
            (organisers.EVERYONE, gettext_lazy("Everyone registered (confirmed and waiting)")),
        ],
        widget=forms.RadioSelect,
        initial=organisers.CONFIRMED,
    )
    session = forms.ModelChoiceField(label=gettext_lazy("Session"), queryset=None, required=False, empty_label=gettext_lazy("All sessions of the page"))

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = sessions_for(page)
        self.fields["session"].label_from_instance = session_label

    def clean_subject(self):
        # One line: it becomes an email header. The body goes out as plain text, as written.
        return " ".join(self.cleaned_data["subject"].split())


def message_registrants(request, page_id):
    if not organisers.may_see_registrations(request.user):
        return permission_denied(request)
    try:
        page = organised_page(request, page_id)
    except NotOrganised:
        return refused(request)
    form = MessageForm(request.POST or None, page=page)
    if request.method == "POST" and form.is_valid():
        sent = organisers.message_registrants(page, **form.cleaned_data)
        text = ngettext("Your message is on its way to %(count)s person.", "Your message is on its way to %(count)s people.", sent)
        messages.success(request, text % {"count": sent})
        return redirect("events_organiser_pages")
    return TemplateResponse(
        request,
        "events/admin/message.html",
        {"page": page, "form": form, "page_title": _("Message the registrants of “%(page)s”") % {"page": page.title}},
    )
