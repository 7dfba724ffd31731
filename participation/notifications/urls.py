from django.urls import path

from . import views

app_name = "notifications"
urlpatterns = [
    path("", views.notification_settings, name="settings"),
    path("read/", views.mark_read, name="read"),
    path("follow/<int:content_type_id>/<int:object_id>/", views.toggle_follow, name="toggle_follow"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
