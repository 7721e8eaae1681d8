"""Code names in the places codenames_more.py leaves out (#18).

A spreadsheet's sheet name; a mail's subject chain ("RE: FW: Dunlin pricing") and the quoted
header of the message it answers; a SharePoint site or wiki path ("/sites/Dunlin/"); the
member paths of a ZIP export; a hashtag and a Jira component; a name with a number or phase
("Dunlin-2", "Dunlin Phase II"); the lower-case name in prose after its first formal mention;
the name in capitals on an acronym-rich status line. Every name below was made up for this
module (no list the engine reads holds it); each belongs to one part of the split by
`split.part_of("codename", word)`.
"""

from __future__ import annotations

from .codenames_more import More, _names, _put, build_in_turn
from .documents import BundleContent, PageContent, SheetContent
from .orgs import CodeName
from .writer import Doc, Pools, Writer

#: WORD | how the team writes it
_SIX = """
GOLDCREST | Goldcrest
SANDWORT | Sandwort
STONECHAT | Stonechat
DUNLIN | Dunlin
KNAPWEED | Knapweed
TORMENTIL | Tormentil
SAMPHIRE | Samphire
OBSIDIAN BAY | Obsidian Bay
THORNQUILL | Thornquill
WRENMOOR | Wrenmoor
CINDERVALE | Cindervale
BRINDLECOT | Brindlecot
FENNELWICK | Fennelwick
HOLLOWMERE | Hollowmere
AMBERWING | Amberwing
SLEETSTONE | Sleetstone
NETTLEBROOK | Nettlebrook
COPPERWREN | CopperWren
TIDEWRACK | Tidewrack
GLASSMOTH | Glassmoth
RUSHWOLD | Rushwold
PEBBLECRANE | Pebblecrane
WHINCHAT | Whinchat
BURNET | Burnet
"""


def six_codenames() -> list[More]:
    out = []
    for i, line in enumerate(ln for ln in _SIX.strip().splitlines() if ln.strip()):
        word, display = (c.strip() for c in line.split("|"))
        out.append(More(CodeName(f"S{i + 1:03d}", word, (display,)), display))
    return out


def _sheet_name(w: Writer, k: More, n: int) -> Doc:
    """A workbook whose only mention of the project is a sheet's name."""
    who = _names(w, 3)
    rows = [["Owner", "Line", "Budget"]]
    rows += [
        [who[i], ("Freight", "Insurance", "Handling")[i], str(1200 * (i + 2))] for i in range(3)
    ]
    sheet = _put(w, k, f"{k.display} budget", "sheet name")
    content = SheetContent([(sheet, rows), ("Notes", [["Figures in EUR thousands"]])])
    return w.doc(content, content.text())


def _reply_chain(w: Writer, k: More, n: int) -> Doc:
    """A reply to a forwarded mail: the name only in the subject chain and the quoted header."""
    from .mail import DATES, MailContent

    sender, rcpt = w.person(), w.person()
    subject = f"RE: FW: {_put(w, k, k.display, 'reply subject')} pricing"
    headers = [
        ("From", f'"{w.name(sender, "full")}" <{w.email(sender)}>'),
        ("To", w.email(rcpt)),
        ("Date", DATES[n % len(DATES)][0]),
        ("Subject", subject),
    ]
    body = "\n".join([
        f"Hi {w.name(rcpt, 'call')},", "",
        "Agreed on the volume discount; legal still has to clear the termination clause.", "",
        f"From: {w.name(rcpt, 'full')}",
        f"Subject: FW: {_put(w, k, k.display, 'quoted subject')} pricing", "",
        "> Can you look at the revised rate card before Thursday?", "",
        w.name(sender, "call"),
    ])  # fmt: skip
    content = MailContent(headers, body + "\n", "8bit", False)
    return w.doc(content, content.text())


def _site_paths(w: Writer, k: More, n: int) -> Doc:
    """A handover note that names the project only in its SharePoint site and wiki path."""
    a, b = _names(w, 2)
    site = _put(w, k, f"https://contoso.sharepoint.com/sites/{k.display.replace(' ', '')}/",
                "sharepoint site")  # fmt: skip
    wiki = _put(w, k, f"https://wiki.example.org/spaces/{k.kebab}/pages/handover", "wiki path")
    lines = [
        f"Handover from {a} to {b}",
        "",
        f"The working files are on {site} (Shared Documents > Pricing).",
        f"Decisions and open points are kept at {wiki}.",
        "Access requests go through the service desk.",
    ]
    text = "\n".join(lines) + "\n"
    return w.doc(text, text)


def _zip_paths(w: Writer, k: More, n: int) -> Doc:
    """A ZIP export whose member paths carry the name; the files themselves do not."""
    who = _names(w, 2)
    root = _put(w, k, k.display.replace(" ", "_"), "zip folder")
    members = [
        (f"{root}/pricing/rate_card.txt", "Rate card, revision 3\nBase rate 410 EUR/day\n"),
        (f"{root}/contacts.txt", f"{who[0]}\n{who[1]}\n"),
    ]
    content = BundleContent(members)
    return w.doc(content, content.text())


def _hashtag(w: Writer, k: More, n: int) -> Doc:
    """A Jira issue as text: the component, and a hashtag in the comment."""
    a, b = _names(w, 2)
    comp = _put(w, k, k.display, "jira component")
    tag = _put(w, k, f"#{k.display.replace(' ', '')}", "hashtag")
    lines = [
        "Summary: Rate card import fails for two suppliers",
        f"Component/s: {comp}",
        f"Assignee: {a}",
        "Priority: Major",
        "",
        f"Comment ({b}): reproduced on staging, fix planned for the next drop {tag} #cutover",
    ]
    text = "\n".join(lines) + "\n"
    return w.doc(text, text)


def _suffixed(w: Writer, k: More, n: int) -> Doc:
    """A phase and a numbered release of the project, never the bare name."""
    owner = _names(w, 1)[0]
    blocks: list[tuple[str, object]] = [
        ("p", f"Owner: {owner}"),
        ("p", f"{_put(w, k, f'{k.display}-2', 'numbered')} goes live after the freeze; "
              f"{_put(w, k, f'{k.display} Phase II', 'phase')} starts in September with the "
              f"second wave of sites."),
    ]  # fmt: skip
    content = PageContent("Release plan", blocks)
    return w.doc(content, content.text())


def _lower_after(w: Writer, k: More, n: int) -> Doc:
    """A memo: the formal "Project X" once, then the name in lower case."""
    a = _names(w, 1)[0]
    blocks: list[tuple[str, object]] = [
        ("p", f"Project {_put(w, k, k.display, 'formal')} replaces the regional billing system."),
        ("p", f"The {_put(w, k, k.display.lower(), 'lower-case')} team meets on Tuesdays; {a} "
              f"runs the {_put(w, k, k.display.lower(), 'lower-case')} test plan."),
    ]  # fmt: skip
    content = PageContent("Billing replacement – memo", blocks)
    return w.doc(content, content.text())


def _caps_status(w: Writer, k: More, n: int) -> Doc:
    """A status line in capitals among acronyms."""
    a = _names(w, 1)[0]
    lines = [
        f"WEEKLY STATUS – {a}",
        f"{_put(w, k, k.display.upper(), 'caps status')}: RAG AMBER, SOW SIGNED, UAT WK32, "
        "CAB 14/07, KPI PACK TBC",
        "FINANCE: RAG GREEN, PO RAISED",
    ]
    text = "\n".join(lines) + "\n"
    return w.doc(text, text)


_BUILDERS = (
    ("sheet", "xlsx", _sheet_name),
    ("reply", "eml", _reply_chain),
    ("site", "txt", _site_paths),
    ("zip", "zip", _zip_paths),
    ("jira", "txt", _hashtag),
    ("phase", "docx", _suffixed),
    ("lower", "docx", _lower_after),
    ("status", "txt", _caps_status),
)


def build_six(pools: Pools, part: str | None) -> list[Doc]:
    """One document per code name of this part, the contexts taken in turn."""
    return build_in_turn(
        pools,
        part,
        seed=f"codenames_six:{part}",
        names=six_codenames(),
        builders=_BUILDERS,
        file_name=lambda i, _k, kind, fmt: f"cs{i + 1:02d}_{kind}.{fmt}",
    )
