"""More document shapes for the independent slice (issue 18's fifth round): a court decision,
an HR letter, a reference letter, an org-chart deck, an interview transcript with "Speaker:"
lines, a chat export, a CODEOWNERS file with git trailers, a calendar invite (.ics) and a
remittance-style invoice. Every value goes through the Writer, as in documents.py.

`PLAN` lists them as build.PLAN does; `build(kind, pools, n, fmt)` builds one.
"""

from __future__ import annotations

from typing import Any

from .documents import PageContent, _page
from .mail import TITLES
from .writer import Doc, Pools, Writer

#: (kind, documents per part, formats), as build.PLAN
PLAN = (
    ("court", 4, ("docx", "pdf", "txt")),
    ("hr_letter", 4, ("docx", "pdf")),
    ("reference", 4, ("pdf", "docx")),
    ("orgchart", 4, ("pptx",)),
    ("transcript", 4, ("txt", "docx")),
    ("chat_export", 4, ("txt",)),
    ("codeowners", 4, ("txt", "md")),
    ("invite", 4, ("ics",)),
    ("remittance", 4, ("docx", "pdf")),
)


def build(kind: str, pools: Pools, n: int, fmt: str) -> Doc:
    return _BUILDERS[kind](pools, n, fmt)


# ---------------------------------------------------------------------- court decision
def _court(pools: Pools, n: int, fmt: str) -> Doc:
    """A first-instance judgment: parties in capitals, the judge, counsel, the parties'
    addresses, the people named again by surname and title in the reasons."""
    w = Writer(pools, f"judgment_{n:02d}.{fmt}", "letter", fmt)
    claimant, defendant, judge, c1, c2, witness = w.people(6)
    org = w.company()
    a_c = w.address()
    blocks: list[tuple[str, Any]] = [
        ("p", f"Case No. HC-2026-{400 + n:06d}"),
        ("p", "BETWEEN:"),
        ("p", f"{w.name(claimant, 'caps')}\nClaimant"),
        ("p", "- and -"),
        ("p", f"{w.org(org)}\nDefendant"),
        ("p", f"Before: the Honourable Justice {w.name(judge, 'family')}"),
        ("p", f"{w.name(c1, 'full')} (instructed by counsel's chambers) for the Claimant\n"
              f"{w.name(c2, 'initial')} for the Defendant"),
        ("h", "JUDGMENT"),
        ("p", f"1. The Claimant, {w.name(claimant, 'full')}, of {w.address_text(a_c, 'line')}, "
              f"was employed by the Defendant until 2025."),
        ("p", f"2. I heard evidence from {w.name(witness, 'full')} and from "
              f"{w.name(defendant, 'full')}, the Defendant's operations director. "
              f"{w.name(defendant, 'family')} accepted that the notice was not served."),
        ("p", f"3. Counsel for the Defendant, {w.name(c2, 'family')}, submitted that "
              f"{w.name(witness, 'possessive')} account was unreliable. I do not accept that."),
        ("p", f"4. The claim succeeds. Judgment for {w.name(claimant, 'upper_last')}."),
    ]  # fmt: skip
    return _page(w, PageContent(f"Judgment – case {400 + n}", blocks))


# ---------------------------------------------------------------------- HR letter
def _hr_letter(pools: Pools, n: int, fmt: str) -> Doc:
    """An offer or change-of-terms letter: the employee's address block, the manager, HR."""
    w = Writer(pools, f"hr_letter_{n:02d}.{fmt}", "letter", fmt)
    emp, manager, hr = w.people(3)
    org = w.company()
    home = w.address()
    forms = ("full", "caps", "middle", "initial")
    blocks: list[tuple[str, Any]] = [
        ("p", "PRIVATE & CONFIDENTIAL"),
        ("p", f"{w.name(emp, forms[n % 4])}\n{w.address_text(home, 'block', country_line=n % 2 == 0)}"),
        ("p", f"{3 + n} February 2026"),
        ("p", f"Dear {w.name(emp, 'call')},"),
        ("p", f"Following your conversation with {w.name(manager, 'full')}, we are pleased to "
              f"confirm your new role as {w.rnd.choice(TITLES)} at {w.org(org)} from 1 April "
              f"2026. You will report to {w.name(manager, 'family')}."),
        ("p", f"Your salary and benefits are set out in the enclosed schedule. Please sign and "
              f"return the copy to {w.name(hr, 'full')} ({w.email(hr, org)}) within 14 days."),
        ("p", "Yours sincerely,"),
        ("p", f"{w.name(hr, 'full')}\nPeople & Culture"),
        ("p", f"Employee: {w.name(emp, 'last_first')} · Employee ID E{7000 + n}"),
    ]  # fmt: skip
    return _page(w, PageContent(f"{w.org(org)} – change of terms", blocks))


# ---------------------------------------------------------------------- reference letter
def _reference(pools: Pools, n: int, fmt: str) -> Doc:
    """A reference: the candidate named in full once, then by given name and pronoun."""
    w = Writer(pools, f"reference_{n:02d}.{fmt}", "letter", fmt)
    cand, referee, colleague = w.people(3)
    org = w.company()
    blocks: list[tuple[str, Any]] = [
        ("p", "To whom it may concern,"),
        ("p", f"I am glad to write in support of {w.name(cand, 'full')}, who worked in my team "
              f"at {w.org(org)} from 2019 to 2025."),
        ("p", f"{w.name(cand, 'call')} ran the vendor audits with {w.name(colleague, 'full')} "
              f"and took over the budget when {w.name(colleague, 'call')} went on leave. "
              f"{w.name(cand, 'possessive')} reports were the clearest the board received."),
        ("p", "I recommend them without reservation and am happy to be contacted."),
        ("p", f"{w.name(referee, ('full', 'middle', 'caps', 'initial')[n % 4])}\n"
              f"{w.rnd.choice(TITLES)}, {w.org(org)}\n{w.phone()} · {w.email(referee, org)}"),
    ]  # fmt: skip
    return _page(w, PageContent("Letter of reference", blocks))


# ---------------------------------------------------------------------- org-chart deck
def _orgchart(pools: Pools, n: int, fmt: str) -> Doc:
    """An org chart as slides: a leader per slide title, "Name – Role" bullets, a table of
    "Family, Given" names, a reporting-line sentence."""
    w = Writer(pools, f"orgchart_{n:02d}.pptx", "minutes", "pptx")
    org = w.company()
    head, a, b, c, d, e = w.people(6)
    blocks: list[tuple[str, Any]] = [
        ("p", f"{w.org(org)} · organisation from 1 May"),
        ("h", f"Operations – {w.name(head, ('full', 'caps', 'upper_last', 'latin')[n % 4])}"),
        ("bullets", [f"{w.name(a, 'full')} – Head of Planning",
                     f"{w.name(b, 'caps')} – Fleet",
                     f"{w.name(c, 'latin')} – Procurement"]),
        ("h", "Team leads"),
        ("table", [["Name", "Team", "Location"],
                   [w.name(d, "last_first"), "Chartering", "Singapore"],
                   [w.name(e, "upper_last"), "Claims", "Rotterdam"]]),
        ("h", "Reporting lines"),
        ("p", f"{w.name(a, 'family')} and {w.name(c, 'call')} report to "
              f"{w.name(head, 'western')}."),
    ]  # fmt: skip
    return _page(w, PageContent(f"{w.org(org)} – org chart", blocks))


# ---------------------------------------------------------------------- interview transcript
def _transcript(pools: Pools, n: int, fmt: str) -> Doc:
    """An interview transcript: "Speaker:" labels by full name, surname or caps, timestamps."""
    w = Writer(pools, f"transcript_{n:02d}.{fmt}", "minutes", fmt)
    interviewer, guest, third = w.people(3)
    org = w.company()
    g_label = w.name(guest, ("upper_last", "caps", "full", "family")[n % 4])
    i_label = w.name(interviewer, ("full", "family", "caps", "full")[n % 4])
    lines = [
        f"Interview with {w.name(guest, 'full')} ({w.org(org)}), recorded 12 March 2026",
        f"Interviewer: {w.name(interviewer, 'western')}",
        "",
        f"[00:00:04] {i_label}: Thanks for making the time. Can you start with your role?",
        f"[00:00:11] {g_label}: Sure. I run the terminal operations, since 2021.",
        f"[00:01:32] {i_label}: Who did you work with on the tender?",
        f"[00:01:40] {g_label}: Mostly with {w.name(third, 'full')}; "
        f"{w.name(third, 'call')} did the pricing.",
        f"{i_label}: And the handover?",
        f"{g_label}: That went to {w.name(third, 'family')} in the end.",
        "",
        "[END OF TRANSCRIPT]",
    ]
    text = "\n".join(lines) + "\n"
    if fmt == "txt":
        return w.doc(text, text)
    return _page(w, PageContent(lines[0], [("p", ln) for ln in lines[1:] if ln]))


# ---------------------------------------------------------------------- chat export
def _chat_export(pools: Pools, n: int, fmt: str) -> Doc:
    """A messenger export ("07/03/2026, 09:14 - Name: ...") or a Slack-style one
    ("[2026-03-07 09:14:02] name: ..."), with mentions and system lines."""
    w = Writer(pools, f"chat_export_{n:02d}.txt", "log", "txt")
    a, b, c, d = w.people(4)
    code = w.codename()
    if n % 2:
        lines = [
            f'07/03/2026, 09:14 - {w.name(a, "full")} created group "{w.code(code, 0)}"',
            f"07/03/2026, 09:14 - {w.name(a, 'full')} added {w.name(b, 'full')}",
            f"07/03/2026, 09:15 - {w.name(b, 'full')}: morning! is {w.name(c, 'call')} in?",
            f"07/03/2026, 09:17 - {w.name(a, 'full')}: yes, {w.name(c, 'full')} joins at 10",
            f"07/03/2026, 09:20 - {w.name(b, 'full')}: <Media omitted>",
            f"07/03/2026, 10:02 - {w.name(d, 'latin')}: I'll forward it to {w.name(c, 'family')}",
        ]
    else:
        lines = [
            f"[2026-03-07 09:14:02] {w.name(a, 'western')}: @{w.name(b, 'call')} the "
            f"{w.code(code, 0)} numbers are in",
            f"[2026-03-07 09:15:40] {w.name(b, 'western')}: thanks! cc {w.name(c, 'full')}",
            f"[2026-03-07 09:16:12] {w.name(c, 'western')}: ok, {w.name(d, 'full')} has the "
            "old file",
            f"[2026-03-07 09:30:00] {w.name(d, 'western')} has joined the channel",
        ]
    text = "\n".join(lines) + "\n"
    return w.doc(text, text)


# ---------------------------------------------------------------------- CODEOWNERS, trailers
def _codeowners(pools: Pools, n: int, fmt: str) -> Doc:
    """A CODEOWNERS file (a name in a comment, e-mail owners) and a changelog whose entries
    carry git trailers (Signed-off-by, Acked-by, Reported-by, Tested-by)."""
    w = Writer(pools, f"codeowners_{n:02d}.{fmt}", "log", fmt)
    org = w.company()
    a, b, c, d, e = w.people(5)
    lines = [
        "# CODEOWNERS",
        f"# Billing is owned by {w.name(a, 'full')}; ask {w.name(b, 'call')} for anything infra.",
        f"/billing/          {w.email(a, org)}",
        f"/infra/terraform/  {w.email(b, org)} {w.email(c, org, 'initial')}",
        "",
        "## Changelog",
        "",
        "- Fix the invoice rounding (#412)",
        f"  Signed-off-by: {w.name(c, 'western')} <{w.email(c, org)}>",
        f"  Reported-by: {w.name(d, 'full')}",
        f"  Tested-by: {w.name(e, ('full', 'latin', 'western')[n % 3])}",
        "- Drop the legacy exporter (#409)",
        f"  Acked-by: {w.name(a, 'western')}",
        f"  Suggested-by: {w.name(d, 'family')}",
    ]
    text = "\n".join(lines) + "\n"
    return w.doc(text, text)


# ---------------------------------------------------------------------- calendar invite
def _invite(pools: Pools, n: int, fmt: str) -> Doc:
    """An iCalendar invite: ORGANIZER and ATTENDEE with CN= names, the venue as LOCATION,
    the people named again in the DESCRIPTION."""
    w = Writer(pools, f"invite_{n:02d}.ics", "mail", "ics")
    org = w.company()
    host, a, b, c = w.people(4)
    code = w.codename()
    site = w.address()
    loc = w.address_text(site, "line").replace(",", "\\,")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Example//Calendar 1.0//EN",
        "METHOD:REQUEST",
        "BEGIN:VEVENT",
        f"UID:{20260310 + n}T090000Z-{n}@calendar",
        "DTSTART:20260317T090000Z",
        "DTEND:20260317T103000Z",
        f"SUMMARY:{w.code(code, 0)} – site walk",
        f"ORGANIZER;CN={w.name(host, 'full')}:mailto:{w.email(host, org)}",
        f"ATTENDEE;CN={w.name(a, 'full')};ROLE=REQ-PARTICIPANT:mailto:{w.email(a, org)}",
        f'ATTENDEE;CN="{w.name(b, "last_first")}";ROLE=OPT-PARTICIPANT:mailto:{w.email(b)}',
        f"LOCATION:{loc}",
        f"DESCRIPTION:{w.name(host, 'call')} will meet you at reception. "
        f"{w.name(c, 'full')} brings the permits.",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    text = "\n".join(lines) + "\n"
    return w.doc(text, text)


# ---------------------------------------------------------------------- remittance invoice
def _remittance(pools: Pools, n: int, fmt: str) -> Doc:
    """An invoice with "Sold to" / "Remit to" blocks in one column and a contact line."""
    w = Writer(pools, f"remittance_{n:02d}.{fmt}", "letter", fmt)
    buyer, clerk = w.people(2)
    seller, client = w.company(), w.company()
    a_sold, a_remit = w.address(), w.address()
    blocks: list[tuple[str, Any]] = [
        ("p", f"INVOICE {2026}-{700 + n} · due 30 April 2026"),
        ("table", [["Sold to", f"{w.org(client)}\n{w.name(buyer, ('full', 'caps', 'last_first')[n % 3])}\n"
                                f"{w.address_text(a_sold, 'block', country_line=True)}"],
                   ["Remit to", f"{w.org(seller)}\n{w.address_text(a_remit, 'block')}"]]),
        ("table", [["Item", "Amount"], ["Consulting, March", "EUR 4,800.00"]]),
        ("p", f"Contact: {w.name(clerk, 'full')} – {w.phone()} – {w.email(clerk, seller)}"),
        ("p", f"Bank: {w.iban()}"),
    ]  # fmt: skip
    return _page(w, PageContent(f"{w.org(seller)} – invoice", blocks))


_BUILDERS = {
    "court": _court,
    "hr_letter": _hr_letter,
    "reference": _reference,
    "orgchart": _orgchart,
    "transcript": _transcript,
    "chat_export": _chat_export,
    "codeowners": _codeowners,
    "invite": _invite,
    "remittance": _remittance,
}
