from django.urls import path

from . import views

app_name = "paging"

urlpatterns = [
    path("", views.paging_settings, name="settings"),
    path("subscribe/", views.subscribe, name="subscribe"),
    path("unsubscribe/", views.unsubscribe, name="unsubscribe"),
    path("sw.js", views.service_worker, name="service_worker"),
]
