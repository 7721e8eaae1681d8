"""Two reviewers claim the same task at the same moment, on PostgreSQL, each on its own
connection (one thread each): exactly one gets it.

The locked section is slowed down on purpose, so without the row lock both reviewers would read
"unclaimed" and both would win: these tests fail if `select_for_update` is removed.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest
from django.db import connection, connections

from portal.models import AuditEvent
from reviews import services
from submissions.models import Task
from tests.builders.files import need
from tests.builders.tasks import in_review_task

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

HOLD = 0.5  # seconds a claimer holds the row lock before writing


@pytest.fixture(autouse=True)
def _postgres_only():
    need(connection.vendor == "postgresql", "PostgreSQL (set DATABASE_URL=postgres://...)")


@pytest.fixture
def reviewers(db):
    from tests.builders.accounts import make_user

    return [make_user(f"rev{i}@example.com", "reviewer") for i in range(2)]


def _race(calls: list[Callable[[], object]]) -> list[object]:
    """Run the calls in threads released together; each thread has its own DB connection."""
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def run(i: int) -> None:
        try:
            barrier.wait(timeout=10)
            results[i] = calls[i]()
        except Exception as exc:  # the loser's ClaimError is a result, not a crash
            results[i] = exc
        finally:
            connections.close_all()  # this thread's connection

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert not any(t.is_alive() for t in threads), "a claimer hung"
    return results


def test_two_reviewers_claim_one_task_exactly_one_wins(contractor, reviewers, monkeypatch):
    task = in_review_task(contractor)
    real_locked = services._locked

    def slow_locked(task_id: int) -> Task:
        locked = real_locked(task_id)
        time.sleep(HOLD)  # both would be inside here at once without the row lock
        return locked

    monkeypatch.setattr(services, "_locked", slow_locked)
    started = time.monotonic()
    results = _race([lambda r=r: services.review_claim(task.pk, reviewer=r) for r in reviewers])
    elapsed = time.monotonic() - started
    winners = [r for r in results if isinstance(r, Task)]
    losers = [r for r in results if isinstance(r, services.ClaimError)]
    assert len(winners) == 1 and len(losers) == 1, results
    assert "Another reviewer" in str(losers[0])
    task.refresh_from_db()
    assert task.claimed_by_id == winners[0].claimed_by_id
    assert AuditEvent.objects.filter(task_id=task.pk, verb="review.claim").count() == 1
    assert elapsed >= 2 * HOLD  # the second claimer really waited for the first one's lock


def test_next_task_never_hands_one_task_to_two_reviewers(contractor, reviewers, monkeypatch):
    only = in_review_task(contractor)
    real_set = services._set_claim

    def slow_set(task: Task, user) -> None:  # noqa: ANN001
        time.sleep(HOLD)
        real_set(task, user)

    monkeypatch.setattr(services, "_set_claim", slow_set)
    results = _race([lambda r=r: services.review_claim_next(reviewer=r) for r in reviewers])
    assert sorted(type(r).__name__ for r in results) == ["NoneType", "Task"], results
    only.refresh_from_db()
    assert only.claimed_by_id in {r.pk for r in reviewers}


def test_next_task_gives_two_reviewers_two_different_tasks(contractor, reviewers, monkeypatch):
    first = in_review_task(contractor, age_days=2)
    second = in_review_task(contractor, age_days=1)
    real_set = services._set_claim

    def slow_set(task: Task, user) -> None:  # noqa: ANN001
        time.sleep(HOLD)
        real_set(task, user)

    monkeypatch.setattr(services, "_set_claim", slow_set)
    results = _race([lambda r=r: services.review_claim_next(reviewer=r) for r in reviewers])
    assert all(isinstance(r, Task) for r in results), results
    assert {r.pk for r in results} == {first.pk, second.pk}
    claimed = dict(
        Task.objects.filter(pk__in=[first.pk, second.pk]).values_list("pk", "claimed_by")
    )
    assert set(claimed.values()) == {r.pk for r in reviewers}


def test_claim_races_a_decision_after_expiry(contractor, reviewers, settings, monkeypatch):
    """An expired claim: the old holder decides while another reviewer claims. One wins."""
    from tests.builders.tasks import expire_claim

    task = in_review_task(contractor)
    holder, other = reviewers
    services.review_claim(task.pk, reviewer=holder)
    expire_claim(task)
    real_locked = services._locked

    def slow_locked(task_id: int) -> Task:
        locked = real_locked(task_id)
        time.sleep(HOLD)
        return locked

    monkeypatch.setattr(services, "_locked", slow_locked)
    results = _race(
        [
            lambda: services.review_decide(task.pk, reviewer=holder, decision="approve"),
            lambda: services.review_claim(task.pk, reviewer=other),
        ]
    )
    task.refresh_from_db()
    # The expired holder can never decide; the other reviewer's claim stands.
    assert isinstance(results[0], services.DecisionRefused), results
    assert isinstance(results[1], Task)
    assert task.status == Task.Status.IN_REVIEW and task.claimed_by_id == other.pk
