from __future__ import annotations

import pytest
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
