from celery import Celery
from celery.signals import celeryd_init, worker_process_init

from portal.settings import select_module

select_module()

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@celeryd_init.connect
def _tune_for_queues(conf=None, options=None, **_kwargs) -> None:
    """A worker's concurrency and prefetch follow the queues it consumes (portal/queues.py);
    an explicit --concurrency / --prefetch-multiplier on the command line still wins."""
    from portal.queues import worker_tuning

    conf.worker_concurrency, conf.worker_prefetch_multiplier = worker_tuning(
        (options or {}).get("queues")
    )


def apply_memory_cap(headroom_kb: int | None = None) -> int | None:
    """Hard per-process memory cap (RLIMIT_AS): the address space may grow by at most
    `headroom_kb` (default SCRUB_MEMORY_CAP_KB) beyond what the process holds now.

    A decompression bomb or runaway parser then gets MemoryError, which `file_scrub` turns into
    "Scrubbing needed more memory than is allowed." instead of the kernel's OOM killer taking the
    whole machine. Returns the limit in bytes, or None when capping is off (SCRUB_MEMORY_CAP_KB=0)
    or the platform has no RLIMIT_AS.
    """
    from django.conf import settings

    if headroom_kb is None:
        headroom_kb = getattr(settings, "SCRUB_MEMORY_CAP_KB", 0)
    try:
        import resource
    except ImportError:  # pragma: no cover - not on Windows
        return None
    if not hasattr(resource, "RLIMIT_AS") or not headroom_kb:
        return None
    current = _address_space_bytes()
    limit = current + headroom_kb * 1024
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    return limit


def _address_space_bytes() -> int:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


@worker_process_init.connect
def _cap_child_memory(**_kwargs) -> None:
    limit = apply_memory_cap()
    if limit:
        import logging

        logging.getLogger(__name__).info("worker child memory cap: %d MB", limit // 1_048_576)
