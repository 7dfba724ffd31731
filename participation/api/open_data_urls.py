from django.urls import path

from . import views

app_name = "open_data"
urlpatterns = [
    path("open-data/", views.index, name="index"),
    path("open-data/dialogues/<int:dialogue_id>/proposals.csv", views.proposals_csv, name="proposals"),
    path("open-data/dialogues/<int:dialogue_id>/comments.csv", views.comments_csv, name="comments"),
    path("open-data/dialogues/<int:dialogue_id>/counts.csv", views.counts_csv, name="counts"),
    path("open-data/questionnaires/<int:questionnaire_id>/responses.csv", views.questionnaire_responses_csv, name="questionnaire_responses"),
    path("open-data/questionnaires/<int:questionnaire_id>/aggregates.csv", views.questionnaire_aggregates_csv, name="questionnaire_aggregates"),
    path("open-data/gatherings/registrations.csv", views.registrations_csv, name="registrations"),
]
