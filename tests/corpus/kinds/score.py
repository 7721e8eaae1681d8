"""Scrub a case through the upload code path and score what came out.

Planted values are scored strictly by the independent slice's `score_doc` (a value leaks when
any form of it, or any name word, street line or postcode of it, is left) on what a reader
reads in the input and in the output (`views.read`); a value that reader cannot see in the
input (OCR missed it) is excluded and counted. Must-survive tokens are counted in the file's
own characters (`views.source`): kept when the output holds each as often as the input.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from typing import Any

from tests.corpus.independent.score import Score, Unit, _hay, score_doc
from tests.corpus.independent.writer import Planted

from .checks import check, opens
from .plant import Case, Token, kept, occurrences
from .views import read, source


@dataclass
class Outcome:
    case: Case
    status: str
    out_name: str
    output: bytes | None
    seconds: float
    error: str = ""
    report: dict[str, Any] = field(default_factory=dict)


@dataclass
class Result:
    outcome: Outcome
    units: list[Unit]
    excluded: list[Planted]
    tokens: int
    lost: list[tuple[Token, str]]  # (token, the output line where it was, when known)
    parses: tuple[bool | None, str]

    @property
    def case(self) -> Case:
        return self.outcome.case

    @property
    def leaked(self) -> list[Unit]:
        return [u for u in self.units if u.leaked]


def scrub(scrubber: Any, case: Case) -> Outcome:
    """Scrubber.analyze -> assign -> finish, as scrubbing.services.file_scrub does, with a
    placeholder Pseudonymizer and no deny-list (finding the values is the engine's job)."""
    from scrubbing.engine.base import ScrubError
    from scrubbing.engine.pipeline import Pseudonymizer, TermLists

    t0 = time.perf_counter()
    try:
        analysis = scrubber.analyze(case.name, case.data, TermLists())
        scrubber.assign(analysis, Pseudonymizer(mode="placeholder"))
        r = scrubber.finish(analysis)
        out = Outcome(case, r.status, r.output_name(case.name), r.output, 0.0, r.error or "",
                      r.report)  # fmt: skip
    except ScrubError as exc:
        out = Outcome(case, "failed", case.name, None, 0.0, str(exc))
    except Exception as exc:  # noqa: BLE001 - the worker would record an internal error
        out = Outcome(case, "failed", case.name, None, 0.0, f"{type(exc).__name__}: {exc}")
    out.seconds = time.perf_counter() - t0
    return out


def score(o: Outcome) -> Result:
    case = o.case
    inp = read(case.source_name or case.name, case.source or case.data)
    out = read(o.out_name, o.output) if o.output is not None else None
    hay = _hay(inp)
    readable = [p for p in case.doc.planted if hay.contains(p.value)]
    excluded = [p for p in case.doc.planted if p not in readable]
    s = Score(case.name)
    score_doc(s, replace(case.doc, planted=readable), inp, out)
    before, after = source(case.name, case.data), source(o.out_name, o.output)
    lines = case.data[:2] != b"PK"  # an archive's members are re-ordered: no line to show
    lost = [
        (t, _line_now(t, before, after) if lines else "")
        for t in case.survive
        if not kept(t, before, after)
    ]
    if case.check == "opens":
        parses = opens(o.out_name, o.output, case.data)
    else:
        parses = check(case.check, o.output, case.data)
    return Result(o, s.units, excluded, len(case.survive), lost, parses)


def _line_now(token: Token, before: str, after: str) -> str:
    """The output's line that stands where the input's first line holding `token` was (when
    the output has as many lines), to show what the token became."""
    lines_in, lines_out = before.splitlines(), after.splitlines()
    if not after or len(lines_in) != len(lines_out):
        return ""
    for a, b in zip(lines_in, lines_out):
        if occurrences(token.text, a) and not occurrences(token.text, b):
            return b.strip()[:140]
    return ""
