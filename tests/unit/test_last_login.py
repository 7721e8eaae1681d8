"""The last-login write runs through our idempotent receiver (safe to repeat on a cut connection)."""

from __future__ import annotations

import pytest
from django.contrib.auth.signals import user_logged_in

from portal.db import record_last_login


@pytest.mark.django_db
def test_login_records_last_login_through_the_idempotent_receiver(client, django_user_model):
    user = django_user_model.objects.create_user(email="last@example.com", password="pw-12345678")
    assert user.last_login is None
    receivers = [entry[1]() for entry in user_logged_in.receivers]
    assert record_last_login in receivers
    assert not any(getattr(r, "__name__", "") == "update_last_login" for r in receivers)
    client.force_login(user)
    user.refresh_from_db()
    assert user.last_login is not None
