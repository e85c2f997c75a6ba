"""Forum pages, included at groups/<slug:slug>/forum/ (namespace "forum")."""

from django.urls import path

from . import views

app_name = "forum"

urlpatterns = [
    path("", views.index, name="index"),
    path("search/", views.search, name="search"),
    path("content-warnings/", views.content_warnings, name="content_warnings"),
    path("t/<int:thread_id>/", views.thread, name="thread"),
    path("p/<int:post_id>/edit/", views.edit, name="edit"),
    path("p/<int:post_id>/cancel/", views.cancel, name="cancel"),
    path("p/<int:post_id>/react/", views.react, name="react"),
    path("p/<int:post_id>/report/", views.report, name="report"),
]
