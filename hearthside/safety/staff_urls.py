from django.urls import path

from . import staff_views

app_name = "safety_staff"

urlpatterns = [
    path("", staff_views.dashboard, name="dashboard"),
    path("alerts/<int:alert_id>/", staff_views.alert_detail, name="alert"),
    path("alerts/<int:alert_id>/action/", staff_views.alert_action, name="alert_action"),
    path("review/", staff_views.review_queue, name="review"),
    path("roster/", staff_views.roster, name="roster"),
    path("reports/", staff_views.reports_page, name="reports"),
]
