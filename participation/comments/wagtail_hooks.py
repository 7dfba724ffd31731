import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet


from .models import Comment

YES_NO = [(True, _("Yes")), (False, _("No"))]


def dialogue_pages(request):
    # Comments only point at pages marked participation_root; list those that have comments.
    return Page.objects.filter(pk__in=Comment.objects.values("dialogue_id")).order_by("title")


class CommentFilterSet(WagtailFilterSet):
    dialogue = django_filters.ModelChoiceFilter(label=_("Dialogue"), queryset=dialogue_pages)
    hidden = django_filters.BooleanFilter(
        label=_("Hidden by moderation"), field_name="hidden_at", lookup_expr="isnull", exclude=True
    )
    deleted = django_filters.BooleanFilter(label=_("Deleted"), field_name="deleted_at", lookup_expr="isnull", exclude=True)

    class Meta:
        model = Comment
        fields = []


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Comments")
    menu_order = 360
    add_to_admin_menu = False
    list_display = ["__str__", "author", "dialogue", "created_at", "hidden_at", "deleted_at"]
    list_per_page = 50
    filterset_class = CommentFilterSet
    search_fields = ["body"]
    # No Wagtail search index for comments: search the body with the database.
    search_backend_name = None
    ordering = ["-created_at"]
    panels = [FieldPanel("body"), FieldPanel("position")]

    def get_queryset(self, request):
        return Comment.objects.select_related("author__participant", "dialogue")


register_snippet(CommentViewSet)
