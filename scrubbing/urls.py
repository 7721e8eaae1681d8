from django.urls import path

from . import views

app_name = "scrubbing"
urlpatterns = [
    path("files/<int:pk>/", views.file_check, name="file_check"),
    path("files/<int:pk>/preview/", views.file_preview, name="file_preview"),
    path("files/<int:pk>/pages/", views.file_pages, name="file_pages"),
    path("pages/<int:pk>/", views.preview_image, name="preview_image"),
    path("tasks/<int:pk>/", views.task_check, name="task_check"),
    path("tasks/<int:pk>/decide/", views.findings_decide, name="findings_decide"),
    path("tasks/<int:pk>/undo/", views.findings_undo, name="findings_undo"),
    path("findings/<int:pk>/keep/", views.finding_keep, name="finding_keep"),
    path("findings/<int:pk>/redact/", views.leftover_redact, name="leftover_redact"),
    path(
        "files/<int:pk>/redact-leftovers/", views.leftovers_redact_all, name="leftovers_redact_all"
    ),
    path("tasks/<int:pk>/terms/", views.terms_add, name="terms_add"),
]
