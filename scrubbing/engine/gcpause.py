"""Python's cyclic garbage collector, slowed down while a file is worked on.

A big file makes hundreds of thousands of objects that live until the file is done (segments,
edit targets, detections: a 100k-cell workbook holds about a million). With the default
thresholds (a young collection every 700 allocations, older ones every 10 of those) the
collector keeps walking them: a quarter of the CPU time of such a workbook went there
(docs/performance.md, "Where the time goes"). Inside `collecting_less()` collections run
about a hundred times less often; they still run, so garbage in reference cycles stays bounded
(a worker has a memory cap), and the thresholds are restored when the outermost block ends.
Reference counting, which frees nearly everything, is not affected.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

#: thresholds while a file is worked on (Python's defaults: 700, 10, 10)
THRESHOLDS = (100_000, 20, 20)

_lock = threading.Lock()
_depth = 0
_saved: tuple[int, int, int] = gc.get_threshold()


@contextmanager
def collecting_less() -> Iterator[None]:
    """Fewer garbage collections inside the block (nested blocks and threads share one)."""
    global _depth, _saved
    with _lock:
        if _depth == 0:
            _saved = gc.get_threshold()
            gc.set_threshold(*THRESHOLDS)
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                gc.set_threshold(*_saved)
