from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from participation.core.http import safe_next
from participation.core.visibility import viewer_of

from . import queries, services
from .emails import user_from_token
from .forms import PreferenceForm
from .models import Follow, Preference

FOLLOWABLE = {("wagtailcore", "page"), ("participation_proposals", "proposal")}


@login_required
@require_POST
def toggle_follow(request, content_type_id, object_id):
    content_type = get_object_or_404(ContentType, pk=content_type_id)
    if (content_type.app_label, content_type.model) not in FOLLOWABLE:
        raise Http404
    obj = content_type.model_class()._default_manager.filter(pk=object_id).first()
    if obj is None or not viewer_of(request).sees(obj):
        raise Http404
    obj = obj.specific if isinstance(obj, Page) else obj
    if services.is_following(request.user, obj):
        services.unfollow(request.user, obj)
        messages.success(request, _("You no longer follow this."))
    else:
        services.follow(request.user, obj)
        messages.success(request, _("You follow this now: we will email you about replies, answers and new comments."))
    return HttpResponseRedirect(safe_next(request, services.url_of(obj, request.LANGUAGE_CODE)))


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
