from django.urls import path

from . import views

app_name = "proposals"
urlpatterns = [
    path("dialogues/<int:dialogue_id>/proposals/", views.proposal_list, name="list"),
    path("dialogues/<int:dialogue_id>/proposals/new/", views.proposal_create, name="create"),
    path("dialogues/<int:dialogue_id>/proposals/similar/", views.proposal_similar, name="similar"),
    # Permanent addresses: a proposal keeps its URL whatever happens to its title.
    path("proposals/<int:pk>/", views.proposal_detail, name="detail"),
    path("proposals/<int:pk>/edit/", views.proposal_edit, name="edit"),
    path("proposals/<int:pk>/withdraw/", views.proposal_withdraw, name="withdraw"),
    path("proposals/<int:pk>/support/", views.proposal_support, name="support"),
    path("proposals/<int:pk>/support/withdraw/", views.proposal_unsupport, name="unsupport"),
]
