from __future__ import annotations

from django.urls import re_path

from sessions.consumers import LiveConsumer

websocket_urlpatterns = [
    re_path(
        r"^ws/live/(?P<code>[A-Z0-9]{6})/(?P<audience>facilitator|participant)/$",
        LiveConsumer.as_asgi(),
    ),
    re_path(
        r"^ws/live/(?P<code>[A-Z0-9]{6})/(?P<audience>screen)/(?P<token>[\w-]{10,80})/$",
        LiveConsumer.as_asgi(),
    ),
]
