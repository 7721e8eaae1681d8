"""Locust user for `tests/bench/bench_login.py`: each simulated contractor opens the login page
(CSRF cookie) and signs in once, with a real password hashed by the production hasher. Each one
connects from its own loopback address (127.0.0.2, .3, ...), as 30 contractors come from 30
addresses: allauth's per-address login limit then applies to each of them, not to all at once."""

from __future__ import annotations

import itertools
import os
import re

from locust import HttpUser, constant, task
from requests.adapters import HTTPAdapter

_NUMBERS = itertools.count()
_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PASSWORD = os.environ.get("LOAD_PASSWORD", "load-test-password-2026")


class _FromAddress(HTTPAdapter):
    """Connect from a given local address."""

    def __init__(self, address: str) -> None:
        self._address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs) -> None:
        kwargs["source_address"] = (self._address, 0)
        super().init_poolmanager(*args, **kwargs)


class Contractor(HttpUser):
    wait_time = constant(3600)  # one login per user and burst

    def on_start(self) -> None:
        number = next(_NUMBERS)
        self.email = f"load{number}@example.com"
        self.client.mount("http://", _FromAddress(f"127.0.0.{number + 2}"))

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
