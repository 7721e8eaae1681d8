from django.apps import AppConfig


class ScrubbingConfig(AppConfig):
    name = "scrubbing"
    verbose_name = "Superstar Scrubbing"
