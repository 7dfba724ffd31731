"""The sessions of a gathering page, listed in its editor.

Sessions are edited in participation's Sessions snippets, not inline: they are the same in every
language and hang on the default-locale page, so a translation's editor only links to them."""

from urllib.parse import urlencode

from django.urls import reverse
from wagtail.admin.panels import Panel

from participation.core.pages import canonical_page
from participation.events.models import Session
from participation.events.queries import sessions_for
from participation.events.times import when


class SessionsPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "content/admin/sessions_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            if page.pk is None:
                return context  # a new page: sessions come once it is saved
            viewset = Session.snippet_viewset
            canonical = canonical_page(page)
            context["translation"] = canonical.pk != page.pk
            context["canonical"] = canonical
            context["sessions"] = [
                (session, when(session).text, reverse(viewset.get_url_name("edit"), args=[session.pk]))
                for session in sessions_for(page)
            ]
            context["add_url"] = f"{reverse(viewset.get_url_name('add'))}?{urlencode({'page': canonical.pk})}"
            context["may_add"] = viewset.permission_policy.user_has_permission(self.request.user, "add")
            return context
