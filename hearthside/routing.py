"""Websocket routes: one socket per browser tab carries a person's events and their groups' chat."""

from django.urls import path

from hearthside.community.consumers import RealtimeConsumer

websocket_urlpatterns = [
    path("ws/events/", RealtimeConsumer.as_asgi()),
]
