from django.urls import path

from . import views

app_name = "scrubbing"
urlpatterns = [
    path("files/<int:pk>/", views.file_check, name="file_check"),
    path("files/<int:pk>/preview/", views.file_preview, name="file_preview"),
    path("findings/<int:pk>/keep/", views.finding_keep, name="finding_keep"),
    path("findings/<int:pk>/redact/", views.leftover_redact, name="leftover_redact"),
    path(
        "files/<int:pk>/redact-leftovers/", views.leftovers_redact_all, name="leftovers_redact_all"
    ),
    path("tasks/<int:pk>/terms/", views.terms_add, name="terms_add"),
]
