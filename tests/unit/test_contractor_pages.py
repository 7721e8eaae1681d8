import pytest
from django.urls import reverse

from submissions.models import Task
from tests.builders.tasks import ScrubStatus, add_file, make_task


@pytest.mark.django_db
def test_my_tasks_lists_only_mine_with_constant_queries(
    client, contractor, other_contractor, django_assert_max_num_queries
):
    for i in range(30):
        make_task(contractor, title=f"Mine {i}")
    make_task(other_contractor, title="Someone else's")
    client.force_login(contractor)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("submissions:task_list"))
    body = response.content.decode()
    assert "Mine 29" in body and "Someone else" not in body
    assert "Page 1 of 2" in body


@pytest.mark.django_db
def test_other_contractors_task_and_files_are_404(client, contractor, other_contractor):
    task = make_task(other_contractor)
    f = add_file(
        task, name="x.txt", original=b"x", scrubbed=None, status=ScrubStatus.QUEUED, findings=[]
    )
    client.force_login(contractor)
    for url in [
        reverse("submissions:task_detail", args=[task.pk]),
        reverse("submissions:task_file_states", args=[task.pk]),
        reverse("submissions:file_original", args=[f.pk]),
        reverse("submissions:file_scrubbed", args=[f.pk]),
    ]:
        assert client.get(url).status_code == 404, url


@pytest.mark.django_db
def test_reviewer_cannot_use_contractor_pages(client, reviewer, contractor):
    task = make_task(contractor)
    client.force_login(reviewer)
    assert client.get(reverse("submissions:task_detail", args=[task.pk])).status_code == 403


@pytest.mark.django_db
def test_anonymous_is_sent_to_login(client, contractor):
    task = make_task(contractor)
    response = client.get(reverse("submissions:task_detail", args=[task.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_owner_downloads_original_as_attachment(client, contractor):
    task = make_task(contractor)
    f = add_file(
        task,
        name="page.html.txt",
        original=b"<script>alert(1)</script>",
        scrubbed=None,
        findings=[],
    )
    client.force_login(contractor)
    response = client.get(reverse("submissions:file_original", args=[f.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"].startswith("text/plain")
    assert b"".join(response.streaming_content) == b"<script>alert(1)</script>"


@pytest.mark.django_db
def test_live_file_states_stop_polling_when_scrubbing_ends(client, contractor):
    task = make_task(contractor, status=Task.Status.SCRUBBING)
    client.force_login(contractor)
    url = reverse("submissions:task_file_states", args=[task.pk])
    assert 'hx-trigger="every 2s"' in client.get(url).content.decode()
    Task.objects.filter(pk=task.pk).update(status=Task.Status.CONTRACTOR_CHECK)
    assert "hx-trigger" not in client.get(url).content.decode()


@pytest.mark.django_db
def test_signup_sends_verification_mail(client, mailoutbox):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "new.person@example.org",
            "password1": "a-long-unusual-pass-99",
            "password2": "a-long-unusual-pass-99",
        },
    )
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert "new.person@example.org" in mailoutbox[0].to
    from portal.models import User

    assert User.objects.get(email="new.person@example.org").role == User.Role.CONTRACTOR


@pytest.mark.django_db(transaction=True)
def test_deleting_a_draft_removes_its_stored_bytes_after_commit(client, contractor):
    from portal.storage import private_storage

    task = make_task(contractor)
    f = add_file(
        task, name="x.txt", original=b"abc", scrubbed=None, status=ScrubStatus.QUEUED, findings=[]
    )
    name = f.original.name
    assert private_storage().exists(name)
    client.force_login(contractor)
    client.post(reverse("submissions:task_delete", args=[task.pk]))
    assert not Task.objects.filter(pk=task.pk).exists()
    assert not private_storage().exists(name)
