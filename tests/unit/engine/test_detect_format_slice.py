"""Classes of leak the format slice (tests/corpus/kinds, dev part) showed, one test each, with
names written here: a code name after a "Project:" label, a signature under "-- ", a person
named before "of <company>", hyphenated given names in file names, Vietnamese names, legal
forms of more countries, code names under a "project" key, columns of people found in part."""

from __future__ import annotations

import pytest

from scrubbing.engine.pipeline import Scrubber
from scrubbing.engine.pseudonyms import Pseudonymizer
from scrubbing.engine.terms import KnownStrings, TermLists


def scrub(name: str, text: str) -> str:
    r = Scrubber().scrub(name, text.encode(), TermLists(), Pseudonymizer())
    assert r.status in ("done", "residual"), r.error
    return r.output.decode()


def found(detector, text: str) -> set[tuple[str, str]]:
    return {(h.entity_type, h.text) for h in detector.detect([text], TermLists())[0]}


@pytest.mark.parametrize(
    "label", ["Project: Project", "Operation - Operation", "Codename: Codename"]
)
def test_code_name_after_a_label_that_repeats_the_trigger(detector, label):
    assert ("CODENAME", "MarbleFox") in found(detector, f"{label} MarbleFox")


def test_a_trigger_word_after_the_label_is_no_code_name(detector):
    assert not {t for e, t in found(detector, "Project: Project Plan") if e == "CODENAME"}


def test_signature_under_the_mail_delimiter():
    out = scrub("mail.txt", "See you Monday.\n\n-- \nOyelaran Babatunde\n")
    assert "Oyelaran" not in out and "Babatunde" not in out


def test_a_signature_delimiter_alone_is_no_name():
    assert scrub("notes.txt", "Items:\n--\nthe end\n") == "Items:\n--\nthe end\n"


@pytest.mark.parametrize(
    "text,person,company",
    [
        (
            "It goes to Jeon, Ha-eun of Kowalczyk Metale Sp. z o.o. next week.",
            "Jeon, Ha-eun",
            "Kowalczyk Metale Sp. z o.o.",
        ),
        ("Our contact is Ilse Vandermeer of Brugse Koelhuizen BVBA.", "Ilse Vandermeer", None),
        ("Send it to Okonkwo, T. of Niger Delta Dredging Ltd today.", "Okonkwo, T", None),
    ],
)
def test_a_person_before_of_and_a_company_is_a_person(detector, text, person, company):
    hits = found(detector, text)
    assert ("PERSON", person) in hits
    clients = {t for e, t in hits if e == "CLIENT"}
    assert clients and not any(person.split(",")[0] in c for c in clients)
    if company:
        assert company in clients


@pytest.mark.parametrize(
    "text", ["We met the Bank of Valletta plc team.", "Then, Kaito of Osaka Trading KK called."]
)
def test_company_words_and_sentence_words_before_of_stay_out_of_a_person(detector, text):
    people = {t for e, t in found(detector, text) if e == "PERSON"}
    assert not any(w in p for p in people for w in ("Bank", "Then"))


def test_a_legal_form_wrapped_to_the_next_line(detector):
    text = "invoiced to Cerrado Sementes\nEireli on 2 March"
    assert ("CLIENT", "Cerrado Sementes\nEireli") in found(detector, text)


@pytest.mark.parametrize(
    "company",
    [
        "Cerrado Sementes Eireli",
        "Vilniaus Baldai UAB",
        "Gulf Star W.L.L.",
        "Umhlanga Fresh Produce (Pty) Ltd",
        "Lanka Tea Exports (Pvt) Ltd",
    ],
)
def test_legal_forms_of_more_countries(detector, company):
    assert ("CLIENT", company) in found(detector, f"The order came from {company} last week.")


def test_hyphenated_name_matches_where_a_file_name_reads_its_hyphen_as_a_space():
    known = KnownStrings([("Ha-eun", "PERSON", "pattern")])
    spans = [(s, e) for s, e, _t, _src in known.finditer("notes Ha eun Jeon 1on1 / Ha_eun")]
    assert spans == [(6, 12), (25, 31)]
    assert not list(known.finditer("ha eun, Ha-eunji"))


@pytest.mark.parametrize("name", ["Phạm Thu Trang", "Đặng Quốc Bảo", "Trang Phạm", "Bùi Thị Hằng"])
def test_vietnamese_names_by_their_marks_and_family_name(detector, name):
    assert ("PERSON", name) in found(detector, f"The report was checked by {name} yesterday.")


def test_vietnamese_marks_without_a_family_name_are_no_person():
    from scrubbing.engine.recognizers.script_names import vietnamese_name_hits

    assert not list(vietnamese_name_hits("Xin Chào Cảm Ơn, Việt Nam"))
    text = "Xin Chào Cảm Ơn, Lê Văn Tám"
    assert [text[s:e] for s, e, _t in vietnamese_name_hits(text)] == ["Lê Văn Tám"]


def test_a_coined_code_name_under_a_project_key():
    out = scrub("settings.py", 'PROJECT = "PebbleDrift"\nTIMEOUT = 30\n')
    assert "PebbleDrift" not in out and "TIMEOUT = 30" in out


def test_a_public_project_name_under_a_project_key_stays():
    assert scrub("conf.py", "project = 'Requests'\n") == "project = 'Requests'\n"


def test_any_capitalised_value_under_a_codename_key(detector):
    assert ("CODENAME", "Harrier") in found(detector, '{"codename": "Harrier"}')


def test_a_column_of_people_found_in_part_is_a_column_of_people():
    from scrubbing.engine.base import Limits
    from scrubbing.engine.hits import Hit
    from scrubbing.engine.recognizers.columns import column_hits
    from scrubbing.engine.sniff import sniff

    text = 'id,inspector\n1,Radomir Kostadinov\n2,"Haraguchi, Noriko"\n3,B. Tshabalala\n'
    doc = sniff("visits.csv", text.encode(), Limits()).open(text.encode(), Limits())
    # what detection found: one whole name and the surname of another ("Kostadinov")
    k, b = text.index("Kostadinov"), text.index("B. Tshabalala")
    hits = [[Hit("PERSON", k, k + 10, 0.85, "model", "Kostadinov"),
             Hit("PERSON", b, b + 13, 0.7, "pattern", "B. Tshabalala")]]  # fmt: skip
    typed = {h.text for h in column_hits(doc, hits)[0] if h.entity_type == "PERSON"}
    assert {"Radomir Kostadinov", "Haraguchi, Noriko", "B. Tshabalala"} <= typed
    # one person in three cells is no column of people
    assert {h.text for h in column_hits(doc, [hits[0][1:]])[0]} == {"B. Tshabalala"}


def test_a_signature_keeps_its_name_title_and_company_apart(detector):
    hits = found(detector, "--\nNdiaye, Awa\nHead of Service\nBaobab Fret SARL\nTel. 33 821 00 00")
    assert ("PERSON", "Ndiaye, Awa") in hits
    assert ("CLIENT", "Baobab Fret SARL") in hits
    assert not [t for _e, t in hits if "\n" in t]


def test_a_first_name_that_is_a_word_is_swept_where_it_stands_as_a_name():
    out = scrub(
        "mail.txt",
        "From: Victor Hale <vh@example.org>\n\nCould Victor check the clauses? Ask Victor.\n"
        "The victor takes it all.\n",
    )
    assert "Victor" not in out
    assert "The victor takes it all." in out


def test_where_a_word_first_name_is_no_name():
    from scrubbing.engine.sweep import _common_name_spans, common_name_finder

    assert common_name_finder(["Mrs", "Dr", "May"]) is None  # titles and months never
    rx = common_name_finder(["Grace", "May"])
    text = "Grace period ends. We met the Grace team, then Grace Hopper. In May we told Grace."
    spans = [text[s:e] for s, e, _t, _src in _common_name_spans(rx, text)]
    assert spans == ["Grace"]  # only "told Grace."; May is a month, never swept
    assert text.rindex("Grace") == [s for s, *_ in _common_name_spans(rx, text)][0]


@pytest.mark.parametrize(
    "line", ['project_name = "monitor_spacy_training"', "width(s, term_program=True)"]
)
def test_identifiers_and_values_of_code_under_a_project_key_stay(detector, line):
    assert not {t for e, t in found(detector, line) if e == "CODENAME"}


@pytest.mark.parametrize(
    "line",
    ["© 2024 Hanbit Precision Co., Ltd.", "(c) 2023 Acme Widgets Ltd.", "Copyright 2021 Orvel AB"],
)
def test_a_copyright_year_before_a_company_is_no_postcode(detector, line):
    assert not {t for e, t in found(detector, line) if e == "ADDRESS"}


def test_a_postcode_and_city_after_a_street_stay_an_address(detector):
    assert ("ADDRESS", "Vesterbrogade 12, 1620 København V") in found(
        detector, "Office: Vesterbrogade 12, 1620 København V"
    )


def test_a_number_is_never_swept_as_an_address():
    from scrubbing.engine.sweep import _sweepable

    assert not _sweepable("2024", "ADDRESS", "pattern")
    assert _sweepable("Storgata 12", "ADDRESS", "pattern")
    assert _sweepable("+47 912 34 567", "PHONE_NUMBER", "pattern")


def test_a_name_in_a_file_name_gets_the_name_s_placeholder():
    out = scrub("notes.txt", "Author: Temitope Balogun\nSee Temitope_Balogun_1on1.md\n")
    assert out == "Author: [PERSON_1]\nSee [PERSON_1]_1on1.md\n"


@pytest.mark.parametrize(
    "text,name",
    [
        ("Please ask Temitope Balogun first.", "Temitope Balogun"),
        ("It goes over to Chukwuemeka Obi on Monday.", "Chukwuemeka Obi"),
        ("We told Ngozi Eze-Okafor about it.", "Ngozi Eze-Okafor"),
    ],
)
def test_the_person_someone_asks_tells_or_hands_over_to(text, name):
    from scrubbing.engine.recognizers.context_names import handoff_hits

    assert name in [text[s:e].rstrip(".") for s, e, _t in handoff_hits(text)]


@pytest.mark.parametrize(
    "text", ["Then email Customer Support.", "Contact Grafana Labs today.", "Ask Acme Support."]
)
def test_a_team_or_a_company_after_ask_or_contact_is_no_person(text):
    from scrubbing.engine.recognizers.context_names import handoff_hits

    assert not list(handoff_hits(text))


def test_a_list_under_a_heading_that_ends_in_a_roster_word_is_a_list_of_people():
    out = scrub("access.txt", "Data room – access list\nDrummond, Fiona\nXU JIAYI\nB. Omurbekov\n")
    assert out == "Data room – access list\n[PERSON_1]\n[PERSON_2]\n[PERSON_3]\n"


def test_a_list_of_ordinary_phrases_under_a_roster_heading_stays():
    text = "Attendees:\nNext steps\nBudget review\nAction items\n"
    assert scrub("minutes.txt", text) == text


def test_a_vietnamese_name_in_capitals(detector):
    assert ("PERSON", "TRẦN MINH KHOA") in found(detector, "Signed: TRẦN MINH KHOA, Director")


@pytest.mark.parametrize(
    "address",
    [
        "Rua XV de Novembro, 1200, Blumenau - SC, 89010-001",
        "Avenida Paulista, 1578, São Paulo/SP, CEP 01310-200",
    ],
)
def test_a_brazilian_address_with_its_state_and_cep_is_one_address(detector, address):
    hits = found(detector, f"Site office: {address}. Call us.")
    assert ("ADDRESS", address) in hits
    assert not {t for e, t in hits if e == "PHONE_NUMBER"}


def test_a_national_number_wrapped_after_its_label(detector):
    text = "Call (21)\r\n3731-4747 or write to ana@firma.com.br."
    assert ("PHONE_NUMBER", "(21)\r\n3731-4747") in found(detector, text)


def test_a_mail_domain_before_a_full_stop_still_names_its_country():
    from scrubbing.engine.recognizers.phone import country_hints

    assert country_hints("write to ana@firma.com.br.") == ("BR",)


def test_an_address_locality_in_a_json_export_is_an_address():
    out = scrub("contacts.json", '{"address": {"locality": "Kota, Rajasthan 324005"}}\n')
    assert "324005" not in out and "Kota" not in out


def test_the_columns_of_a_deck_s_table_are_typed_by_their_header():
    import io

    from pptx import Presentation
    from pptx.util import Inches

    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    table = slide.shapes.add_table(3, 2, Inches(1), Inches(1), Inches(6), Inches(2)).table
    for r, row in enumerate([("Action", "Owner"), ("Close the points", "Qiu H."),
                             ("Sign", "Ekwueme, Adaora")]):  # fmt: skip
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    buf = io.BytesIO()
    deck.save(buf)
    r = Scrubber().scrub("deck.pptx", buf.getvalue(), TermLists(), Pseudonymizer())
    people = {f.text for f in r.findings if f.entity_type == "PERSON"}
    assert {"Qiu H.", "Ekwueme, Adaora"} <= people
    assert not {f.text for f in r.findings} & {"Close the points", "Sign", "Owner"}


def test_a_street_without_a_street_word_in_a_cell_beside_its_postcode():
    import io

    from docx import Document

    doc = Document()
    row = doc.add_table(rows=1, cols=4).rows[0]
    for cell, text in zip(
        row.cells, ["Registered office", "Strandgaten 8", "5013 Bergen", "Norge"]
    ):
        cell.text = text
    buf = io.BytesIO()
    doc.save(buf)
    r = Scrubber().scrub("invoice.docx", buf.getvalue(), TermLists(), Pseudonymizer())
    addresses = {f.text for f in r.findings if f.entity_type == "ADDRESS"}
    assert {"Strandgaten 8", "5013 Bergen"} <= addresses
    assert "Registered office" not in {f.text for f in r.findings}


def test_a_family_name_and_an_initial_after_a_hand_off():
    from scrubbing.engine.recognizers.context_names import handoff_hits

    text = "2024-07 — data migration reassigned to Sun L."
    assert [text[s:e].rstrip(".") for s, e, _t in handoff_hits(text)] == ["Sun L"]


@pytest.mark.parametrize(
    "text, names",
    [
        ("Advisory services – Project\nNightjar      1      EUR 12,400.00", ["Nightjar"]),
        ("the budget of the project\nKestrel said yes", []),  # a sentence runs on, no cell
        ("Project\nOverview", []),
    ],
)
def test_a_code_name_wrapped_to_the_line_after_its_trigger_in_a_cell(text, names):
    from scrubbing.engine.recognizers.codename import ScrubCodenameRecognizer

    assert [text[s:e] for s, e, _t in ScrubCodenameRecognizer().find(text)] == names


@pytest.mark.parametrize(
    "words",
    ["Closure Report", "Kick Off", "Steering Committee", "Handover", "Lessons Learned",
     "Initiation Document"],
)  # fmt: skip
def test_the_documents_and_meetings_of_a_project_are_no_code_names(words):
    from scrubbing.engine.recognizers.codename import ScrubCodenameRecognizer

    text = f"Attached is the Project {words} for the board; Project Nightjar is on time."
    found = [text[s:e] for s, e, _t in ScrubCodenameRecognizer().find(text)]
    assert found == ["Nightjar"]
