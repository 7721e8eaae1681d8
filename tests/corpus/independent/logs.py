"""Working records that name people in short, sentence-less lines: project timelines, RACI
tables, org-chart lists, chat logs ("[10:42] Anh: ..."), git logs and blame lines, and ticket
exports. Written as .txt or .md; every name goes through the Writer like anywhere else.
"""

from __future__ import annotations

from .writer import Doc, Pools, Writer

_ACTS = (
    "handed over to", "escalated to", "signed off by", "reassigned to", "reviewed by",
    "approved by", "returned to",
)  # fmt: skip
_TASKS = (
    "Vendor due diligence", "Pricing model", "Site acceptance test", "Data migration",
    "Board paper", "Insurance renewal", "Training plan",
)  # fmt: skip


def _timeline(w: Writer) -> str:
    code = w.codename()
    ps = w.people(6)
    forms = ("full", "family", "latin", "initial", "call", "full")
    lines = [f"# {w.code(code, 0)} – timeline", ""]
    for i, (p, form) in enumerate(zip(ps, forms, strict=True)):
        month = f"2024-{i * 2 + 1:02d}"
        act = _ACTS[i % len(_ACTS)]
        if i == 2:
            lines.append(f"{month}-14 — {w.name(p, form)} joined as interim lead")
        elif i == 4:
            lines.append(f"{month} — call with {w.name(p, form)}; agreed to pause the pilot")
        else:
            lines.append(f"{month} — {_TASKS[i % len(_TASKS)].lower()} {act} {w.name(p, form)}")
    lines += ["", f"Owner of this page: {w.name(ps[0], 'western')}"]
    return "\n".join(lines) + "\n"


def _raci(w: Writer) -> str:
    code = w.codename()
    ps = w.people(5)
    forms = ("full", "last_first", "initial", "upper_last", "full")
    names = [w.name(p, f) for p, f in zip(ps, forms, strict=True)]
    rows = ["| Activity | Responsible | Accountable | Consulted | Informed |",
            "|---|---|---|---|---|"]  # fmt: skip
    for i, task in enumerate(_TASKS[:4]):
        r, a, c, inf = (names[(i + k) % len(names)] for k in range(4))
        rows.append(f"| {task} | {r} | {a} | {c} | {inf} |")
    return f"## RACI – {w.code(code, 0)}\n\n" + "\n".join(rows) + "\n"


def _org_chart(w: Writer) -> str:
    org = w.company()
    ps = w.people(6)
    roles = ("Managing Director", "Finance", "Controller", "Operations", "Dispatch", "Assistant")
    forms = ("full", "full", "last_first", "caps", "latin", "call")
    out = [f"{w.org(org)} – organisation", ""]
    for i, (p, role, form) in enumerate(zip(ps, roles, forms, strict=True)):
        indent = "  " * (0 if i == 0 else 1 if i in (1, 3) else 2)
        out.append(f"{indent}- {role}: {w.name(p, form)}")
    return "\n".join(out) + "\n"


def _chat(w: Writer) -> str:
    code = w.codename()
    a, b, c = w.people(3)
    lines = [
        f"[10:42] {w.name(a, 'full')}: morning all, {w.code(code, 0)} call moved to 11",
        f"[10:43] {w.name(b, 'call')}: ok. @{w.name(c, 'call')} can you bring the numbers?",
        f"[10:45] {w.name(c, 'latin')}: yes, sending now",
        f"[10:51] {w.name(a, 'call')}: thanks {w.name(b, 'call')}, and ping {w.name(c, 'family')} "
        "if the deck changes",
        f"[11:02] {w.name(b, 'full')} joined the call",
        f"[11:30] {w.name(c, 'full')} left the call",
    ]
    return "\n".join(lines) + "\n"


def _git(w: Writer) -> str:
    org = w.company()
    a, b, c = w.people(3)
    ea, eb = w.email(a, org), w.email(b, org)
    lines = [
        "commit 3f9a2c1d7e5b4a6f8c0d2e4f6a8b0c2d4e6f8a0b",
        f"Author: {w.name(a, 'western')} <{ea}>",
        "Date:   Tue Mar 3 09:14:55 2026 +0100",
        "",
        "    Fix rounding of the tank-level report",
        "",
        f"    Reviewed-by: {w.name(b, 'full')} <{eb}>",
        f"    Co-authored-by: {w.name(c, 'latin')} <{w.email(c)}>",
        "",
        "commit 9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c",
        f"Author: {w.name(b, 'western')} <{w.email(b, org)}>",
        "Date:   Mon Mar 2 17:40:12 2026 +0100",
        "",
        "    Add the bunker-delivery note parser",
        "",
        "$ git blame report.py",
        f"3f9a2c1d ({w.name(a, 'western')} 2026-03-03 09:14:55 +0100 41)     total = round(x, 2)",
        f"9b8c7d6e ({w.name(b, 'western')} 2026-03-02 17:40:12 +0100 42)     return total",
    ]
    return "\n".join(lines) + "\n"


def _tickets(w: Writer) -> str:
    code = w.codename()
    out = ["Key,Summary,Assignee,Reporter,Status"]
    for i in range(5):
        p, q = w.person(), w.person()
        assignee = w.name(p, ("full", "last_first", "latin", "full", "caps")[i])
        reporter = w.name(q, ("full", "full", "initial", "last_first", "full")[i])
        out.append(f'{w.code(code, 1)}-{100 + i},"{_TASKS[i]} blocked","{assignee}",'
                   f'"{reporter}",{("Open", "In progress", "Done")[i % 3]}')  # fmt: skip
    return "\n".join(out) + "\n"


SHAPES = (_timeline, _raci, _org_chart, _chat, _git, _tickets)


def build_log(pools: Pools, n: int) -> Doc:
    shape = SHAPES[(n - 1) % len(SHAPES)]
    fmt = "md" if shape in (_timeline, _raci, _org_chart) else "txt"
    w = Writer(pools, f"log_{n:02d}_{shape.__name__.strip('_')}.{fmt}", "log", fmt)
    text = shape(w)
    return w.doc(text, text)
