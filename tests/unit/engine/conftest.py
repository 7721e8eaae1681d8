"""Engine unit tests: real bytes, the real analyzer (loaded once per process)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def detector():
    from scrubbing.engine.detect import get_detector

    return get_detector()


@pytest.fixture
def counted(detector, monkeypatch):
    """The real detector; what its spaCy pipeline is given is recorded."""
    read: list[str] = []
    pipe = detector.nlp.pipe

    def recording(texts, **kw):
        texts = list(texts)
        read.extend(texts)
        return pipe(texts, **kw)

    monkeypatch.setattr(detector.nlp, "pipe", recording)
    from scrubbing.engine.cache import HitCache

    monkeypatch.setattr(detector, "cache", HitCache(max_chars=1_000_000))
    return detector, read
