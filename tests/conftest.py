from __future__ import annotations

import os

import pytest

# Tests compare detection paths on the same texts (with and without a shortcut): a process-wide
# answer cache would answer the second from the first. The cache's own tests enable one.
os.environ.setdefault("SCRUB_DETECT_CACHE_CHARS", "0")

from allauth.account.models import EmailAddress

from portal.models import User


def _user(email: str, role: str) -> User:
    user = User.objects.create_user(email=email, password="correct-horse-battery", role=role)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture
def contractor(db) -> User:
    return _user("alice@example.com", User.Role.CONTRACTOR)


@pytest.fixture
def other_contractor(db) -> User:
    return _user("bob@example.com", User.Role.CONTRACTOR)


@pytest.fixture
def reviewer(db) -> User:
    return _user("rita@example.com", User.Role.REVIEWER)


@pytest.fixture
def admin_user(db) -> User:
    user = _user("ada@example.com", User.Role.ADMIN)
    user.is_staff = user.is_superuser = True
    user.save()
    return user
