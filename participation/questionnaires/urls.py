"""Answering pages (inside the language prefix, through participation.urls)."""

from django.urls import path

from . import views

app_name = "questionnaires"
urlpatterns = [
    path("questionnaires/<int:questionnaire_id>/", views.answer, name="answer"),
    path("questionnaires/<int:questionnaire_id>/paper/", views.paper, name="paper"),
    path("questionnaires/<int:questionnaire_id>/report/<slug:language>.<slug:extension>", views.report, name="report"),
]
