"""Facilitators' pages: the groups they facilitate, each group's roster with attendance, moves
before the session starts, and links to type in the group's paper questionnaires."""

from django.contrib import messages
from django.db.models import Q
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from participation.core.http import number_from, refused, sign_in_first
from participation.core.pages import default_language_code
from participation.core.visibility import viewer_of
from participation.events.models import Registration
from participation.questionnaires.models import Questionnaire

from . import services
from .models import FocusGroup, Member
from .rules import can, denial


def group_or_404(request, group_id):
    """The group, if its session's page exists for this person and they facilitate it."""
    group = FocusGroup.objects.select_related("session__page").filter(pk=group_id).first()
    if group is None or not viewer_of(request).sees_page(group.session.page) or not can(request.user, "facilitate", group):
        raise Http404(_("There is no such group."))
    return group


def mine(request):
    if not request.user.is_authenticated:
        return sign_in_first(request)
    viewer = viewer_of(request)
    groups = [
        group
        for group in FocusGroup.objects.filter(facilitator=request.user).select_related("session__page").order_by("session__starts_at", "number")
        if viewer.sees_page(group.session.page)
    ]
    return TemplateResponse(request, "focusgroups/mine.html", {"groups": groups})


def roster(group):
    return (
        Member.objects.filter(group=group, registration__status=Registration.CONFIRMED)
        .select_related("registration__user__participant")
        .order_by("registration__user__participant__nickname", "pk")
    )


@require_http_methods(["GET", "POST"])
def group(request, group_id):
    if not request.user.is_authenticated:
        return sign_in_first(request)
    group = group_or_404(request, group_id)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "move":
                member = Member.objects.select_related("group__session").filter(pk=number_from(request.POST.get("member")) or 0, group=group).first()
                target = FocusGroup.objects.filter(pk=number_from(request.POST.get("to")) or 0, session=group.session).first()
                if member is None or target is None:
                    return refused(request, _("Choose a person of this group and another group of the session."), 400)
                services.move(request.user, member, target)
                messages.success(request, _("Moved to group %(number)s.") % {"number": target.number})
            else:
                services.record_attendance(request.user, group, [number for number in map(number_from, request.POST.getlist("present")) if number is not None])
                messages.success(request, _("Attendance saved."))
        except services.FocusGroupError as error:
            return refused(request, error.message, error.status)
        return HttpResponseRedirect(reverse("focusgroups:group", args=[group.pk]))
    others = FocusGroup.objects.filter(session=group.session).exclude(pk=group.pk).order_by("number")
    questionnaires = Questionnaire.objects.filter(
        Q(session=None) | Q(session=group.session), dialogue__in=group.session.page.get_ancestors(inclusive=True), locale__language_code=default_language_code()
    ).order_by("pk")
    context = {
        "group": group,
        "members": roster(group),
        "others": others,
        "may_move": can(request.user, "move", group),
        "move_denial": denial(request.user, "move", group),
        "questionnaires": questionnaires,
    }
    return TemplateResponse(request, "focusgroups/group.html", context)
