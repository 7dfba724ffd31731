"""The admin side: editors find proposals, answer them, define states and dialogue settings.

Official answers are snippets so partners translate them with wagtail-localize ("Translate" in
the Official answers list); the answer itself is written from the proposal's edit page, which
goes through services.answer_proposal (state, text, signal)."""

import re

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Q
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.models import Locale, Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, EditView, IndexView, SnippetViewSet, SnippetViewSetGroup

from participation.core.permissions import InstancePermissionMixin, LocalePermissionPolicy

from .forms import ProposalAnswerAdminForm
from .models import DialogueSettings, Proposal, ProposalAnswer, ProposalState


class NoAddMixin:
    """Citizens write proposals (and the answer form writes answers): the admin never adds them."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)


class NoAddPermissionPolicy(NoAddMixin, ModelPermissionPolicy):
    pass


class AnswerPermissionPolicy(NoAddMixin, LocalePermissionPolicy):
    """A partner's translators change their locale's translation only (GroupLocale), never the
    source an editor wrote, which the public page shows under the editor's name."""


class AnswerEditView(InstancePermissionMixin, EditView):
    pass


class StateDeleteView(DeleteView):
    """Built-in states stay: they are what "accepted" and "rejected" mean everywhere."""

    def get_object(self, queryset=None):
        state = super().get_object(queryset)
        if state.is_builtin:
            raise PermissionDenied(_("Built-in states cannot be deleted."))
        return state


def dialogues_with_proposals(request):
    return Page.objects.filter(pk__in=Proposal.objects.values("dialogue_id")).order_by("title")


def default_locale_states(request):
    return ProposalState.objects.filter(locale=Locale.get_default())


class ProposalFilterSet(WagtailFilterSet):
    dialogue = django_filters.ModelChoiceFilter(label=_("Dialogue"), queryset=dialogues_with_proposals)
    state = django_filters.ModelChoiceFilter(label=_("State"), queryset=default_locale_states)
    answered = django_filters.BooleanFilter(label=_("Answered"), field_name="answered_at", lookup_expr="isnull", exclude=True)
    withdrawn = django_filters.BooleanFilter(label=_("Withdrawn"), field_name="withdrawn_at", lookup_expr="isnull", exclude=True)
    hidden = django_filters.BooleanFilter(label=_("Hidden by moderation"), field_name="hidden_at", lookup_expr="isnull", exclude=True)

    class Meta:
        model = Proposal
        fields = []


class ProposalIndexView(IndexView):
    def search_queryset(self, queryset):
        """Titles, and references typed as "DLG-PROP-42", "PROP-42" or "42"."""
        if not self.is_searching:
            return queryset
        query = self.search_query.strip()
        condition = Q(title__icontains=query)
        reference = re.fullmatch(r"(?:[\w-]*PROP-)?(\d+)", query, flags=re.IGNORECASE)
        if reference:
            condition |= Q(pk=int(reference.group(1)))
        return queryset.filter(condition)


class ProposalViewSet(SnippetViewSet):
    model = Proposal
    icon = "pick"
    menu_label = _("Proposals")
    index_view_class = ProposalIndexView
    filterset_class = ProposalFilterSet
    search_fields = ["title"]
    list_display = [
        "title",
        Column("reference", label=_("Reference")),
        "dialogue",
        "state",
        "support_count",
        "comment_count",
        "created_at",
    ]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["title", "body", "dialogue", "topic", "language", "state", "support_count", "comment_count", "created_at", "withdrawn_at", "hidden_at"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("title", read_only=True),
                    FieldPanel("body", read_only=True),
                    FieldPanel("dialogue", read_only=True),
                    FieldPanel("topic", read_only=True),
                    FieldPanel("language", read_only=True),
                ],
                heading=_("The proposal"),
            ),
            MultiFieldPanel([FieldPanel("state"), FieldPanel("answer_text")], heading=_("Official answer")),
        ],
        base_form_class=ProposalAnswerAdminForm,
    )

    @property
    def permission_policy(self):
        return NoAddPermissionPolicy(self.model)

    def get_queryset(self, request):
        return Proposal.objects.select_related("dialogue", "state").with_reference_prefix()


class ProposalAnswerViewSet(SnippetViewSet):
    model = ProposalAnswer
    icon = "doc-full"
    menu_label = _("Official answers")
    # The first column links to the edit view and carries the Translate button.
    list_display = [
        "__str__",
        Column("excerpt", label=_("Text"), accessor=lambda answer: Truncator(answer.text).words(20)),
    ]
    copy_view_enabled = False
    edit_view_class = AnswerEditView
    panels = [FieldPanel("proposal", read_only=True), FieldPanel("text")]

    @property
    def permission_policy(self):
        return AnswerPermissionPolicy(self.model)

    def get_queryset(self, request):
        allowed = self.permission_policy.instances_user_has_any_permission_for(request.user, ["view", "change"])
        return ProposalAnswer.objects.filter(pk__in=allowed.values("pk")).select_related("proposal", "locale").annotate(
            reference_prefix_value=Proposal.objects.with_reference_prefix()
            .filter(pk=OuterRef("proposal_id"))
            .values("reference_prefix_value")[:1]
        )


class ProposalStateViewSet(SnippetViewSet):
    model = ProposalState
    icon = "tag"
    menu_label = _("Proposal states")
    list_display = ["name", "kind"]
    panels = [FieldPanel("name"), FieldPanel("kind")]
    copy_view_enabled = False
    delete_view_class = StateDeleteView


class DialogueSettingsViewSet(SnippetViewSet):
    model = DialogueSettings
    icon = "cogs"
    menu_label = _("Dialogue settings")
    list_display = ["dialogue", "support_limit", "support_threshold", "reference_prefix"]
    copy_view_enabled = False
    panels = [
        FieldPanel("dialogue"),
        FieldPanel("proposals_open_phases"),
        FieldPanel("supports_open_phases"),
        FieldPanel("support_limit"),
        FieldPanel("support_threshold"),
        FieldPanel("reference_prefix"),
    ]


class ProposalsGroup(SnippetViewSetGroup):
    menu_label = _("Proposals")
    menu_icon = "pick"
    menu_order = 250
    items = (ProposalViewSet, ProposalAnswerViewSet, ProposalStateViewSet, DialogueSettingsViewSet)


register_snippet(ProposalsGroup)
