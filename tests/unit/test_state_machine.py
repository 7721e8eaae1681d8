import pytest

from portal.models import AuditEvent
from submissions import services, workflow
from submissions.models import Task
from tests.builders.tasks import TaskStatus, make_task


@pytest.mark.django_db
def test_every_legal_move_writes_an_audit_event(contractor):
    task = make_task(contractor)
    workflow.task_transition(task, TaskStatus.SCRUBBING, actor=contractor)
    workflow.task_transition(task, TaskStatus.CONTRACTOR_CHECK, actor=None)
    events = list(AuditEvent.objects.filter(task_id=task.pk, verb="task.status"))
    assert [(e.details["from"], e.details["to"]) for e in events] == [
        ("draft", "scrubbing"),
        ("scrubbing", "contractor_check"),
    ]
    assert events[0].actor == contractor and events[1].actor is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("start", "target"),
    [
        (TaskStatus.DRAFT, TaskStatus.IN_REVIEW),
        (TaskStatus.DRAFT, TaskStatus.APPROVED),
        (TaskStatus.SCRUBBING, TaskStatus.IN_REVIEW),
        (TaskStatus.CONTRACTOR_CHECK, TaskStatus.APPROVED),
        (TaskStatus.APPROVED, TaskStatus.DRAFT),
        (TaskStatus.REJECTED, TaskStatus.IN_REVIEW),
    ],
)
def test_illegal_moves_raise_a_clear_error_and_change_nothing(contractor, start, target):
    task = make_task(contractor, status=start)
    with pytest.raises(workflow.IllegalTransition) as excinfo:
        workflow.task_transition(task, target, actor=contractor)
    assert Task.Status(start).label in str(excinfo.value)
    assert Task.Status(target).label in str(excinfo.value)
    task.refresh_from_db()
    assert task.status == start
    assert not AuditEvent.objects.filter(task_id=task.pk).exists()


@pytest.mark.django_db
def test_resubmission_after_changes_is_a_new_revision(contractor):
    task = make_task(contractor, status=TaskStatus.CHANGES_REQUESTED)
    task = services.task_back_to_draft(task, actor=contractor)
    assert task.status == TaskStatus.DRAFT
    assert task.revision == 2


@pytest.mark.django_db
def test_submit_for_scrubbing_needs_a_deliverable(contractor, django_capture_on_commit_callbacks):
    task = make_task(contractor)
    with pytest.raises(workflow.IllegalTransition, match="deliverable"):
        services.task_submit_for_scrubbing(task, actor=contractor)
    task.refresh_from_db()
    assert task.status == TaskStatus.DRAFT
