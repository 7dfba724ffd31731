"""The admin side: editors build a questionnaire as one snippet, sections, questions and options
nested inline; translators translate it with wagtail-localize like a page."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.panels.base import get_form_for_model
from wagtail.snippets.models import register_snippet
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from participation.core.permissions import InstancePermissionMixin, LocaleLimitedViewSetMixin

from . import admin_views
from .models import Option, Question, Questionnaire
from .rules import can


class QuestionForm(WagtailAdminModelForm):
    """"Show only if" offers the options of this questionnaire's other questions, not every
    option of the site (Question.clean then checks the question comes earlier)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        section = self.instance.section if self.instance.section_id else None
        self.fields["show_if_option"].queryset = (
            Option.objects.filter(question__section__questionnaire_id=section.questionnaire_id if section else None)
            .exclude(question_id=self.instance.pk)
            .select_related("question")
            .order_by("question__section__sort_order", "question__sort_order", "sort_order")
        )


class QuestionsPanel(InlinePanel):
    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["form"] = get_form_for_model(Question, form_class=QuestionForm)
        return options

OPTION_PANELS = [FieldPanel("label")]

QUESTION_PANELS = [
    FieldPanel("text"),
    FieldPanel("help_text"),
    FieldRowPanel([FieldPanel("kind"), FieldPanel("required")]),
    FieldPanel("max_choices"),
    FieldRowPanel([FieldPanel("scale_min"), FieldPanel("scale_max")], heading=_("Scale")),
    FieldRowPanel([FieldPanel("min_label"), FieldPanel("max_label")]),
    FieldRowPanel([FieldPanel("number_min"), FieldPanel("number_max")], heading=_("Number")),
    FieldPanel("show_if_option"),
    InlinePanel("options", heading=_("Options (matrix: rows)"), label=_("Option"), panels=OPTION_PANELS),
]

SECTION_PANELS = [
    FieldPanel("title"),
    FieldPanel("intro"),
    QuestionsPanel("questions", heading=_("Questions"), label=_("Question"), panels=QUESTION_PANELS),
]


class QuestionnaireEditView(InstancePermissionMixin, EditView):
    pass


class QuestionnaireViewSet(LocaleLimitedViewSetMixin, SnippetViewSet):
    """Editors build questionnaires; partners' translators translate their language's copy."""

    model = Questionnaire
    edit_view_class = QuestionnaireEditView
    icon = "form"
    menu_label = _("Questionnaires")
    menu_order = 270
    add_to_admin_menu = True
    list_display = ["title", "dialogue", "opens_at", "closes_at"]
    panels = [
        FieldPanel("title"),
        FieldPanel("intro"),
        FieldPanel("dialogue"),
        FieldPanel("session"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        MultiFieldPanel(
            [FieldPanel("results_published"), FieldPanel("global_figure"), FieldPanel("method")], heading=_("Results"),
        ),
        MultiFieldPanel([InlinePanel("sections", label=_("Section"), panels=SECTION_PANELS)], heading=_("Sections")),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("dialogue", "locale")


register_snippet(QuestionnaireViewSet)


@hooks.register("register_admin_urls")
def register_admin_urls():
    # Wagtail wraps these in its admin-access check; the views check who may use them.
    return [
        path("questionnaires/texts/", admin_views.QuestionnairesView.as_view(), name="questionnaires_texts"),
        path("questionnaires/texts/<int:questionnaire_id>/", admin_views.TextsView.as_view(), name="questionnaires_texts_of"),
        path("questionnaires/<int:questionnaire_id>/report/", admin_views.ReportView.as_view(), name="questionnaire_report"),
    ]


class TextsMenuItem(MenuItem):
    def is_shown(self, request):
        return can(request.user, "moderate_texts")


@hooks.register("register_admin_menu_item")
def register_text_moderation_menu_item():
    return TextsMenuItem(_("Free-text answers"), reverse("questionnaires_texts"), name="questionnaire-texts", icon_name="form", order=355)


@hooks.register("register_snippet_listing_buttons")
def report_button(snippet, user, next_url=None):
    if isinstance(snippet, Questionnaire) and admin_views.builds_reports(user, snippet):
        yield Button(_("Build the report"), url=reverse("questionnaire_report", args=[snippet.pk]), icon_name="doc-full", priority=60)
