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
    path("tasks/<int:pk>/skip/", views.skip, name="skip"),
    path("tasks/<int:pk>/comments/", views.comment_add, name="comment_add"),
    path("comments/<int:pk>/delete/", views.comment_delete, name="comment_delete"),
    path("done/", views.done_by_me, name="done"),
    path("files/<int:pk>/download/", views.file_download, name="file_download"),
    path("files/<int:pk>/pages/", views.file_pages, name="file_pages"),
    path("pages/<int:pk>/", views.preview_image, name="preview_image"),
]
