from __future__ import annotations

import os

import pytest

# Tests compare detection paths on the same texts (with and without a shortcut): a process-wide
# answer cache would answer the second from the first. The cache's own tests enable one.
os.environ.setdefault("SCRUB_DETECT_CACHE_CHARS", "0")

from portal.models import User
from tests.builders.accounts import make_user


@pytest.fixture
def contractor(db) -> User:
    return make_user("alice@example.com", User.Role.CONTRACTOR)


@pytest.fixture
def other_contractor(db) -> User:
    return make_user("bob@example.com", User.Role.CONTRACTOR)


@pytest.fixture
def reviewer(db) -> User:
    return make_user("rita@example.com", User.Role.REVIEWER)


@pytest.fixture
def admin_user(db) -> User:
    return make_user("ada@example.com", User.Role.ADMIN, staff=True)
