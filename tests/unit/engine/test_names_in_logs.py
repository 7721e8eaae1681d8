"""Names in working records (issue 18, second round of the independent slice): org charts,
chat logs, CSV ticket exports and tables, particles joining given names, kanji names with a
space. Each test is one class of failure the dev part showed."""

import pytest

from scrubbing.engine.recognizers.context_names import (
    chat_speaker_hits,
    handoff_hits,
    role_line_hits,
    titled_hits,
)
from scrubbing.engine.recognizers.name_shape import looks_like_name
from scrubbing.engine.terms import TermLists


def people(detector, text):
    return {h.text for h in detector.detect([text], TermLists())[0] if h.entity_type == "PERSON"}


def _texts(hits, text):
    return [text[s:e] for s, e, _t in hits]


@pytest.mark.parametrize("line,name", [
    ("- Managing Director: Anahit Hakobyan", "Anahit Hakobyan"),
    ("    - Controller: Marković, Nikola", "Marković, Nikola"),
    ("Project Manager: Dinara Seitkali", "Dinara Seitkali"),
    ("  - Assistant: Balachandran", "Balachandran"),
])  # fmt: skip
def test_a_job_title_label_says_a_person_follows(line, name):
    assert _texts(role_line_hits(line), line) == [name]


@pytest.mark.parametrize("line", [
    "- Finance Director: TBD", "Controller: pending", "Head of Sales: Kettunen Oy",
    "Status: Anahit Hakobyan",  # not a job title: left to other rules
])  # fmt: skip
def test_a_job_title_label_before_no_name_finds_nothing(line):
    assert list(role_line_hits(line)) == []


@pytest.mark.parametrize("line,name", [
    ("[10:42] Karim Chaouch: morning all, call moved to 11", "Karim Chaouch"),
    ("[10:43] Ingrid: ok, sending now", "Ingrid"),
    ("10:45 Robert J Hargreaves: yes", "Robert J Hargreaves"),
    ("[11:02] Ingrid Sørensen joined the call", "Ingrid Sørensen"),
    ("[2026-03-03 09:14:55] Oyunchimeg: deployed", "Oyunchimeg"),
])  # fmt: skip
def test_the_speaker_of_a_chat_line(line, name):
    assert _texts(chat_speaker_hits(line), line) == [name]


@pytest.mark.parametrize("line", [
    "[10:42] Build: passed", "10:43 Note: the deck changed", "[11:00] Lunch: canteen",
])  # fmt: skip
def test_a_chat_line_without_a_speaker_finds_nothing(line):
    assert list(chat_speaker_hits(line)) == []


def test_a_model_span_ends_at_a_csv_cell(detector):
    row = 'K-101,"Pricing model blocked","Sundaram, Meenakshi","Neema Mwakyusa",In progress'
    found = people(detector, row)
    assert not any('","' in p for p in found), found
    assert "Neema Mwakyusa" in found


def test_a_model_span_ends_at_a_table_cell(detector):
    row = "| Pricing model | Meenakshi Sundaram | Neema Mwakyusa | Open |"
    assert not any("|" in p for p in people(detector, row))


@pytest.mark.parametrize("text,name", [
    ('"Data migration blocked","Ibrahim ibn Yusuf al-Zahrani",Open',
     "Ibrahim ibn Yusuf al-Zahrani"),
    ("The plan was signed by Sultan bin Saeed Al Kaabi yesterday.", "Sultan bin Saeed Al Kaabi"),
])  # fmt: skip
def test_given_names_joined_by_a_particle_belong_to_the_name(detector, text, name):
    assert name in people(detector, text)


def test_kanji_family_and_given_name_apart_where_a_name_is_expected():
    assert looks_like_name("柴田 明日香", loose=True)
    assert not looks_like_name("柴田 明日香")  # anywhere else the surname list decides


@pytest.mark.parametrize("line,name", [
    ("2024-03 — pricing model escalated to Kebede", "Kebede"),
    ("2024-09 — call with Emily; agreed to pause the pilot", "Emily"),
    ("2024-01 — vendor due diligence handed over to Suzuki Haruto", "Suzuki Haruto"),
    ("The renewal was approved by Solveig Lindqvist on Friday.", "Solveig Lindqvist"),
])  # fmt: skip
def test_the_person_a_hand_off_names(line, name):
    assert _texts(handoff_hits(line), line) == [name]


@pytest.mark.parametrize("line", [
    "The contract was approved by Legal and escalated to Finance Committee.",
    "The pull request was reviewed by Dependabot.",  # a lone unknown word off a dated line
    "2024-05 — tickets assigned to Ops",
    "The job is owned by Airflow. Deploys are approved by Argo.",  # a sentence ends the name
])  # fmt: skip
def test_a_hand_off_to_a_team_or_a_tool_names_nobody(line):
    assert list(handoff_hits(line)) == []


def test_a_header_value_ends_at_a_middle_dot(detector):
    text = "Maintainer: Kidist Bekele · on-call rota in Opsgenie"
    assert "Kidist Bekele" in people(detector, text)


def test_family_comma_given_fills_a_table_cell(detector):
    row = "| Vendor due diligence | Meenakshi Sundaram | Bragança Lins, Heloísa |"
    assert "Bragança Lins, Heloísa" in people(detector, row)


def test_a_list_of_two_people_in_a_cell_stays_two(detector):
    row = "| Attendees | Priya Raman, Olga Kuznetsova |"
    assert "Priya Raman, Olga Kuznetsova" not in people(detector, row)


def test_a_company_name_does_not_cross_a_tab(detector):
    row = "Qian Wenjing\tKettunen Oy\twenjing.qian@kettunen.fi"
    clients = {h.text for h in detector.detect([row], TermLists())[0] if h.entity_type == "CLIENT"}
    assert clients == {"Kettunen Oy"}


def test_a_person_span_does_not_widen_across_a_tab(detector):
    row = "HERON-dataroom\tGuo Mingzhe\tgreen"
    assert not any("\t" in p for p in people(detector, row))


def test_tab_separated_tables_in_plain_text_are_typed_by_their_header():
    """The plain text of a workbook: a sheet name, a header row, rows, a blank line, the next
    sheet; the values under "Name" and "Owner" are people."""
    from scrubbing.engine.formats.text import open_document
    from scrubbing.engine.recognizers.columns import column_hits

    text = (
        "Contacts\nName\tCompany\tPhone\nQian Wenjing\tKettunen Oy\t+48 22 438 33 29\n"
        "Anantharaman Seshadri\tKettunen Oy\t+44 20 7331 1140\n\n"
        "Tracker\nWorkstream\tOwner\tStatus\nPricing\tAminata Ndiaye\tgreen\n"
        "Dataroom\tFolasade Adebanjo\tamber\n"
    )
    doc = open_document(text.encode())
    hits = column_hits(doc, [[] for _ in doc.segments])
    found = {(h.entity_type, h.text) for seg in hits for h in seg}
    for name in ("Qian Wenjing", "Anantharaman Seshadri", "Aminata Ndiaye", "Folasade Adebanjo"):
        assert ("PERSON", name) in found, found
    assert not any(t in ("Pricing", "green", "Workstream", "Owner") for _e, t in found)
    assert ("PERSON", "Kettunen Oy") not in found


def test_a_trailer_label_before_a_mailbox_is_no_name(detector):
    text = "    Reviewed-by: Seo-yeon Bak <sbak@nusantara.co.id>\n    Co-authored-by: Tesfamariam Weldu <tw@x.id>"
    found = people(detector, text)
    assert not any("by" in p.casefold() for p in found), found
    assert {"Seo-yeon Bak", "Tesfamariam Weldu"} <= found


@pytest.mark.parametrize("line,name", [
    ("9b8c7d6e (Gulbahor Ismoilova 2026-03-02 17:40:12 +0100 42)     return total",
     "Gulbahor Ismoilova"),
    ("1a2b3c4d parser.py (Wahyudi 2026-03-03 09:14:55 +0100 41)     total = 2", "Wahyudi"),
])  # fmt: skip
def test_the_author_of_a_git_blame_line(line, name):
    assert _texts(chat_speaker_hits(line), line) == [name]


@pytest.mark.parametrize("text,name", [
    ("Smt. Padmavathi Raghunathan chairs the audit committee.", "Padmavathi Raghunathan"),
    ("Shri Venkatesh Iyer is the deputy.", "Venkatesh Iyer"),
    ("Pak Wahyudi confirmed the berth schedule.", "Wahyudi"),
    ("Khun Somsak asked about the audit.", "Somsak"),
    ("Ato Girma Wolde agreed to share the log.", "Girma Wolde"),
    ("Sheikh Hamad bin Khalifa approved it.", "Hamad bin Khalifa"),
])  # fmt: skip
def test_a_title_of_any_culture_says_a_person_follows(text, name):
    assert _texts(titled_hits(text), text) == [name]


@pytest.mark.parametrize("text", [
    "We flew to Sri Lanka.", "Sheikh Zayed Road is closed.", "Sr. Data Engineer, Berlin",
])  # fmt: skip
def test_a_title_before_no_name_finds_nothing(text):
    assert list(titled_hits(text)) == []


@pytest.mark.parametrize("text,name", [
    ("ask 佐々木 健太 about the bonded store", "佐々木 健太"),
    ("王小明 (Wang Xiaoming) owns the customs file", "王小明"),
    ("김민준 joined the call late", "김민준"),
])  # fmt: skip
def test_a_cjk_name_alone_in_a_latin_text(text, name):
    from scrubbing.engine.recognizers.script_names import cjk_name_hits

    assert _texts(cjk_name_hits(text), text) == [name]


@pytest.mark.parametrize("text", [
    "会議の資料は田中さんが準備しました。北京と上海の事務所。",  # a Japanese text: the model's
    "Revenue in 北京 grew; the 华为 contract is signed.",
])  # fmt: skip
def test_cjk_words_that_are_no_name_or_a_cjk_text_find_nothing(text):
    from scrubbing.engine.recognizers.script_names import cjk_name_hits

    assert list(cjk_name_hits(text)) == []


@pytest.mark.parametrize("text,name", [
    ("Ko Eun-chae is out until Friday.", "Ko Eun-chae"),
    ("The Seoul office (EUN-CHAE KO, PARK MIN-SEO) confirmed.", "PARK MIN-SEO"),
    ("Min-jun Kim sent it.", "Min-jun Kim"),
    ("Ask Wong Ka-wai in Hong Kong.", "Wong Ka-wai"),
])  # fmt: skip
def test_a_hyphenated_east_asian_given_name_beside_its_family_name(text, name):
    from scrubbing.engine.recognizers.script_names import hyphenated_name_hits

    assert name in _texts(hyphenated_name_hits(text), text)


@pytest.mark.parametrize("text", ["The Wi-fi Co-op in Lee-on-Solent.", "Go Pre-order now."])
def test_hyphenated_words_beside_no_family_name_find_nothing(text):
    from scrubbing.engine.recognizers.script_names import hyphenated_name_hits

    assert list(hyphenated_name_hits(text)) == []


def test_a_known_name_ends_before_its_possessive():
    from scrubbing.engine.recognizers.known_names import known_name_spans

    text = "Jan de Vries’s report and Anna Schmidt's notes"
    assert [text[s:e] for s, e in known_name_spans(text)] == ["Jan de Vries", "Anna Schmidt"]


@pytest.mark.parametrize("text,name", [
    ("JAN-WILLEM VAN DER WOUDE and the team", "JAN-WILLEM VAN DER WOUDE"),
    ("MARIA DE LA CRUZ – caption", "MARIA DE LA CRUZ"),
    ("ANNA SCHMIDT AND TEAM", "ANNA SCHMIDT"),
])  # fmt: skip
def test_a_name_in_capitals_with_particles(text, name):
    from scrubbing.engine.recognizers.context_names import caps_name_hits

    assert _texts(caps_name_hits(text), text) == [name]
