from django.urls import path

from . import views

app_name = "reviews"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("next/", views.claim_next, name="claim_next"),
    path("tasks/<int:pk>/", views.review, name="review"),
    path("tasks/<int:pk>/claim/", views.claim, name="claim"),
    path("tasks/<int:pk>/release/", views.release, name="release"),
    path("tasks/<int:pk>/takeover/", views.takeover, name="takeover"),
    path("tasks/<int:pk>/decide/", views.decide, name="decide"),
    path("files/<int:pk>/download/", views.file_download, name="file_download"),
]
