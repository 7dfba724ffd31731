"""Participants in the Wagtail admin: whoever manages people can correct a nickname (an
offensive one, say) or a language, whatever the host's user model and user admin are."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .forms import NICKNAME_HELP, nickname_refusal
from .models import Person
from .validators import normalise_nickname, validate_nickname


class PersonAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nickname"].help_text = NICKNAME_HELP

    def clean_nickname(self):
        nickname = normalise_nickname(self.cleaned_data.get("nickname"))
        if not nickname:
            return None
        validate_nickname(nickname)
        if refusal := nickname_refusal(nickname, exclude=self.instance if self.instance.pk else None):
            raise refusal
        return nickname


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("Participants")
    add_to_admin_menu = False
    list_display = ["__str__", "user", "language", "email_confirmed_at", "deleted_at"]
    list_per_page = 50
    search_fields = ["nickname"]
    search_backend_name = None
    ordering = ["-created_at"]
    edit_handler = ObjectList(
        [FieldPanel("nickname"), FieldPanel("full_name"), FieldPanel("language")], base_form_class=PersonAdminForm
    )

    def get_queryset(self, request):
        return Person.objects.select_related("user")


register_snippet(PersonViewSet)
