from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from participation.core.dialogues import dialogue_for

from .queries import dialogue_statistics


def statistics(request):
    """Per-dialogue figures for editors: contributions, supports, participants, moderation."""
    default = Locale.get_default()
    rows = []
    candidates = Page.objects.filter(locale=default).exclude(depth=1).specific()
    for page in candidates:
        if getattr(page, "participation_root", False) and dialogue_for(page) is page:
            ids = list(Page.objects.filter(translation_key=page.translation_key).values_list("pk", flat=True))
            rows.append({"dialogue": page, "stats": dialogue_statistics(ids)})
    return TemplateResponse(
        request, "activity/admin/statistics.html", {"rows": rows, "page_title": _("Participation statistics")}
    )
