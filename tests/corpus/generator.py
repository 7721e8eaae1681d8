"""Generate the ground-truth corpus: realistic work files with personal data in every place the
engine claims to reach, and a truth file that lists every planted value.

    .venv/bin/python tests/corpus/generator.py OUT_DIR [--tasks 7] [--seed 20240901]

One *task* per GDPval-style occupation (its own Faker locale, client, code names, colleagues),
each with the same set of files: report.docx, model.xlsx, deck.pptx, memo.pdf, contacts.csv,
notes.md, settings.env, repo.zip (code, .env, csv, a nested .docx, a member named after a
person) and an image (PNG or JPEG) whose text is in the pixels.

Truth (`truth.json`):
  values:  {task, file, location, type, value}   every planted value, where it was put;
  survive: {task, file, location, text}          ordinary work text that must still be there;
  tasks:   {id, occupation, sector, locale, deny: [{text, type}], files: [...]}.

Rules the corpus keeps so that a leak can be attributed: every location gets its own fresh
person, e-mail, phone... (a value found in the output belongs to the places it was planted in
that file); client names and code names are the task's deny-list, colleagues' names are not.
Values are realistic, not tuned to the engine: phone numbers are valid for their country
(checked with `phonenumbers`), cards pass Luhn, IBANs carry valid check digits.

Over 500 lines because one task's files share one Faker state (its people, client and code
names) and one truth file: one writer per kind of file, all planting into the same truth.
"""

from __future__ import annotations

import io
import json
import random
import re
import string
import sys
import unicodedata
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

SEED = 20240901

#: types whose every leak is a bug (target: 0 leaks)
STRUCTURED = (
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "US_SSN",
    "UK_NINO",
    "CREDIT_CARD",
    "IBAN_CODE",
    "IP_ADDRESS",
    "SECRET",
)
DENY_TYPES = ("CLIENT", "CODENAME")
#: locations that are file metadata (Document Inspector territory)
METADATA_LOCATIONS = (
    "metadata",
    "comment_author",
    "revision_author",
    "image_metadata",
)

OCCUPATIONS = [
    # (occupation, sector, locale, phone region, document title, vocabulary that must survive)
    (
        "Financial and Investment Analysts",
        "Finance and Insurance",
        "en_US",
        "US",
        "Quarterly Valuation Review",
        [
            "discounted cash flow",
            "EBITDA margin",
            "working capital",
            "net present value",
            "sensitivity analysis",
            "terminal growth rate",
            "capital expenditure",
            "free cash flow",
            "weighted average cost of capital",
            "revenue bridge",
            "debt covenant headroom",
            "peer multiples",
        ],
    ),
    (
        "Human Resources Specialists",
        "Professional Services",
        "en_GB",
        "GB",
        "Onboarding and Retention Plan",
        [
            "onboarding checklist",
            "probation review",
            "annual leave allowance",
            "exit interview",
            "salary benchmarking",
            "performance calibration",
            "right to work check",
            "flexible working request",
            "engagement survey",
            "learning budget",
            "notice period",
            "job description",
        ],
    ),
    (
        "Software Developers",
        "Information",
        "de_DE",
        "DE",
        "Service Migration Runbook",
        [
            "pull request",
            "database migration",
            "rollback plan",
            "load balancer",
            "integration tests",
            "feature flag",
            "blue-green deployment",
            "error budget",
            "connection pool",
            "message queue",
            "schema change",
            "on-call rotation",
        ],
    ),
    (
        "Lawyers",
        "Professional Services",
        "fr_FR",
        "FR",
        "Supply Agreement Review",
        [
            "indemnification clause",
            "governing law",
            "limitation of liability",
            "termination for convenience",
            "force majeure",
            "confidentiality obligations",
            "intellectual property rights",
            "service level credits",
            "dispute resolution",
            "assignment clause",
            "warranty period",
            "non-solicitation",
        ],
    ),
    (
        "Medical and Health Services Managers",
        "Health Care and Social Assistance",
        "es_ES",
        "ES",
        "Ward Staffing and Discharge Audit",
        [
            "discharge summary",
            "bed occupancy",
            "medication reconciliation",
            "triage protocol",
            "infection control",
            "patient flow",
            "staffing ratio",
            "clinical governance",
            "incident reporting",
            "waiting list",
            "shift handover",
            "care pathway",
        ],
    ),
    (
        "Project Management Specialists",
        "Manufacturing",
        "nl_NL",
        "NL",
        "Plant Upgrade Project Status",
        [
            "critical path",
            "risk register",
            "change request",
            "earned value",
            "work package",
            "stage gate",
            "resource plan",
            "lessons learned",
            "baseline schedule",
            "acceptance criteria",
            "issue log",
            "steering committee",
        ],
    ),
    (
        "Sales Managers",
        "Retail Trade",
        "it_IT",
        "IT",
        "Key Account Growth Plan",
        [
            "pipeline review",
            "renewal rate",
            "average order value",
            "territory plan",
            "win rate",
            "price list",
            "quarterly quota",
            "promotion calendar",
            "customer churn",
            "sell-through",
            "shelf space",
            "trade terms",
        ],
    ),
]

#: ordinary text that appears in every kind of work document and must survive
COMMON_SURVIVE = [
    "Monday",
    "Thursday",
    "Microsoft Excel",
    "next steps",
    "Action items",
    "Q3 FY2024",
    "Senior Analyst",
    "Head of Operations",
    "executive summary",
    "17.5%",
    "$12,450.00",
    "version 2.3",
    "Section 4.2",
    "the project board",
    "key assumptions",
    "open questions",
    "budget variance",
    "headcount",
    "status report",
    "draft for discussion",
]

CODENAMES = [
    "Bluefin",
    "Kestrel",
    "Juniper Ridge",
    "Project Halcyon",
    "Orion Gate",
    "Nightjar",
    "Tamarack",
    "Blue Lantern",
    "Sable Peak",
    "Marlin Bay",
    "Cobalt Vale",
    "Project Wren",
    "Argentum",
    "Pinecrest",
    "Larkspur",
    "Thornbury",
    "Nimbus Forge",
    "Saffron Key",
    "Ironbark",
    "Project Osprey",
    "Bellwether",
    "Silverline",
    "Glacier Bay",
    "Copperhead",
    "Windrose",
    "Red Kite",
    "Project Alder",
    "Stonechat",
    "Moonraker",
    "Harrier",
    "Driftwood",
    "Project Nautilus",
    "Blackthorn",
    "Quicksilver",
    "Sundial",
    "Project Lumen",
    "Hawthorn Gate",
    "Starling",
    "Project Tundra",
    "Ember Falls",
    "Goldcrest",
    "Cinder",
]

NINO_PREFIXES = ["AB", "CE", "JK", "NP", "RT", "SW", "HL", "WP", "ZR", "EH", "MA", "PC"]


@dataclass
class Value:
    task: str
    file: str
    location: str
    type: str
    value: str


@dataclass
class Survive:
    task: str
    file: str
    location: str
    text: str


@dataclass
class TaskInfo:
    id: str
    occupation: str
    sector: str
    locale: str
    deny: list[dict[str, str]]
    files: list[str] = field(default_factory=list)


@dataclass
class Corpus:
    seed: int
    tasks: list[TaskInfo]
    values: list[Value]
    survive: list[Survive]
    files: dict[str, bytes]  # "task_01/report.docx" -> bytes

    def truth(self) -> dict:
        return {
            "seed": self.seed,
            "tasks": [asdict(t) for t in self.tasks],
            "values": [asdict(v) for v in self.values],
            "survive": [asdict(s) for s in self.survive],
        }


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _luhn_ok(num: str) -> bool:
    digits = [int(c) for c in num if c.isdigit()]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


class TaskBuilder:
    """Fresh values for one task; records every placement."""

    def __init__(self, index: int, spec: tuple, rnd: random.Random, used: set[str]) -> None:
        from faker import Faker

        occupation, sector, locale, region, title, vocab = spec
        self.id = f"task_{index + 1:02d}"
        self.occupation, self.sector, self.locale, self.region = occupation, sector, locale, region
        self.title = title
        self.vocab = list(vocab)
        self.rnd = rnd
        self.fake = Faker(locale)
        self.fake.seed_instance(rnd.randint(0, 2**31))
        self.us = Faker("en_US")
        self.us.seed_instance(rnd.randint(0, 2**31))
        self.used = used  # names/values used anywhere in the corpus (unique per placement)
        self.values: list[Value] = []
        self.survive: list[Survive] = []
        self.client = self._client()
        codenames = [c for c in CODENAMES if c not in used]
        rnd.shuffle(codenames)
        self.codenames = codenames[:6]
        used.update(self.codenames)
        self.own_domain = self._domain(self.fake.company())
        self.client_domain = self._domain(self.client)
        self._vocab_i = 0
        self._common_i = rnd.randrange(len(COMMON_SURVIVE))

    # ---------------------------------------------------------------- recording
    def put(self, file: str, location: str, etype: str, value: str) -> str:
        self.values.append(Value(self.id, file, location, etype, value))
        return value

    def keep(self, file: str, location: str, text: str) -> str:
        self.survive.append(Survive(self.id, file, location, text))
        return text

    def vocab_phrase(self, file: str, location: str) -> str:
        text = self.vocab[self._vocab_i % len(self.vocab)]
        self._vocab_i += 1
        return self.keep(file, location, text)

    def common_phrase(self, file: str, location: str) -> str:
        text = COMMON_SURVIVE[self._common_i % len(COMMON_SURVIVE)]
        self._common_i += 1
        return self.keep(file, location, text)

    # ---------------------------------------------------------------- values
    def _unique(self, make) -> str:
        for _ in range(200):
            v = make()
            if v not in self.used:
                self.used.add(v)
                return v
        raise RuntimeError("could not make a unique value")

    def _client(self) -> str:
        def make() -> str:
            name = self.fake.company().strip()
            ok = len(name) >= 8 and re.search(r"[\s\-]", name) and "@" not in name
            return name if ok else ""

        for _ in range(100):
            v = self._unique(make)
            if v:
                return v
        raise RuntimeError("no client name")

    def _domain(self, company: str) -> str:
        base = re.sub(r"[^a-z0-9]+", "-", ascii_fold(company).lower()).strip("-")
        base = "-".join(base.split("-")[:2]) or "example"
        tld = {"GB": "co.uk", "DE": "de", "FR": "fr", "ES": "es", "NL": "nl", "IT": "it"}.get(
            self.region, "com"
        )
        return f"{base}.{tld}"

    def person_name(self) -> str:
        def make() -> str:
            first = self.fake.first_name().split()[0]
            last = self.fake.last_name()
            return f"{first} {last}"

        return self._unique(make)

    def person(self, file: str, location: str) -> str:
        return self.put(file, location, "PERSON", self.person_name())

    def email_for(self, name: str, file: str, location: str, client: bool = False) -> str:
        first, last = name.split(" ", 1)
        local = re.sub(r"[^a-z0-9.]", "", ascii_fold(f"{first}.{last}").lower().replace(" ", "."))
        domain = self.client_domain if client else self.own_domain
        value = self._unique(
            lambda: f"{local}{self.rnd.choice(['', '', str(self.rnd.randint(1, 99))])}@{domain}"
        )
        return self.put(file, location, "EMAIL_ADDRESS", value)

    def email(self, file: str, location: str) -> str:
        return self.email_for(self.person_name(), file, location, client=self.rnd.random() < 0.4)

    def phone(self, file: str, location: str) -> str:
        import phonenumbers

        def make() -> str:
            for _ in range(100):
                cand = self.fake.phone_number()
                try:
                    num = phonenumbers.parse(cand, self.region)
                except phonenumbers.NumberParseException:
                    continue
                if phonenumbers.is_valid_number(num):
                    if self.rnd.random() < 0.3:
                        fmt = phonenumbers.PhoneNumberFormat.INTERNATIONAL
                        return phonenumbers.format_number(num, fmt)
                    return cand
            num = phonenumbers.example_number(self.region)
            return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.INTERNATIONAL)

        return self.put(file, location, "PHONE_NUMBER", self._unique(make))

    def national_id(self, file: str, location: str) -> str:
        if self.rnd.random() < 0.5:
            value = self._unique(self.us.ssn)
            return self.put(file, location, "US_SSN", value)

        def nino() -> str:
            d = "".join(self.rnd.choice(string.digits) for _ in range(6))
            p, s = self.rnd.choice(NINO_PREFIXES), self.rnd.choice("ABCD")
            if self.rnd.random() < 0.5:
                return f"{p} {d[:2]} {d[2:4]} {d[4:]} {s}"
            return f"{p}{d}{s}"

        return self.put(file, location, "UK_NINO", self._unique(nino))

    def card(self, file: str, location: str) -> str:
        def make() -> str:
            kind = self.rnd.choice(["visa16", "mastercard", "amex", "discover"])
            num = self.us.credit_card_number(card_type=kind)
            assert _luhn_ok(num)
            style = self.rnd.random()
            if style < 0.4 and len(num) == 16:
                return " ".join(num[i : i + 4] for i in range(0, 16, 4))
            if style < 0.6 and len(num) == 16:
                return "-".join(num[i : i + 4] for i in range(0, 16, 4))
            return num

        return self.put(file, location, "CREDIT_CARD", self._unique(make))

    def iban(self, file: str, location: str) -> str:
        def make() -> str:
            raw = self.fake.iban()
            if self.rnd.random() < 0.5:
                return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))
            return raw

        return self.put(file, location, "IBAN_CODE", self._unique(make))

    def ip(self, file: str, location: str) -> str:
        kind = self.rnd.random()
        if kind < 0.45:
            make = self.fake.ipv4_private
        elif kind < 0.85:
            make = self.fake.ipv4_public
        else:
            make = self.fake.ipv6
        return self.put(file, location, "IP_ADDRESS", self._unique(make))

    def secret(self, file: str, location: str, kind: str) -> str:
        r = self.rnd

        def rs(n: int, alphabet: str = string.ascii_letters + string.digits) -> str:
            return "".join(r.choice(alphabet) for _ in range(n))

        makers = {
            "aws_key": lambda: "AKIA" + rs(16, string.ascii_uppercase + string.digits),
            "aws_secret": lambda: rs(40, string.ascii_letters + string.digits + "/+"),
            "github": lambda: "ghp_" + rs(36),
            "stripe": lambda: "sk_live_" + rs(24),
            "slack": lambda: f"xoxb-{rs(11, string.digits)}-{rs(12, string.digits)}-{rs(24)}",
            "password": lambda: rs(6) + r.choice("!#%*") + rs(5),
            "api_key": lambda: rs(32, string.hexdigits.lower()[:16]),
            "pem": lambda: rs(64, string.ascii_letters + string.digits + "+/"),
        }
        return self.put(file, location, "SECRET", self._unique(makers[kind]))

    def codename(self, i: int, file: str, location: str) -> str:
        return self.put(file, location, "CODENAME", self.codenames[i])

    def client_name(self, file: str, location: str) -> str:
        return self.put(file, location, "CLIENT", self.client)

    def deny_terms(self) -> list[dict[str, str]]:
        return [{"text": self.client, "type": "CLIENT"}] + [
            {"text": c, "type": "CODENAME"} for c in self.codenames
        ]


# ============================================================================ OOXML helpers
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _read_zip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _write_zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, blob in parts.items():
            zf.writestr(name, blob)
    return out.getvalue()


def _add_override(parts: dict[str, bytes], partname: str, ctype: str) -> None:
    ct = parts["[Content_Types].xml"].decode()
    if f'PartName="{partname}"' not in ct:
        ct = ct.replace(
            "</Types>", f'<Override PartName="{partname}" ContentType="{ctype}"/></Types>'
        )
    parts["[Content_Types].xml"] = ct.encode()


def _add_rel(parts: dict[str, bytes], rels_name: str, rid: str, rtype: str, target: str) -> None:
    rels = parts.get(
        rels_name,
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Relationships xmlns="{REL_NS}"></Relationships>'.encode(),
    )
    text = rels.decode()
    if f'Type="{rtype}"' in text:
        return
    text = text.replace(
        "</Relationships>",
        f'<Relationship Id="{rid}" Type="{rtype}" Target="{target}"/></Relationships>',
    )
    parts[rels_name] = text.encode()


def patch_properties(data: bytes, company: str, manager: str, custom: dict[str, str]) -> bytes:
    """Add Company/Manager to docProps/app.xml and custom properties to docProps/custom.xml."""
    parts = _read_zip(data)
    app = parts.get("docProps/app.xml")
    extra = f"<Company>{xml_escape(company)}</Company><Manager>{xml_escape(manager)}</Manager>"
    if app is None:
        parts["docProps/app.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
            f'2006/docPropsVTypes">{extra}</Properties>'
        ).encode()
        _add_override(
            parts,
            "/docProps/app.xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        )
        _add_rel(
            parts, "_rels/.rels", "rIdApp", f"{OFFICE_REL}/extended-properties", "docProps/app.xml"
        )
    else:
        text = app.decode()
        text = re.sub(
            r"<Company>.*?</Company>|<Company/>|<Manager>.*?</Manager>|<Manager/>", "", text
        )
        text = text.replace("</Properties>", extra + "</Properties>")
        parts["docProps/app.xml"] = text.encode()
    if custom:
        props = "".join(
            f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{i + 2}" '
            f'name="{xml_escape(k)}"><vt:lpwstr>{xml_escape(v)}</vt:lpwstr></property>'
            for i, (k, v) in enumerate(custom.items())
        )
        parts["docProps/custom.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'docPropsVTypes">{props}</Properties>'
        ).encode()
        _add_override(
            parts,
            "/docProps/custom.xml",
            "application/vnd.openxmlformats-officedocument.custom-properties+xml",
        )
        _add_rel(
            parts,
            "_rels/.rels",
            "rIdCustom",
            f"{OFFICE_REL}/custom-properties",
            "docProps/custom.xml",
        )
    return _write_zip(parts)


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = (
    f'xmlns:w="{W_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _t(text: str) -> str:
    return f'<w:t xml:space="preserve">{xml_escape(text)}</w:t>'


def _textbox_paragraph(text: str, shape_id: int) -> str:
    body = f"<w:txbxContent><w:p><w:r>{_t(text)}</w:r></w:p></w:txbxContent>"
    return (
        f'<w:p {NSDECL}><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
        'relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0'
        '</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0'
        '</wp:posOffset></wp:positionV><wp:extent cx="3200400" cy="457200"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapSquare wrapText="bothSides"/>'
        f'<wp:docPr id="{shape_id}" name="Text Box {shape_id}"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
        'wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm>'
        '<a:off x="0" y="0"/><a:ext cx="3200400" cy="457200"/></a:xfrm><a:prstGeom prst="rect">'
        f"<a:avLst/></a:prstGeom></wps:spPr><wps:txbx>{body}</wps:txbx><wps:bodyPr/></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>"
        f'<v:shape id="tb{shape_id}" type="#_x0000_t202" style="width:252pt;height:36pt">'
        f"<v:textbox>{body}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>"
        "</w:r></w:p>"
    )


def _tracked_paragraph(
    lead: str, inserted: str, ins_author: str, deleted: str, del_author: str
) -> str:
    return (
        f"<w:p {NSDECL}><w:r>{_t(lead)}</w:r>"
        f'<w:ins w:id="9001" w:author="{xml_escape(ins_author)}" w:date="2024-03-01T10:00:00Z">'
        f"<w:r>{_t(inserted)}</w:r></w:ins>"
        f'<w:del w:id="9002" w:author="{xml_escape(del_author)}" w:date="2024-03-01T10:05:00Z">'
        f'<w:r><w:delText xml:space="preserve">{xml_escape(deleted)}</w:delText></w:r></w:del>'
        "</w:p>"
    )


def _add_footnotes(data: bytes, text: str) -> bytes:
    parts = _read_zip(data)
    parts["word/footnotes.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:footnotes xmlns:w="{W_NS}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        "</w:r></w:p></w:footnote>"
        f'<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r>{_t(" " + text)}</w:r></w:p>'
        "</w:footnote></w:footnotes>"
    ).encode()
    _add_override(
        parts,
        "/word/footnotes.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
    )
    _add_rel(
        parts,
        "word/_rels/document.xml.rels",
        "rIdFoot1",
        f"{OFFICE_REL}/footnotes",
        "footnotes.xml",
    )
    return _write_zip(parts)


# ============================================================================ builders
def build_docx(t: TaskBuilder, fname: str, small: bool = False) -> bytes:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn
    from docx.oxml.shared import OxmlElement

    d = docx.Document()
    f = fname
    if small:  # a nested handover note inside the repo zip
        d.add_paragraph(
            f"Handover note: {t.person(f, 'body')} takes over the {t.vocab_phrase(f, 'body')} "
            f"from {t.person(f, 'body')} on {t.common_phrase(f, 'body')}; questions to "
            f"{t.email(f, 'body')}."
        )
        d.core_properties.author = t.person(f, "metadata")
        return _save_docx(d)

    d.add_heading(f"{t.codename(0, f, 'body')}: {t.keep(f, 'body', t.title)}", 0)
    d.add_paragraph(
        f"Prepared by {t.person(f, 'body')} ({t.email(f, 'body')}, {t.phone(f, 'body')}) for "
        f"{t.client_name(f, 'body')}. This {t.common_phrase(f, 'body')} covers the "
        f"{t.vocab_phrase(f, 'body')} and the {t.vocab_phrase(f, 'body')}."
    )
    p = d.add_paragraph(
        f"{t.person(f, 'body')} reviewed the {t.vocab_phrase(f, 'body')} on "
        f"{t.common_phrase(f, 'body')} and asked {t.person(f, 'body')} to confirm the figures "
        f"by {t.common_phrase(f, 'body')}. "
    )
    run = p.add_run(f"See the {t.vocab_phrase(f, 'body')} in {t.common_phrase(f, 'body')}.")
    commenter = t.person(f, "comment_author")
    d.add_comment(
        run,
        text=f"Check this with {t.person(f, 'comment')} first, mobile {t.phone(f, 'comment')}, "
        f"before it goes to {t.client_name(f, 'comment')}.",
        author=commenter,
        initials="".join(w[0] for w in commenter.split()),
    )
    d.add_paragraph(
        f"Expenses go to the corporate card {t.card(f, 'body')} held by {t.person(f, 'body')}; "
        f"refunds to IBAN {t.iban(f, 'body')}. The {t.vocab_phrase(f, 'body')} is unchanged."
    )
    d.add_paragraph(
        f"Staff reference for {t.person(f, 'body')}: {t.national_id(f, 'body')}. The VPN "
        f"gateway is {t.ip(f, 'body')}."
    )
    # footnote reference (the footnotes part is added after saving)
    fp = d.add_paragraph(f"The {t.vocab_phrase(f, 'body')} follows the usual method.")
    fr = OxmlElement("w:r")
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), "1")
    fr.append(ref)
    fp._p.append(fr)
    # table
    table = d.add_table(rows=1, cols=5)
    for cell, head in zip(
        table.rows[0].cells, ["Name", "Role", "E-mail", "Phone", "ID number"], strict=True
    ):
        cell.text = t.keep(f, "table", head) if head in ("Role",) else head
    for role in ("Senior Analyst", "Head of Operations", "Project Coordinator"):
        name = t.person(f, "table")
        row = table.add_row().cells
        row[0].text = name
        row[1].text = t.keep(f, "table", role)
        row[2].text = t.email_for(name, f, "table")
        row[3].text = t.phone(f, "table")
        row[4].text = t.national_id(f, "table")
    # text box, tracked changes, hyperlink
    d.element.body.append(
        parse_xml(
            _textbox_paragraph(
                f"Escalation: {t.person(f, 'textbox')}, {t.phone(f, 'textbox')} ({t.vocab_phrase(f, 'textbox')})",
                501,
            )
        )
    )
    d.element.body.append(
        parse_xml(
            _tracked_paragraph(
                f"Sign-off for the {t.vocab_phrase(f, 'body')}: ",
                f"approved by {t.person(f, 'tracked_insert')} ",
                t.person(f, "revision_author"),
                f"previously {t.person(f, 'tracked_delete')} at {t.email(f, 'tracked_delete')}",
                t.person(f, "revision_author"),
            )
        )
    )
    hp = d.add_paragraph(f"Questions about the {t.vocab_phrase(f, 'body')}: write to ")
    rid = d.part.relate_to(f"mailto:{t.email(f, 'hyperlink')}", RT.HYPERLINK, is_external=True)
    _hyperlink(hp, rid, "the shared mailbox")
    hp.add_run(" or see ")
    url = f"https://sharepoint.{t.client_domain}/sites/{t.codename(1, f, 'hyperlink').replace(' ', '')}/Plan"
    # the URL keeps the code name without spaces; record that exact form too
    if " " in t.codenames[1]:
        t.put(f, "hyperlink", "CODENAME", t.codenames[1].replace(" ", ""))
    rid2 = d.part.relate_to(url, RT.HYPERLINK, is_external=True)
    _hyperlink(hp, rid2, "the project site")
    # header / footer
    sec = d.sections[0]
    sec.header.paragraphs[0].text = (
        f"{t.client_name(f, 'header')} | {t.codename(2, f, 'header')} | "
        f"owner {t.person(f, 'header')}"
    )
    sec.footer.paragraphs[0].text = (
        f"Contact {t.person(f, 'footer')}, {t.phone(f, 'footer')}, {t.email(f, 'footer')} | "
        f"{t.common_phrase(f, 'footer')}"
    )
    cp = d.core_properties
    cp.author = t.person(f, "metadata")
    cp.last_modified_by = t.person(f, "metadata")
    cp.title = f"{t.codename(3, f, 'metadata')} plan"
    cp.subject = t.client_name(f, "metadata")
    cp.keywords = t.email(f, "metadata")
    cp.comments = f"Reviewed by {t.person(f, 'metadata')}"
    data = _save_docx(d)
    data = _add_footnotes(
        data, f"Source: interview with {t.person(f, 'footnote')}, {t.email(f, 'footnote')}."
    )
    return patch_properties(
        data,
        company=t.client_name(f, "metadata"),
        manager=t.person(f, "metadata"),
        custom={"Owner": t.person(f, "metadata"), "ClientContact": t.email(f, "metadata")},
    )


def _hyperlink(paragraph, rid: str, text: str) -> None:
    from docx.oxml.ns import qn
    from docx.oxml.shared import OxmlElement

    h = OxmlElement("w:hyperlink")
    h.set(qn("r:id"), rid)
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    r.append(t)
    h.append(r)
    paragraph._p.append(h)


def _save_docx(d) -> bytes:
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def build_xlsx(t: TaskBuilder, f: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.workbook.defined_name import DefinedName

    wb = Workbook()
    ws = wb.active
    ws.title = "Summary"
    ws["A1"] = f"{t.client_name(f, 'cell')} - {t.keep(f, 'cell', t.title)}"
    heads = ["Name", "E-mail", "Phone", "Card", "Amount", "Owner check"]
    ws.append(heads)
    for i in range(4):
        name = t.person(f, "cell")
        ws.append(
            [
                name,
                t.email_for(name, f, "cell", client=i % 2 == 0),
                t.phone(f, "cell"),
                t.card(f, "cell"),
                1000 + 250 * i,
            ]
        )
        owner = t.person(f, "formula")
        ws.cell(row=ws.max_row, column=6).value = f'=IF(A{ws.max_row}="{owner}","owner","")'
    ws.append([t.vocab_phrase(f, "cell"), t.vocab_phrase(f, "cell"), t.common_phrase(f, "cell")])
    ws["H2"] = "E-mail the owner"
    ws["H2"].hyperlink = f"mailto:{t.email(f, 'hyperlink')}"
    ws["B3"].comment = Comment(
        f"{t.person(f, 'comment')} says this address changed; new number {t.phone(f, 'comment')}",
        t.person(f, "comment_author"),
    )
    ws.oddHeader.center.text = f"{t.client_name(f, 'header')} - {t.codename(2, f, 'header')}"
    ws.oddFooter.left.text = f"Prepared by {t.person(f, 'footer')}"
    hidden = wb.create_sheet("Contacts")
    hidden.sheet_state = "hidden"
    hidden.append(["Name", "ID number", "IBAN", "Note"])
    for _ in range(3):
        hidden.append(
            [
                t.person(f, "hidden_sheet"),
                t.national_id(f, "hidden_sheet"),
                t.iban(f, "hidden_sheet"),
                t.vocab_phrase(f, "hidden_sheet"),
            ]
        )
    vh = wb.create_sheet("lookup")
    vh.sheet_state = "veryHidden"
    vh.append(["user", "email", "host"])
    vh.append(
        [
            t.person(f, "very_hidden_sheet"),
            t.email(f, "very_hidden_sheet"),
            t.ip(f, "very_hidden_sheet"),
        ]
    )
    named = wb.create_sheet(t.codename(4, f, "sheet_name")[:31])
    named["A1"] = t.common_phrase(f, "cell")
    named["A2"] = f"Rollout for {t.client_name(f, 'cell')}"
    dn = DefinedName("ContactEmail", attr_text=f'"{t.email(f, "defined_name")}"')
    wb.defined_names[dn.name] = dn
    wb.properties.creator = t.person(f, "metadata")
    wb.properties.lastModifiedBy = t.person(f, "metadata")
    wb.properties.title = f"{t.codename(3, f, 'metadata')} model"
    wb.properties.subject = t.client_name(f, "metadata")
    wb.properties.description = f"Contact {t.email(f, 'metadata')}"
    buf = io.BytesIO()
    wb.save(buf)
    return patch_properties(
        buf.getvalue(),
        company=t.client_name(f, "metadata"),
        manager=t.person(f, "metadata"),
        custom={"Reviewer": t.person(f, "metadata")},
    )


def build_pptx(t: TaskBuilder, f: str) -> bytes:
    from pptx import Presentation
    from pptx.util import Inches, Pt

    prs = Presentation()
    s1 = prs.slides.add_slide(prs.slide_layouts[0])
    s1.shapes.title.text = f"{t.codename(0, f, 'slide')}: {t.keep(f, 'slide', t.title)}"
    s1.placeholders[1].text = f"{t.client_name(f, 'slide')} | presented by {t.person(f, 'slide')}"
    s2 = prs.slides.add_slide(prs.slide_layouts[1])
    s2.shapes.title.text = t.common_phrase(f, "slide")
    body = s2.placeholders[1].text_frame
    body.text = f"{t.vocab_phrase(f, 'slide')}: owner {t.person(f, 'slide')}"
    for _ in range(2):
        para = body.add_paragraph()
        para.text = f"{t.vocab_phrase(f, 'slide')} - {t.person(f, 'slide')} ({t.email(f, 'slide')})"
    para = body.add_paragraph()
    r = para.add_run()
    r.text = "Mail the account team"
    r.hyperlink.address = f"mailto:{t.email(f, 'hyperlink')}"
    s2.notes_slide.notes_text_frame.text = (
        f"Remind {t.person(f, 'notes')} to call {t.phone(f, 'notes')}; "
        f"{t.client_name(f, 'notes')} wants the {t.vocab_phrase(f, 'notes')} before "
        f"{t.codename(5, f, 'notes')} starts."
    )
    s3 = prs.slides.add_slide(prs.slide_layouts[5])
    s3.shapes.title.text = t.keep(f, "slide", "Team and contacts")
    rows = 4
    tbl = s3.shapes.add_table(rows, 3, Inches(0.5), Inches(1.5), Inches(9), Inches(2)).table
    for c, head in enumerate(["Name", "Phone", "Responsibility"]):
        tbl.cell(0, c).text = head
    for i in range(1, rows):
        tbl.cell(i, 0).text = t.person(f, "slide_table")
        tbl.cell(i, 1).text = t.phone(f, "slide_table")
        tbl.cell(i, 2).text = t.vocab_phrase(f, "slide_table")
    s4 = prs.slides.add_slide(prs.slide_layouts[5])
    s4.shapes.title.text = t.common_phrase(f, "slide")
    grp = s4.shapes.add_group_shape()
    a = grp.shapes.add_textbox(Inches(0.5), Inches(2), Inches(4), Inches(1))
    a.text_frame.text = f"Sponsor: {t.person(f, 'group_shape')}"
    b = grp.shapes.add_textbox(Inches(5), Inches(2), Inches(4), Inches(1))
    b.text_frame.text = f"{t.email(f, 'group_shape')} / {t.phone(f, 'group_shape')}"
    inner = grp.shapes.add_group_shape()
    c = inner.shapes.add_textbox(Inches(0.5), Inches(3.5), Inches(4), Inches(1))
    c.text_frame.text = f"Deputy: {t.person(f, 'group_shape')}, {t.vocab_phrase(f, 'group_shape')}"
    tb = s4.shapes.add_textbox(Inches(0.5), Inches(5), Inches(9), Inches(1))
    tb.text_frame.text = (
        f"Server {t.ip(f, 'textbox')} is run by {t.person(f, 'textbox')}; "
        f"{t.common_phrase(f, 'textbox')}"
    )
    tb.text_frame.paragraphs[0].runs[0].font.size = Pt(14)
    cp = prs.core_properties
    cp.author = t.person(f, "metadata")
    cp.last_modified_by = t.person(f, "metadata")
    cp.title = f"{t.codename(3, f, 'metadata')} deck"
    cp.subject = t.client_name(f, "metadata")
    cp.keywords = t.email(f, "metadata")
    buf = io.BytesIO()
    prs.save(buf)
    return patch_properties(
        buf.getvalue(),
        company=t.client_name(f, "metadata"),
        manager=t.person(f, "metadata"),
        custom={},
    )


def build_pdf(t: TaskBuilder, f: str) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table

    def e(s: str) -> str:
        return xml_escape(s)

    styles = getSampleStyleSheet()
    header = (
        f"{t.client_name(f, 'header')} - {t.codename(2, f, 'header')} - "
        f"{t.common_phrase(f, 'header')}"
    )
    footer = f"Prepared by {t.person(f, 'footer')}, {t.phone(f, 'footer')}"

    def on_page(canvas, _doc) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(40, A4[1] - 30, header)
        canvas.drawString(40, 20, footer)
        canvas.restoreState()

    story = [
        Paragraph(e(f"{t.codename(0, f, 'body')}: {t.keep(f, 'body', t.title)}"), styles["Title"])
    ]
    for _ in range(3):
        story.append(
            Paragraph(
                e(
                    f"{t.person(f, 'body')} from {t.client_name(f, 'body')} met "
                    f"{t.person(f, 'body')} on {t.common_phrase(f, 'body')} to go through the "
                    f"{t.vocab_phrase(f, 'body')}. Follow-ups go to {t.email(f, 'body')} or "
                    f"{t.phone(f, 'body')}."
                ),
                styles["BodyText"],
            )
        )
        story.append(Spacer(1, 8))
    story.append(
        Paragraph(
            e(
                f"Reimbursement: IBAN {t.iban(f, 'body')}, card on file {t.card(f, 'body')}, "
                f"employee {t.national_id(f, 'body')}."
            ),
            styles["BodyText"],
        )
    )
    mail = t.email(f, "hyperlink")
    story.append(
        Paragraph(
            f'Send the signed copy to <link href="mailto:{e(mail)}">the contracts desk</link> '
            f"before the {e(t.vocab_phrase(f, 'body'))} closes.",
            styles["BodyText"],
        )
    )
    story.append(PageBreak())
    story.append(Paragraph(e(t.common_phrase(f, "body")), styles["Heading2"]))
    data = [["Name", "E-mail", "Phone"]]
    for _ in range(4):
        name = t.person(f, "table")
        data.append([name, t.email_for(name, f, "table"), t.phone(f, "table")])
    tbl = Table(data)
    tbl.setStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey)])
    story.append(tbl)
    story.append(Spacer(1, 12))
    story.append(
        Paragraph(
            e(
                f"The {t.vocab_phrase(f, 'body')} and the {t.vocab_phrase(f, 'body')} stay as agreed; "
                f"{t.person(f, 'body')} signs off."
            ),
            styles["BodyText"],
        )
    )
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        title=f"{t.codename(3, f, 'metadata')} memo",
        author=t.person(f, "metadata"),
        subject=t.client_name(f, "metadata"),
        keywords=[t.email(f, "metadata")],
        creator=t.person(f, "metadata"),
    )
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buf.getvalue()


def build_csv(t: TaskBuilder, f: str) -> bytes:
    lines = ["name,email,phone,ip_address,card,segment"]
    for i in range(6):
        name = t.person(f, "csv")
        lines.append(
            ",".join(
                [
                    name,
                    t.email_for(name, f, "csv", client=i % 2 == 0),
                    f'"{t.phone(f, "csv")}"',
                    t.ip(f, "csv"),
                    t.card(f, "csv"),
                    t.vocab_phrase(f, "csv"),
                ]
            )
        )
    return ("\n".join(lines) + "\n").encode()


def build_md(t: TaskBuilder, f: str) -> bytes:
    a, b, c = (t.person(f, "body") for _ in range(3))
    link_mail = t.email(f, "hyperlink")
    text = f"""# {t.codename(0, f, "body")} weekly sync - {t.keep(f, "body", t.title)}

Attendees: {a}, {b}, {c}
Client: {t.client_name(f, "body")}

## {t.common_phrase(f, "body")}

- {a} to update the {t.vocab_phrase(f, "body")} by {t.common_phrase(f, "body")}.
- {b} owns the {t.vocab_phrase(f, "body")}; reach them on {t.phone(f, "body")}.
- Ask [{t.person(f, "hyperlink")}](mailto:{link_mail}) about the {t.vocab_phrase(f, "body")}.

## Notes

{c} said the {t.codename(5, f, "body")} pilot for {t.client_name(f, "body")} moves to
{t.common_phrase(f, "body")}. Staging box is {t.ip(f, "body")}; the temporary password is
{t.secret(f, "body", "password")} and must be rotated.
"""
    return text.encode()


def build_env(t: TaskBuilder, f: str) -> bytes:
    user = re.sub(r"[^a-z]", "", ascii_fold(t.person_name().split()[-1]).lower()) or "svc"
    pw = t.secret(f, "code", "password")
    host = t.ip(f, "code")
    text = f"""# {t.codename(0, f, "code")} service settings - owner {t.person(f, "code")}
APP_ENV=production
AWS_ACCESS_KEY_ID={t.secret(f, "code", "aws_key")}
AWS_SECRET_ACCESS_KEY={t.secret(f, "code", "aws_secret")}
DATABASE_URL=postgres://{user}:{pw}@{host}:5432/reporting
STRIPE_SECRET_KEY={t.secret(f, "code", "stripe")}
SLACK_BOT_TOKEN={t.secret(f, "code", "slack")}
ADMIN_EMAIL={t.email(f, "code")}
SUPPORT_PHONE="{t.phone(f, "code")}"
WORKERS=4
LOG_LEVEL=info
"""
    return text.encode()


def build_code(t: TaskBuilder, f: str) -> bytes:
    author = t.person(f, "code")
    text = f'''"""Nightly export for the {t.codename(0, f, "code")} reports.

Author: {author} <{t.email_for(author, f, "code")}>
"""

import os

import requests

API_HOST = "{t.ip(f, "code")}"
GITHUB_TOKEN = "{t.secret(f, "code", "github")}"
API_KEY = "{t.secret(f, "code", "api_key")}"
BATCH_SIZE = 500


def export(rows):
    # TODO: ask {t.person(f, "code")} whether {t.client_name(f, "code")} still needs the csv
    headers = {{"Authorization": "token " + GITHUB_TOKEN}}
    for start in range(0, len(rows), BATCH_SIZE):
        requests.post(f"http://{{API_HOST}}/export", json=rows[start:start + BATCH_SIZE],
                      headers=headers, timeout=30)
    return len(rows)
'''
    return text.encode()


def build_zip(t: TaskBuilder, f: str) -> bytes:
    repo = re.sub(r"[^a-z0-9]+", "-", t.codenames[0].lower()).strip("-") + "-export"
    # the repo directory name carries the code name: record that exact form
    t.put(f, "member_name", "CODENAME", repo.removesuffix("-export"))
    first, last = t.person_name().split(" ", 1)
    member_person = t.put(f, "member_name", "PERSON", f"{first}_{last.replace(' ', '_')}")
    readme = (
        f"# {t.codenames[0]} export\n\nMaintained by {t.person(f, 'zip_member')} "
        f"({t.email(f, 'zip_member')}). Built for {t.client_name(f, 'zip_member')}.\n\n"
        f"Run `python src/export.py` after the {t.vocab_phrase(f, 'zip_member')} is signed off.\n"
    )
    t.put(f, "zip_member", "CODENAME", t.codenames[0])
    members = {
        f"{repo}/README.md": readme.encode(),
        f"{repo}/.env": build_env(t, f),
        f"{repo}/src/export.py": build_code(t, f),
        f"{repo}/data/customers.csv": build_csv(t, f),
        f"{repo}/docs/handover.docx": build_docx(t, f, small=True),
        f"{repo}/notes/{member_person}_1on1.md": (
            f"1:1 notes. {t.person(f, 'zip_member')} raised the "
            f"{t.vocab_phrase(f, 'zip_member')}.\n"
        ).encode(),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, blob in members.items():
            zf.writestr(name, blob)
    return out.getvalue()


def build_image(t: TaskBuilder, f: str, jpeg: bool) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("RGB", (1700, 1000), "white")
    draw = ImageDraw.Draw(img)
    try:
        font = ImageFont.truetype("DejaVuSans.ttf", 46)
        bold = ImageFont.truetype("DejaVuSans-Bold.ttf", 54)
    except OSError:
        font = bold = ImageFont.load_default(size=46)
    lines = [
        (bold, f"Visitor pass - {t.client_name(f, 'ocr')}"),
        (font, f"Name: {t.person(f, 'ocr')}"),
        (font, f"E-mail: {t.email(f, 'ocr')}"),
        (font, f"Phone: {t.phone(f, 'ocr')}"),
        (font, f"Host: {t.person(f, 'ocr')}"),
        (font, f"Purpose: {t.vocab_phrase(f, 'ocr')}"),
        (font, f"Valid on {t.common_phrase(f, 'ocr')} only"),
    ]
    y = 60
    for fnt, line in lines:
        draw.text((70, y), line, fill="black", font=fnt)
        y += 120
    buf = io.BytesIO()
    if jpeg:
        exif = Image.Exif()
        exif[0x013B] = ascii_fold(t.person(f, "image_metadata"))  # Artist
        if exif[0x013B] != t.values[-1].value:
            t.values[-1].value = exif[0x013B]
        exif[0x010E] = ascii_fold(t.client_name(f, "image_metadata"))  # ImageDescription
        if exif[0x010E] != t.client:
            t.values[-1].value = exif[0x010E]
        img.save(buf, "JPEG", quality=92, exif=exif.tobytes())
    else:
        from PIL.PngImagePlugin import PngInfo

        info = PngInfo()
        info.add_itxt("Author", t.person(f, "image_metadata"))
        info.add_itxt("Description", f"Badge for {t.client_name(f, 'image_metadata')}")
        img.save(buf, "PNG", pnginfo=info)
    return buf.getvalue()


FILE_KINDS = ("docx", "xlsx", "pptx", "pdf", "csv", "md", "env", "zip", "image")


def generate(
    tasks: int = len(OCCUPATIONS), seed: int = SEED, kinds: tuple[str, ...] = FILE_KINDS
) -> Corpus:
    """Build the corpus in memory (deterministic for a given seed, task count and kinds)."""
    rnd = random.Random(seed)
    used: set[str] = set()
    infos: list[TaskInfo] = []
    values: list[Value] = []
    survive: list[Survive] = []
    files: dict[str, bytes] = {}
    for i in range(tasks):
        spec = OCCUPATIONS[i % len(OCCUPATIONS)]
        t = TaskBuilder(i, spec, random.Random(rnd.randint(0, 2**31)), used)
        info = TaskInfo(t.id, t.occupation, t.sector, t.locale, t.deny_terms())
        builders = {
            "docx": ("report.docx", lambda n: build_docx(t, n)),
            "xlsx": ("model.xlsx", lambda n: build_xlsx(t, n)),
            "pptx": ("deck.pptx", lambda n: build_pptx(t, n)),
            "pdf": ("memo.pdf", lambda n: build_pdf(t, n)),
            "csv": ("contacts.csv", lambda n: build_csv(t, n)),
            "md": ("meeting-notes.md", lambda n: build_md(t, n)),
            "env": ("settings.env", lambda n: build_env(t, n)),
            "zip": ("repo.zip", lambda n: build_zip(t, n)),
            "image": (
                "badge.jpg" if i % 2 else "badge.png",
                lambda n: build_image(t, n, jpeg=n.endswith(".jpg")),
            ),
        }
        for kind in kinds:
            name, build = builders[kind]
            files[f"{t.id}/{name}"] = build(name)
            info.files.append(name)
        infos.append(info)
        values += t.values
        survive += t.survive
    return Corpus(seed, infos, values, survive, files)


def write_corpus(out: Path, tasks: int = len(OCCUPATIONS), seed: int = SEED) -> Corpus:
    corpus = generate(tasks, seed)
    out.mkdir(parents=True, exist_ok=True)
    for rel, blob in corpus.files.items():
        p = out / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(blob)
    (out / "truth.json").write_text(
        json.dumps(corpus.truth(), indent=1, ensure_ascii=False), encoding="utf-8"
    )
    return corpus


def main(argv: list[str]) -> None:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--tasks", type=int, default=len(OCCUPATIONS))
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args(argv)
    c = write_corpus(Path(args.out), args.tasks, args.seed)
    print(
        f"{len(c.files)} files, {len(c.values)} planted values, {len(c.survive)} must-survive "
        f"texts -> {args.out}/truth.json"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
