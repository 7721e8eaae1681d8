"""Developer commands and error pages: manage.py works on a fresh checkout without a
SECRET_KEY (a throwaway key locally), or says in one sentence what to set; never a traceback.
The branded 404/500 pages show in development too."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.http import Http404
from django.test import Client, override_settings
from django.urls import path

import portal.urls
from tests.unit.test_security import ROOT, run_manage

# A .env in the checkout may hold a key (make run writes one): these tests need none.
needs_no_env_file = pytest.mark.skipif(
    (ROOT / ".env").exists(), reason="a .env in the checkout provides SECRET_KEY"
)


def local_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "PYTEST", "PORTAL_", "SECRET_KEY", "DEBUG"))
        and k not in ("ALLOWED_HOSTS", "DATABASE_URL", "CELERY_BROKER_URL")
    }
    env.update(PORTAL_VAR_DIR=str(tmp_path / "var"), HOME=str(tmp_path), **extra)
    return env


def assert_one_sentence(result, *words: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr[-2000:])
    err = result.stderr.strip()
    assert "Traceback" not in err and len(err.splitlines()) == 1, err[-2000:]
    for word in words:
        assert word in err, err


@needs_no_env_file
def test_scrub_works_on_a_fresh_checkout_without_a_secret_key(tmp_path):
    source = tmp_path / "memo.txt"
    source.write_text("Call Jane Doe at 555-0100.\n")
    result = run_manage(local_env(tmp_path), "scrub", str(source), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "memo.txt\tdone" in result.stdout
    assert "Jane Doe" not in (tmp_path / "out" / "memo.txt").read_text()


@needs_no_env_file
def test_database_commands_work_locally_or_say_to_migrate(tmp_path):
    env = local_env(tmp_path)
    not_ready = run_manage(env, "purge_originals", "--dry-run")
    assert_one_sentence(not_ready, "The database is not ready", "migrate")
    assert run_manage(env, "migrate", "--noinput").returncode == 0
    for command in (["purge_originals", "--dry-run"], ["expire_staged_uploads", "--dry-run"]):
        result = run_manage(env, *command)
        assert result.returncode == 0, result.stderr[-2000:]
        assert "Traceback" not in result.stderr


@needs_no_env_file
def test_runserver_without_a_key_says_what_to_set(tmp_path):
    assert_one_sentence(run_manage(local_env(tmp_path), "runserver"), "Set SECRET_KEY", "DEBUG=1")


@needs_no_env_file
def test_a_server_environment_without_a_key_says_what_to_set(tmp_path):
    env = local_env(tmp_path, ALLOWED_HOSTS="portal.example.com")
    assert_one_sentence(run_manage(env, "check"), "Set SECRET_KEY")
    assert_one_sentence(run_manage(env, "scrub", "x", "--out", "y"), "Set SECRET_KEY")


# ---- error pages in development ---------------------------------------------------------------


def boom(request):
    raise RuntimeError("a bug")


def gone(request):
    raise Http404("nothing here")


urlpatterns = [path("boom/", boom), path("gone/", gone), *portal.urls.urlpatterns]


@pytest.mark.django_db
@override_settings(DEBUG=True, ROOT_URLCONF=__name__)
def test_development_shows_the_branded_404_and_500_pages(caplog):
    client = Client(raise_request_exception=False)
    for url in ("/no/such/page/", "/gone/"):
        response = client.get(url)
        assert response.status_code == 404
        body = response.content.decode()
        assert "We couldn't find that page" in body and "URLconf" not in body
    response = client.get("/boom/")
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
    assert "RuntimeError" not in response.content.decode()
    assert any(r.exc_info and r.exc_info[0] is RuntimeError for r in caplog.records)


@pytest.mark.django_db
@override_settings(DEBUG=True, DEBUG_TECHNICAL_PAGES=True, ROOT_URLCONF=__name__)
def test_technical_pages_come_back_on_request():
    response = Client().get("/no/such/page/")
    assert response.status_code == 404 and "URLconf" in response.content.decode()
