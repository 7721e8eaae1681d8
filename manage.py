#!/usr/bin/env python
import os
import sys


def main() -> None:
    from portal.settings import select_module

    select_module()  # local with DEBUG=1, production otherwise (portal/settings/__init__.py)
    # Tells the settings which command runs (a local command may use a throwaway secret key).
    os.environ["PORTAL_MANAGE_COMMAND"] = sys.argv[1] if len(sys.argv) > 1 else "help"
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line
    from django.db import DatabaseError

    try:
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as exc:  # a setting is missing or wrong: one sentence, no traceback
        sys.stderr.write(f"{exc}\n")
        sys.exit(2)
    except DatabaseError as exc:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        sys.stderr.write(
            f"The database is not ready ({first}): check DATABASE_URL and run "
            "`python manage.py migrate`.\n"
        )
        sys.exit(2)


if __name__ == "__main__":
    main()
