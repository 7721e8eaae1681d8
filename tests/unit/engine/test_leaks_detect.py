"""Leaks the evaluation corpus found (docs/quality.md), one test each: cards, phones, names in
link text, short fragments and table cells, surnames after a partly found name."""

from __future__ import annotations

import pytest

from scrubbing.engine.recognizers.card import card_hits, luhn_ok
from scrubbing.engine.recognizers.known_names import ScrubKnownNameRecognizer
from scrubbing.engine.recognizers.phone import phone_hits
from scrubbing.engine.terms import TermLists
from scrubbing.engine.views import detection_view


def found(detector, text):
    return {(h.entity_type, h.text) for h in detector.detect([text], TermLists())[0]}


def people(detector, text):
    return {t for e, t in found(detector, text) if e == "PERSON"}


# ------------------------------------------------------------------ 1. payment cards
@pytest.mark.parametrize(
    "card",
    [
        "2506-4423-0957-4787",  # Mastercard 2-series, hyphens
        "2704 4150 4748 1101",  # spaces
        "2389228077149676",  # no separator
        "2221000000000009",  # lowest 2-series prefix
        "4111 1111 1111 1111",  # Visa
        "5555555555554444",  # Mastercard 5-series
        "3782 822463 10005",  # Amex 4-6-5
        "6011111111111117",  # Discover
        "4222222222222",  # Visa, 13 digits
        "122000000000003",  # UATP, 15 digits from "1"
    ],
)
def test_cards_detected(detector, card):
    assert ("CREDIT_CARD", card) in found(detector, f"Card {card} on file")
    assert ("CREDIT_CARD", card) in found(detector, f"Kim Martin,kim@x.com,{card},free cash flow")


@pytest.mark.parametrize(
    "text",
    [
        "Card 2506-4423-0957-4788 on file",  # Luhn fails
        "Order 1234-5678-9012-3456",  # Luhn fails
        "Card 2506 4423-0957-4787",  # mixed separators
        "ISBN 978-3-16-148410-0",
        "Invoice 00012345678901234",
        "generated 1709286000000 ms",  # epoch ms: Luhn passes, no issuer has 13 from "1"
        "Amex 3411111111111110",  # Luhn passes, but Amex cards have 15 digits, not 16
    ],
)
def test_not_cards(text):
    assert list(card_hits(text)) == []


def test_luhn():
    assert luhn_ok("79927398713") and not luhn_ok("79927398710")


# ------------------------------------------------------------------ 2. phone with context
@pytest.mark.parametrize(
    "text", ["Phone: 352017238", "Tel. 352017238", "Mobile 352017238", "Tél : 352017238"]
)
def test_short_national_phone_with_context(detector, text):
    assert ("PHONE_NUMBER", "352017238") in found(detector, text)


@pytest.mark.parametrize("text", ["Invoice 352017238", "Order no 352017238", "352017238"])
def test_bare_digits_without_context_are_not_phones(text):
    assert list(phone_hits(text)) == []


# ------------------------------------------------------------------ 5. Markdown link text
def test_name_in_markdown_link_text(detector):
    text = "- Ask [Steve Taylor](mailto:david.gonzalez@scott-foster.com) about the cash flow."
    assert "Steve Taylor" in people(detector, text)
    assert ("EMAIL_ADDRESS", "david.gonzalez@scott-foster.com") in found(detector, text)


def test_detection_view_keeps_length_and_blanks_link_markup():
    text = "Ask [Steve Taylor](mailto:s@x.com) and ![logo](a.png); arr[i](x) stays"
    view = detection_view(text)
    assert len(view) == len(text)
    assert "Ask  Steve Taylor (mailto:s@x.com)" in view
    assert "arr[i](x)" in view  # code indexing is not a link


def test_email_local_part_pulls_in_the_full_name(detector):
    assert "Steve Taylor" in people(detector, "- Ask Steve Taylor (steve@x.com) about it.")
    assert "Steve Taylor" in people(detector, "Owner: see Steve Taylor, staylor@x.com")


# ------------------------------------------------------------------ 6. short fragments
@pytest.mark.parametrize(
    "text,name",
    [
        ("Gerti Preiß", "Gerti Preiß"),
        ("Puccio Tornatore", "Puccio Tornatore"),
        ("owner Puccio Tornatore", "Puccio Tornatore"),
        ("Sep Vaessen (sep@x.nl)", "Sep Vaessen"),
        ("Esmee Niermann", "Esmee Niermann"),
        ("Eva-Maria Gutknecht", "Eva-Maria Gutknecht"),
        ("Matthieu Le Gall", "Matthieu Le Gall"),
        ("Bilal Groote,bilal.groote@x.nl,+31 20 123 4567", "Bilal Groote"),
    ],
)
def test_short_fragment_names(detector, text, name):
    assert name in people(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Key Account Growth Plan",
        "Summer Sales",  # first name + surname, but work vocabulary
        "Bill Case",  # both ordinary English words
        "Quarterly Valuation Review",
        "Will Review",
        "May Update",
    ],
)
def test_known_name_recognizer_leaves_ordinary_phrases(text):
    assert list(ScrubKnownNameRecognizer().find(text)) == []


# ------------------------------------------------------------------ 7. surname after the name
def test_trailing_surname_part_of_the_name(detector):
    # the model stops at "Hinrich Grein"; "Groth" would be left next to the placeholder
    assert "Hinrich Grein Groth" in people(detector, "Ms. Lang met Hinrich Grein Groth on Monday.")
