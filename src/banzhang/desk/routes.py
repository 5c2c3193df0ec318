"""The desk's addresses (named ``desk:…``)."""

from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import path

from banzhang.desk import api, pages, views

app_name = "desk"

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", auth_views.LoginView.as_view(template_name="desk/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("submissions/", views.submissions, name="submissions"),
    path("submissions/new/", views.hand_in, name="hand_in"),
    path("submissions/<int:pk>/", views.submission, name="submission"),
    path("submissions/<int:pk>/review/", views.review, name="review"),
    path("submissions/<int:pk>/marked.xlsx", views.marked, name="marked"),
    path("submissions/<int:pk>/findings.xlsx", views.findings_workbook, name="findings"),
    path(
        "submissions/<int:pk>/converted.<str:extension>",
        views.converted,
        name="converted",
    ),
    path("adjust/", views.adjust, name="adjust"),
    path("retired/", views.retired, name="retired"),
    path("codes/<str:basic_code>/", views.code, name="code"),
    path("overview/", pages.overview, name="overview"),
    path("departments/<int:pk>/", pages.department, name="department"),
    path("tokens/", pages.tokens, name="tokens"),
    path("reports/", pages.cross_reports, name="reports"),
    path("api/submissions/", api.submissions, name="api_submissions"),
    path("api/submissions/<int:pk>/", api.submission, name="api_submission"),
]
