"""Code names in the contexts of round six (issue 18, item 4): a reply's subject chain, a
phase of the project, an intranet site or wiki space; and a report's title after "Project:",
which is no code name. Every name here is made up for these tests."""

from __future__ import annotations

import pytest

from scrubbing.engine.terms import TermLists


def codenames(detector, text: str) -> set[str]:
    return {h.text for h in detector.detect([text], TermLists())[0] if h.entity_type == "CODENAME"}


# ---------------------------------------------------------------------- a report's title
@pytest.mark.parametrize(
    "text",
    [
        "Project: Quarterly Valuation Review",
        "Project: Quarterly Review",
        "Project: Operational Risk Audit",
        "Project: Pricing Model Review",
        "Project [CODENAME_1]: Regional Compliance Assessment",
    ],
)
def test_a_report_title_after_project_is_no_code_name(detector, text):
    found = codenames(detector, text)
    assert not found - {"CODENAME"}, found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Project: Silver Birch", "Silver Birch"),
        ("Project: Falcon Review", "Falcon"),
        ("Project Quillmarsh Valuation Review", "Quillmarsh"),
        ("Project: Silver Birch Review", "Silver Birch"),
    ],
)
def test_a_code_name_before_a_report_noun_still_is_one(detector, text, name):
    assert any(name in f for f in codenames(detector, text))


# ---------------------------------------------------------------------- a reply's subject
@pytest.mark.parametrize(
    "text",
    ["Subject: RE: FW: Brackmoor pricing", "RE: Brackmoor budget", "Fwd: Brackmoor contract"],
)
def test_the_name_leading_a_reply_subject(detector, text):
    assert "Brackmoor" in codenames(detector, text)


@pytest.mark.parametrize(
    "text", ["RE: Supplier pricing", "Fwd: Payroll budget", "Re: Invoice pricing"]
)
def test_a_reply_about_ordinary_things_names_no_project(detector, text):
    assert not codenames(detector, text)


# ---------------------------------------------------------------------- a phase of the project
def test_a_phase_or_wave_of_the_project(detector):
    assert "Fernquay" in codenames(detector, "Fernquay Phase II starts in September.")
    assert "Fernquay" in codenames(detector, "The second wave is Fernquay Wave 2.")


@pytest.mark.parametrize("text", ["Beta Phase 2 starts in May.", "Design Phase II is late."])
def test_an_ordinary_phase_is_no_code_name(detector, text):
    assert not codenames(detector, text)


# ---------------------------------------------------------------------- intranet sites
@pytest.mark.parametrize(
    "text",
    [
        "Decisions are at https://wiki.example.org/spaces/marlquill/pages/handover.",
        "Files: https://intranet.example.org/display/marlquill/Cutover",
    ],
)
def test_a_wiki_space_or_site_named_after_the_project(detector, text):
    assert any("marlquill" in f for f in codenames(detector, text))


def test_an_ordinary_site_is_no_code_name(detector):
    text = "See https://wiki.example.org/spaces/finance/pages/policies for the rules."
    assert not codenames(detector, text)


def test_derived_modifiers():
    from scrubbing.engine.lexicon.dictionary import derived_modifier

    assert all(map(derived_modifier, ["Quarterly", "Operational", "Strategic", "Financial"]))
    assert not any(map(derived_modifier, ["Falcon", "Kestrel", "Crystal", "Birch"]))


def test_a_locality_phase_in_an_address_is_no_code_name(detector):
    for text in (
        "Plot No. 23, Survey No. 114/2, Hinjewadi Phase 1 Pune, Maharashtra 411057",
        "Plot No. 23, Survey No. 114/2, Hinjewadi Phase 1\nPune 411057",
    ):
        assert "Hinjewadi" not in codenames(detector, text)


# ---------------------------------------------------------------------- a status line in capitals
def test_the_project_leading_a_status_line_in_capitals(detector):
    text = "WEEKLY STATUS\nSKERRYVALE: RAG AMBER, SOW SIGNED, UAT WK32, CAB 14/07\n"
    assert "SKERRYVALE" in codenames(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "FINANCE: RAG GREEN, PO RAISED\n",
        "SKERRYVALE: the build is green\n",  # prose after it: no status line in capitals
        "ERROR: DISK FULL ON NODE 3\n",
    ],
)
def test_no_status_line_or_no_coined_lead(detector, text):
    assert not codenames(detector, text)
