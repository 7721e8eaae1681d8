"""Mail threads shaped like real ones: display names in every style, Cc lines, Lotus Notes
addresses in X-To/X-cc, quoted replies (Outlook's "-----Original Message-----" blocks and
Gmail's "On ... wrote:" with "> " lines), surname-first sign-offs and signature blocks with
phones, extensions and addresses. Written as .eml (8bit, quoted-printable or base64 bodies,
RFC 2047 encoded names, sometimes with an HTML alternative) or as an exported .txt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .people import Person
from .writer import Doc, Pools, Writer

DATES = (
    ("Mon, 2 Mar 2026 17:40:12 +0100", "Monday, 2 March 2026 17:40"),
    ("Tue, 3 Mar 2026 09:14:55 +0100", "Tuesday, 3 March 2026 09:14"),
    ("Wed, 11 Mar 2026 08:02:31 +0000", "Wednesday, 11 March 2026 08:02"),
    ("Thu, 19 Mar 2026 16:27:09 -0500", "Thursday, 19 March 2026 16:27"),
    ("Fri, 27 Mar 2026 11:45:00 +0900", "Friday, 27 March 2026 11:45"),
    ("Mon, 6 Apr 2026 13:05:44 +0530", "Monday, 6 April 2026 13:05"),
)
TITLES = (
    "Chartering Manager", "Head of Procurement", "Senior Legal Counsel", "Project Controller",
    "Operations Lead", "Finance Director", "Site Manager", "HR Business Partner",
    "IT Service Owner", "Key Account Manager",
)  # fmt: skip


@dataclass
class MailContent:
    headers: list[tuple[str, str]]
    body: str
    cte: str  # "8bit", "quoted-printable" or "base64"
    html: bool  # add a text/html alternative

    def text(self) -> str:
        return "\n".join(f"{k}: {v}" for k, v in self.headers) + "\n\n" + self.body


def _topic(w: Writer, i: int, them: Person, code, org2) -> list[str]:
    """The news of one message (paragraphs), by topic."""
    k = w.code(code, 0)
    ident = w.code(code, 1)
    topics = [
        lambda: [
            f"The revised delivery window for {k} is attached. {w.org(org2)} confirmed the "
            f"barge for the 14th; their dispatcher is on {w.phone()}.",
            f"Please quote {ident} on every invoice so that finance can match it.",
        ],
        lambda: [
            f"I have uploaded the due diligence pack to the data room under {ident}. The model "
            f"is in {w.code(code, 2)}; {w.org(org2)} still owes us the pension schedules.",
            f"Could {w.name(them, 'call')} check the change-of-control clauses before Friday?",
        ],
        lambda: [
            f"Please pay the retention for {k} to the account below, not the one on the old "
            f"invoice:\n\nBeneficiary: {w.org(org2)}\nIBAN: {w.iban()}\nReference: {ident}",
            "Finance will not release anything without the signed waiver.",
        ],
        lambda: [
            f"Your access to the {k} reporting server is ready. User name is the usual, the "
            f"temporary password is {w.secret('password')} and must be changed at first login.",
            f"For the deploy job use the token {w.secret(w.rnd.choice(('github', 'aws_key', 'slack', 'stripe', 'google')))} "  # noqa: E501
            "(it expires on 30 April).",
        ],
        lambda: [
            f"The interview panel for the {k} analyst role is {w.name(them, 'full')} and me. "
            f"The candidate's CV is attached; she can be reached on {w.phone(kind='ext')}.",
            f"Please book the room through {w.org(org2)} reception ({w.phone()}).",
        ],
        lambda: [
            f"We meet at the {w.org(org2)} office:\n{w.address_text(w.address(), 'block')}",
            f"Dial-in for those abroad: {w.phone(kind='intl')}, conference ID {ident}.",
        ],
        lambda: [
            f"Attached are our redlines to the {k} supply agreement. {w.org(org2)} wants the "
            "liability cap at 100% of fees; we can live with 150%.",
            f"{w.name(them, 'possessive')} comments on schedule 4 are folded in.",
        ],
        lambda: [
            f"There was a near miss at {w.address_text(w.address(), 'line')} this morning. "
            f"Nobody was hurt; the site log is filed under {ident}.",
            f"The contractor's supervisor can be called on {w.phone(kind='national')}.",
        ],
    ]
    return topics[i % len(topics)]()


def _signature(w: Writer, p: Person, org, style: int) -> str:
    title = w.rnd.choice(TITLES)
    name = w.name(p, ("upper_last", "full", "last_first", "middle")[style % 4])
    lines = [name, title, w.org(org)]
    if style % 3 == 0:  # the office's address on one line, or as a block of its own lines
        lines.append(w.address_text(w.address(org.country), ("line", "block")[style % 2]))
    lines.append(f"Tel. {w.phone(org.country)} | Mob. {w.phone(kind='national')}")
    if style % 2:
        lines.append(w.email(p, org))
    return "--\n" + "\n".join(lines)


def _addr(w: Writer, p: Person, org, style: str) -> str:
    email = w.email(p, org, w.rnd.choice(("dot", "dot", "initial", "underscore")))
    if style == "quoted":
        return f'"{w.name(p, "full")}" <{email}>'
    if style == "last_first":
        return f'"{w.name(p, "last_first")}" <{email}>'
    if style == "bare":
        name = w.name(p, "latin")
        return (
            f'"{name}" <{email}>' if re.search(r'[.,()<>@;:"\[\]]', name) else f"{name} <{email}>"
        )
    return email


def build_mail(pools: Pools, n: int) -> Doc:
    as_text = n % 4 == 3  # an exported thread (Enron-style X- headers) as .txt
    w = Writer(
        pools, f"mail_{n:02d}.{'txt' if as_text else 'eml'}", "mail", "txt" if as_text else "eml"
    )
    sender, rcpt, *cc = w.people(w.rnd.randint(3, 5))
    org_s, org_r, org3 = w.company(), w.company(), w.company()
    code = w.codename()
    date, sent = DATES[n % len(DATES)], DATES[(n + 1) % len(DATES)]
    styles = ("quoted", "last_first", "bare", "quoted")
    subject = f"RE: {w.code(code, 0)} – {('next steps', 'revised schedule', 'for review')[n % 3]}"
    headers = [
        ("From", _addr(w, sender, org_s, styles[n % 4])),
        ("To", _addr(w, rcpt, org_r, styles[(n + 1) % 4])),
    ]
    if cc:
        headers.append(
            ("Cc", ", ".join(_addr(w, p, org_r, styles[(n + i) % 4]) for i, p in enumerate(cc)))
        )
    headers += [("Date", date[0]), ("Subject", subject)]
    headers.append(("Message-ID", f"<{n:04d}.{w.rnd.randint(10**9, 10**10)}.JavaMail.evans@thyme>"))
    if as_text or n % 2:
        headers.append(("X-From", f'"{w.name(sender, "western")}" <{w.email(sender, org_s)}>'))
        headers.append(("X-To", w.name(rcpt, "notes")))
        if cc:
            headers.append(("X-cc", ", ".join(w.name(p, "notes") for p in cc)))
    # newest message first, then the quoted one it answers
    body = [f"{('Hi', 'Dear', 'Hello')[n % 3]} {w.name(rcpt, 'call')},", ""]
    body += _topic(w, n, cc[0] if cc else rcpt, code, org3)
    sign = ("Best regards", "Kind regards", "Thanks", "Cheers")[n % 4]
    body += ["", f"{sign},", w.name(sender, ("call", "upper_last", "initial_after", "full")[n % 4])]
    body += ["", _signature(w, sender, org_s, n)]
    if n % 2 == 0:  # Outlook
        body += [
            "",
            "-----Original Message-----",
            f"From: {w.name(rcpt, 'last_first')}",
            f"Sent: {sent[1]}",
            f"To: {w.name(sender, 'last_first')}",
        ]
        if cc:
            body.append("Cc: " + "; ".join(w.name(p, "last_first") for p in cc))
        body += [f"Subject: {subject[4:]}", ""]
        body += _topic(w, n + 3, sender, code, org_r)
        body += ["", w.name(rcpt, "full")]
    else:  # Gmail-style quote
        body += [
            "",
            f"On {sent[0][:16]} at {sent[1][-5:]}, {w.name(rcpt, 'western')} <{w.email(rcpt, org_r)}> wrote:",
        ]
        quoted = [f"Hi {w.name(sender, 'call')},", ""] + _topic(w, n + 5, sender, code, org_r)
        quoted += ["", "Thanks,", w.name(rcpt, "initial")]
        body += ["> " + ln if ln else ">" for q in quoted for ln in q.split("\n")]
    cte = ("8bit", "quoted-printable", "base64")[n % 3]
    content = MailContent(headers, "\n".join(body) + "\n", cte, html=n % 5 == 1 and not as_text)
    return w.doc(content, content.text())
