"""Over-redaction classes of issue 18 (lane precision6), each beside a recall counter-test:
a model span that opens a bracket and does not close it ("the Quality Assurance (QA") is the
words before the bracket and, apart, what the bracket holds; a capitalised run right after a
verb whose object is a method or a tool ("use Monte Carlo") is a thing's name; a name after an
article and before describing words and a method or term noun ("a Heston stochastic volatility
model") is an eponym. Sentences, names and firms are
written here, not taken from any list a recognizer reads or from the slice's documents."""

from __future__ import annotations

import pytest

from scrubbing.engine.guards import tidy_model_span
from scrubbing.engine.recognizers.name_shape import after_tool_verb
from scrubbing.engine.recognizers.sentence_names import sentence_name_spans
from scrubbing.engine.technical import is_named_term
from scrubbing.engine.terms import TermLists


def _named(detector, text: str) -> set[str]:
    keep = ("PERSON", "ORGANIZATION", "LOCATION", "CLIENT", "CODENAME")
    return {h.text for h in detector.detect([text], TermLists())[0] if h.entity_type in keep}


def _tidy(text: str, span: str) -> list[str]:
    s = text.index(span)
    return [text[a:b] for a, b in tidy_model_span(text, s, s + len(span))]


# ------------------------------------------------ a span that swallows an opening bracket
@pytest.mark.parametrize(
    ("text", "span", "pieces"),
    [
        (
            "Batch records are signed off by the Process Validation (PV) unit.",
            "the Process Validation (PV",
            ["PV", "the Process Validation"],
        ),
        (
            "Deviations go to the Clinical Governance [CG] office first.",
            "the Clinical Governance [CG",
            ["CG", "the Clinical Governance"],
        ),
        ("Faults reach the Field Support ( desk.", "the Field Support (", ["the Field Support"]),
    ],
)
def test_an_unclosed_bracket_ends_the_model_span(text, span, pieces):
    assert _tidy(text, span) == pieces


def test_a_department_spelt_out_before_its_acronym_in_a_header_line_stays(detector):
    # the model reads "the Quality Assurance (QA" here, the bracket swallowed
    text = "Document LAB-SOP-090, version 2 · Approved by the Quality Assurance (QA) department"
    found = _named(detector, text)
    assert not any("Quality Assurance" in f or "(" in f for f in found), found


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        ("We met Tomasz Wierzbicki (TW) on Monday.", "Tomasz Wierzbicki (TW", "Tomasz Wierzbicki"),
        (
            "Payments go to Kelvaro Data Systems (KDS) each month.",
            "Kelvaro Data Systems (KDS",
            "Kelvaro Data Systems",
        ),
    ],
)
def test_a_name_before_its_initials_keeps_both_pieces(text, span, name):
    pieces = _tidy(text, span)
    assert name in pieces
    assert span.rsplit("(", 1)[1] in pieces


def test_a_closed_bracket_inside_a_span_is_left_alone():
    text = "Invoices from Brennvik (Nordic) Freight arrive weekly."
    assert _tidy(text, "Brennvik (Nordic) Freight") == ["Brennvik (Nordic) Freight"]


def test_a_person_and_a_firm_before_their_initials_stay_caught(detector):
    found = _named(detector, "Payments go to Kelvaro Data Systems (KDS) each month; KDS invoices.")
    assert "Kelvaro Data Systems" in found
    found = _named(detector, "Please ask Ifeoma Chukwuemeka (IC) to countersign the form.")
    assert any("Ifeoma Chukwuemeka" in f for f in found), found


# ------------------------------------------------ the object of "use": a method or a tool
@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "Tail losses are estimated: the exotic book uses Monte Carlo over 50,000 paths.",
            "Monte Carlo",
        ),
        (
            "For the spectra we use Welch Periodogram averaging with a Hann window.",
            "Welch Periodogram",
        ),
        ("The survey team is using Qualvexa Insight for the panel weights.", "Qualvexa Insight"),
    ],
)
def test_a_run_after_a_tool_verb_is_no_person(detector, text, span):
    s = text.index(span)
    assert after_tool_verb(text, s, s + len(span))
    assert not [text[a:b] for a, b in sentence_name_spans(text)]
    people = {h.text for h in detector.detect([text], TermLists())[0] if h.entity_type == "PERSON"}
    assert span not in people


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Before sign-off we use Ayodele Bankole's checklist for the barrier book.",
            "Ayodele Bankole",
        ),
        ("Please ask Monte Carson to review the pricing of the barrier book.", "Monte Carson"),
        (
            "The refusal house in Lagos is run by Ifeoma Chukwuemeka and her team.",
            "Ifeoma Chukwuemeka",
        ),
    ],
)
def test_a_person_beside_the_tool_verb_rule_stays_caught(detector, text, name):
    s = text.index(name)
    assert not after_tool_verb(text, s, s + len(name))
    assert any(name in f for f in _named(detector, text))


# ------------------------------------------------ an eponym before describing words and a head
@pytest.mark.parametrize(
    ("text", "span", "etype"),
    [
        (
            "Barrier books are priced with a Heston stochastic volatility model.",
            "Heston",
            "LOCATION",
        ),
        (
            "Rates follow a Hartley mean-reverting short-rate model calibrated monthly.",
            "Hartley",
            "ORGANIZATION",
        ),
        (
            "Spectra were fitted with the Lindqvist spectral broadening correction.",
            "Lindqvist",
            "PERSON",
        ),
        # a wrapped line
        ("Barrier books use a Heston stochastic\nvolatility model.", "Heston", "LOCATION"),
    ],
)
def test_an_eponym_before_describing_words_and_a_method_noun_is_a_term(text, span, etype):
    s = text.index(span)
    assert is_named_term(text, s, s + len(span), etype)


@pytest.mark.parametrize(
    ("text", "span", "etype"),
    [
        ("Tamsin Oyelaran updated the scoring model on Friday.", "Tamsin Oyelaran", "PERSON"),
        ("We sent a Heston colleague the pricing model.", "Heston", "LOCATION"),  # no head after
        ("The Brennvik Freight Ltd pricing model is due.", "Brennvik Freight", "ORGANIZATION"),
        ("Ask the Okafor family planning team.", "Okafor", "PERSON"),  # "planning" is no head
    ],
)
def test_a_name_beside_a_method_noun_without_the_eponym_shape_stays(text, span, etype):
    s = text.index(span)
    assert not is_named_term(text, s, s + len(span), etype)


def test_a_person_before_a_method_noun_stays_caught(detector):
    found = _named(detector, "Tamsin Oyelaran updated the scoring model on Friday.")
    assert any("Tamsin Oyelaran" in f for f in found), found
