from django.urls import path

from . import views

app_name = "community"

urlpatterns = [
    path("", views.group_list, name="groups"),
    path("muted/", views.blocks, name="blocks"),
    path("<slug:slug>/", views.group_detail, name="group"),
    path("<slug:slug>/join/", views.join, name="join"),
    path("<slug:slug>/leave/", views.leave, name="leave"),
    path("<slug:slug>/meetings/", views.meeting_list, name="meetings"),
    path("<slug:slug>/meetings/<int:meeting_id>/", views.meeting_detail, name="meeting"),
]
