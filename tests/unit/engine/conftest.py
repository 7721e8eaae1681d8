"""Engine unit tests: real bytes, the real analyzer (loaded once per process)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def detector():
    from scrubbing.engine.detect import get_detector

    return get_detector()
