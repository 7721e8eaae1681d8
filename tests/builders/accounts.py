"""People: a user with a verified e-mail address, as allauth would leave one after sign-up."""

from __future__ import annotations

from allauth.account.models import EmailAddress

from portal.models import User

PASSWORD = "correct-horse-battery"


def make_user(email: str, role: str, *, staff: bool = False, password: str = PASSWORD) -> User:
    user = User.objects.create_user(email=email, password=password, role=role)
    if staff:
        user.is_staff = user.is_superuser = True
        user.save()
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user
