"""Meeting minutes, letters, CVs and data exports written around the hand-written values.

Each builder returns a `Doc` whose content render.py writes as .docx, .pdf, .txt, .xlsx, .csv
or .json, and whose `text` is the same document as plain text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from .mail import TITLES
from .prose import DOCS, SLOT, survive_terms
from .writer import Doc, Pools, Writer


@dataclass
class PageContent:
    title: str
    blocks: list[tuple[str, Any]]  # ("h"|"p", str), ("bullets", [str]), ("table", [[str]])
    author: str = ""

    def text(self) -> str:
        out = []
        if self.author:
            out.append(f"Author: {self.author}")
        out.append(self.title)
        for kind, value in self.blocks:
            if kind in ("h", "p"):
                out.append(value)
            elif kind == "bullets":
                out += [f"- {v}" for v in value]
            elif kind == "table":
                out += ["\t".join(row) for row in value]
        return "\n\n".join(out) + "\n"


@dataclass
class SheetContent:
    sheets: list[tuple[str, list[list[str]]]] = field(default_factory=list)

    def text(self) -> str:
        return "\n\n".join(
            name + "\n" + "\n".join("\t".join(r) for r in rows) for name, rows in self.sheets
        )


def _page(w: Writer, content: PageContent) -> Doc:
    return w.doc(content, content.text())


# ---------------------------------------------------------------------- minutes
def build_minutes(pools: Pools, n: int, fmt: str) -> Doc:
    w = Writer(pools, f"minutes_{n:02d}.{fmt}", "minutes", fmt)
    code, org, org2 = w.codename(), w.company(), w.company()
    chair, sec, *rest = w.people(w.rnd.randint(6, 8))
    absent, others = rest[-1], rest[:-1]
    styles = ("full", "upper_last", "last_first", "native", "middle", "initial", "caps")
    attendees = [f"{w.name(chair, 'full')} (chair)", f"{w.name(sec, 'full')} (minutes)"]
    for i, p in enumerate(others):
        attendees.append(
            f"{w.name(p, styles[(n + i) % len(styles)])} – {w.org(org if i % 2 else org2)}"
        )
    title = f"{w.code(code, 0)} – steering committee"
    blocks: list[tuple[str, Any]] = [
        ("p", f"Minutes of the meeting held on {10 + n} March 2026, 10:00–11:30, by video call."),
        ("h", "Present"),
        ("bullets", attendees),
        ("p", f"Apologies: {w.name(absent, 'full')}"),
        ("h", "1. Status"),
        ("p", f"{w.name(chair, 'call')} opened the meeting. {w.name(others[0], 'latin')} reported "
              f"that {w.code(code, 1)} is two weeks late because {w.org(org2)} has not delivered "
              "the test rig. The revised plan is in the shared folder."),
        ("h", "2. Risks"),
        ("p", f"{w.name(others[1 % len(others)], 'possessive')} risk register now lists the "
              f"currency exposure. {w.name(sec, 'western')} will circulate "
              f"{w.code(code, 2)} by Friday."),
        ("h", "3. Action items"),
        ("table", [
            ["#", "Action", "Owner", "Due"],
            ["1", "Confirm delivery date with the supplier", w.name(others[0], "last_first"), "20 March"],
            ["2", f"Update the budget for {w.code(code, 0)}", w.name(chair, "initial"), "27 March"],
            ["3", "Book the site visit", w.name(others[-1], "upper_last"), "3 April"],
        ]),
        ("p", f"Next meeting: 14 April 2026. Questions to {w.name(sec, 'full')}, "
              f"{w.email(sec, org)}, {w.phone(kind='ext')}."),
    ]  # fmt: skip
    return _page(w, PageContent(title, blocks, author=w.name(sec, "western")))


# ---------------------------------------------------------------------- letters
def build_letter(pools: Pools, n: int, fmt: str) -> Doc:
    w = Writer(pools, f"letter_{n:02d}.{fmt}", "letter", fmt)
    sender, rcpt, cc = w.people(3)
    org_s, org_r = w.company(), w.company()
    code = w.codename()
    a_s, a_r = w.address(org_s.country), w.address(org_r.country)
    salutation = ("Dear {},", "Dear Dr {},", "Dear Ms {},", "Dear Mr {},")[n % 4]
    greet_name = w.name(rcpt, "full" if n % 4 == 0 else "family")
    blocks: list[tuple[str, Any]] = [
        ("p", f"{w.org(org_s)}\n{w.address_text(a_s, 'block')}\nTel. {w.phone(org_s.country)} · {w.email(sender, org_s)}"),
        ("p", f"{w.name(rcpt, ('full', 'caps', 'initial', 'middle')[n % 4])}\n{w.rnd.choice(TITLES)}\n"
              f"{w.org(org_r)}\n{w.address_text(a_r, 'block', country_line=True)}"),
        ("p", f"{12 + n} March 2026\nOur ref: {w.code(code, 1)}"),
        ("p", salutation.format(greet_name)),
        ("p", f"Re: {w.code(code, 0)} – notice of variation"),
        ("p", "Further to our call last week, we confirm the variation to the services "
              "agreement. The new fees apply from 1 May 2026. Please countersign and return one "
              f"copy to the address above or to {w.email(cc, org_s)}."),
        ("p", f"Payments should be made to {w.iban()} quoting {w.code(code, 1)}."),
        ("p", "Yours sincerely,"),
        ("p", f"{w.name(sender, 'full')}\n{w.rnd.choice(TITLES)}, {w.org(org_s)}"),
        ("p", f"cc: {w.name(cc, 'last_first')}"),
    ]  # fmt: skip
    return _page(w, PageContent(f"{w.org(org_s)}", blocks, author=w.name(sender, "western")))


# ---------------------------------------------------------------------- CVs
def build_cv(pools: Pools, n: int, fmt: str) -> Doc:
    w = Writer(pools, f"cv_{n:02d}.{fmt}", "cv", fmt)
    me, ref1, ref2 = w.people(3)
    o1, o2, o3 = w.company(), w.company(), w.company()
    code = w.codename()
    title = w.name(me, "caps")
    blocks: list[tuple[str, Any]] = [
        ("p", f"{w.address_text(w.address(), 'line')} · {w.phone(kind='intl')} · {w.email(me)}"),
        ("h", "Profile"),
        ("p", "Operations manager with twelve years in logistics and energy trading, "
              "fluent in three languages, used to working across time zones."),
        ("h", "Experience"),
        ("p", f"2021 – present: {w.rnd.choice(TITLES)}, {w.org(o1)}"),
        ("bullets", [f"Led {w.code(code, 0)}: a fleet renewal worth EUR 40m, delivered on budget.",
                     f"Built the {w.code(code, 2)} reporting used by the board."]),
        ("p", f"2016 – 2021: {w.rnd.choice(TITLES)}, {w.org(o2)}"),
        ("h", "References"),
        ("p", f"{w.name(ref1, 'full')}, {w.rnd.choice(TITLES)}, {w.org(o3)} – {w.phone()}, "
              f"{w.email(ref1, o3)}"),
        ("p", f"{w.name(ref2, ('last_first', 'upper_last', 'middle')[n % 3])}, "
              f"{w.rnd.choice(TITLES)} – {w.phone(kind='national')}"),
    ]  # fmt: skip
    return _page(w, PageContent(title, blocks, author=w.name(me, "western")))


# ---------------------------------------------------------------------- exports
def _contact_rows(w: Writer, rows: int) -> list[dict[str, str]]:
    org = w.company()
    out = []
    for i in range(rows):
        p = w.person()
        if i % 5 == 4:
            org = w.company()
        out.append({
            "name": w.name(p, ("full", "latin", "last_first", "native", "caps")[i % 5]),
            "company": w.org(org),
            "email": w.email(p, org, ("dot", "initial", "underscore")[i % 3]),
            "phone": w.phone(),
            "address": w.address_text(w.address(), "line"),
        })  # fmt: skip
    return out


def build_json(pools: Pools, n: int) -> Doc:
    w = Writer(pools, f"export_{n:02d}.json", "export", "json")
    code = w.codename()
    records = []
    for i, row in enumerate(_contact_rows(w, 14)):
        owner = w.person()
        rec: dict[str, Any] = {"id": f"CRM-{n:02d}{i:03d}", **row}
        rec["owner"] = {"displayName": w.name(owner, "full"), "email": w.email(owner)}
        rec["project"] = w.code(code, i % 3)
        records.append(rec)
    text = json.dumps({"exported": "2026-03-31", "records": records}, ensure_ascii=False, indent=2)
    return w.doc(text, text)


def build_csv(pools: Pools, n: int) -> Doc:
    import csv
    import io

    w = Writer(pools, f"contacts_{n:02d}.csv", "export", "csv")
    rows = _contact_rows(w, 18)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return w.doc(buf.getvalue(), buf.getvalue())


def build_xlsx(pools: Pools, n: int) -> Doc:
    w = Writer(pools, f"contacts_{n:02d}.xlsx", "export", "xlsx")
    rows = _contact_rows(w, 16)
    code = w.codename()
    contacts = [["Name", "Company", "E-mail", "Phone", "Address"]] + [
        list(r.values()) for r in rows
    ]
    tracker = [["Workstream", "Owner", "Status"]]
    for i in range(4):
        tracker.append([w.code(code, i), w.name(w.person(), "full"), ("green", "amber")[i % 2]])
    content = SheetContent([("Contacts", contacts), ("Tracker", tracker)])
    return w.doc(content, content.text())


# ---------------------------------------------------------------------- prose
def build_prose(pools: Pools, i: int) -> Doc:
    p = DOCS[i]
    fmt = p.name.rsplit(".", 1)[1]
    w = Writer(pools, p.name, "prose", fmt)
    who: dict[str, Any] = {}

    def fill(m: Any) -> str:
        key = m.group("kind") + m.group("n")
        if m.group("kind") == "c":
            return w.org(who.setdefault(key, w.company()))
        return w.name(who.setdefault(key, w.person()), m.group("form") or "full")

    body = SLOT.sub(fill, p.text)
    if fmt in ("docx", "pdf"):
        lines = body.strip().split("\n\n")
        content: Any = PageContent(lines[0], [("p", b) for b in lines[1:]])
        text = content.text()
    else:
        content = text = body
    doc = w.doc(content, text)
    doc.survive = survive_terms(p)
    return doc


# ---------------------------------------------------------------------- invoices
def build_invoice(pools: Pools, n: int, fmt: str) -> Doc:
    """An invoice: the bill-to and ship-to addresses side by side in two table cells, the
    seller's registered office one line per cell in the footer, the project in the lines."""
    w = Writer(pools, f"invoice_{n:02d}.{fmt}", "letter", fmt)
    buyer, clerk = w.people(2)
    org_s, org_b = w.company(), w.company()
    code = w.codename()
    a_bill, a_ship, a_seat = w.address(org_b.country), w.address(), w.address(org_s.country)
    bill = f"{w.org(org_b)}\n{w.address_text(a_bill, 'block')}"
    ship = f"Attn: {w.name(buyer, ('full', 'last_first', 'caps')[n % 3])}\n" + w.address_text(
        a_ship, "block", country_line=True
    )
    blocks: list[tuple[str, Any]] = [
        ("p", f"Invoice no. INV-2026-{n:03d} · {3 + n} April 2026 · Your ref: {w.code(code, 1)}"),
        ("table", [["Bill to", "Ship to"], [bill, ship]]),
        ("table", [
            ["Description", "Qty", "Amount"],
            [f"Advisory services – {w.code(code, 0)}", "1", "EUR 12,400.00"],
            [f"Data room hosting ({w.code(code, 2)})", "1", "EUR 860.00"],
        ]),
        ("p", f"Please pay within 30 days to {w.iban()}. Questions about this invoice: "
              f"{w.name(clerk, 'full')}, {w.email(clerk, org_s)}, {w.phone(org_s.country)}."),
        ("table", [["Registered office", *w.address_cells(a_seat, country_line=n % 2 == 0)]]),
    ]  # fmt: skip
    return _page(w, PageContent(w.org(org_s), blocks, author=w.name(clerk, "western")))


# ---------------------------------------------------------------------- slide decks
def build_deck(pools: Pools, n: int) -> Doc:
    """A board deck (.pptx): the code name in the slide titles, the site's address on a slide
    of its own, owners in a table."""
    w = Writer(pools, f"deck_{n:02d}.pptx", "minutes", "pptx")
    code, org = w.codename(), w.company()
    lead, owner1, owner2 = w.people(3)
    site = w.address()
    blocks: list[tuple[str, Any]] = [
        ("p", f"Board update · prepared by {w.name(lead, 'full')}, {w.org(org)}"),
        ("h", f"{w.code(code, 0)}: where we are"),
        ("bullets", [f"{w.code(code, 1)} signed on 3 March", f"Working files: {w.code(code, 2)}",
                     "Budget on track; one supplier late"]),
        ("h", "Site visit"),
        ("p", w.address_text(site, "block", country_line=n % 2 == 1)),
        ("h", f"Next steps for {w.code(code, 0)}"),
        ("table", [["Action", "Owner"],
                   ["Close the open points", w.name(owner1, ("full", "initial")[n % 2])],
                   ["Prepare the signing", w.name(owner2, "last_first")]]),
    ]  # fmt: skip
    return _page(w, PageContent(f"{w.code(code, 0)} – board update", blocks))


# ---------------------------------------------------------------------- address books
def build_addressbook(pools: Pools, n: int) -> Doc:
    """A CRM export with the address over several columns (csv) or a nested object (json)."""
    import csv
    import io

    fmt = ("csv", "json")[n % 2]
    w = Writer(pools, f"addresses_{n:02d}.{fmt}", "export", fmt)
    rows = []
    for i in range(10):
        p, org = w.person(), w.company()
        lines = w.address_cells(w.address(), country_line=i % 2 == 0)
        rows.append({
            "contact": w.name(p, ("full", "last_first", "caps")[i % 3]),
            "organisation": w.org(org),
            "address_line_1": lines[0],
            "address_line_2": lines[1] if len(lines) > 1 else "",
            "address_line_3": ", ".join(lines[2:]),
            "phone": w.phone(),
        })  # fmt: skip
    if fmt == "json":
        recs = [
            {"contact": r["contact"], "organisation": r["organisation"], "phone": r["phone"],
             "address": {"street": r["address_line_1"], "locality": r["address_line_2"],
                         "region": r["address_line_3"]}}
            for r in rows
        ]  # fmt: skip
        text = json.dumps({"contacts": recs}, ensure_ascii=False, indent=2)
        return w.doc(text, text)
    buf = io.StringIO()
    out = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
    out.writeheader()
    out.writerows(rows)
    return w.doc(buf.getvalue(), buf.getvalue())


# ---------------------------------------------------------------------- zip bundles
@dataclass
class BundleContent:
    members: list[tuple[str, str]]  # (name in the zip, text)

    def text(self) -> str:
        return "\n\n".join(f"{name}\n{body}" for name, body in self.members)


def build_bundle(pools: Pools, n: int) -> Doc:
    """A data-room export (.zip): the code name in its README's title and body, the people
    on an access list, the delivery address for the drives."""
    w = Writer(pools, f"bundle_{n:02d}.zip", "export", "zip")
    code, org = w.codename(), w.company()
    owner, a, b, c = w.people(4)
    readme = (
        f"# {w.code(code, 0)} – data room export\n\n"
        f"Prepared by {w.name(owner, 'full')} ({w.org(org)}). Questions: {w.email(owner, org)}.\n\n"
        f"## Contents\n\n- `{w.code(code, 2)}`: the working files\n"
        f"- notes/access.txt: who may open {w.code(code, 1)}\n\n"
        f"Hard drives go to:\n\n{w.address_text(w.address(), 'block', country_line=True)}\n"
    )
    access = "\n".join(
        [f"{w.code(code, 1)} – access list", w.name(a, "last_first"), w.name(b, "caps"),
         w.name(c, ("full", "initial")[n % 2])]
    ) + "\n"  # fmt: skip
    content = BundleContent([("README.md", readme), ("notes/access.txt", access)])
    return w.doc(content, content.text())
