"""Create (or reset) the demo contractor, reviewer and admin, and print how to log in."""

import os

from allauth.account.models import EmailAddress
from django.core.management.base import BaseCommand

from portal.models import User

DEMO = [
    ("contractor@example.com", User.Role.CONTRACTOR),
    ("reviewer@example.com", User.Role.REVIEWER),
    ("admin@example.com", User.Role.ADMIN),
]


class Command(BaseCommand):
    help = "Create demo accounts (one per role) with verified e-mail addresses."

    def handle(self, *args, **options) -> None:
        password = os.environ.get("DEMO_PASSWORD", "scrub-demo-2026")
        for email, role in DEMO:
            user, _ = User.objects.get_or_create(email=email)
            user.role = role
            user.is_staff = user.is_superuser = role == User.Role.ADMIN
            user.set_password(password)
            user.save()
            EmailAddress.objects.update_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
        self.stdout.write(f"Demo accounts (password for all: {password}):")
        for email, role in DEMO:
            self.stdout.write(f"  {role.label:<10} {email}")
