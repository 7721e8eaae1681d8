"""The independent evaluation slice builds, and its ground truth is consistent.

Builds the whole slice (tests/corpus/independent) so that it cannot rot, and checks what the
scores of `make eval` rest on: every planted value is in its document, both in the plain text
and in the rendered file as an independent reader sees it; the hand-written lists are as large
and as varied as a fair measure needs, and are not the engine's lists; structured values are valid.
Recall is a report (docs/quality.md), not asserted here: the targets fail today.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from tests.corpus.evaluate import _norm_ws
from tests.corpus.independent.build import build_slice
from tests.corpus.independent.contacts import IBAN_LENGTHS, iban_is_valid
from tests.corpus.independent.orgs import codenames, companies
from tests.corpus.independent.people import people
from tests.corpus.independent.places import addresses
from tests.corpus.independent.prose import DOCS, SLOT
from tests.corpus.independent.score import ENTITY_TYPES, Score, count, score_doc
from tests.corpus.independent.split import DEV, HELD_OUT, PARTS, part_of
from tests.corpus.independent.views import View, view
from tests.corpus.independent.writer import IBAN, ORG, PERSON, PHONE

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", params=PARTS)
def sl(request):
    return build_slice(part=request.param)


@pytest.fixture(scope="module")
def views(sl):
    return {name: view(name, data, ocr=False) for name, data in sl.files.items()}


def test_hand_written_lists_are_large_and_varied():
    forms = {f for p in people() for f in p.forms}
    assert len(forms) >= 300
    cultures = Counter(p.culture for p in people())
    for c in ("ru", "uk", "in", "pl", "tr", "zh", "ko", "ja", "ar", "ng", "vi", "es", "nl", "ie"):
        assert cultures[c] >= 10, c
    scripts = "".join(f for p in people() for f in p.native)
    for block in (r"[\u0400-\u04ff]", r"[\u4e00-\u9fff]", r"[\uac00-\ud7af]", r"[\u0600-\u06ff]"):
        assert re.search(block, scripts), block
    assert any("’" in f for f in forms) and any("'" in f for f in forms)
    assert len(addresses()) >= 100
    by_country = Counter(a.country for a in addresses())
    assert sum(1 for n in by_country.values() if n >= 10) >= 5
    # Hong Kong and the Emirates have no postcodes: their street lines are the parts
    assert any(a.po_boxes for a in addresses()) and all(
        a.postcodes or a.po_boxes or (a.country in ("HK", "AE") and a.streets) for a in addresses()
    )
    assert len(companies()) >= 40 and len(codenames()) >= 20


def test_names_are_not_the_engine_lists():
    """Independence: few hand-written people are first name + surname from the engine's lists."""
    from scrubbing.engine.recognizers.known_names import name_lists

    first, last, _common = name_lists()
    latin = [p for p in people() if p.latin]
    both = [
        p
        for p in latin
        if p.given and p.given.split()[0].casefold() in first and p.family.casefold() in last
    ]
    # The engine's name resource is Faker's lists of 56 locales, so common real names ("Igor
    # Lebedev") are in it by nature; the slice was written by hand, not drawn from it: most of
    # its people, and at least 280 of them, are outside the lists (the report scores them apart).
    assert len(both) / len(latin) < 0.25, [p.full for p in both]
    assert len(latin) - len(both) >= 280


def test_the_split_is_by_item_disjoint_and_balanced():
    """Each item is in one part; the held-out part has at least as much of each list as a
    third of it, and both parts have people of many cultures."""
    dev, held = build_slice(part=DEV), build_slice(part=HELD_OUT)
    for kind, items in (
        ("person", [p.raw[0] for p in people()]),
        ("address", [f"{a.country}|{a.one_line}" for a in addresses()]),
        ("company", [c.name for c in companies()]),
        ("codename", [k.word for k in codenames()]),
        ("prose", [p.name for p in DOCS]),
    ):
        held_n = sum(part_of(kind, x) == HELD_OUT for x in items)
        assert len(items) / 3 <= held_n <= 2 * len(items) / 3, kind
    keys = {part: {p.key for doc in s.docs for p in doc.planted if p.type in ENTITY_TYPES}
            for part, s in ((DEV, dev), (HELD_OUT, held))}  # fmt: skip
    assert keys[DEV] and keys[HELD_OUT] and not (keys[DEV] & keys[HELD_OUT])
    for s in (dev, held):
        cultures = {p.detail.split(":")[0] for doc in s.docs for p in doc.planted
                    if p.type == PERSON}  # fmt: skip
        assert len(cultures) >= 25


def test_every_entity_is_used():
    planted = [p for part in PARTS for doc in build_slice(part=part).docs for p in doc.planted]
    keys = {p.key for p in planted}
    assert {p.id for p in people()} <= keys
    assert {a.id for a in addresses()} <= keys
    assert {c.id for c in codenames()} <= keys
    assert {c.id for c in companies()} <= keys
    assert {doc.fmt for part in PARTS for doc in build_slice(part=part).docs} >= {
        "eml",
        "txt",
        "docx",
        "xlsx",
        "pdf",
        "csv",
        "json",
    }


def _ics_unescaped(text: str) -> str:
    """An iCalendar TEXT value as it reads: RFC 5545 escapes commas, semicolons and backslashes."""
    return re.sub(r"\\([,;\\])", r"\1", text)


def test_every_planted_value_is_in_its_document(sl, views):
    missing = []
    for doc in sl.docs:
        text, seen = _norm_ws(doc.text), _norm_ws(views[doc.name].text)
        if doc.name.endswith(".ics"):
            text, seen = _ics_unescaped(text), _ics_unescaped(seen)
        for p in doc.planted:
            for where, hay in (("text", text), ("file", seen)):
                if _norm_ws(p.value) not in hay:
                    missing.append(f"{doc.name} [{where}] {p.type} {p.value!r}")
    assert not missing, "\n".join(missing[:30])


def test_name_words_are_in_the_document_and_not_shared(sl):
    for doc in sl.docs:
        owners: dict[str, str] = {}
        for p in doc.planted:
            if p.type != PERSON:
                continue
            assert any(count(w, doc.text) for w in p.parts), (doc.name, p.value)
            for w in p.parts:
                assert owners.setdefault(w.casefold(), p.key) == p.key, (doc.name, w)


def test_structured_values_are_valid(sl):
    import phonenumbers

    for doc in sl.docs:
        for p in doc.planted:
            if p.type == IBAN:
                assert (
                    iban_is_valid(p.value)
                    and len(p.value.replace(" ", "")) == IBAN_LENGTHS[p.detail]
                )
            if p.type == PHONE:
                assert len(p.digits) >= 8, p.value
                assert any(phonenumbers.PhoneNumberMatcher(p.value, "US")) or p.value[0] != "+"


def test_prose_plants_only_its_slots_and_keeps_its_terms(sl):
    """A prose document plants exactly the people and companies of its slots (none for most),
    and no term that must survive is a word of a planted name."""
    prose = [doc for doc in sl.docs if doc.family == "prose"]
    assert len(prose) == sum(part_of("prose", p.name) == sl.part for p in DOCS)
    by_name = {p.name: p for p in DOCS}
    for doc in prose:
        slots = {m.group("kind") + m.group("n") for m in SLOT.finditer(by_name[doc.name].text)}
        assert len({p.key for p in doc.planted}) == len(slots), doc.name
        assert {p.type for p in doc.planted} <= {PERSON, ORG}
        assert "{" + "p1" not in doc.text
        words = {w.casefold() for p in doc.planted for w in p.parts}
        assert not [t for t in doc.survive if t.casefold() in words], doc.name
        assert doc.survive and all(count(t, doc.text) for t in doc.survive), doc.name
    assert any(doc.planted for doc in prose)


def test_mail_is_real_mime(views, sl):
    mails = [doc for doc in sl.docs if doc.fmt == "eml"]
    assert {doc.content.cte for doc in mails} == {"8bit", "quoted-printable", "base64"}
    encoded = [d for d in mails if b"=?utf-8?" in sl.files[d.name]]
    assert encoded, "no RFC 2047 encoded display name"
    for doc in encoded:
        assert "=?utf-8?" not in views[doc.name].text  # the reader decodes them


def test_the_scorer_counts_a_surname_left_next_to_a_placeholder(sl):
    doc = next(d for d in sl.docs if d.family == "letter")
    person = next(p for p in doc.planted if p.type == PERSON and re.fullmatch(r"\w+ \w+", p.value))
    forms = sorted({p.value for p in doc.planted if p.key == person.key}, key=len, reverse=True)

    def scrubbed(keep_surname: bool) -> View:
        text = doc.text
        if keep_surname:
            text = text.replace(person.value, "[PERSON_1] " + person.value.split()[-1])
        for f in forms:
            text = re.sub(rf"(?<!\w){re.escape(f)}(?!\w)", "[PERSON_1]", text)
        return View(text)

    units = {}
    for keep in (False, True):
        s = Score("t")
        score_doc(s, doc, View(doc.text), scrubbed(keep))
        units[keep] = next(u for u in s.units if u.key == person.key)
    assert not units[False].leaked, units[False].why
    assert units[True].leaked
    assert person.value.split()[-1].casefold() in units[True].why.casefold()


def test_prose_names_are_units_and_no_lost_terms(sl):
    """In a prose document with people, a name left is a leak; a name replaced costs no term."""
    doc = next(d for d in sl.docs if d.family == "prose" and d.planted)
    forms = sorted({p.value for p in doc.planted}, key=len, reverse=True)
    scrubbed = doc.text
    for f in forms:
        scrubbed = re.sub(rf"(?<!\w){re.escape(f)}(?!\w)", "[PERSON_1]", scrubbed)
    s = Score("t")
    score_doc(s, doc, View(doc.text), View(scrubbed))
    assert s.units and not [u for u in s.units if u.leaked]
    assert s.survive_total == len(doc.survive) and not s.survive_lost
    s = Score("t")
    score_doc(s, doc, View(doc.text), View(doc.text))
    assert all(u.leaked for u in s.units)


def test_a_body_left_encoded_is_still_read(sl):
    """A mail whose Content-Transfer-Encoding header was redacted still holds its body."""
    doc = next(d for d in sl.docs if d.fmt == "eml" and d.content.cte == "base64")
    mangled = sl.files[doc.name].replace(b"Content-Transfer-Encoding", b"[ORG_1]")
    seen = _norm_ws(view(doc.name, mangled).text)
    body_values = [p.value for p in doc.planted if _norm_ws(p.value) in _norm_ws(doc.content.body)]
    assert body_values and all(_norm_ws(v) in seen for v in body_values)


def test_generation_is_deterministic():
    """Same seed, same documents and truth (binary files differ only by their timestamps)."""
    a, b = build_slice(scale=0.3), build_slice(scale=0.3)
    assert [(d.name, d.text, d.planted) for d in a.docs] == [
        (d.name, d.text, d.planted) for d in b.docs
    ]


def test_a_one_word_value_is_left_only_as_a_word_of_its_own():
    """A call name "Nam" is not left in "[USERNAME_1]", nor "Ana" in "analyst"; it is when it
    stands alone, in the text or in the raw bytes."""
    from tests.corpus.independent.score import _left_whole

    def hay(text: str):
        from tests.corpus.independent.score import _hay

        return _hay(View(text, [text.encode()]))

    assert not _left_whole(hay("ping @[USERNAME_1] for the analyst role"), "Nam")
    assert not _left_whole(hay("the analyst role"), "Ana")
    assert _left_whole(hay("Could Nam check the clauses?"), "Nam")
    assert _left_whole(hay("Best regards,\nAna"), "Ana")
    assert _left_whole(hay("met Priya Raman today"), "Priya Raman")
