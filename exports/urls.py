from django.urls import path

from . import views

app_name = "exports"
urlpatterns = [
    path("", views.export_page, name="page"),
    path("stats/", views.stats_page, name="stats"),
    path("<int:pk>/progress/", views.export_progress, name="progress"),
    path("<int:pk>/rerun/", views.export_rerun, name="rerun"),
    path("<int:pk>/download/", views.export_download, name="download"),
]
