"""Status reports and short project mails: names where running text puts them.

The other builders mostly put a name where the place says "a person goes here" (an attendee
list, a From line, a table cell). Real reports also name people as the subject that opens a
sentence ("Yetunde Akinwale hands over the ledger…"), as an object in the middle of one
("…agreed with Venkatesh Raghunathan that…"), in an action item ("Action: Joris van 't Veld
to send…") and in a thank-you; and they write the code name as projects do once it is
familiar: a subject tag ("Re: [Falcon] …"), "codename: falcon", an ops ticket
("OPS-FALCON-14"), a file name ("falcon_v2_final.xlsx"), a slide title.
"""

from __future__ import annotations

from .mail import DATES, MailContent
from .orgs import CodeName
from .writer import CODENAME, Doc, Planted, Pools, Writer

#: sentences that open with a person (P), or name one mid-sentence; Q is a second person
_SENTENCES = (
    "{P} hands over the supplier ledger to {Q} on Friday.",
    "{P} joined the team in March and now owns the claims file.",
    "Last week {P} met the broker in Rotterdam about the demurrage claim.",
    "We thank {P} for three years of work on the tender.",
    "{P} and {Q} will review the term sheet before it goes to the board.",
    "According to {P}, the second barge is delayed by a week.",
    "The side letter was signed by {P} on 2 March.",
    "If anything is unclear, please ask {P} or {Q}.",
    "{P} says the numbers in the model are final.",
    "{P} presented the revised budget; {Q} asked for a sensitivity on fuel prices.",
    "Finance agreed with {P} that the retention stays at 5%.",
    "{P} will take over as site lead from {Q} in May.",
    "The auditors spoke to {P} twice about the stock count.",
    "{P} has left the company; her files went to {Q}.",
    "On the customer side, {P} is the person to call.",
    "{P} drafted the variation and {Q} checked the figures.",
)
_ACTIONS = (
    "{P} to send the signed waiver by 14 April",
    "{P} to book the site visit with the harbour master",
    "{P} and {Q} to agree the cut-over date",
    "Chase the pension schedules ({P})",
    "{P} to confirm the insurance cover in writing",
)
_FORMS = ("full", "full", "full", "western", "full", "latin")


def _code_as(w: Writer, k: CodeName, style: str) -> str:
    """The code name written the way a team writes it once it is familiar."""
    word = k.word.title()
    flat = k.word.replace(" ", "")
    snake = k.word.lower().replace(" ", "_")
    value = {
        "tag": f"[{word}]",
        "codename": f"codename: {k.word.lower()}",
        "ticket": f"OPS-{flat}-{14 + len(w.planted) % 30}",
        "file": f"{snake}_v2_final.xlsx",
        "deck": f"{snake}_steerco_{('march', 'april')[len(w.planted) % 2]}.pptx",
        "title": f"{word} – status",
    }[style]
    return w._put(Planted(CODENAME, k.id, value, k.parts, style))


def _fill(w: Writer, template: str, i: int) -> str:
    names = {"P": w.name(w.person(), _FORMS[i % len(_FORMS)])}
    if "{Q}" in template:
        names["Q"] = w.name(w.person(), _FORMS[(i + 1) % len(_FORMS)])
    return template.format(**names)


def build_status(pools: Pools, n: int, fmt: str) -> Doc:
    """A weekly status report: the code name in its title and file references, people in
    running sentences and in action items."""
    from .documents import PageContent, _page

    w = Writer(pools, f"status_{n:02d}.{fmt}", "minutes", fmt)
    code = w.codename()
    rnd = w.rnd
    title = f"{_code_as(w, code, 'title')} report, week {10 + n}"
    picks = rnd.sample(range(len(_SENTENCES)), 4)
    body = [_fill(w, _SENTENCES[j], n + j) for j in picks]
    actions = [_fill(w, _ACTIONS[j], n + j) for j in rnd.sample(range(len(_ACTIONS)), 2)]
    blocks: list[tuple[str, object]] = [
        ("p", f"Project: {w.code(code, 0)}. Working file: {_code_as(w, code, 'file')}; "
              f"open issues are tracked under {_code_as(w, code, 'ticket')}."),
        ("h", "This week"),
        ("p", " ".join(body[:2])),
        ("p", " ".join(body[2:])),
        ("h", "Actions"),
        ("bullets", [f"Action: {a}." for a in actions]),
        ("p", f"The slides are in {_code_as(w, code, 'deck')}."),
    ]  # fmt: skip
    return _page(w, PageContent(title, blocks))


def build_note(pools: Pools, n: int) -> Doc:
    """A short project mail: the code name as a subject tag, people in the body's sentences."""
    w = Writer(pools, f"note_{n:02d}.eml", "mail", "eml")
    sender, rcpt = w.person(), w.person()
    org = w.company()
    code = w.codename()
    date = DATES[n % len(DATES)]
    subject = f"Re: {_code_as(w, code, 'tag')} {('handover', 'next week', 'figures')[n % 3]}"
    headers = [
        ("From", f'"{w.name(sender, "full")}" <{w.email(sender, org)}>'),
        ("To", w.email(rcpt, org)),
        ("Date", date[0]),
        ("Subject", subject),
    ]
    picks = w.rnd.sample(range(len(_SENTENCES)), 3)
    lines = [f"Hi {w.name(rcpt, 'call')},", ""]
    lines += [_fill(w, _SENTENCES[j], n + j) for j in picks[:2]]
    lines += ["", f"({_code_as(w, code, 'codename')}; the tracker is {_code_as(w, code, 'file')})"]
    lines += ["", _fill(w, _SENTENCES[picks[2]], n), "", "Thanks,", w.name(sender, "call")]
    cte = ("8bit", "quoted-printable")[n % 2]
    content = MailContent(headers, "\n".join(lines) + "\n", cte, False)
    return w.doc(content, content.text())
