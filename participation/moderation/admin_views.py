"""The moderators' queue, item review and history, inside the Wagtail admin."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import queries, services
from .forms import ModerationActionForm
from .models import ModerationAction

QUEUE_PAGE_SIZE = 50
HISTORY_PAGE_SIZE = 100
STATUSES = [
    ("all", gettext_lazy("Reported or hidden")),
    ("open", gettext_lazy("Waiting for a decision")),
    ("hidden", gettext_lazy("Hidden")),
]


class ModeratorRequiredMixin:
    def dispatch(self, request, *args, **kwargs):
        if not services.can_moderate(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [
            {"url": reverse("moderation_queue"), "label": _("Moderation")},
            {"url": "", "label": self.get_page_title()},
        ]


class QueueView(ModeratorRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "moderation/admin/queue.html"
    page_title = gettext_lazy("Moderation queue")
    header_icon = "warning"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status", "all")
        if status not in dict(STATUSES):
            status = "all"
        paginator = Paginator(queries.queue(status), QUEUE_PAGE_SIZE)
        context.update(
            {
                "items": paginator.get_page(self.request.GET.get("p")),
                "status": status,
                "statuses": STATUSES,
                "history_url": reverse("moderation_history"),
            }
        )
        return context


class ItemView(ModeratorRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "moderation/admin/item.html"
    header_icon = "warning"

    def get_page_title(self):
        return _("Review")

    def dispatch(self, request, content_type_id, object_id):
        self.obj = queries.resolve_content(content_type_id, object_id)
        if self.obj is None:
            raise Http404(_("This content does not exist."))
        return super().dispatch(request, content_type_id, object_id)

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        item = queries.item_detail(self.obj)
        context.update(
            {
                "item": item,
                "form": form or ModerationActionForm(actions=queries.available_actions(item)),
                "queue_url": reverse("moderation_queue"),
            }
        )
        return context

    def post(self, request, content_type_id, object_id):
        item = queries.item_detail(self.obj)
        form = ModerationActionForm(request.POST, actions=queries.available_actions(item))
        if form.is_valid():
            action, reason = form.cleaned_data["action"], form.cleaned_data["reason"]
            Action = ModerationAction.Action
            try:
                if action == Action.HIDE:
                    services.hide(request.user, self.obj, reason)
                elif action == Action.UNHIDE:
                    services.unhide(request.user, self.obj, reason)
                elif action == Action.DISMISS:
                    services.dismiss(request.user, self.obj, reason)
                elif action == Action.BLOCK:
                    services.block(request.user, self.obj.author, reason, obj=self.obj)
                elif action == Action.UNBLOCK:
                    services.unblock(request.user, self.obj.author, reason, obj=self.obj)
            except services.ModerationError as refusal:
                form.add_error(None, refusal.message)
            else:
                messages.success(request, _("Done: %(action)s.") % {"action": dict(Action.choices)[action]})
                return redirect("moderation_queue")
        return self.render_to_response(self.get_context_data(form=form), status=400)


class HistoryView(ModeratorRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "moderation/admin/history.html"
    page_title = gettext_lazy("Moderation history")
    header_icon = "history"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        actions = ModerationAction.objects.select_related("moderator__participant", "subject__participant", "dialogue", "content_type")
        context["actions"] = Paginator(actions, HISTORY_PAGE_SIZE).get_page(self.request.GET.get("p"))
        return context
