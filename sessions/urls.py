from __future__ import annotations

from django.urls import include, path

from sessions import views, views_document

facilitator_patterns = [
    path("", views.facilitator_home, name="home"),
    path("traject/<int:pk>/", views.traject_detail, name="traject"),
    path("traject/<int:pk>/open/", views.open_live, name="open"),
    path("live/<str:code>/", views.console, name="console"),
    path("traject/<int:pk>/document/", views_document.preview, name="document"),
    path(
        "traject/<int:pk>/document.<str:extension>",
        views_document.download,
        name="document_file",
    ),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("j/<str:code>/", views.join, name="join"),
    path("j/<str:code>/claim/", views.claim_status, name="claim_status"),
    path("j/<str:code>/live/", views.phone, name="phone"),
    path(
        "j/<str:code>/document.<str:extension>",
        views_document.participant_download,
        name="participant_document",
    ),
    path("scherm/<str:code>/<str:token>/", views.screen, name="screen"),
    path("inloggen/link/<str:token>/", views.login_link, name="login_link"),
    path("begeleider/", include((facilitator_patterns, "facilitator"))),
]
