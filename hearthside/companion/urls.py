from django.urls import path

from . import views

app_name = "companion"

urlpatterns = [
    path("", views.chat, name="chat"),
]
