from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.admin.auth import permission_denied
from wagtail.models import Locale, Page

from participation.core.dialogues import dialogue_for
from participation.core.visibility import viewer_of

from .queries import dialogue_statistics

PERMISSION = "participation_activity.view_statistics"


def can_view_statistics(user):
    return user.has_perm(PERMISSION)


def statistics(request):
    """Per-dialogue figures for editors and moderators: contributions, supports, participants,
    moderation. Only dialogues the viewer may see: a draft or private dialogue, or a translation
    of it, counts nowhere here."""
    if not can_view_statistics(request.user):
        return permission_denied(request)
    default = Locale.get_default()
    rows = []
    candidates = Page.objects.live().filter(locale=default).exclude(depth=1).specific()
    for page in candidates:
        if getattr(page, "participation_root", False) and dialogue_for(page) is page and viewer_of(request).sees_page(page):
            translations = Page.objects.live().filter(translation_key=page.translation_key)
            ids = [translation.pk for translation in translations if viewer_of(request).sees_page(translation)]
            rows.append({"dialogue": page, "stats": dialogue_statistics(ids)})
    return TemplateResponse(
        request, "activity/admin/statistics.html", {"rows": rows, "page_title": _("Participation statistics")}
    )
