from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

import pytest

from portal.models import User
from scrubbing.engine import convert
from tests.builders.accounts import make_user


@pytest.fixture
def converter() -> Iterator[Callable[..., None]]:
    """How LibreOffice runs, changed for one test: `converter(program=..., seconds=...,
    sandbox=...)` (the engine's `convert.configure`; no arguments: the process's settings
    again). The process's settings come back after the test."""
    before = convert.config()

    def use(**changes: object) -> None:
        convert.configure(dataclasses.replace(before, **changes))

    yield use
    convert.configure(before)


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
