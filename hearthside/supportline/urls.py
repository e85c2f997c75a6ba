from django.urls import path

from . import views

app_name = "supportline"

urlpatterns = [
    path("", views.start, name="start"),
    path("c/<int:conversation_id>/", views.conversation, name="conversation"),
    path("c/<int:conversation_id>/end/", views.end, name="end"),
    path("c/<int:conversation_id>/reply/", views.quick_reply, name="quick_reply"),
    path("c/<int:conversation_id>/leave-message/", views.leave_message, name="leave_message"),
    path("c/<int:conversation_id>/feedback/", views.feedback, name="feedback"),
    path("c/<int:conversation_id>/transcript.txt", views.transcript, name="transcript"),
    path("c/<int:conversation_id>/delete/", views.delete_transcript, name="delete"),
    path("desk/", views.desk, name="desk"),
    path("desk/c/<int:conversation_id>/", views.staff_conversation, name="staff_conversation"),
    path("desk/dashboard/", views.dashboard, name="dashboard"),
]
