from django.urls import path

from . import views

app_name = "friends"

urlpatterns = [
    path("", views.home, name="home"),
    path("profile/", views.save_profile, name="save_profile"),
    path("profile/discoverable/", views.discoverable, name="discoverable"),
    path("peers/<int:profile_id>/request/", views.request_connection, name="request"),
    path("connections/<int:connection_id>/respond/", views.respond, name="respond"),
    path("chat/<int:connection_id>/", views.chat, name="chat"),
    path("connections/<int:connection_id>/end/", views.end, name="end"),
    path("connections/<int:connection_id>/block/", views.block, name="block"),
    path("connections/<int:connection_id>/messages/<int:seq>/report/", views.report_message, name="report_message"),
    path("connections/<int:connection_id>/circle/", views.invite_to_circle, name="invite_circle"),
    path("circle/<int:circle_id>/answer/", views.answer_circle, name="answer_circle"),
    path("circle/<int:circle_id>/plan/", views.circle_plan, name="circle_plan"),
    path("circle/<int:circle_id>/leave/", views.leave_circle, name="leave_circle"),
    path("reach-out/", views.reach_out, name="reach_out"),
    path("reach-outs/", views.reach_outs, name="reach_outs"),
    path("reach-outs/<int:delivery_id>/reply/", views.reply_reach_out, name="reply_reach_out"),
    path("strategies/", views.strategies, name="strategies"),
    path("strategies/<int:strategy_id>/<str:what>/", views.strategy_action, name="strategy_action"),
    path("moderation/", views.moderation, name="moderation"),
    path("moderation/reports/<int:report_id>/", views.moderation_report, name="moderation_report"),
    path("moderation/held/<int:connection_id>/", views.moderation_held, name="moderation_held"),
]
