"""Issue 18 precision and recall rules: technical prose, widened names, address forms and code
names built into identifiers (names, products and addresses written here, not from any list a
recognizer reads)."""

from __future__ import annotations

import pytest

from scrubbing.engine.hits import Hit
from scrubbing.engine.recognizers.address import address_spans
from scrubbing.engine.recognizers.codename import coined_words
from scrubbing.engine.recognizers.name_shape import looks_like_name
from scrubbing.engine.technical import has_code_shape, is_technical, product_words
from scrubbing.engine.terms import TermLists
from scrubbing.engine.widen import widen_names


def _hits(detector, text):
    return {(h.entity_type, h.text) for h in detector.detect([text], TermLists())[0]}


# ------------------------------------------------------------------ technical prose
@pytest.mark.parametrize(
    "word,code",
    [("CrashLoopBackOff", True), ("MLflow", True), ("iPad", True), ("S3Bucket", True),
     ("McDonald", False), ("DeShawn", False), ("MacLeod", False), ("Siobhán", False),
     ("Jean-Luc", False), ("NASA", False)],
)  # fmt: skip
def test_code_shape(word, code):
    assert has_code_shape(word) is code


def test_the_text_says_which_words_are_products():
    text = (
        "Requires Kafka 3.7 and the Debezium connector. Settings: `tempo.max_bytes` and "
        "ops/loki/ rules. Amount = Decimal(0). Olga Petrenko reviewed it on 14.03.2026."
    )
    words = product_words(text)
    assert {"kafka", "debezium", "tempo", "loki", "decimal"} <= words
    assert not {"olga", "petrenko", "reviewed"} & words  # a date is no version


@pytest.mark.parametrize(
    "text,span,etype,technical",
    [
        # the words alone say nothing here; in a paragraph about code the paragraph rule
        # keeps it (technical.in_technical_context, tests/unit/engine/test_technical_context.py)
        ("Pause it from Kafka Connect.", "Kafka Connect", "PERSON", False),
        ("Pause it from Kafka Connect. The Kafka client lags.", "Kafka Connect", "PERSON", True),
        ("Ask the Scheduler first.", "Scheduler", "PERSON", True),
        ("Ask Scheduler first.", "Scheduler", "PERSON", False),
        ("Fill in the SWOT grid.", "SWOT", "ORGANIZATION", True),
        ("Signed: LUÍZA Ferreira", "LUÍZA", "ORGANIZATION", False),  # a name in capitals
        ("Treasury signs off.", "Treasury", "ORGANIZATION", True),
        ("Thornbury signs off.", "Thornbury", "ORGANIZATION", False),
    ],
)
def test_is_technical(text, span, etype, technical):
    s = text.index(span)
    assert is_technical(text, s, s + len(span), etype, product_words(text)) is technical


@pytest.mark.parametrize(
    "text,term",
    [
        ("Check the pods for CrashLoopBackOff before scaling.", "CrashLoopBackOff"),
        ("Runs are logged to MLflow and promoted by a job.", "MLflow"),
        ("Prices come from the MarketData adapter.", "MarketData"),
        ("The SHAP summary must show no dominant feature.", "SHAP"),
        ("Amount is a Decimal(0) by default; Decimal keeps cents exact.", "Decimal"),
    ],
)
def test_technical_terms_are_not_entities(detector, text, term):
    assert not [t for _e, t in _hits(detector, text) if term in t]


def test_names_in_technical_prose_are_still_found(detector):
    text = "Kafka 3.7 is required. Ask Wiremu Tane before you change the Kafka client settings."
    assert ("PERSON", "Wiremu Tane") in _hits(detector, text)


# ------------------------------------------------------------------ a surname left beside
def _widen(text: str, part: str) -> str:
    s = text.index(part)
    return widen_names(text, [Hit("PERSON", s, s + len(part), 0.8, "model", part)])[0].text


@pytest.mark.parametrize(
    "text,found,whole",
    [
        ("cc: Kovács, Réka\n", "Kovács", "Kovács, Réka"),
        ('"Ouma, Achieng",ACME', "Achieng", "Ouma, Achieng"),
        ("Regards\nDERYA Aksoy\nHR Business Partner", "Aksoy", "DERYA Aksoy"),
        ("Regards\nTemitope G Adebayo\nHR", "Adebayo", "Temitope G Adebayo"),
        ('"displayName": "Joost van \'t Veld",', "Joost", "Joost van 't Veld"),
        ("Attendees: Tom Hardy, Petra Lind, Ana Lima", "Petra Lind", "Petra Lind"),
        ("Dear Petra Lind, thanks", "Petra Lind", "Petra Lind"),
        ("Petra Lind, Operations Lead", "Petra Lind", "Petra Lind"),
        ("Led by Petra Lind and the team", "Petra Lind", "Petra Lind"),
    ],
)
def test_a_person_span_takes_the_rest_of_its_name(text, found, whole):
    assert _widen(text, found) == whole


def test_family_comma_given_has_a_names_shape():
    assert looks_like_name("Navarro Iglesias, Mercedes") and looks_like_name("Ouma, Achieng")
    assert not looks_like_name("Sales, Marketing")


# ------------------------------------------------------------------ addresses
@pytest.mark.parametrize(
    "address",
    [
        "Calle de Alcalá 45, 3º izq., 28014 Madrid",
        "Am Sandtorkai 54\n20457 Hamburg",
        "서울특별시 강남구 테헤란로 152",
        "1200 rue Sherbrooke Ouest, bureau 400\nMontréal (Québec) H3A 1H6",
        "CS 70123, 67081 Strasbourg Cedex",
        "12 Hay Street, Perth WA 6850",
        "Post Box No. 1132\nKochi 682011",
    ],
)
def test_whole_address_is_one_span(address):
    assert [address[s:e].strip() for s, e in address_spans(address)] == [address]


@pytest.mark.parametrize("box", ["Caixa Postal 4521", "P.M.B. 5112", "Private Bag 12"])
def test_po_boxes_of_many_countries(box):
    assert [box[s:e].strip() for s, e in address_spans(box)] == [box]


@pytest.mark.parametrize(
    "text", ["The CS 2024 course starts", "Invoice 202601 is due", "Call 555-1234 now"]
)
def test_numbers_alone_are_not_addresses(text):
    assert address_spans(text) == []


# ------------------------------------------------------------------ code names
def test_a_coined_word_counts_in_identifiers_and_file_names():
    assert coined_words("Re: DuskMantle – variation\nOur ref: DM-DUSKMANTLE-4") == {"duskmantle": 2}
    assert coined_words("Led DuskMantle.\nSee duskmantle_budget.xlsx") == {"duskmantle": 2}
    assert not coined_words("Set INGEST_KAFKA__SERVERS and CHG0031244 in MODULE.bazel")


def test_a_mails_quoted_printable_and_semicolons_do_not_make_prose_code():
    from scrubbing.engine.recognizers.codename import coined_words

    mail = (
        "Subject: RE: TundraFox =?utf-8?b?4oCT?= revised schedule\n"
        "> Attached are our redlines to the TundraFox supply agreement. Cl=C3=A9mence wants =\n"
        "the cap; we can live with it.\n"
    )
    assert coined_words(mail)["tundrafox"] == 2
    assert coined_words("x = TundraFox()\nconfig = {TundraFox}\nTundraFox;\n") == {}
