"""Organisers' admin page for a gathering's focus groups: split each session into groups, name
each group's facilitator, and print or export the rosters (nicknames only, never other personal
data). Who organises what: participation.events.organisers."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _, gettext_lazy

from participation.accounts.models import nickname_key, public_name
from participation.api.exports import csv_response
from participation.core.http import number_from
from participation.events import organisers
from participation.events.admin_views import NotOrganised, organised_page, refused, session_label
from participation.events.models import Registration
from participation.events.queries import sessions_for

from . import diversity, services
from .models import FocusGroup, Member


class SplitForm(forms.Form):
    size = forms.IntegerField(label=gettext_lazy("People per group"), min_value=2, max_value=30, initial=services.DEFAULT_SIZE)


class FacilitatorForm(forms.Form):
    person = forms.CharField(
        label=gettext_lazy("Facilitator"), max_length=254, required=False,
        help_text=gettext_lazy("Their nickname or email address; leave empty for none."),
    )  # fmt: skip

    def clean_person(self):
        value = self.cleaned_data["person"].strip()
        if not value:
            return None
        User = get_user_model()
        found = User._default_manager.filter(
            Q(participant__nickname_key=nickname_key(value)) | Q(**{f"{User.get_email_field_name()}__iexact": value}), is_active=True
        ).first()
        if found is None:
            raise forms.ValidationError(_("Nobody has this nickname or email address."))
        return found


def _page_or_refusal(request, page_id):
    if not organisers.may_see_registrations(request.user):
        return None, refused(request)
    try:
        return organised_page(request, page_id), None
    except NotOrganised:
        return None, refused(request)


def groups_page(request, page_id):
    page, refusal = _page_or_refusal(request, page_id)
    if refusal:
        return refusal
    sessions = list(sessions_for(page))
    by_id = {session.pk: session for session in sessions}
    if request.method == "POST":
        session = by_id.get(number_from(request.POST.get("session")))
        if session is None:
            messages.error(request, _("Choose one of the page's sessions."))
        elif request.POST.get("action") == "facilitator":
            group = FocusGroup.objects.filter(session=session, pk=number_from(request.POST.get("group")) or 0).first()
            form = FacilitatorForm(request.POST)
            if group is not None and form.is_valid():
                services.set_facilitator(group, form.cleaned_data["person"])
                messages.success(request, _("The facilitator of %(group)s is saved.") % {"group": group})
            else:
                messages.error(request, " ".join(form.errors.get("person", [])) or _("Choose a group of this session."))
        else:
            form = SplitForm(request.POST)
            if form.is_valid():
                try:
                    groups, (mean, worst) = services.split_session(session, form.cleaned_data["size"])
                except services.FocusGroupError as error:
                    messages.error(request, error.message)
                else:
                    messages.success(
                        request,
                        _("%(count)s groups made. Their mix differs from the session's by %(mean).0f%% on average, %(worst).0f%% at most.")
                        % {"count": len(groups), "mean": mean * 100, "worst": worst * 100},
                    )
            else:
                messages.error(request, " ".join(form.errors.get("size", [])))
        return redirect("focusgroups_admin_page", page_id=page.pk)
    groups = list(FocusGroup.objects.filter(session__in=sessions).select_related("facilitator__participant").order_by("number"))
    members = Member.objects.filter(group__in=groups, registration__status=Registration.CONFIRMED).select_related("registration__user__participant")
    by_group = {}
    for member in members.order_by("registration__user__participant__nickname", "pk"):
        by_group.setdefault(member.group_id, []).append(member)
    participants = dict(
        services.participants_of(sessions).values_list("session").annotate(n=Count("pk")).order_by()
    )
    keys = services.profile_keys(page)
    rows = []
    for session in sessions:
        session_groups = [group for group in groups if group.session_id == session.pk]
        for group in session_groups:
            group.roster = by_group.get(group.pk, [])
        mean, worst = diversity.measure([[services.profile(member.registration, keys) for member in group.roster] for group in session_groups], keys)
        rows.append({
            "session": session, "label": session_label(session), "groups": session_groups,
            "participants": participants.get(session.pk, 0), "grouped": sum(len(g.roster) for g in session_groups),
            "mean": mean if session_groups else None, "worst": worst,
        })  # fmt: skip
    context = {"page": page, "rows": rows, "split_form": SplitForm(), "page_title": _("Focus groups of %(page)s") % {"page": page.title}}
    return TemplateResponse(request, "focusgroups/admin/groups.html", context)


def rosters_csv(request, page_id):
    page, refusal = _page_or_refusal(request, page_id)
    if refusal:
        return refusal
    members = (
        Member.objects.filter(group__session__page=page, registration__status=Registration.CONFIRMED)
        .select_related("group__session", "group__facilitator__participant", "registration__user__participant")
        .order_by("group__session__starts_at", "group__session_id", "group__number", "registration__user__participant__nickname", "pk")
    )

    def rows():
        for member in members.iterator(chunk_size=1000):
            group = member.group
            facilitator = public_name(group.facilitator) if group.facilitator_id else ""
            attended = {True: _("yes"), False: _("no")}.get(member.attended, "")
            yield [session_label(group.session), group.number, facilitator, public_name(member.registration.user), attended]

    columns = ["session", "group", "facilitator", "participant", "attended"]
    return csv_response(f"focus-groups-{page.pk}.csv", columns, rows(), request.LANGUAGE_CODE)
