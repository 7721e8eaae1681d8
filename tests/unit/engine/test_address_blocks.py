"""Addresses whose parts stand apart: in an address object of JSON or YAML, in the short
paragraphs of a letter's address block, with an Irish Eircode or a British post town on its
own line (#18, classes found on the independent slice's dev part)."""

from __future__ import annotations

import io

import pytest

from scrubbing.engine.pipeline import Scrubber
from scrubbing.engine.pseudonyms import Pseudonymizer
from scrubbing.engine.recognizers.address import address_spans
from scrubbing.engine.recognizers.structure import structure_hits
from scrubbing.engine.terms import TermLists


def spans(text: str) -> list[str]:
    return [text[s:e] for s, e in address_spans(text)]


def typed(text: str) -> dict[str, str]:
    return {text[s:e]: t for s, e, t in structure_hits(text)}


def test_the_parts_of_a_json_address_object_are_address_whatever_their_key():
    text = (
        '{"contact": "Anna Temirbekova", "region": "EMEA", "address": {"street": '
        '"ul. Tverskaya 7", "locality": "Moskva", "region": "125009", "country": "RU"}}'
    )
    found = typed(text)
    assert found.get("125009") == "ADDRESS"
    assert found.get("ul. Tverskaya 7") == "ADDRESS"
    assert "EMEA" not in found  # "region" outside an address object is no address
    assert "RU" not in found  # nor is a country code


def test_the_parts_of_a_yaml_address_mapping_are_address():
    text = (
        "office:\n  region: EMEA\nhome_address:\n  street: Bryggen 15\n  city: Bergen\n"
        "  region: Vestland\nregion: APAC\n"
    )
    found = typed(text)
    assert {k for k, t in found.items() if t == "ADDRESS"} == {"Bryggen 15", "Bergen", "Vestland"}


@pytest.mark.parametrize(
    "text, address",
    [
        ("Aoife Brennan, 14 Fitzwilliam Square, Dublin 2, D02 X285 · +353 1 555 0134",
         "14 Fitzwilliam Square, Dublin 2, D02 X285"),
        ("Co. Galway, H91 E2K3", "Co. Galway, H91 E2K3"),
        ("14 Fitzwilliam Square\nD02 X285", "14 Fitzwilliam Square\nD02 X285"),
    ],
)  # fmt: skip
def test_an_eircode_with_its_place_or_street(text, address):
    assert spans(text) == [address]


def test_an_eircode_shape_alone_in_a_sentence_is_no_address():
    assert spans("Part A12 B345 was replaced in the pump.") == []


def test_a_british_post_town_on_its_own_line_joins_its_postcode_and_street():
    text = "Ashcombe Analytics Limited\nUnit 3, Riverside Business Park, Stoney Common Road\n"
    text += "Stansted\nCM24 8PL"
    assert spans(text) == [
        "Unit 3, Riverside Business Park, Stoney Common Road\nStansted\nCM24 8PL"
    ]


def test_a_six_digit_number_followed_by_more_digits_is_a_phone_not_a_postcode():
    text = "Flat 7B, Sea Breeze Apartments, Carter Road\nMumbai – 400 050\nTel. 098229 89224"
    assert spans(text) == ["Flat 7B, Sea Breeze Apartments, Carter Road\nMumbai – 400 050"]


def test_an_address_block_of_short_paragraphs_is_one_address():
    from docx import Document

    doc = Document()
    lines = [
        "Suvarna Textiles Private Limited",
        "Flat 7B, Sea Breeze Apartments, Carter Road, Bandra West",
        "Mumbai – 400 050",
        "Tel. 098229 89224",
        "Dear Sir,",
    ]
    for line in lines:
        doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    r = Scrubber().scrub("letter.docx", buf.getvalue(), TermLists(), Pseudonymizer())
    out = [p.text for p in Document(io.BytesIO(r.output)).paragraphs]
    assert "Mumbai" not in " ".join(out) and "400 050" not in " ".join(out)
    assert "Bandra" not in " ".join(out)
    assert out[3].startswith("Tel. [PHONE_")  # the phone line is no part of the address
    assert out[4] == "Dear Sir,"
