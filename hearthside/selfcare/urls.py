from django.urls import path

from . import views

app_name = "selfcare"

urlpatterns = [
    path("", views.home, name="home"),
    path("checkin/", views.checkin, name="checkin"),
    path("offline/", views.offline, name="offline"),
    path("checkins/", views.checkin_list, name="checkins"),
    path("checkins/<int:checkin_id>/", views.checkin, name="checkin_edit"),
    path("checkins/<int:checkin_id>/delete/", views.checkin_delete, name="checkin_delete"),
    path("insights/", views.insights_view, name="insights"),
    path("journal/", views.journal_list, name="journal"),
    path("journal/new/", views.journal_edit, name="journal_new"),
    path("journal/<int:entry_id>/", views.journal_edit, name="journal_edit"),
    path("journal/<int:entry_id>/delete/", views.journal_delete, name="journal_delete"),
    path("questionnaires/", views.questionnaire_list, name="questionnaires"),
    path("questionnaires/<slug:slug>/", views.questionnaire_take, name="questionnaire"),
    path("responses/<int:response_id>/", views.response_detail, name="response"),
    path("reminders/", views.reminders, name="reminders"),
    path("notifications/read/", views.notifications_read, name="notifications_read"),
    path("exercises/", views.exercise_list, name="exercises"),
    path("exercises/<slug:slug>/", views.exercise_start, name="exercise"),
    path("exercise-sessions/<int:session_id>/", views.exercise_session, name="exercise_session"),
    path("immersive/self-compassion/", views.immersive_exercise, name="immersive"),
    path("sharing/", views.sharing, name="sharing"),
    path("library/", views.article_list, name="library"),
    path("library/<slug:slug>/", views.article_detail, name="article"),
]
