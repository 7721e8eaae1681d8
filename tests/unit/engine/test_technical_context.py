"""Over-redaction guards of issue 18, each beside a real name in the same document that must
still be found: technical paragraphs, ordinary dictionary words, office words, capitals with
digits, legal forms. Names, products and sentences are written here, not taken from any list
a recognizer reads."""

from __future__ import annotations

import pytest

from scrubbing.engine.lexicon.dictionary import in_dictionary
from scrubbing.engine.recognizers.codename import is_caps_with_digits
from scrubbing.engine.recognizers.orgs import has_legal_suffix
from scrubbing.engine.technical import (
    has_name_evidence,
    in_technical_context,
    is_labelled_person,
    is_ordinary_word,
    is_technical_paragraph,
    paragraph,
)
from scrubbing.engine.terms import TermLists


def _hits(detector, text: str) -> set[tuple[str, str]]:
    return {(h.entity_type, h.text) for h in detector.detect([text], TermLists())[0]}


def _named(detector, text: str) -> set[str]:
    """Texts of hits that name someone or something (people, organisations, places)."""
    keep = ("PERSON", "ORGANIZATION", "LOCATION", "CLIENT", "CODENAME")
    return {t for e, t in _hits(detector, text) if e in keep}


def _span(text: str, part: str) -> tuple[int, int]:
    s = text.index(part)
    return s, s + len(part)


# ------------------------------------------------------------------ the lexicon's dictionary
@pytest.mark.parametrize(
    "word,known",
    [("parquet", True), ("Decimate", True), ("pipelines", True), ("policies", True),
     ("Okoro", False), ("Wanjiru", False), ("Kafka", False), ("Bill", True), ("Olga", False)],
)  # fmt: skip
def test_dictionary_knows_lower_case_words_only(word, known):
    # "Bill" is an ordinary word too ("the bill"); "Olga" is only a proper noun
    assert in_dictionary(word) is known


# ------------------------------------------------------------------ technical paragraphs
TECH = (
    "Pause the Debezium connector in Kafka Connect before the upgrade to 3.7; run "
    "`connect-cli pause` first."
)


def test_what_makes_a_paragraph_technical():
    assert is_technical_paragraph(TECH)
    assert is_technical_paragraph("Run `make test` with --verbose on every merge.")
    assert not is_technical_paragraph("Pause it from Kafka Connect.")
    assert not is_technical_paragraph("Thanks for the lunch on Friday, it was lovely.")


def test_a_paragraph_is_the_block_between_blank_lines():
    text = "one\n\ntwo Kafka three\n  \nfour"
    assert text[slice(*paragraph(text, *_span(text, "Kafka")))] == "two Kafka three"


def test_kafka_connect_in_a_technical_paragraph_is_a_term_and_the_owner_is_found(detector):
    text = f"{TECH}\n\nOwner: Wiremu Tane"
    found = _named(detector, text)
    assert "Kafka Connect" not in found
    assert "Wiremu Tane" in found


def test_product_words_in_a_data_paragraph_survive_and_the_name_below_is_found(detector):
    text = (
        "Raw events land as Parquet in the Lakehouse; Fivetran and Airbyte load them, and "
        "`dbt run --select marts` builds the tables.\n\nAsk Ngozi Okonkwo before changing it."
    )
    found = _named(detector, text)
    assert not {"Parquet", "Lakehouse", "Fivetran", "Airbyte"} & found
    assert "Ngozi Okonkwo" in found


def test_people_in_the_paragraph_turn_the_guard_off():
    text = f"{TECH} Ask Wiremu Tane first."
    s, e = _span(text, "Kafka Connect")
    assert in_technical_context(text, s, e, "PERSON")
    a, b = _span(text, "Wiremu Tane")
    assert not in_technical_context(text, s, e, "PERSON", [(a, b)])  # another recognizer's name
    greeting = f"Hi all,\n{TECH}"
    s, e = _span(greeting, "Kafka Connect")
    assert not in_technical_context(greeting, s, e, "PERSON")


@pytest.mark.parametrize(
    "text,name,evidence",
    [
        (f"{TECH} Ask Wiremu Tane.", "Wiremu Tane", True),  # a word that introduces a person
        (f"{TECH} Owner: Okonkwo.", "Okonkwo", True),  # a key or a role label
        (f"{TECH} Scribe: Okonkwo.", "Okonkwo", True),
        (f"{TECH} Reviewed by Okonkwo.", "Okonkwo", True),
        (f"{TECH} Then Tane said no.", "Tane", True),  # a person verb
        (f"{TECH} Okoro, J. R. checks it.", "Okoro", True),  # initials
        (f"{TECH} Taşkın acknowledges it.", "Taşkın", True),  # letters beyond ASCII
        (f"{TECH} Sandeep Chakraborty reverts it.", "Sandeep Chakraborty", True),  # full name
        (TECH, "Kafka Connect", False),
        (f"{TECH} Lean Canvas helps.", "Lean Canvas", False),  # a given name, but two words
    ],
)
def test_name_evidence(text, name, evidence):
    assert has_name_evidence(text, *_span(text, name)) is evidence


def test_a_name_with_evidence_in_a_technical_paragraph_is_found(detector):
    text = "Ask Wiremu Tane before you change `kafka.group_id`; Kafka 3.7 is required."
    assert "Wiremu Tane" in _named(detector, text)
    text = (
        "- 14:09 alert fires; Taşkın acknowledges in PagerDuty.\n"
        "- 14:21 the chart is rolled back with `helm rollback payments 41`."
    )
    assert "Taşkın" in _named(detector, text)


def test_lean_canvas_in_a_technical_paragraph_is_a_term(detector):
    text = (
        "Lean Canvas and Kanban templates are in the Kubernetes wiki with `kubectl` notes.\n\n"
        "Prepared by Ngozi Okonkwo"
    )
    found = _named(detector, text)
    assert "Lean Canvas" not in found and "Ngozi Okonkwo" in found


# ------------------------------------------------------------------ one ordinary word
def test_one_ordinary_word_is_no_person(detector):
    text = "Olga Petrenko rewrote the loader. Files are stored as Parquet."
    found = _hits(detector, text)
    assert ("PERSON", "Parquet") not in found
    assert ("PERSON", "Olga Petrenko") in found


@pytest.mark.parametrize(
    "text,word,ordinary",
    [
        ("Files are stored as Parquet.", "Parquet", True),
        ("Files are stored as PARQUET.", "PARQUET", False),  # capitals: a name in a caption
        ("Send it to Okoro.", "Okoro", False),  # no dictionary word
        ("Ask Parquet today.", "Parquet", False),  # "Ask" introduces a person
        ("Files are stored as Parquet, J. R.", "Parquet", False),  # initials back it
        ("Reach Grace today.", "Grace", False),  # a known given name
        ("Li wrote it.", "Li", False),  # short words are names too often
    ],
)
def test_is_ordinary_word(text, word, ordinary):
    assert is_ordinary_word(text, *_span(text, word), "PERSON") is ordinary


def test_an_ordinary_word_backed_by_another_recognizer_stays_a_person():
    text = "Contact: Parquet"
    s, e = _span(text, "Parquet")
    assert not is_ordinary_word(text, s, e, "PERSON", [(s, e)])
    assert not is_ordinary_word(text, s, e, "ORGANIZATION")  # companies are not judged so


def test_the_dictionary_spares_a_surname_with_initials(detector):
    text = "The report was exported as Parquet by Okoro, J. R."
    texts = {t for _e, t in _hits(detector, text)}
    assert "Parquet" not in texts
    assert any("Okoro" in t for t in texts)


# ------------------------------------------------------------------ office words, beside a name
@pytest.mark.parametrize(
    "text,word",
    [
        ("Draw it on the Whiteboard, then email Ana Lima.", "Whiteboard"),
        ("Bill to: Harbour Stores, Pier 4\nContact: Bill Hargreaves", "Bill"),
        ("Our office is in Tel-Aviv; Yael Cohen runs it.", "Tel"),
        ("Edit the config, then tell Ana Lima.", "config"),
        ("Hedge the fuel exposure, says Ana Lima.", "Hedge"),
        ("The Cabin crew briefing is with Ana Lima.", "Cabin"),
        ("See Appendix C. The Cabin room is booked by Ana Lima.", "Appendix C. The Cabin"),
    ],
)
def test_office_words_stay_and_the_person_is_found(detector, text, word):
    hits = detector.detect([text], TermLists())[0]
    at = text.index(word)  # its first use: "Bill Hargreaves" below "Bill to" is a person
    assert not [h for h in hits if h.entity_type == "PERSON" and h.start <= at < h.end]
    people = {h.text for h in hits if h.entity_type == "PERSON"}
    assert people & {"Ana Lima", "Bill Hargreaves", "Yael Cohen"}


def test_tel_aviv_is_not_cut_into_a_placeholder_and_a_tail(detector):
    text = "The team flew to Tel-Aviv on Monday with Yael Cohen."
    found = _hits(detector, text)
    assert not [t for _e, t in found if t == "Tel"]
    assert ("PERSON", "Yael Cohen") in found


# ------------------------------------------------------------------ capitals with digits
@pytest.mark.parametrize("word,caps", [("S3", True), ("EC2", True), ("H100", True),
                                       ("GPT4", True), ("BLUEHERON", False), ("Q3", True)])  # fmt: skip
def test_caps_with_digits(word, caps):
    assert is_caps_with_digits(word) is caps


def test_capitals_with_digits_are_no_code_names(detector):
    text = (
        "Project H100 moves to EC2 and S3; Codename GPT4 is ready. "
        "Project BLUEHERON is on hold, says Priya Raman."
    )
    found = _hits(detector, text)
    assert not [t for e, t in found if e == "CODENAME" and t in ("H100", "EC2", "S3", "GPT4")]
    assert ("CODENAME", "BLUEHERON") in found
    assert ("PERSON", "Priya Raman") in found


# ------------------------------------------------------------------ legal forms
def test_legal_suffix_after_or_at_the_end():
    text = "Pay Jan Novak Ltd and Hansen Bunkering AS today; as agreed, Jan Novak signs."
    assert has_legal_suffix(text, *_span(text, "Jan Novak Ltd"))
    assert has_legal_suffix(text, *_span(text, "Hansen Bunkering"))
    last = text.rindex("Jan Novak")
    assert not has_legal_suffix(text, last, last + len("Jan Novak"))
    assert not has_legal_suffix("Tell Olga as soon as you can", 5, 9)  # "as" is no form


def test_a_legal_form_makes_a_company_and_the_person_is_still_found(detector):
    text = "Our supplier Jan Novak Ltd will bill us. Jan Novak called on Monday."
    found = _hits(detector, text)
    assert not [t for e, t in found if e == "PERSON" and "Ltd" in t]
    assert [t for e, t in found if e in ("ORGANIZATION", "CLIENT") and "Novak Ltd" in t]
    assert ("PERSON", "Jan Novak") in found


# ------------------------------------------------------------------ a label only people follow
@pytest.mark.parametrize(
    "text,span,person",
    [
        ("Add the check (owner: Chakraborty).", "Chakraborty", True),
        ("Scribe: Okonkwo", "Okonkwo", True),
        ("From: Northwind Logistics", "Northwind Logistics", False),  # a firm can send mail
        ("Owner: Platform Engineering", "Platform Engineering", False),  # dictionary words
        ("owner: Novak Ltd", "Novak", False),  # a legal form
        ("The Chakraborty rollout", "Chakraborty", False),  # no label
    ],
)
def test_is_labelled_person(text, span, person):
    assert is_labelled_person(text, *_span(text, span)) is person


def test_an_owner_the_model_reads_as_a_firm_is_a_person(detector):
    text = (
        "- 14:21 Sandeep Chakraborty rolls the chart back with `helm rollback payments 41`.\n"
        "- Add a policy check in Conftest that rejects `maxSurge: 0` (owner: Chakraborty)."
    )
    found = _hits(detector, text)
    assert ("PERSON", "Chakraborty") in found
    assert not [t for e, t in found if "Chakraborty" in t and e != "PERSON"]


# ------------------------------------------------------------------ departments and roles
@pytest.mark.parametrize(
    "text",
    ["Beneficiary: Hanbit Precision Co., Ltd.", "Head of Procurement, Rao & Iyer Consulting Ltd."],
)
def test_a_department_or_role_left_beside_a_company_is_no_organisation(detector, text):
    found = _hits(detector, text)
    assert [t for e, t in found if e == "CLIENT"]  # the company is found
    assert not [t for e, t in found if t in ("Beneficiary", "Procurement")]


def test_a_dictionary_word_alone_is_no_organisation():
    from scrubbing.engine.technical import is_technical

    for text, word, technical in (
        ("Procurement signs it.", "Procurement", True),
        ("Beneficiary checks it.", "Beneficiary", True),
        ("Okonkwo signs it.", "Okonkwo", False),
        ("ACME signs it.", "ACME", True),  # an acronym read as an organisation, as before
    ):
        s, e = _span(text, word)
        assert is_technical(text, s, e, "ORGANIZATION", frozenset()) is technical, word


@pytest.mark.parametrize("label", ["Scribe", "Maintainer", "Maintainers", "Incident commander"])
def test_role_labels_of_technical_documents_introduce_people(detector, label):
    text = f"{label}: Ishbel Ravensworth\n\nThe Helm chart sets `maxSurge: 0` in v2.3."
    assert ("PERSON", "Ishbel Ravensworth") in _hits(detector, text)
