from django.urls import path

from . import views

app_name = "companion"

urlpatterns = [
    path("", views.chat, name="chat"),
    path("consent/", views.consent, name="consent"),
    path("new/", views.new_conversation, name="new"),
    path("handoff/", views.handoff, name="handoff"),
    path("conversations/<int:conversation_id>/delete/", views.delete, name="delete"),
    path("forget/", views.forget, name="forget"),
]
