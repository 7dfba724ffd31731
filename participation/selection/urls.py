"""Public pages (inside the language prefix, through participation.urls)."""

from django.urls import path

from . import views

app_name = "selection"
urlpatterns = [
    path("selections/<int:page_id>/", views.transparency, name="transparency"),
    path("selections/<int:page_id>/runs/<int:run>/bundle.zip", views.bundle_zip, name="bundle"),
    path("selections/<int:page_id>/answer/", views.answer, name="answer"),
]
