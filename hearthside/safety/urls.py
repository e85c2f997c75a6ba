from django.urls import path

from . import views

app_name = "safety"

urlpatterns = [
    path("", views.help_now, name="help"),
    path("plan/", views.plan_view, name="plan"),
    path("plan/sharing/", views.plan_sharing, name="plan_sharing"),
    path("plan/<slug:step>/", views.plan_step, name="plan_step"),
]
