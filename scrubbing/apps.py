from django.apps import AppConfig


class ScrubbingConfig(AppConfig):
    name = "scrubbing"
    verbose_name = "Superstar Scrubbing"

    def ready(self) -> None:
        from . import tasks  # noqa: F401 - registers the jobs that scrubbing/jobs.py sends by name
        from .scrubber import configure_engine

        configure_engine()  # the engine reads no environment: its settings, once per process
