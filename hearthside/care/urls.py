from django.urls import path

from . import views

app_name = "care"

urlpatterns = [
    path("", views.home, name="home"),
    path("practitioners/", views.directory, name="directory"),
    path("match/", views.match, name="match"),
    path("practitioners/<int:profile_id>/", views.practitioner, name="practitioner"),
    path("practitioners/<int:profile_id>/choose/", views.choose, name="choose"),
    path("practitioners/<int:profile_id>/book/", views.book, name="book"),
    path("appointments/", views.appointments, name="appointments"),
    path("appointments/<int:appointment_id>/cancel/", views.cancel, name="cancel"),
    path("calendar/", views.calendar, name="calendar"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("practice/", views.practice, name="practice"),
    path("verify/", views.verify, name="verify"),

    path("messages/", views.messages_list, name="messages"),
    path("messages/<int:relationship_id>/", views.conversation_page, name="conversation"),
    path("clients/<int:relationship_id>/", views.client, name="client"),
    path("clients/<int:relationship_id>/journal/<int:entry_id>/", views.client_journal_entry, name="client_entry"),
    path("who-looked/", views.access_log, name="access_log"),
    path("appointments/<int:appointment_id>/room/", views.room, name="room"),
    path("appointments/<int:appointment_id>/review/", views.review, name="review"),
]
