from django.urls import path

from . import export_views

app_name = "exports"
urlpatterns = [
    path("", export_views.export_page, name="page"),
    path("stats/", export_views.stats_page, name="stats"),
    path("<int:pk>/progress/", export_views.export_progress, name="progress"),
    path("<int:pk>/rerun/", export_views.export_rerun, name="rerun"),
    path("<int:pk>/download/", export_views.export_download, name="download"),
]
