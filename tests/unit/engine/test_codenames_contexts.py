"""Code names where working files name a project once it is familiar (issue 18, item 4): a
working file's name, the uploaded file's own name, a title before a meeting, a "proj-" slug, a
Project column, a tag in one paragraph tied to an identifier in another; and the format
keywords that are no code names. Every name here is made up for these tests."""

from __future__ import annotations

import io

import pytest

from scrubbing.engine.pipeline import Scrubber
from scrubbing.engine.pseudonyms import Pseudonymizer
from scrubbing.engine.terms import TermLists


def scrub(name: str, data: str | bytes) -> str:
    raw = data.encode() if isinstance(data, str) else data
    r = Scrubber().scrub(name, raw, TermLists(), Pseudonymizer())
    assert r.status in ("done", "residual"), r.error
    return r.output.decode() if isinstance(data, str) else ""


def codenames(detector, text: str) -> set[str]:
    return {h.text for h in detector.detect([text], TermLists())[0] if h.entity_type == "CODENAME"}


# ---------------------------------------------------------------------- working files' names
@pytest.mark.parametrize(
    ("stem", "lead"),
    [
        ("plover_q3_close", "plover"),
        ("marrowind_board_pack_v2", "marrowind"),
        ("lindquay_pricing_final_v3", "lindquay"),
        ("copper_tern_synergies", "copper_tern"),
        ("beacon_pricing_final_v2", "beacon"),  # a commoner word, with its version
        ("lapwing2_q2_close", "lapwing2"),
        ("DunlinGate_pricing_v2", "DunlinGate"),
    ],
)
def test_the_project_a_working_file_is_named_after(stem, lead):
    from scrubbing.engine.recognizers.codename import workfile_lead

    span = workfile_lead(stem)
    assert span and stem[span[0] : span[1]] == lead


@pytest.mark.parametrize(
    "stem",
    ["budget_q2_final", "retention-design", "london_rota", "customer_list", "report_2026",
     "march_close_v2", "beacon_rota"],
)  # fmt: skip
def test_ordinary_working_file_names_name_no_project(stem):
    from scrubbing.engine.recognizers.codename import workfile_lead

    assert workfile_lead(stem) is None


def test_a_code_name_only_in_an_attachment_s_file_name():
    out = scrub(
        "memo.txt",
        "Please find the close workbook attached.\n\nAttachment: plover_q3_close.xlsx\n"
        "Attachment: budget_q2_final.xlsx\n",
    )
    assert "plover" not in out.casefold() and "budget_q2_final.xlsx" in out


def test_the_uploaded_file_s_own_name_names_its_project():
    out = scrub("sedgewick_pricing_final_v2.txt", "Rates: final. See the sedgewick tab.\n")
    assert "sedgewick" not in out and "Rates: final. See the" in out


# ---------------------------------------------------------------------- titles
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Quellbrook – steering committee, 4 June", "Quellbrook"),
        ("SUMMARY:Ashgrove weekly sync", "Ashgrove"),
        ("Tansy Vale: status report", "Tansy Vale"),
        ("Corrowin – pricing model, final", "Corrowin"),
        ("LAPWING – steering committee", "LAPWING"),
        ("Lapwing2: board update", "Lapwing2"),
    ],
)
def test_a_title_led_by_a_project_before_its_meeting(detector, text, name):
    assert name in codenames(detector, text)


@pytest.mark.parametrize(
    "text",
    ["Finance – steering committee", "Phased rollout", "Replication status", "Weekly sync",
     "Marketing: status report", "FINANCE – steering committee", "Q3 – board update"],
)  # fmt: skip
def test_ordinary_titles_name_no_project(detector, text):
    assert not codenames(detector, text)


def test_a_title_s_project_is_swept_through_the_slides():
    out = scrub(
        "deck.txt",
        "Quellbrook – steering committee, 4 June\n\nRisks for Quellbrook\n\n"
        "Speaker notes: the figures are on sharepoint/sites/quellbrook/Shared Documents.\n",
    )
    assert "quellbrook" not in out.casefold() and "steering committee" in out


# ---------------------------------------------------------------------- slugs
def test_a_project_slug_in_a_channel_branch_and_url():
    out = scrub(
        "chat.txt",
        "Channel: #proj-marrowind\n[09:02] pushed feature/marrowind-pricing\n"
        "[09:07] see https://wiki.example.net/marrowind/cutover\n",
    )
    assert "marrowind" not in out.casefold()


@pytest.mark.parametrize("text", ["see project-plan and project_name", "the proj-config file"])
def test_ordinary_slugs_after_project_stay(detector, text):
    assert not codenames(detector, text)


# ---------------------------------------------------------------------- columns
def test_a_rare_word_in_a_project_column_with_a_number():
    out = scrub(
        "issues.csv",
        "Issue key,Summary,Project,Status\nCORMWELL2-101,Load supplier master,Cormwell2,Done\n"
        "CORMWELL2-108,Cut-over rehearsal,Cormwell2,To Do\n",
    )
    assert "cormwell2" not in out.casefold() and "Load supplier master" in out


@pytest.mark.parametrize("value", ["Finance", "Requests", "Marketing"])
def test_ordinary_words_in_a_project_column_stay(value):
    text = f"Key,Project,Status\nA-1,{value},Done\nA-2,{value},To Do\n"
    assert scrub("issues.csv", text).count(value) == 2


# ---------------------------------------------------------------------- across a document
def test_a_tag_in_one_paragraph_tied_to_an_identifier_in_another():
    import docx

    d = docx.Document()
    d.add_paragraph("Led [Plover]: a fleet renewal worth EUR 40m.")
    d.add_paragraph("Built the PLOVER-TASK-301 reporting used by the board.")
    buf = io.BytesIO()
    d.save(buf)
    r = Scrubber().scrub("cv.docx", buf.getvalue(), TermLists(), Pseudonymizer())
    assert r.status == "done", r.error
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(r.output)).paragraphs)
    assert "plover" not in text.casefold() and "fleet renewal" in text


# ---------------------------------------------------------------------- format keywords
def test_calendar_components_are_no_code_names():
    text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20260614T090000Z\nEND:VEVENT\nEND:VCALENDAR\n"
    assert scrub("invite.txt", text) == text


# ---------------------------------------------------------------------- issue keys and branches
def test_issue_keys_with_the_word_in_a_work_branch():
    out = scrub(
        "git-log.txt",
        "    Merge branch 'feature/lapwing-pricing'\n\n"
        "    LAPWING-43: round FX rates to 6 places\n\n"
        "    LAPWING-44: add the lapwing export job\n",
    )
    assert "lapwing" not in out.casefold() and "round FX rates" in out


def test_public_tracker_keys_beside_a_repository_path_stay():
    text = "See FLINK-1234 and FLINK-1235, fixed in apache/flink-docs.\n"
    assert "FLINK-1234" in scrub("notes.txt", text)
