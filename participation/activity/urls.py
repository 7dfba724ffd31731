from django.urls import path

from . import views

app_name = "activity"
urlpatterns = [
    path("dialogues/<int:dialogue_id>/activity/", views.activity, name="activity"),
    path("dialogues/<int:dialogue_id>/activity/feed/", views.ActivityFeed(), name="feed"),
]
