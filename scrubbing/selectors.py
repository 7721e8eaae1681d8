from __future__ import annotations

from django.db.models import Q, QuerySet

from portal.models import User

from .engine.pipeline import Term as EngineTerm
from .engine.pipeline import TermLists
from .models import Finding, Term


def terms_for(user: User) -> QuerySet[Term]:
    """The user's own terms and the global ones."""
    return Term.objects.filter(Q(owner=user) | Q(owner__isnull=True))


def term_lists_for(user: User) -> TermLists:
    deny, allow = [], []
    for term in terms_for(user):
        if term.list_kind == Term.ListKind.DENY:
            deny.append(EngineTerm(term.text, term.category))
        else:
            allow.append(term.text)
    return TermLists(deny=tuple(deny), allow=tuple(allow))


def findings_for_file(file_id: int) -> QuerySet[Finding]:
    return Finding.objects.filter(file_id=file_id).order_by("id")
