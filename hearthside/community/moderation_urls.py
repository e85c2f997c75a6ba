"""Moderation pages, included at staff/community/ (namespace "moderation"); two-factor required."""

from django.urls import path

from .forum import views

app_name = "moderation"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("posts/<int:post_id>/", views.item, name="item"),
    path("posts/<int:post_id>/reveal/", views.reveal, name="reveal"),
    path("chat/<int:message_id>/", views.chat_item, name="chat_item"),
]
