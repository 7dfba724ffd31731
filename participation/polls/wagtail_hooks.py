"""Editors write polls as snippets (translated with wagtail-localize like any snippet) and place
them in pages with the poll block."""

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from participation.core.permissions import InstancePermissionMixin, LocaleLimitedViewSetMixin

from .models import Poll, Vote


class PollEditView(InstancePermissionMixin, EditView):
    pass


class PollViewSet(LocaleLimitedViewSetMixin, SnippetViewSet):
    """Partners' translators translate their language's copy of a poll."""

    model = Poll
    edit_view_class = PollEditView
    icon = "list-ul"
    menu_label = _("Polls")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["question", "kind", "opens_at", "closes_at", Column("vote_count", label=_("Votes"))]
    list_filter = ["kind"]
    panels = [
        FieldPanel("question"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("max_choices")]),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldPanel("results"),
        MultiFieldPanel([InlinePanel("choices", min_num=2, label=_("Choice"))], heading=_("Choices")),
    ]

    def get_queryset(self, request):
        # Votes are stored on the canonical poll: every translation shows the same count.
        votes = (
            Vote.objects.filter(poll__translation_key=OuterRef("translation_key"))
            .order_by()
            .values("poll__translation_key")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return super().get_queryset(request).select_related("locale").annotate(vote_count=Coalesce(Subquery(votes), 0))


register_snippet(PollViewSet)
