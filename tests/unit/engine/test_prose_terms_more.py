"""Over-redaction classes of issue 18 (lane precision5), each beside a recall counter-test where
the guard could hide a real entity: acronyms spelt out with an eponym or a modern word, terms
headed by a document, method or role noun, methods named after two authors, countries and
continents alone in prose. Sentences, names and firms are written here, not taken from any list
a recognizer reads or from the slice's documents."""

from __future__ import annotations

import pytest

from scrubbing.engine.recognizers.orgs import is_term_definition, org_hits
from scrubbing.engine.technical import (
    is_bare_country,
    is_named_term,
    is_technical,
    product_words,
)
from scrubbing.engine.terms import TermLists


def _span(text: str, part: str) -> tuple[int, int]:
    s = text.index(part)
    return s, s + len(part)


def _named(detector, text: str) -> set[str]:
    keep = ("PERSON", "ORGANIZATION", "LOCATION", "CLIENT", "CODENAME")
    return {h.text for h in detector.detect([text], TermLists())[0] if h.entity_type in keep}


# ------------------------------------------------ acronyms spelt out with a well-known odd word
@pytest.mark.parametrize(
    "words",
    [
        "Discrete Fourier Transform",  # an eponym no dictionary lists
        "Regional Cyber Resilience Centre",  # a modern word no dictionary lists
        "Corporate Sustainability Due Diligence",
    ],
)
def test_an_acronym_spelt_out_with_one_well_known_odd_word_is_a_term(words):
    assert is_term_definition(words)
    text = f"The module applies the {words} ({''.join(w[0] for w in words.split())}) twice."
    assert not [h for h in org_hits(text) if h[2] == "CLIENT"]


@pytest.mark.parametrize(
    "words",
    [
        "Zentrova Harbour Services",  # a firm's head noun
        "Kelvaro Data Systems",
        "Quorvex Analytics Platform",  # a coined first word: no term word
        "Data Brennvik Platform",  # two words would need to be odd... one coined, rare
    ],
)
def test_a_client_spelt_out_before_its_acronym_stays_a_client(words):
    assert not is_term_definition(words)
    acr = "".join(w[0] for w in words.split())
    text = f"We signed with {words} ({acr}) in May; {acr} invoices monthly."
    assert any(h[2] == "CLIENT" for h in org_hits(text))


def test_the_model_s_organisation_before_its_acronym_is_a_term():
    text = "Spectra use the Discrete Fourier Transform (DFT) with a Hann window."
    s, e = _span(text, "the Discrete Fourier Transform")
    assert is_named_term(text, s, e, "ORGANIZATION")
    firm = "Payments go to Kelvaro Data Systems (KDS) each month."
    s, e = _span(firm, "Kelvaro Data Systems")
    assert not is_named_term(firm, s, e, "ORGANIZATION")


# ------------------------------------------------ terms headed by a document, method or role noun
@pytest.mark.parametrize(
    ("text", "span", "etype"),
    [
        ("Renewals follow the Mutual Supply Agreement of last year.", "Mutual Supply Agreement",
         "ORGANIZATION"),
        ("New bets start with a Venture Canvas before any build.", "Venture Canvas", "PERSON"),
        ("Frailty is graded with the Rockwood Frailty Index at admission.",
         "the Rockwood Frailty", "ORGANIZATION"),
        ("Report spills to the Site Waste Officer within the hour.", "the Site Waste",
         "ORGANIZATION"),
    ],
)  # fmt: skip
def test_a_span_headed_by_a_term_noun_is_a_term(text, span, etype):
    s, e = _span(text, span)
    assert is_named_term(text, s, e, etype)


@pytest.mark.parametrize(
    ("text", "span", "etype"),
    [
        # a known given name: a person, even before a role noun
        ("Escalate to Priya Raman Officer on duty.", "Priya Raman", "PERSON"),
        # a person verb after the span
        ("The Marsh Agreement was drafted; Okonkwo said it stands.", "Okonkwo", "PERSON"),
        # a legal form after the span: a firm
        ("Invoices from Harbourline Standard Ltd are due monthly.", "Harbourline Standard",
         "ORGANIZATION"),
    ],
)  # fmt: skip
def test_a_term_noun_does_not_hide_a_person_or_a_firm(text, span, etype):
    s, e = _span(text, span)
    assert not is_named_term(text, s, e, etype)


def test_a_person_beside_a_term_is_still_found(detector):
    text = (
        "The Vendor Onboarding Agreement and the Lean Canvas are in the shared drive. "
        "Please ask Tomasz Wierzbicki before you change them."
    )
    found = _named(detector, text)
    assert "Tomasz Wierzbicki" in found
    assert not any("Agreement" in f or "Canvas" in f for f in found)


# ------------------------------------------------ methods named after two authors, eponym nouns
@pytest.mark.parametrize("etype", ["ORGANIZATION", "LOCATION"])
def test_two_authors_joined_by_a_hyphen_are_a_method(etype):
    text = "Currency options are priced with Garman-Kohlhagen for the FX book."
    s, e = _span(text, "Garman-Kohlhagen")
    assert is_technical(text, s, e, etype, frozenset())


def test_a_double_barrelled_surname_with_name_evidence_stays():
    text = "Please ask Ms Garman-Kohlhagen about the FX book."
    s, e = _span(text, "Garman-Kohlhagen")
    assert not is_technical(text, s, e, "ORGANIZATION", frozenset())
    # a person span is never judged by the hyphen alone
    text = "Reviewed with Garman-Kohlhagen in May."
    s, e = _span(text, "Garman-Kohlhagen")
    assert not is_technical(text, s, e, "PERSON", frozenset())


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("States are sampled from a Lindqvist chain of order two.", "lindqvist"),
        ("Attribution uses the Osterberg value of each channel.", "osterberg"),
        ("Causes are drawn on a Tanaka diagram first.", "tanaka"),
        ("Noise is removed with Marek filters.", "marek"),
        ("Loyalty is scored with the Kovacs model each quarter.", "kovacs"),
    ],
)
def test_a_method_noun_or_an_article_and_model_names_a_method(text, word):
    assert word in product_words(text)


def test_a_person_before_a_verb_is_no_method():
    # "models" and "designs" as verbs after a name are not method nouns
    assert "lindqvist" not in product_words("Lindqvist models the demand and designs the test.")


# ------------------------------------------------ countries and continents alone in prose
@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Backups are replicated from Norway to Chile every night.", "Norway"),
        ("Backups are replicated from Norway to Chile every night.", "Chile"),
        ("Suppliers in Africa and South America are one segment.", "South America"),
        ("Disputes over EUR 5 million are heard in Portugal.", "Portugal"),
    ],
)
def test_a_country_or_continent_alone_in_a_sentence_is_kept(text, span):
    s, e = _span(text, span)
    assert is_bare_country(text, s, e, "LOCATION")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Storgata 12, 0155 Oslo, Norway", "Norway"),  # the end of an address line
        ("Kaisa Lind\nStorgata 12\n0155 Oslo\nNorway\n", "Norway"),  # an address's own line
        ("Meetings are held in Bergen every week.", "Bergen"),  # a city: not judged here
    ],
)
def test_a_country_ending_an_address_or_a_city_is_not_kept(text, span):
    s, e = _span(text, span)
    assert not is_bare_country(text, s, e, "LOCATION")


def test_an_address_with_its_country_is_still_found(detector):
    text = "Please ship the samples to:\nKaisa Lind\nStorgata 12\n0155 Oslo\nNorway\n"
    spans = [(h.entity_type, h.text) for h in detector.detect([text], TermLists())[0]]
    assert any(t == "ADDRESS" and "Norway" in x for t, x in spans)
    found = _named(detector, "Data stays in Norway; ask Kaisa Lindqvist-Berg for access.")
    assert "Norway" not in found
    assert any("Kaisa" in f for f in found)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Effects were compared with the Lindqvist\nvalue of each channel.", {"lindqvist"}),
        ("Designed as Osterberg and Tanaka filters for the lab.", {"osterberg", "tanaka"}),
    ],
)
def test_an_eponym_across_a_line_break_or_coordinated_names_a_method(text, names):
    assert names <= product_words(text)


def test_a_name_and_a_verb_across_a_line_break_is_no_method():
    assert "tanaka" not in product_words("Please ask Tanaka\nabout the charts.")


# ------------------------------------------------ a vendor and its product
@pytest.mark.parametrize(
    ("text", "span", "etype"),
    [
        ("Plans run every night in Corvane FlowPlanner for the depots.", "Corvane FlowPlanner",
         "LOCATION"),
        ("Scans are stored in Brevik QMS after review.", "Brevik QMS", "ORGANIZATION"),
        ("Readings arrive from Ostra DLM every hour.", "Ostra DLM", "LOCATION"),
    ],
)  # fmt: skip
def test_a_vendor_and_its_product_is_technical(text, span, etype):
    s, e = _span(text, span)
    assert is_technical(text, s, e, etype, frozenset())


@pytest.mark.parametrize(
    ("text", "span", "etype"),
    [
        ("Invoices go to Brevik AS each month.", "Brevik AS", "ORGANIZATION"),  # a legal form
        ("Our office is Harbourline UK in the north.", "Harbourline UK", "ORGANIZATION"),  # country
        ("Please ask Meera FlowPlanner about it.", "Meera FlowPlanner", "PERSON"),  # given name
    ],
)  # fmt: skip
def test_a_firm_or_a_person_is_no_vendor_product(text, span, etype):
    s, e = _span(text, span)
    assert not is_technical(text, s, e, etype, frozenset())


# ------------------------------------------------ committees, councils and offices in prose
@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Decision owner: Records Retention Council\n", "Records Retention Council"),
        ("It is audited under the Regional Transport Safety\nOversight Board rules.",
         "the Regional Transport Safety"),
        ("Complaints go to the Water Services Regulation Authority first.",
         "the Water Services Regulation Authority"),
    ],
)  # fmt: skip
def test_a_body_of_ordinary_words_is_no_entity(text, span):
    s, e = _span(text, span)
    assert is_named_term(text, s, e, "ORGANIZATION")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Decision owner: Mitchell Harbour Council\n", "Mitchell Harbour Council"),  # a name
        ("Invoices from Harbour Pilot Board AS are due.", "Harbour Pilot Board"),  # a legal form
        ("Decision owner: Ingrid Solberg\n", "Ingrid Solberg"),  # a person: no body's head
    ],
)
def test_a_body_head_does_not_hide_a_name_or_a_firm(text, span):
    s, e = _span(text, span)
    assert not is_named_term(text, s, e, "ORGANIZATION")


# ------------------------------------------------ a department of one's own organisation
def test_a_spelt_out_department_before_its_acronym_and_unit_is_no_client():
    text = "Approved by the Clinical Assurance (CA) unit before release."
    assert not [h for h in org_hits(text) if h[2] == "CLIENT"]
    s, e = _span(text, "the Clinical Assurance")
    assert is_named_term(text, s, e, "ORGANIZATION")  # a model span before "unit" too


@pytest.mark.parametrize(
    "text",
    [
        "The Kelvaro Harbour Services (KHS) team ships on Friday.",  # a client's team
        "Invoices from Brennvik Trading Group (BTG) division arrive monthly.",  # a legal word
        "Kelvaro Marine Services (KMS) unit rates rose.",  # a coined firm name
    ],
)
def test_a_client_before_its_acronym_stays_a_client_whatever_follows(text):
    assert any(h[2] == "CLIENT" for h in org_hits(text))
