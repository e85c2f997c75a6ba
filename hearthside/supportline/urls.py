from django.urls import path

from . import views

app_name = "supportline"

urlpatterns = [
    path("", views.start, name="start"),
]
