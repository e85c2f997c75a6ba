from django.urls import path

from . import contact_views, views

app_name = "safety"

urlpatterns = [
    path("", views.help_now, name="help"),
    path("offline/", views.device_copy, name="device_copy"),
    path("protocol/", views.protocol_page, name="protocol"),
    path("contact/", contact_views.contact_routes, name="contact"),
    path("contact/<int:route_id>/withdraw/", contact_views.withdraw_route, name="contact_withdraw"),
    path("plan/", views.plan_view, name="plan"),
    path("plan/sharing/", views.plan_sharing, name="plan_sharing"),
    path("plan/<slug:step>/", views.plan_step, name="plan_step"),
]
