"""The admin side: editors create sessions; registrations are listed per session, read-only
(people register and cancel through services, which keep places and the waiting list exact).

Organisers (partners) see only the sessions and registrations of pages they may edit
(organisers.py); per page they export the registrations and message the registrants
(admin_views.py)."""

import django_filters
from django.db.models import Count, Q
from django.urls import path, reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, InspectView, SnippetViewSet, SnippetViewSetGroup

from participation.accounts.models import public_name
from participation.core.http import number_from

from . import admin_views, organisers
from .models import Registration, Session
from .queries import sessions_for


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
        page_id = number_from(self.request.GET.get("page"))
        if page_id is not None:
            initial["page"] = page_id
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
        return organisers.organised_sessions(request.user).select_related("page").annotate(
            confirmed=Count("registrations", filter=Q(registrations__status=Registration.CONFIRMED)),
            waitlisted=Count("registrations", filter=Q(registrations__status=Registration.WAITLISTED)),
        )


class RegistrationFilterSet(WagtailFilterSet):
    session = django_filters.ModelChoiceFilter(
        label=_("Session"), queryset=lambda request: organisers.organised_sessions(request.user).select_related("page")
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Registration.STATUSES)

    class Meta:
        model = Registration
        fields = []


class RegistrationInspectView(InspectView):
    def dispatch(self, request, *args, **kwargs):
        # Only registrations of the gatherings this person organises.
        if not organisers.organised_registrations(request.user).filter(pk=self.object.pk).exists():
            return admin_views.refused(request)
        return super().dispatch(request, *args, **kwargs)

    def get_user_display_value(self):
        return public_name(self.object.user)


class RegistrationViewSet(SnippetViewSet):
    model = Registration
    icon = "group"
    menu_label = _("Registrations")
    filterset_class = RegistrationFilterSet
    # People by their public name: addresses are for those who may see participants (organisers.py).
    list_display = [
        Column("person", label=_("Person"), accessor=lambda registration: public_name(registration.user)),
        "session", "status", "created_at", "promoted_at",
    ]  # fmt: skip
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = RegistrationInspectView
    inspect_view_fields = ["session", "user", "status", "created_at", "promoted_at", "cancelled_at", "consent_at", "answers"]

    @property
    def permission_policy(self):
        return ReadOnlyPermissionPolicy(self.model)

    def get_queryset(self, request):
        return organisers.organised_registrations(request.user).select_related("session__page", "user__participant")


class OrganiserMenuItem(MenuItem):
    def is_shown(self, request):
        return organisers.may_see_registrations(request.user)


class EventsGroup(SnippetViewSetGroup):
    menu_label = _("Gatherings")
    menu_icon = "date"
    menu_order = 260
    items = (SessionViewSet, RegistrationViewSet)

    def get_submenu_items(self):
        by_page = OrganiserMenuItem(_("Export and message"), reverse_lazy("events_organiser_pages"), icon_name="mail", order=3)
        return [*super().get_submenu_items(), by_page]


@hooks.register("register_admin_urls")
def register_organiser_urls():
    return [
        path("gatherings/pages/", admin_views.organised_pages, name="events_organiser_pages"),
        path("gatherings/pages/<int:page_id>/registrations.csv", admin_views.export_registrations, name="events_organiser_export"),
        path("gatherings/pages/<int:page_id>/message/", admin_views.message_registrants, name="events_organiser_message"),
    ]


register_snippet(EventsGroup)


@hooks.register("register_page_header_buttons")
def organiser_page_buttons(page, user, view_name=None, next_url=None):
    """On a gathering's page in the admin, for its organisers: its registrations and a message."""
    if not (organisers.may_see_registrations(user) and sessions_for(page).exists() and organisers.may_organise(user, page)):
        return []
    return [
        PageMenuItem(_("Registrations (CSV)"), reverse("events_organiser_export", args=[page.pk]), "download", 80, page=page),
        PageMenuItem(_("Message registrants"), reverse("events_organiser_message", args=[page.pk]), "mail", 81, page=page),
    ]
