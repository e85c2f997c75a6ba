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
]

# Filled in by the messaging, sharing and session-room slices.
urlpatterns += [
    path("messages/", views.home, name="messages"),
    path("messages/<int:relationship_id>/", views.home, name="conversation"),
    path("clients/<int:relationship_id>/", views.home, name="client"),
    path("who-looked/", views.home, name="access_log"),
    path("appointments/<int:appointment_id>/room/", views.home, name="room"),
]
