from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from participation.core import pending
from participation.core.http import safe_next
from participation.core.visibility import Viewer, viewer_of

from . import queries, services
from .emails import user_from_token
from .forms import PreferenceForm
from .models import Follow, Preference

FOLLOWABLE = {("wagtailcore", "page"), ("participation_proposals", "proposal")}
FOLLOWING = gettext_lazy("You follow this now: we will email you about replies, answers and new comments.")


def _followable_or_404(request, content_type_id, object_id, viewer):
    content_type = ContentType.objects.filter(pk=content_type_id).first()
    if content_type is None or (content_type.app_label, content_type.model) not in FOLLOWABLE:
        raise Http404
    obj = content_type.model_class()._default_manager.filter(pk=object_id).first()
    if obj is None or not viewer.sees(obj):
        raise Http404
    return obj.specific if isinstance(obj, Page) else obj


@require_http_methods(["GET", "POST"])
def toggle_follow(request, content_type_id, object_id):
    """POST follows or unfollows. Signed out, GET offers to follow after signing in (a page
    without a form token links here, so it stays cacheable) and POST keeps the follow for the
    sign-in to finish (participation.core.pending)."""
    obj = _followable_or_404(request, content_type_id, object_id, viewer_of(request))
    back = services.url_of(obj, request.LANGUAGE_CODE)
    if request.method == "GET":
        if request.user.is_authenticated:
            return HttpResponseRedirect(back)
        return TemplateResponse(request, "notifications/follow_sign_in.html", {"target": obj, "back_url": back})
    if not request.user.is_authenticated:
        return pending.sign_in_to_finish(
            request, "follow", back, _("Sign in to follow this."), content_type=content_type_id, object=object_id
        )
    if services.is_following(request.user, obj):
        services.unfollow(request.user, obj)
        messages.success(request, _("You no longer follow this."))
    else:
        services.follow(request.user, obj)
        messages.success(request, FOLLOWING)
    return HttpResponseRedirect(safe_next(request, back))


@pending.finishes("follow")
def finish_follow(request, user, kept):
    """A follow asked for before signing in, done at sign-in if the person may see it (never
    an unfollow: following twice changes nothing)."""
    try:
        obj = _followable_or_404(request, kept["content_type"], kept["object"], Viewer(user=user, request=request))
    except Http404:
        messages.error(request, _("This page or contribution does not exist (any more)."))
        return
    services.follow(user, obj)
    messages.success(request, FOLLOWING)


@login_required
def notification_settings(request):
    """The person's notifications (newest first), how often they are emailed, what they follow."""
    preference, _created = Preference.objects.get_or_create(user=request.user)
    form = PreferenceForm(request.POST or None, instance=preference)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your email settings are saved."))
        return redirect("notifications:settings")
    notifications = queries.latest_for(viewer_of(request))
    follows = Follow.objects.filter(user=request.user).select_related("content_type").order_by("-created_at")
    items = []
    for follow_row in follows:
        target = follow_row.target
        if target is not None:
            items.append({"follow": follow_row, "target": target, "url": services.url_of(target, request.LANGUAGE_CODE)})
    context = {"form": form, "follows": items, "notifications": notifications, "unread": any(n.read_at is None for n in notifications)}
    return TemplateResponse(request, "notifications/settings.html", context)


@login_required
@require_POST
def mark_read(request):
    queries.mark_all_read(request.user, timezone.now())
    messages.success(request, _("All your notifications are marked as read."))
    return redirect("notifications:settings")


# One-click unsubscribe (RFC 8058) posts without a CSRF token; the signed token is the proof.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    user_id = user_from_token(token)
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    if user is None:
        return TemplateResponse(request, "notifications/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        Preference.objects.update_or_create(user=user, defaults={"frequency": Preference.Frequency.NEVER})
        return TemplateResponse(request, "notifications/unsubscribe.html", {"done": True})
    return TemplateResponse(request, "notifications/unsubscribe.html", {"token": token})
