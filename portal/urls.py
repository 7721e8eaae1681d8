from allauth.account.views import LoginView
from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from portal import views as portal_views
from portal.db import rerun_if_connection_lost
from submissions import views as submission_views

urlpatterns = [
    path("", submission_views.home, name="home"),
    path("help/", TemplateView.as_view(template_name="help.html"), name="help"),
    path(
        "accounts/resend-verification/",
        portal_views.resend_verification,
        name="resend_verification",
    ),
    # before allauth's own: a sign-in whose database connection is cut is run again
    path("accounts/login/", rerun_if_connection_lost(LoginView.as_view()), name="account_login"),
    path("accounts/", include("allauth.urls")),
    path("tasks/", include("submissions.urls")),
    path("review/", include("reviews.urls")),
    path("check/", include("scrubbing.urls")),
    path("exports/", include("exports.urls")),
    path("admin/", admin.site.urls),
]

handler403 = "portal.views.permission_denied"
handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
