"""Detection answers kept per distinct string: one analysis per string across the files of a
task (and the rounds of verification), as long as the process lives and the budget allows.

The key is everything the answer depends on: the text, the task's term lists, whether the
model ran and how many characters it read; `Hit`s are frozen, so a cached answer is the
same value a fresh analysis gives (a unit test compares them). Least recently used strings
go first once the cached texts pass the configured number of characters (0: no cache). The
Django side passes the setting `SCRUB_DETECT_CACHE_CHARS` once per process (`configure`, from
`scrubbing/scrubber.py`), before the detector makes its cache; the engine reads no environment.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

DEFAULT_CHARS = 20_000_000

Key = tuple[str, Any, bool, int]

_max_chars = DEFAULT_CHARS


def configure(max_chars: int) -> int:
    """Caches made from now on keep at most `max_chars` characters of text (0: none); returns
    the size it replaces."""
    global _max_chars
    if max_chars < 0:
        raise ValueError("the cache size is a number of characters, 0 or more")
    previous, _max_chars = _max_chars, max_chars
    return previous


class HitCache:
    def __init__(self, max_chars: int | None = None) -> None:
        self.max_chars = _max_chars if max_chars is None else max_chars
        self.chars = 0
        self.hits = self.misses = 0
        self._data: OrderedDict[Key, list[Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Key) -> list[Any] | None:
        with self._lock:
            found = self._data.get(key)
            if found is None:
                self.misses += 1
                return None
            self._data.move_to_end(key)
            self.hits += 1
            return list(found)

    def put(self, key: Key, hits: list[Any]) -> None:
        if len(key[0]) > self.max_chars:
            return
        with self._lock:
            if key in self._data:
                return
            self._data[key] = list(hits)
            self.chars += len(key[0])
            while self.chars > self.max_chars:
                old, _ = self._data.popitem(last=False)
                self.chars -= len(old[0])

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self.chars = self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._data)
