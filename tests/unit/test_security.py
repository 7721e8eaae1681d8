"""Security settings and behaviour of the web side: each test fails when its protection is
removed (logs, encryption at rest and retention: test_data_protection.py)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from tests.builders.accounts import PASSWORD
from tests.builders.files import make_docx, task_form_data
from tests.builders.processes import drain, production_env, run_manage

ROOT = Path(__file__).resolve().parents[2]
NAME = "Margaret Hollingsworth"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """allauth keeps its own login rate limits in the cache: start and end each test clean."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


# ---- production settings -------------------------------------------------------------------


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = run_manage(production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_notices_a_missing_protection(tmp_path):
    """The control for the test above: weakening one setting makes the check fail."""
    env = production_env(tmp_path, SESSION_COOKIE_SECURE="0", SECURE_HSTS_SECONDS="0")
    result = run_manage(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode != 0
    assert "security.W012" in result.stderr + result.stdout  # session cookie not secure
    assert "security.W004" in result.stderr + result.stdout  # no HSTS


def test_production_settings_values(tmp_path):
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({k: getattr(s, k, None) for k in ["
        "'DEBUG','SESSION_COOKIE_SECURE','SESSION_COOKIE_HTTPONLY','CSRF_COOKIE_SECURE',"
        "'CSRF_COOKIE_HTTPONLY','SECURE_SSL_REDIRECT','SECURE_HSTS_SECONDS',"
        "'SECURE_HSTS_INCLUDE_SUBDOMAINS','SESSION_EXPIRE_AT_BROWSER_CLOSE','SESSION_COOKIE_AGE',"
        "'SECURE_CONTENT_TYPE_NOSNIFF','X_FRAME_OPTIONS','AXES_FAILURE_LIMIT',"
        "'SESSION_COOKIE_SAMESITE']}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=production_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["DEBUG"] is False
    for key in (
        "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "CSRF_COOKIE_SECURE",
        "CSRF_COOKIE_HTTPONLY",
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SESSION_EXPIRE_AT_BROWSER_CLOSE",
        "SECURE_CONTENT_TYPE_NOSNIFF",
    ):
        assert values[key] is True, key
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["SESSION_COOKIE_AGE"] <= 8 * 3600
    assert values["X_FRAME_OPTIONS"] == "DENY"
    assert values["SESSION_COOKIE_SAMESITE"] in ("Lax", "Strict")
    assert 1 <= values["AXES_FAILURE_LIMIT"] <= 10


def test_settings_refuse_to_start_without_a_secret_key(tmp_path):
    env = production_env(tmp_path)
    env.pop("SECRET_KEY")
    env["PORTAL_VAR_DIR"] = str(tmp_path / "novar")
    result = run_manage(env | {"HOME": str(tmp_path)}, "check")
    # a .env in the checkout could provide one; only assert when none is there
    if not (ROOT / ".env").exists():
        assert result.returncode != 0 and "SECRET_KEY" in result.stderr


# ---- cookies, HSTS, CSP ---------------------------------------------------------------------


def login(client: Client, email: str, password: str, **extra):
    return client.post(
        reverse("account_login"), {"login": email, "password": password}, secure=True, **extra
    )


@pytest.mark.django_db
def test_session_and_csrf_cookies_are_secure_and_httponly(client, contractor):
    response = client.get(reverse("account_login"), secure=True)
    csrf = response.cookies[settings.CSRF_COOKIE_NAME]
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] in ("Lax", "Strict")
    response = login(client, contractor.email, PASSWORD)
    assert response.status_code == 302, response.content[:500]
    session = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session["secure"] and session["httponly"]
    assert session["samesite"] in ("Lax", "Strict")
    assert not session["max-age"] and not session["expires"]  # ends when the browser closes


@pytest.mark.django_db
def test_hsts_and_security_headers_on_https(client):
    response = client.get(reverse("home"), secure=True)
    hsts = response["Strict-Transport-Security"]
    assert re.search(r"max-age=(\d+)", hsts) and int(re.search(r"max-age=(\d+)", hsts)[1]) >= (
        31536000
    )
    assert "includeSubDomains" in hsts
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_content_security_policy_header(client, contractor):
    client.force_login(contractor)
    for url in (reverse("home"), reverse("account_login"), reverse("submissions:task_create")):
        response = client.get(url, secure=True, follow=True)
        csp = response["Content-Security-Policy"]
        directives = dict(
            (part.split()[0], part.split()[1:]) for part in csp.split(";") if part.strip()
        )
        assert directives["default-src"] == ["'self'"], csp
        assert directives["object-src"] == ["'none'"], csp
        assert directives["frame-ancestors"] == ["'none'"], csp
        assert "'unsafe-inline'" not in directives.get("script-src", []), csp
        assert "'unsafe-eval'" not in csp


# ---- CSRF on every POST view ---------------------------------------------------------------


def all_routes(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from all_routes(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.callback


def concrete(route: str) -> str:
    path = re.sub(r"<int:[^>]+>", "1", route)
    path = re.sub(r"<(?:str:|slug:)?[^>]+>", "x", path)
    path = path.lstrip("^").rstrip("$").replace("\\Z", "").replace("\\", "")
    return "/" + re.sub(r"\(\?P<[^>]+>[^)]*\)", "x", path)


REFERER = "https://testserver/"  # so the refusal is about the missing token, not the Referer


def test_no_view_is_csrf_exempt():
    exempt = [route for route, callback in all_routes() if getattr(callback, "csrf_exempt", False)]
    assert not exempt, f"views that skip CSRF: {exempt}"


@pytest.mark.django_db
def test_every_post_without_a_csrf_token_is_refused(contractor, reviewer):
    routes = sorted({concrete(r) for r, _ in all_routes() if "static" not in r})
    assert len(routes) > 20
    checked = 0
    for user in (None, contractor, reviewer):
        client = Client(enforce_csrf_checks=True)
        if user:
            client.force_login(user)
        for path in routes:
            response = client.post(path, {"x": "1"}, secure=True, HTTP_REFERER=REFERER)
            if response.status_code == 404:
                continue  # the resolver did not match our stand-in arguments
            assert response.status_code == 403, (path, user, response.status_code)
            checked += 1
    assert checked > 40
    # and with the token the same client gets through (the 403 really was CSRF)
    client = Client(enforce_csrf_checks=True)
    client.force_login(contractor)
    page = client.get(reverse("submissions:task_create"), secure=True)
    token = page.cookies[settings.CSRF_COOKIE_NAME].value
    response = client.post(
        reverse("submissions:stage_upload"),
        {"part": "deliverable"},
        secure=True,
        HTTP_X_CSRFTOKEN=token,
        HTTP_REFERER=REFERER,
    )
    assert response.status_code == 400  # the form error, past the CSRF check


# ---- login throttling, sessions, passwords --------------------------------------------------


@pytest.mark.django_db
def test_repeated_failed_logins_lock_the_account_out(contractor, settings):
    settings.ACCOUNT_RATE_LIMITS = False  # measure django-axes alone, not allauth's limiter
    client = Client()
    limit = settings.AXES_FAILURE_LIMIT
    for _ in range(limit):
        response = login(client, contractor.email, "wrong-password-1")
        assert response.status_code in (200, 429, 403)
    response = login(client, contractor.email, PASSWORD)
    assert response.status_code == 429, response.status_code  # axes: locked out
    assert "_auth_user_id" not in client.session
    # another address with the same wrong guesses is throttled on its own
    other = Client(REMOTE_ADDR="10.9.8.7")
    assert login(other, contractor.email, PASSWORD).status_code == 302


@pytest.mark.django_db
def test_lockout_counts_by_login_not_by_an_empty_username(contractor, other_contractor):
    """allauth posts `login`, not `username`: failures must be counted per account."""
    from axes.models import AccessAttempt

    client = Client()
    login(client, contractor.email, "wrong-password-1")
    attempt = AccessAttempt.objects.get()
    assert attempt.username == contractor.email


@pytest.mark.django_db
def test_session_expires(client, contractor):
    from django.contrib.sessions.models import Session

    assert settings.SESSION_COOKIE_AGE <= 8 * 3600
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert login(client, contractor.email, PASSWORD).status_code == 302
    url = reverse("submissions:task_list")
    assert client.get(url, secure=True).status_code == 200
    session = Session.objects.get()
    age = session.expire_date - timezone.now()
    assert age <= timedelta(seconds=settings.SESSION_COOKIE_AGE + 5)
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(url, secure=True)
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "password", ["short1!", "password123", "1234567890123", "alice@example.com-1"]
)
def test_weak_passwords_are_refused(password, contractor):
    with pytest.raises(ValidationError):
        validate_password(password, user=contractor)
    validate_password("tangerine-orbit-walrus-42", user=contractor)


@pytest.mark.django_db
def test_signup_refuses_a_weak_password(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "new@example.com", "password1": "password123", "password2": "password123"},
        secure=True,
    )
    assert response.status_code == 200  # the form again, with the error
    from portal.models import User

    assert not User.objects.filter(email="new@example.com").exists()


# ---- downloads -----------------------------------------------------------------------------

HOSTILE_UPLOADS = {
    "page.html": b"<html><body><script>alert(document.cookie)</script></body></html>",
    "logo.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "notes.txt": b"<script>alert(1)</script> plain notes",
    "report.docx": make_docx(["Quarterly memo"]),
}


@pytest.mark.django_db
def test_every_download_is_an_attachment_never_rendered_inline(
    client, contractor, django_capture_on_commit_callbacks
):
    from scrubbing import services as scrub_services
    from submissions.models import Task

    client.force_login(contractor)
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(
            reverse("submissions:task_create"),
            {
                **task_form_data(title="Downloads", request_text="r"),
                "deliverable_files": [
                    SimpleUploadedFile(n, d, content_type="text/html")
                    for n, d in HOSTILE_UPLOADS.items()
                ],
            },
            secure=True,
        )
    assert response.status_code == 302, response.content[:2000]
    task = Task.objects.get(title="Downloads")
    checked = 0
    for f in task.files.all():
        scrub_services.file_scrub(f.pk, f.generation)
        for view in ("submissions:file_original", "submissions:file_scrubbed"):
            response = client.get(reverse(view, args=[f.pk]), secure=True)
            if response.status_code == 302:
                continue  # no scrubbed copy (failed file)
            assert response.status_code == 200, (view, f.original_name)
            disposition = response["Content-Disposition"]
            assert disposition.startswith("attachment;"), disposition
            assert response["X-Content-Type-Options"] == "nosniff"
            ctype = response["Content-Type"].lower().split(";")[0]
            assert ctype not in (
                "text/html",
                "image/svg+xml",
                "application/xhtml+xml",
                "text/xml",
                "application/xml",
            ), ctype
            assert "html" not in ctype and "svg" not in ctype, ctype
            assert "sandbox" in response["Content-Security-Policy"]
            drain(response)
            checked += 1
    assert checked >= 6


def test_attachment_response_header_injection_and_types(tmp_path):
    from django.core.files.storage import FileSystemStorage
    from django.db.models.fields.files import FieldFile

    from portal.downloads import attachment_response
    from submissions.models import TaskFile

    storage = FileSystemStorage(location=tmp_path)
    storage.save("blob", SimpleUploadedFile("blob", b"<svg onload=alert(1)>"))
    field = FieldFile(TaskFile(), TaskFile._meta.get_field("original"), "blob")
    field.storage = storage
    for kind in ("svg", "html", "text", "unknown", "pdf"):
        response = attachment_response(field, 'evil"\r\nSet-Cookie: x=1.svg', kind)
        assert response["Content-Disposition"].startswith("attachment;")
        assert "\n" not in response["Content-Disposition"] and "Set-Cookie" not in str(
            [k for k, _ in response.items()]
        )
        assert response["Content-Type"] in (
            "text/plain; charset=utf-8",
            "application/octet-stream",
            "application/pdf",
        )
        drain(response)


def test_only_the_download_helper_builds_file_responses():
    offenders = []
    for path in ROOT.glob("*/**/*.py"):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith((".venv", "tests/", "portal/downloads.py")) or "/migrations/" in rel:
            continue
        text = path.read_text(errors="replace")
        if re.search(r"\b(FileResponse|StreamingHttpResponse)\(", text) or re.search(
            r"Content-Disposition\"\]\s*=\s*[\"']inline", text
        ):
            offenders.append(rel)
    assert not offenders, f"serve files through portal.downloads.attachment_response: {offenders}"


# ---- originals: owner only -----------------------------------------------------------------


@pytest.mark.django_db
def test_originals_and_findings_are_the_owners_only(
    client, contractor, other_contractor, reviewer, django_capture_on_commit_callbacks
):
    from submissions.models import Task

    client.force_login(contractor)
    with django_capture_on_commit_callbacks(execute=False):
        client.post(
            reverse("submissions:task_create"),
            {
                **task_form_data(title="Private", request_text="r"),
                "deliverable_files": [SimpleUploadedFile("a.txt", f"Ask {NAME}".encode())],
            },
        )
    f = Task.objects.get(title="Private").files.get(original_name="a.txt")
    own = client.get(reverse("submissions:file_original", args=[f.pk]))
    assert own.status_code == 200
    assert drain(own) == f"Ask {NAME}".encode()
    for user in (other_contractor, reviewer):
        other = Client()
        other.force_login(user)
        for view in ("submissions:file_original", "submissions:file_scrubbed"):
            assert other.get(reverse(view, args=[f.pk])).status_code in (403, 404), (view, user)
        detail = other.get(reverse("submissions:task_detail", args=[f.task_id]))
        assert detail.status_code in (403, 404)
    assert Client().get(reverse("submissions:file_original", args=[f.pk])).status_code == 302
