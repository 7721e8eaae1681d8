from django.apps import AppConfig


class ExportsConfig(AppConfig):
    """Exporting approved tasks as dataset batches. The batch table (ExportBatch) stays in the
    reviews app's models and migrations: moving it would rename a table for no gain."""

    name = "exports"
    verbose_name = "Exports"
