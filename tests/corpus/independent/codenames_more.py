"""More code names, in the places a contractor's files mention them once a project is familiar.

The first code-name list (orgs.py) is written mostly as "Project X", a subject tag and an
identifier in capitals. Real working files also carry the name as: the Project or Epic column
of a Jira/CSV export and its issue keys ("WHIMBREL-112"); slide titles and speaker notes, with
a possessive ("Larkspur's rollout"); a Slack/Teams export with a channel ("#proj-nutmeg") and a
branch ("feature/gannet-pricing"); a git log (branch names, commit subjects with a ticket key);
a calendar invite's SUMMARY line; the file names of attachments ("saltmarsh_q2_close.xlsx")
and the uploaded file's own name; lower-case mentions in paths and URLs. Every name below was
made up for this module (no list the engine reads holds it); each belongs to one part of the
split by `split.part_of("codename", word)`, like every other item.
"""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .documents import PageContent, SheetContent
from .orgs import CodeName
from .split import part_of
from .writer import CODENAME, Doc, Planted, Pools, Writer

#: WORD | how the team writes it in running text
_MORE = """
BITTERN | Bittern
LARKSPUR | Larkspur
NUTMEG | Nutmeg
FELDSPAR | Feldspar
GANNET | Gannet
TAMARACK | Tamarack
QUOLL | Quoll
PTARMIGAN | Ptarmigan
SALTMARSH | Saltmarsh
COBALT REACH | Cobalt Reach
IRON GULL | Iron Gull
BRASSKEY | BRASSKEY
DUNEPOINT | DunePoint
MARTEN2 | Marten2
HALYARD3 | Halyard3
MUDLARK | Mudlark
TEASEL | Teasel
SORREL | Sorrel
CHAFFINCH | Chaffinch
VERDIGRIS | Verdigris
WHIMBREL | Whimbrel
MORAINE | Moraine
PUMICE | Pumice
SHINGLE | Shingle
QUILLWORT | Quillwort
RAVELIN | Ravelin
TANAGER | Tanager
NORTHWICK | NORTHWICK
GLIMMERTON | Glimmerton
VELORITH | Velorith
BRACKENFOLD | Brackenfold
EMBER FOX | Ember Fox
SALT ROAD | Salt Road
OAKHARBOR | OakHarbor
DOVETAIL | Dovetail
LODESTAR | Lodestar
JACKDAW | Jackdaw
CARDAMOM | Cardamom
TERRAPIN | Terrapin
ZIRCON | Zircon
"""


@dataclass(frozen=True)
class More:
    code: CodeName
    display: str  # "Cobalt Reach", "BRASSKEY", "DunePoint", "Marten2"

    @property
    def snake(self) -> str:
        return self.display.lower().replace(" ", "_")

    @property
    def kebab(self) -> str:
        return self.display.lower().replace(" ", "-")

    @property
    def flat(self) -> str:
        return self.code.word.replace(" ", "")


def more_codenames() -> list[More]:
    out = []
    for i, line in enumerate(ln for ln in _MORE.strip().splitlines() if ln.strip()):
        word, display = (c.strip() for c in line.split("|"))
        out.append(More(CodeName(f"M{i + 1:03d}", word, (display,)), display))
    return out


def _put(w: Writer, k: More, value: str, style: str) -> str:
    return w._put(Planted(CODENAME, k.code.id, value, k.code.parts, style))


def _names(w: Writer, n: int) -> list[str]:
    return [w.name(p, "full") for p in w.people(n)]


# ---------------------------------------------------------------------- builders
def _jira(w: Writer, k: More, n: int) -> Doc:
    """A Jira CSV export: the Epic and Project columns, issue keys built from the name."""
    who = _names(w, 3)
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\n")
    out.writerow(["Issue key", "Summary", "Epic Link", "Project", "Assignee", "Status"])
    tasks = ("Reconcile opening balances", "Load supplier master", "Sign-off pack for SteerCo",
             "Cut-over rehearsal", "Fix FX rounding in the model")  # fmt: skip
    for i, task in enumerate(tasks):
        key = _put(w, k, f"{k.flat}-{101 + i * 7 + n}", "issue key")
        epic = _put(w, k, f"{k.display} data migration", "epic") if i % 2 else ""
        proj = _put(w, k, k.display, "project column")
        out.writerow([key, task, epic, proj, who[i % 3], ("To Do", "In Progress", "Done")[i % 3]])
    return w.doc(buf.getvalue(), buf.getvalue())


def _deck(w: Writer, k: More, n: int) -> Doc:
    """Slides: the name in every title, speaker notes with a possessive and a file path."""
    owner = _names(w, 1)[0]
    blocks: list[tuple[str, object]] = [
        ("p", f"Prepared by {owner}"),
        ("h", f"{_put(w, k, k.display, 'slide title')}: where we are"),
        ("bullets", ["Scope agreed with the business owners", "Budget tracking 4% under plan"]),
        ("p", f"Speaker notes: {_put(w, k, k.display + chr(39) + 's', 'possessive')} rollout "
              f"slipped two weeks; the figures are on "
              f"{_put(w, k, f'sharepoint/sites/{k.kebab}/Shared Documents', 'path')}."),
        ("h", f"Risks for {_put(w, k, k.display, 'slide title')}"),
        ("bullets", ["Key-person dependency in finance", "Data quality of the legacy ledger"]),
    ]  # fmt: skip
    title = f"{_put(w, k, k.display, 'deck title')} – steering committee, {n + 3} June"
    return w.doc(PageContent(title, blocks), PageContent(title, blocks).text())


def _chat(w: Writer, k: More, n: int) -> Doc:
    """A Slack channel export: the channel and branch names, a lower-case mention."""
    a, b, c = _names(w, 3)
    chan = _put(w, k, f"#proj-{k.kebab}", "channel")
    lines = [
        f"Channel: {chan} (exported 2026-06-{10 + n:02d})",
        "",
        f"[09:02] {a}: pushed {_put(w, k, f'feature/{k.kebab}-pricing', 'branch')}, "
        f"can someone review?",
        f"[09:05] {b}: on it. is the {_put(w, k, k.display.lower(), 'lower-case')} "
        f"cut-over still on friday?",
        f"[09:07] {a}: yes, see {_put(w, k, f'https://wiki.example.net/{k.kebab}/cutover', 'url')}",
        f"[09:15] {c}: {_put(w, k, k.display, 'chat')} numbers look fine to me",
    ]
    text = "\n".join(lines) + "\n"
    return w.doc(text, text)


def _gitlog(w: Writer, k: More, n: int) -> Doc:
    """`git log`: a branch merged, commit subjects led by a ticket key."""
    a, b = w.people(2)
    lines = []
    subjects = (
        f"Merge branch '{_put(w, k, f'feature/{k.kebab}-pricing', 'branch')}'",
        f"{_put(w, k, f'{k.flat}-{40 + n}', 'ticket')}: round FX rates to 6 places",
        f"{_put(w, k, f'{k.flat}-{41 + n}', 'ticket')}: add the "
        f"{_put(w, k, k.display.lower(), 'lower-case')} export job",
    )
    for i, subject in enumerate(subjects):
        p = (a, b)[i % 2]
        lines += [
            f"commit {''.join(w.rnd.choice('0123456789abcdef') for _ in range(40))}",
            f"Author: {w.name(p, 'full')} <{w.email(p)}>",
            f"Date:   Tue Jun {2 + i} 10:1{i}:00 2026 +0200",
            "",
            f"    {subject}",
            "",
        ]
    text = "\n".join(lines)
    return w.doc(text, text)


def _invite(w: Writer, k: More, n: int) -> Doc:
    """A calendar invite as text: SUMMARY and DESCRIPTION lines."""
    org = w.name(w.person(), "full")
    summary = _put(w, k, k.display, "invite summary")
    lines = [
        "BEGIN:VCALENDAR",
        "BEGIN:VEVENT",
        f"SUMMARY:{summary} weekly sync",
        f"DTSTART:202606{10 + n:02d}T090000Z",
        f"ORGANIZER;CN={org}:mailto:{w.email(w.person())}",
        f"DESCRIPTION:Agenda: {_put(w, k, k.display, 'invite body')} budget\\, open risks\\, "
        f"the {_put(w, k, f'{k.snake}_risk_log.xlsx', 'attachment')} walkthrough",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    text = "\n".join(lines) + "\n"
    return w.doc(text, text)


def _memo(w: Writer, k: More, n: int) -> Doc:
    """A short memo that names the project only in the file names of its attachments."""
    who = _names(w, 2)
    att1 = _put(w, k, f"{k.snake}_q2_close.xlsx", "attachment only")
    att2 = _put(w, k, f"{k.snake}_board_pack_v3.pptx", "attachment only")
    blocks: list[tuple[str, object]] = [
        ("p", f"From: {who[0]}\nTo: {who[1]}"),
        ("p", "Please find the quarter-end close workbook and the board pack attached. The "
              "accruals are final; the intercompany eliminations still need a second review."),
        ("bullets", [f"Attachment: {att1}", f"Attachment: {att2}"]),
    ]  # fmt: skip
    content = PageContent("Quarter-end close – memo", blocks)
    return w.doc(content, content.text())


def _own_file(w: Writer, k: More, n: int) -> Doc:
    """A workbook uploaded under the project's name: the name in its title cell too."""
    who = _names(w, 3)
    rows = [[f"{_put(w, k, k.display, 'sheet title')} – pricing model, final"], ["Owner", "Line"]]
    rows += [[who[i], ("Freight", "Insurance", "Handling")[i]] for i in range(3)]
    content = SheetContent([("Summary", rows)])
    return w.doc(content, content.text())


def _mail(w: Writer, k: More, n: int) -> Doc:
    """A short project mail: the name leads the subject, a possessive and a team channel in
    the body, nothing says "Project"."""
    from .mail import DATES, MailContent

    sender, rcpt = w.person(), w.person()
    subject = f"{_put(w, k, k.display, 'subject')} – next steps"
    headers = [
        ("From", f'"{w.name(sender, "full")}" <{w.email(sender)}>'),
        ("To", w.email(rcpt)),
        ("Date", DATES[n % len(DATES)][0]),
        ("Subject", subject),
    ]
    body = "\n".join([
        f"Hi {w.name(rcpt, 'call')},", "",
        f"{_put(w, k, k.display + chr(8217) + 's', 'possessive')} go-live moves to 14 July; "
        "finance signed the numbers off yesterday.",
        f"Questions to {_put(w, k, f'#{k.kebab}-core', 'channel')} please.", "",
        "Thanks,", w.name(sender, "call"),
    ])  # fmt: skip
    content = MailContent(headers, body + "\n", "8bit", False)
    return w.doc(content, content.text())


def _teams(w: Writer, k: More, n: int) -> Doc:
    """A Teams chat export: the team and channel path, a shared file, no trigger word."""
    a, b = _names(w, 2)
    team = _put(w, k, k.display, "team name")
    lines = [
        f"Team: {team} > General",
        "",
        f"{a}  10:14",
        f"Uploaded {_put(w, k, f'{k.snake}_cutover_runbook_v2.docx', 'attachment')}",
        f"{b}  10:20",
        "thanks, will read it before the call",
    ]
    text = "\n".join(lines) + "\n"
    return w.doc(text, text)


_BUILDERS = (
    ("jira", "csv", _jira),
    ("deck", "pptx", _deck),
    ("chat", "txt", _chat),
    ("gitlog", "txt", _gitlog),
    ("invite", "txt", _invite),
    ("memo", "docx", _memo),
    ("own", "xlsx", _own_file),
    ("mail", "eml", _mail),
    ("teams", "txt", _teams),
)


Builder = tuple[str, str, Callable[[Writer, More, int], Doc]]  # kind, format, build


def build_in_turn(
    pools: Pools,
    part: str | None,
    *,
    seed: str,
    names: list[More],
    builders: Sequence[Builder],
    file_name: Callable[[int, More, str, str], str],
) -> list[Doc]:
    """One document per code name of this part, shuffled by `seed`, the contexts taken in
    turn; `file_name(i, name, kind, fmt)` names each document."""
    rnd = random.Random(seed)
    mine = [k for k in names if part is None or part_of("codename", k.code.word) == part]
    rnd.shuffle(mine)
    docs = []
    for i, k in enumerate(mine):
        kind, fmt, build = builders[i % len(builders)]
        name = file_name(i, k, kind, fmt)
        w = Writer(pools, name, "export" if fmt in ("csv", "xlsx") else "minutes", fmt)
        docs.append(build(w, k, i))
    return docs


def _more_file_name(i: int, k: More, kind: str, fmt: str) -> str:
    if kind == "own":
        return f"{k.snake}_pricing_final_v{i % 4 + 1}.{fmt}"
    return f"cn{i + 1:02d}_{kind}.{fmt}"


def build_more(pools: Pools, part: str | None) -> list[Doc]:
    """One document per code name of this part, the contexts taken in turn."""
    return build_in_turn(
        pools,
        part,
        seed=f"codenames_more:{part}",
        names=more_codenames(),
        builders=_BUILDERS,
        file_name=_more_file_name,
    )
