from __future__ import annotations

import pytest

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
