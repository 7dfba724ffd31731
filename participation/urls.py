"""Every participation page, for a host's URLconf: `path("", include("participation.urls"))`,
inside `i18n_patterns` or not, before Wagtail's catch-all route. The public API is apart, at
/api/v1/, outside any language prefix (`participation.api.urls`)."""

from django.urls import include, path

urlpatterns = [
    path("accounts/", include("participation.accounts.urls")),
    path("", include("participation.proposals.urls")),
    path("comments/", include("participation.comments.urls")),
    path("moderation/", include("participation.moderation.urls")),
    path("notifications/", include("participation.notifications.urls")),
    path("", include("participation.activity.urls")),
    path("", include("participation.api.open_data_urls")),
    path("", include("participation.events.urls")),
    path("", include("participation.questionnaires.urls")),
    path("", include("participation.polls.urls")),
    path("", include("participation.focusgroups.urls")),
    path("", include("participation.selection.urls")),
]
