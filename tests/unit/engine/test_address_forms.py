"""Address forms beyond the first slice (issue #18 item 3), one class per test: postcodes of
more countries, a street written without a street word beside its postcode line, a line led
by a flat or a unit, romanised Korean roads, Indian PINs after a dash, boxes with a post
office's branch; and the near misses each rule must leave alone."""

from __future__ import annotations

import pytest

from scrubbing.engine.base import Segment
from scrubbing.engine.hits import Hit
from scrubbing.engine.recognizers.address import address_spans
from scrubbing.engine.whole_address import join_across_segments


def _spans(text: str) -> list[str]:
    return [text[s:e] for s, e in address_spans(text)]


@pytest.mark.parametrize(
    "address",
    [
        "Sokolská 8\n120 00 Praha 2",  # CZ: "NNN NN" postcode, a street without a street word
        "Hlavná 12\n040 01 Košice",  # SK
        "Box 5512\n114 85 Stockholm",  # SE: a bare "Box" beside its postcode
        "Riddervoldsgate 7, 0258 Oslo",  # NO, on one line
        "Unter den Linden 12\n10117 Berlin",  # DE: a street named without a street word
        "Rua do Ouro, 88\n1100-063 Lisboa",  # PT: "NNNN-NNN"
        "Apartado 2211\n4700-001 Braga",  # PT: a PO box
        "Str. Mihai Eminescu nr. 5\n010512 București",  # RO: "nr." and a six-digit postcode
        "Vestergade 9\n8000 Aarhus C",  # DK
    ],
)
def test_european_postcode_lines_and_streets_without_a_street_word(address):
    assert _spans(f"Write to us:\n{address}\nThank you.") == [address]


@pytest.mark.parametrize(
    "address",
    [
        "Flat 3A, Lotus Towers, Linking Road, Khar West\nMumbai – 400 052",
        "No. 8, Nehru Street, T. Nagar\nChennai, PIN: 600017",
        "7, Brigade Road\nBengaluru - 560025",
        "Unit 7, 4 Chapel St\nWindsor VIC 3181",
        "Room 805, 12 Huaihai Road, Xuhui District\nShanghai 200031",
    ],
)
def test_a_line_led_by_a_unit_and_indian_pins(address):
    assert _spans(f"{address}\n") == [address]


@pytest.mark.parametrize(
    "address",
    ["311 Gangnam-daero, Seocho-gu\nSeoul 06628", "12F, 8 Eulji-ro 5-gil, Jung-gu\nSeoul 04539"],
)
def test_korean_roads_in_latin_letters(address):
    assert _spans(f"Office: {address}\n") == [address]


@pytest.mark.parametrize(
    "address",
    [
        "C.P. 1100, succursale Place-d'Armes\nMontréal QC H2Y 3J6",  # CA: case postale
        "PO Box 2211, Station Main\nHalifax NS B3J 3B7",
        "Calle Sinaloa 20, Col. Roma Norte\nC.P. 06700",  # MX: colonia and código postal
    ],
)
def test_boxes_with_their_branch_and_mexican_colonias(address):
    assert _spans(f"{address}\n") == [address]


@pytest.mark.parametrize(
    "text",
    [
        "Véase el apartado 3 del artículo 5.",  # a section of a Spanish text
        "Marque la casilla 2 del formulario.",  # a box of a form
        "See Box 12 on the form for your wages.",
        "We upgraded to Python 3, 1200 Users were moved.",  # a version and a count
        "Chapter 12\nThe year 2019 was a good one.",
        "Release 12, version 2026-031 Notes",
        "Invoice - 123456 paid on time",
        "Call 555 12 Main office",
        "Tel. 12\nFax 34",
    ],
)
def test_near_misses_are_no_address(text):
    assert _spans(text) == []


def _seg_doc(segs: list[tuple[str, str, str]]) -> object:
    class Doc:
        segments = [Segment(i, t, loc, kind) for i, (t, loc, kind) in enumerate(segs)]

    return Doc()


def test_an_address_block_inside_one_table_cell_or_one_text_box_is_one_address():
    for loc, kind in (("paragraph {}, table 2, row 2, cell 1", "table"),
                      ("slide 3 / shape 'Content Placeholder 2'{}", "slide")):  # fmt: skip
        lines = ["Postboks 1504 Vika", "0117 Oslo", "Norge"]
        fill = ("",) * 3 if kind == "slide" else (4, 5, 6)
        doc = _seg_doc([(t, loc.format(f), kind) for t, f in zip(lines, fill, strict=True)])
        hits = [[Hit("ADDRESS", 0, 18, 0.7, "pattern", lines[0])], [], []]
        out = join_across_segments(doc, hits)
        assert [[h.text for h in seg] for seg in out] == [[x] for x in lines], kind


def test_the_cells_of_one_table_row_read_on_like_a_line_but_rows_do_not():
    cells = ["Registered office", "Müllerstraße 42", "Berlin"]
    for street_row in (1, 2):
        rows = (1, street_row, 1)
        doc = _seg_doc(
            [(t, f"paragraph {4 + k}, table 2, row {rows[k]}, cell {k + 1}", "table")
             for k, t in enumerate(cells)]
        )  # fmt: skip
        hits = [[], [Hit("ADDRESS", 0, 15, 0.7, "pattern", cells[1])],
                [Hit("LOCATION", 0, 6, 0.85, "model", "Berlin")]]  # fmt: skip
        out = join_across_segments(doc, hits)
        # one row: the city beside the street is part of the address; in another row it
        # stays a city
        city = "ADDRESS" if street_row == 1 else "LOCATION"
        assert [[(h.entity_type, h.text) for h in seg] for seg in out] == [
            [],
            [("ADDRESS", cells[1])],
            [(city, "Berlin")],
        ]


def test_a_bare_street_before_a_tab():
    assert _spans("Registered office\tBryggen 15\t5003 Bergen\tNorge\n") == [
        "Bryggen 15\t5003 Bergen"
    ]


@pytest.mark.parametrize(
    "text,name",
    [
        ("Kick-off of Projekt Nordlicht next week.", "Nordlicht"),  # German
        ("Le Projet KINGFISHER est en retard.", "KINGFISHER"),  # French
        ("El Proyecto MISTRAL empieza en mayo.", "MISTRAL"),  # Spanish
        ("Il Progetto Aurelio parte a giugno.", "Aurelio"),  # Italian
        ("O Projeto Caravela foi aprovado.", "Caravela"),  # Portuguese
    ],
)
def test_code_names_after_a_trigger_in_other_languages(text, name):
    from scrubbing.engine.recognizers.codename import ScrubCodenameRecognizer

    found = [text[s:e] for s, e, _t in ScrubCodenameRecognizer().find(text)]
    assert found == [name]


def test_an_ordinary_word_after_a_foreign_trigger_is_no_code_name():
    from scrubbing.engine.recognizers.codename import ScrubCodenameRecognizer

    text = "Der Projekt Plan und das Projekt Team."
    assert list(ScrubCodenameRecognizer().find(text)) == []


def test_a_suite_after_a_dash_stays_in_its_address():
    text = "Write to 1305 Grant Avenue - Suite 200, Novato, CA 94945 today."
    assert _spans(text) == ["1305 Grant Avenue - Suite 200, Novato, CA 94945"]


def test_a_city_and_its_region_with_a_six_digit_pin_in_a_sentence_are_an_address():
    from scrubbing.engine.whole_address import join_addresses

    text = "There was a near miss at Kota, Rajasthan 324005 this morning."
    hits = []
    for part in ("Kota", "Rajasthan"):
        s = text.index(part)
        hits.append(Hit("LOCATION", s, s + len(part), 0.85, "model", part))
    out = [(h.entity_type, h.text) for h in join_addresses(text, hits)]
    assert out == [("ADDRESS", "Kota, Rajasthan 324005")]
    # the region found by no one: written with its postcode, it is the second place
    out = [(h.entity_type, h.text) for h in join_addresses(text, hits[:1])]
    assert out == [("ADDRESS", "Kota, Rajasthan 324005")]
    # one place and a count after it stays a place
    text = "Berlin 100000 visitors came."
    hit = Hit("LOCATION", 0, 6, 0.85, "model", "Berlin")
    assert [(h.entity_type, h.text) for h in join_addresses(text, [hit])] == [
        ("LOCATION", "Berlin")
    ]


def test_a_postcode_and_city_end_at_their_table_cell():
    text = "Hafenstraße 48\n20457 Hamburg\tAttn: Mila Sorensen\n"
    assert _spans(text) == ["Hafenstraße 48\n20457 Hamburg"]


@pytest.mark.parametrize(
    "text,name",
    [
        ("Ship to:\nAttn: Sorensen, Mila\n4 Harbour Road", "Sorensen, Mila"),
        ("Bill to\tShip to\nAcme Ltd\tAttn: KOFI BOATENG\n", "KOFI BOATENG"),
        ("FAO: Ineke Vos\n", "Ineke Vos"),
    ],
)
def test_the_person_after_attn_or_fao(detector, text, name):
    people = {h.text for h in detector.detect([text])[0] if h.entity_type == "PERSON"}
    assert name in people


def test_a_brazilian_company_with_eireli(detector):
    text = "Supplied by Tapajós Agroindústria Eireli since 2021."
    hits = {(h.entity_type, h.text) for h in detector.detect([text])[0]}
    assert ("CLIENT", "Tapajós Agroindústria Eireli") in hits


def test_the_capitals_leading_several_keys_are_a_project_key():
    from scrubbing.engine.recognizers.codename import ScrubCodenameRecognizer

    text = (
        "Key,Summary,Status\nPANGOLIN-SPA-5-100,Vendor due diligence,Open\n"
        "PANGOLIN-SPA-5-101,Pricing model,Done\nPANGOLIN-SPA-5-102,Board paper,Open\n"
    )  # "pangolin" is a rare English word (Zipf 2.4): no coined word, but a project's key
    found = {text[s:e] for s, e, _t in ScrubCodenameRecognizer().find(text)}
    assert found == {"PANGOLIN"}


@pytest.mark.parametrize(
    "text",
    [
        "INVOICE-2026-001, INVOICE-2026-002 and INVOICE-2026-003 are paid.",  # a common word
        "Fixed in MARLIN-SPA-1, MARLIN-SPA-2 and MARLIN-SPA-3.",  # marlin: a word (Zipf >= 3)
        "Two keys only: PANGOLIN-SPA-1 and PANGOLIN-SPA-2.",
        "Upstream issues OCELOT-101, OCELOT-102, OCELOT-103.",  # a public tracker's issue keys
    ],
)
def test_keys_that_name_no_project(text):
    from scrubbing.engine.recognizers.codename import ScrubCodenameRecognizer

    assert list(ScrubCodenameRecognizer().find(text)) == []


@pytest.mark.parametrize(
    "key,value,etype",
    [
        ("address_line_1", "Bryggen 15", "ADDRESS"),  # numbered columns of a CRM export
        ("address_line_3", "5003 Bergen", "ADDRESS"),
        ("postalCode", "13353", "ADDRESS"),  # schema.org PostalAddress; a postcode alone
        ("zip", "110 00", "ADDRESS"),
        ("version_2", "13353", None),  # a numbered key that is no address
        ("zip", "true", "ADDRESS-no-value"),
    ],
)
def test_address_columns_and_postcode_values_are_typed_by_their_key(key, value, etype):
    from scrubbing.engine.recognizers.structure import key_type, value_fits

    typed = key_type(key)
    if etype == "ADDRESS-no-value":
        assert typed == "ADDRESS" and not value_fits(typed, value)
    else:
        assert typed == etype
        assert etype is None or value_fits(etype, value)
