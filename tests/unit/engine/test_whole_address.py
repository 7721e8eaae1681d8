"""Each whole address one span: a postcode beside a street, a city, a region or a country is
part of the address (whole_address.join_addresses), in many countries' forms; a number beside
a city that is a year or an amount is not."""

from __future__ import annotations

import pytest

from scrubbing.engine.hits import Hit
from scrubbing.engine.recognizers.address import address_spans
from scrubbing.engine.whole_address import join_addresses


def _hits(text: str, parts: list[tuple[str, str]]) -> list[Hit]:
    out = []
    for etype, part in parts:
        s = text.index(part)
        src = "model" if etype in ("LOCATION", "ORGANIZATION") else "pattern"
        out.append(Hit(etype, s, s + len(part), 0.85, src, part))
    return sorted(out, key=lambda h: h.start)


def _joined(text: str, parts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(h.entity_type, h.text) for h in join_addresses(text, _hits(text, parts))]


@pytest.mark.parametrize(
    "text,parts,address",
    [
        # Indian PIN after a state, the country after it
        (
            "Office: 14 Tonk Road, Jaipur, Rajasthan 302021 India\n",
            [("ADDRESS", "14 Tonk Road"), ("LOCATION", "Jaipur"), ("LOCATION", "Rajasthan")],
            "14 Tonk Road, Jaipur, Rajasthan 302021 India",
        ),
        # a state and its PIN alone on a line (no street found)
        ("Mumbai\nMaharashtra 400093\n", [("LOCATION", "Mumbai"), ("LOCATION", "Maharashtra")],
         "Mumbai\nMaharashtra 400093"),
        # Nigerian postcode between a city and the country, a plot number on the line before
        ("Plot 12\nAbuja 904101 Nigeria\n", [("LOCATION", "Abuja")],
         "Plot 12\nAbuja 904101 Nigeria"),
        # Indian forms: plot, district (the model's ORG), city, state and PIN on one line
        ("Plot 7, MIDC Industrial Area, Andheri East, Mumbai, Maharashtra 400093\nTel. x",
         [("ORGANIZATION", "MIDC Industrial Area"), ("ORGANIZATION", "Andheri East"),
          ("LOCATION", "Mumbai")],
         "Plot 7, MIDC Industrial Area, Andheri East, Mumbai, Maharashtra 400093"),
        ("SCO 45, Sector 17-C, Chandigarh 160017\n", [],
         "SCO 45, Sector 17-C, Chandigarh 160017"),
        # German postcode before the city, on the line after the street
        ("Seestraße 64\n13353 Berlin\n", [("ADDRESS", "Seestraße 64"), ("LOCATION", "Berlin")],
         "Seestraße 64\n13353 Berlin"),
        # Spanish
        ("Calle Mayor 5, 28014 Madrid", [("ADDRESS", "Calle Mayor 5"), ("LOCATION", "Madrid")],
         "Calle Mayor 5, 28014 Madrid"),
        # Polish postcode and the country line
        ("ul. Długa 12\n80-958 Gdańsk\nPolska", [("ADDRESS", "ul. Długa 12")],
         "ul. Długa 12\n80-958 Gdańsk\nPolska"),
        # a four-digit postcode beside a street (Norway, Switzerland, Australia...)
        ("Storgata 5, 0155 Oslo, Norway", [("ADDRESS", "Storgata 5"), ("LOCATION", "Oslo")],
         "Storgata 5, 0155 Oslo, Norway"),
    ],
)  # fmt: skip
def test_a_postcode_beside_an_address_part_joins_the_address(text, parts, address):
    assert ("ADDRESS", address) in _joined(text, parts)


@pytest.mark.parametrize(
    "text,parts",
    [
        ("We met in London 2019 and again in Paris.", [("LOCATION", "London")]),
        ("Berlin 10000 visitors came.", [("LOCATION", "Berlin")]),
        ("Revenue in Madrid: €28014 this year", [("LOCATION", "Madrid")]),
        ("Offices in Paris, France and Oslo.", [("LOCATION", "Paris"), ("LOCATION", "Oslo")]),
    ],
)
def test_a_number_beside_a_city_is_not_always_a_postcode(text, parts):
    out = _joined(text, parts)
    assert all(etype == "LOCATION" for etype, _t in out)
    assert out == [(e, t) for e, t in parts]


def test_other_hits_between_parts_keep_them_apart():
    text = "Seestraße 64, Anna Berg, 13353 Berlin"
    parts = [("ADDRESS", "Seestraße 64"), ("PERSON", "Anna Berg"), ("LOCATION", "Berlin")]
    out = _joined(text, parts)
    assert ("PERSON", "Anna Berg") in out and ("ADDRESS", "13353 Berlin") in out


@pytest.mark.parametrize(
    "box",
    [
        "Skrytka pocztowa 42\n80-958 Gdańsk",  # Polish
        "Postbus 1000\n1000 BA Amsterdam",  # Dutch
        "Boîte postale 12",  # French
        "B.P. 1234",
        "Casella postale 88",  # Italian
        "Postboks 123",  # Norwegian, Danish
        "Apartado de Correos 1024",  # Spanish
        "Apdo. 4521",
        "Casilla 1234",  # Chilean
        "PO Box 77",
        "P.O.Box 77",
        "PMB 5112",
        "私書箱12号",  # Japanese
    ],
)
def test_po_boxes_in_many_languages(box):
    text = f"Write to {box}\n"
    assert [text[s:e] for s, e in address_spans(text)] == [box]


def test_a_po_box_block_with_its_country_is_one_address(detector):
    text = "Firma Nord\nSkrytka pocztowa 42\n80-958 Gdańsk\nPolska\n"
    addresses = [h.text for h in detector.detect([text])[0] if h.entity_type == "ADDRESS"]
    assert addresses == ["Skrytka pocztowa 42\n80-958 Gdańsk\nPolska"]


def test_a_date_line_after_an_address_block_is_not_part_of_it():
    text = "Müllerstraße 42\n13353 Berlin\nGermany\nMarch 2026\n"
    out = _joined(text, [("ADDRESS", "Müllerstraße 42")])
    assert out == [("ADDRESS", "Müllerstraße 42\n13353 Berlin\nGermany")]


def test_an_address_block_of_one_paragraph_per_line_is_one_address():
    from scrubbing.engine.base import Segment
    from scrubbing.engine.whole_address import join_across_segments

    lines = ["Brückner GmbH", "Skrytka pocztowa 42", "80-958 Gdańsk", "Polska", "14 March 2026"]

    class Doc:
        segments = [Segment(i, t, f"paragraph {i + 1}") for i, t in enumerate(lines)]

    hits = [[], [Hit("ADDRESS", 0, 19, 0.7, "pattern", lines[1])], [], [], []]
    out = join_across_segments(Doc(), hits)
    assert [[h.text for h in seg] for seg in out] == [
        [],
        ["Skrytka pocztowa 42"],
        ["80-958 Gdańsk"],
        ["Polska"],
        [],
    ]
    assert all(h.entity_type == "ADDRESS" for seg in out for h in seg)


@pytest.mark.parametrize(
    "street",
    [
        "Karl Johans gate 22",  # Norwegian: the street word after the name
        "Andrássy út 52",  # Hungarian
        "İstiklal Caddesi No: 45",  # Turkish
        "Mariahilfer Straße 99",  # Austrian, the street word apart
        "Mannerheimintie 12",  # Finnish suffixes
        "Aleksanterinkatu 15",
        "Av. Paulista, 1578",  # Portuguese abbreviation before the name
        "PO Box 30125-00100",  # Kenyan box with its postcode
    ],
)
def test_street_lines_of_more_countries(street):
    text = f"Send it to {street}\n"
    assert [text[s:e] for s, e in address_spans(text)] == [street]


def test_a_level_before_a_street_is_part_of_the_address():
    text = "Level 5, 100 George Street\nSydney NSW 2000\n"
    hits = [
        (h.start, h.end)
        for h in join_addresses(
            text, _hits(text, [("ADDRESS", "100 George Street\nSydney NSW 2000")])
        )
    ]
    assert hits == [(0, len(text) - 1)]


def test_an_indian_address_with_an_ordinal_cross_and_a_sentence_after_it():
    text = "There was a near miss at No. 23, 2nd Cross, Indiranagar, Bengaluru 560038 this morning."
    hits = _hits(text, [("ORGANIZATION", "Indiranagar"), ("LOCATION", "Bengaluru")])
    out = [(h.entity_type, h.text) for h in join_addresses(text, hits)]
    assert out == [("ADDRESS", "No. 23, 2nd Cross, Indiranagar, Bengaluru 560038")]


def test_a_city_with_a_particle_after_its_postcode():
    text = "Write to Postfach 10 20 30, 60325 Frankfurt am Main today"
    assert [text[s:e] for s, e in address_spans(text)] == [
        "Postfach 10 20 30, 60325 Frankfurt am Main"
    ]
