"""Large real documents for the verification tests, with the values planted in them.

Made by the libraries themselves (python-docx, openpyxl, the csv module), from Faker's
providers of many locales with fixed seeds, so every run builds the same bytes.
"""

from __future__ import annotations

import csv
import io
import random
import re
from dataclasses import dataclass, field

#: cultures whose names, companies and addresses fill the contact sheet
LOCALES = (
    "en_US",
    "en_GB",
    "en_IE",
    "de_DE",
    "fr_FR",
    "es_ES",
    "it_IT",
    "nl_NL",
    "pl_PL",
    "pt_BR",
    "sv_SE",
    "tr_TR",
    "vi_VN",
    "en_IN",
)
#: (region, how an extension is written there)
_DIALLING = {
    "en_US": ("US", " ext. "),
    "en_GB": ("GB", " ext "),
    "en_IE": ("IE", " ext. "),
    "de_DE": ("DE", "-"),
    "fr_FR": ("FR", " poste "),
    "es_ES": ("ES", " ext. "),
    "it_IT": ("IT", " int. "),
    "nl_NL": ("NL", " toestel "),
    "pl_PL": ("PL", " wew. "),
    "pt_BR": ("BR", " ramal "),
    "sv_SE": ("SE", " ank. "),
    "tr_TR": ("TR", " dahili "),
    "vi_VN": ("VN", " máy lẻ "),
    "en_IN": ("IN", " extn. "),
}
_LEGAL = {
    "en_US": "Inc.",
    "en_GB": "Ltd",
    "en_IE": "Limited",
    "de_DE": "GmbH",
    "fr_FR": "SARL",
    "es_ES": "S.L.",
    "it_IT": "S.p.A.",
    "nl_NL": "B.V.",
    "pl_PL": "Sp. z o.o.",
    "pt_BR": "Ltda.",
    "sv_SE": "AB",
    "tr_TR": "A.Ş.",
    "vi_VN": "JSC",
    "en_IN": "Pvt. Ltd.",
}


@dataclass
class Planted:
    """What was put into a document, by kind: every one must be gone from the output."""

    values: dict[str, list[str]] = field(default_factory=dict)

    def add(self, kind: str, value: str) -> None:
        self.values.setdefault(kind, []).append(value)

    def left_in(self, text: str) -> dict[str, list[str]]:
        """Planted values still in `text` (case-insensitive, any whitespace), by kind."""
        flat = " ".join(text.split()).casefold()
        left: dict[str, list[str]] = {}
        for kind, values in self.values.items():
            for v in dict.fromkeys(values):
                if " ".join(v.split()).casefold() in flat:
                    left.setdefault(kind, []).append(v)
        return left


def _phone(rnd: random.Random, locale: str, with_extension: bool) -> str:
    """A valid fixed-line number of the locale's country (phonenumbers' example number with
    its last digits drawn), written the international way, maybe with an extension."""
    import phonenumbers

    region, ext = _DIALLING[locale]
    example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.FIXED_LINE)
    national = phonenumbers.national_significant_number(example)
    for _ in range(1000):
        digits = national[:-4] + "".join(str(rnd.randint(0, 9)) for _ in range(4))
        number = phonenumbers.parse(f"+{example.country_code}{digits}")
        if phonenumbers.is_valid_number(number):
            break
    else:
        number = example
    phone = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    if with_extension:
        phone += f"{ext}{rnd.randint(10, 9999)}"
    return phone


def _ascii(text: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", plain.lower())


def contacts(rows: int, seed: int = 7) -> tuple[list[list[str]], Planted]:
    """A contact sheet: header + `rows` rows of name, e-mail, phone, company, address."""
    from faker import Faker

    rnd = random.Random(seed)
    fakes = {}
    for n, loc in enumerate(LOCALES):
        fakes[loc] = Faker(loc)
        fakes[loc].seed_instance(seed * 100 + n)
    planted = Planted()
    out = [["Name", "E-mail", "Phone", "Company", "Address"]]
    for i in range(rows):
        loc = LOCALES[i % len(LOCALES)]
        f = fakes[loc]
        first, last = f.first_name(), f.last_name()
        name = f"{first} {last}"
        company = f"{f.last_name()} {_LEGAL[loc]}"
        domain = (_ascii(company.split()[0]) or "firma") + "." + rnd.choice(["com", "net", "eu"])
        email = f"{_ascii(first) or 'info'}.{_ascii(last) or 'contact'}@{domain}"
        phone = _phone(rnd, loc, with_extension=i % 3 == 0)
        address = " ".join(f.address().split())
        for kind, value in (
            ("name", name),
            ("email", email),
            ("phone", phone),
            ("company", company),
            ("address", address),
        ):
            planted.add(kind, value)
        out.append([name, email, phone, company, address])
    return out, planted


def contacts_csv(rows: int, seed: int = 7) -> tuple[bytes, Planted]:
    table, planted = contacts(rows, seed)
    buf = io.StringIO()
    csv.writer(buf).writerows(table)
    return buf.getvalue().encode("utf-8"), planted


def contacts_xlsx(rows: int, seed: int = 7) -> tuple[bytes, Planted]:
    from openpyxl import Workbook

    table, planted = contacts(rows, seed)
    wb = Workbook()
    ws = wb.active
    ws.title = "Contacts"
    for row in table:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue(), planted


def report_docx(words: int, seed: int = 11) -> tuple[bytes, Planted, int]:
    """A long business report (paragraphs of Faker prose) naming people, clients, e-mail
    addresses and phone numbers; returns (bytes, planted values, words written)."""
    import docx
    from faker import Faker

    fake = Faker("en_US")
    fake.seed_instance(seed)
    rnd = random.Random(seed)
    clients = [
        f"{fake.last_name()} {rnd.choice(['Group', 'Partners', 'Holdings'])}" for _ in range(8)
    ]
    people = [fake.name() for _ in range(30)]
    planted = Planted()
    for p in people:
        planted.add("name", p)
    for c in clients:
        planted.add("company", c)
    d = docx.Document()
    d.add_heading("Quarterly operations review", 0)
    total = 0
    while total < words:
        who, client = rnd.choice(people), rnd.choice(clients)
        first, last = who.split()[0], who.split()[-1]
        email = f"{_ascii(first)}.{_ascii(last)}@{_ascii(client.split()[0])}.com"
        phone = _phone(rnd, "en_US", with_extension=rnd.random() < 0.3)
        planted.add("email", email)
        planted.add("phone", phone)
        sentences = [
            f"{who} met the {client} team on {fake.day_of_week()} to review the "
            f"{fake.bs()} proposal.",
            fake.paragraph(nb_sentences=rnd.randint(2, 5)),
            f"Please send comments to {email} or call {phone} before "
            f"{fake.month_name()} {rnd.randint(1, 28)}.",
            f"{last} said the {client} budget of ${rnd.randint(10, 900)}k covers "
            f"{fake.catch_phrase().lower()}.",
            fake.paragraph(nb_sentences=rnd.randint(2, 4)),
        ]
        rnd.shuffle(sentences)
        paragraph = " ".join(sentences)
        d.add_paragraph(paragraph)
        total += len(paragraph.split())
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue(), planted, total
