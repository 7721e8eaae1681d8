"""Locust user for `tests/bench/bench_login.py`: each simulated contractor opens the login page
(CSRF cookie) and signs in once, with a real password hashed by the production hasher."""

from __future__ import annotations

import itertools
import os
import re

from locust import HttpUser, constant, task

_NUMBERS = itertools.count()
_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PASSWORD = os.environ.get("LOAD_PASSWORD", "load-test-password-2026")


class Contractor(HttpUser):
    wait_time = constant(3600)  # one login per user and burst

    def on_start(self) -> None:
        self.email = f"load{next(_NUMBERS)}@example.com"

    @task
    def log_in(self) -> None:
        page = self.client.get("/accounts/login/", name="GET login page")
        match = _TOKEN.search(page.text)
        token = match.group(1) if match else ""
        with self.client.post(
            "/accounts/login/",
            {"login": self.email, "password": PASSWORD, "csrfmiddlewaretoken": token},
            headers={"Referer": self.host + "/accounts/login/"},
            name="POST login",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"HTTP {response.status_code}")
