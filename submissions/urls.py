from django.urls import path

from . import views

app_name = "submissions"
urlpatterns = [
    path("", views.task_list, name="task_list"),
    path("new/", views.task_create, name="task_create"),
    path("uploads/", views.stage_upload, name="stage_upload"),
    path("autosave/", views.autosave, name="autosave"),
    path("autosave/discard/", views.autosave_discard, name="autosave_discard"),
    path("session/", views.session_state, name="session_state"),
    path("<int:pk>/", views.task_detail, name="task_detail"),
    path("<int:pk>/edit/", views.task_edit, name="task_edit"),
    path("<int:pk>/files/", views.task_file_states, name="task_file_states"),
    path("<int:pk>/submit-scrub/", views.task_submit_scrub, name="task_submit_scrub"),
    path("<int:pk>/rescrub/", views.task_rescrub, name="task_rescrub"),
    path("<int:pk>/submit-review/", views.task_submit_review, name="task_submit_review"),
    path("<int:pk>/reopen/", views.task_reopen, name="task_reopen"),
    path("<int:pk>/delete/", views.task_delete, name="task_delete"),
    path("files/<int:pk>/remove/", views.file_remove, name="file_remove"),
    path("files/<int:pk>/replace/", views.file_replace, name="file_replace"),
    path("files/<int:pk>/original/", views.file_download_original, name="file_original"),
    path("files/<int:pk>/scrubbed/", views.file_download_scrubbed, name="file_scrubbed"),
]
