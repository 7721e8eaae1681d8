import pytest

from portal.models import AppendOnlyError, AuditEvent
from submissions import services, workflow
from submissions.models import Task
from submissions.occupations import GDPVAL_OCCUPATIONS

S = Task.Status


def make_task(contractor, **overrides) -> Task:
    sector = next(iter(GDPVAL_OCCUPATIONS))
    fields = dict(
        title="Quarterly plan",
        request_text="Please draft the plan.",
        sector=sector,
        occupation=GDPVAL_OCCUPATIONS[sector][0],
        provenance=Task.Provenance.REAL,
        minutes_spent=90,
        attest_rights=True,
        attest_confidential=True,
    )
    fields.update(overrides)
    return Task.objects.create(contractor=contractor, **fields)


@pytest.mark.django_db
def test_every_legal_move_writes_an_audit_event(contractor):
    task = make_task(contractor)
    workflow.task_transition(task, S.SCRUBBING, actor=contractor)
    workflow.task_transition(task, S.CONTRACTOR_CHECK, actor=None)
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
        (S.DRAFT, S.IN_REVIEW),
        (S.DRAFT, S.APPROVED),
        (S.SCRUBBING, S.IN_REVIEW),
        (S.CONTRACTOR_CHECK, S.APPROVED),
        (S.APPROVED, S.DRAFT),
        (S.REJECTED, S.IN_REVIEW),
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
    task = make_task(contractor, status=S.CHANGES_REQUESTED)
    task = services.task_back_to_draft(task, actor=contractor)
    assert task.status == S.DRAFT
    assert task.revision == 2


@pytest.mark.django_db
def test_submit_for_scrubbing_needs_a_deliverable(contractor, django_capture_on_commit_callbacks):
    task = make_task(contractor)
    with pytest.raises(workflow.IllegalTransition, match="deliverable"):
        services.task_submit_for_scrubbing(task, actor=contractor)
    task.refresh_from_db()
    assert task.status == S.DRAFT


@pytest.mark.django_db
def test_audit_events_cannot_be_changed_or_deleted(contractor):
    task = make_task(contractor)
    workflow.task_transition(task, S.SCRUBBING, actor=contractor)
    event = AuditEvent.objects.get(task_id=task.pk)
    event.verb = "tampered"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(verb="x")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get(pk=event.pk).verb == "task.status"
