"""The admin side: editors create sessions; registrations are listed per session, read-only
(people register and cancel through services, which keep places and the waiting list exact)."""

import django_filters
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet, SnippetViewSetGroup

from .models import Registration, Session


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Viewing only: no add, change or delete, whatever the person's model permissions."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and super().user_has_permission(user, "view")


class SessionCreateView(CreateView):
    """`?page=<id>` chooses the page in advance: a gathering page's editor links here."""

    def get_initial(self):
        initial = super().get_initial()
        page_id = self.request.GET.get("page", "")
        if page_id.isdigit():
            initial["page"] = int(page_id)
        return initial


class SessionViewSet(SnippetViewSet):
    model = Session
    add_view_class = SessionCreateView
    icon = "date"
    menu_label = _("Sessions")
    list_display = [
        "__str__",
        "mode",
        "capacity",
        Column("confirmed", label=_("Confirmed")),
        Column("waitlisted", label=_("Waiting")),
        "cancelled_at",
    ]
    list_filter = ["mode"]
    copy_view_enabled = True
    panels = [
        FieldPanel("page"),
        FieldPanel("title"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]), FieldPanel("time_zone")],
            heading=_("When (entered in your admin time zone, stored in UTC)"),
        ),
        MultiFieldPanel(
            [FieldPanel("capacity"), FieldRowPanel([FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")])],
            heading=_("Registration"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("mode"),
                FieldPanel("join_url"),
                FieldRowPanel([FieldPanel("meeting_id"), FieldPanel("passcode")]),
                FieldPanel("address"),
                FieldPanel("address_is_private"),
                FieldPanel("access_opens_minutes"),
            ],
            heading=_("Access details"),
        ),
        FieldPanel("cancelled_at"),
    ]

    def get_queryset(self, request):
        return Session.objects.select_related("page").annotate(
            confirmed=Count("registrations", filter=Q(registrations__status=Registration.CONFIRMED)),
            waitlisted=Count("registrations", filter=Q(registrations__status=Registration.WAITLISTED)),
        )


class RegistrationFilterSet(WagtailFilterSet):
    session = django_filters.ModelChoiceFilter(label=_("Session"), queryset=lambda request: Session.objects.select_related("page"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Registration.STATUSES)

    class Meta:
        model = Registration
        fields = []


class RegistrationViewSet(SnippetViewSet):
    model = Registration
    icon = "group"
    menu_label = _("Registrations")
    filterset_class = RegistrationFilterSet
    list_display = [Column("person", label=_("Person"), accessor="user"), "session", "status", "created_at", "promoted_at"]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["session", "user", "status", "created_at", "promoted_at", "cancelled_at", "consent_at", "answers"]

    @property
    def permission_policy(self):
        return ReadOnlyPermissionPolicy(self.model)

    def get_queryset(self, request):
        return Registration.objects.select_related("session__page", "user")


class EventsGroup(SnippetViewSetGroup):
    menu_label = _("Gatherings")
    menu_icon = "date"
    menu_order = 260
    items = (SessionViewSet, RegistrationViewSet)


register_snippet(EventsGroup)
