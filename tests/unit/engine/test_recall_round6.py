"""Sixth round of person recall (issue #18, the independent slice's dev part): names written
with combining marks (Yoruba tone marks, Vietnamese typed decomposed), an org chart's bullet
"Name – Role" read as plain text, and cells of a tab-separated row that are no one's name."""

from __future__ import annotations

import unicodedata

import pytest

from scrubbing.engine.pipeline import Scrubber
from scrubbing.engine.pseudonyms import Pseudonymizer
from scrubbing.engine.terms import TermLists
from scrubbing.engine.views import detection_view, unmarked


def scrub(text: str, name: str = "note.txt") -> str:
    r = Scrubber().scrub(name, text.encode(), TermLists(), Pseudonymizer(mode="placeholder"))
    assert r.status in ("done", "residual"), r.error
    return r.output.decode()


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_combining_marks_are_letters_of_the_view() -> None:
    # "ọ̀" has no precomposed form: the grave stays a combining mark even in NFC
    name = "Ayọ̀délé Ìṣọ̀lá"
    assert unicodedata.normalize("NFC", name) != name.replace("\u0300", "")
    view = detection_view(name)
    assert len(view) == len(name)
    assert "\u0300" not in view and view.split()[0].isalpha() and view[0] == "A"
    assert unmarked("plain ASCII") == "plain ASCII"
    assert unmarked("Zoë") == "Zoë"


@pytest.mark.parametrize(
    "text,name",
    [
        # a sentence of an invitation's description
        ("DESCRIPTION:Bring your badge. Ayọ̀délé Ìṣọ̀lá opens the gate at nine.\n",
         "Ayọ̀délé Ìṣọ̀lá"),
        # a contact line of a CV's references
        ("References\n\nAyọ̀délé Ìṣọ̀lá, Plant Manager, Ogun Feeds Ltd – +234 803 555 0142\n",
         "Ayọ̀délé Ìṣọ̀lá"),
        # a Vietnamese name typed decomposed (stacked marks), after a header
        (nfd("From: Đặng Thùy Dương\nSubject: rota\n\nSee the attached rota.\n"),
         nfd("Đặng Thùy Dương")),
    ],
)  # fmt: skip
def test_names_with_combining_marks(text: str, name: str) -> None:
    out = scrub(text)
    assert name not in out
    for word in name.split():
        assert word not in out, out


@pytest.mark.parametrize(
    "line,name",
    [
        ("- Tamaz Gvilava – Head of Planning", "Tamaz Gvilava"),
        ("- Nodira Yusupaliyeva – Procurement", "Nodira Yusupaliyeva"),
        ("• Ilkka Pöyhönen – Finance Director", "Ilkka Pöyhönen"),
        (nfd("- Trịnh Ngọc Ánh – Head of Claims"), nfd("Trịnh Ngọc Ánh")),
    ],
)
def test_bullet_name_then_role_in_plain_text(line: str, name: str) -> None:
    text = f"Harbour Division – org chart\n\n{line}\n\nNext review in June.\n"
    out = scrub(text)
    assert name not in out
    assert name.split()[-1] not in out, out


def test_bullet_with_a_role_tail_needs_a_name_shape() -> None:
    text = "Agenda\n\n- Quarterly budget review – Finance\n\n- Budget Review – Head of Finance\n"
    out = scrub(text)
    assert "Quarterly budget review – Finance" in out
    assert "Budget Review – Head of Finance" in out


def test_cells_beside_a_name_are_no_name() -> None:
    text = (
        "Team leads\n\nName\tTeam\tLocation\n\n"
        "Søndergaard, Mette\tChartering\tSingapore\n\n"
        "KALLIO Aapo\tClaims\tRotterdam\n"
    )
    out = scrub(text)
    assert "Søndergaard" not in out and "Mette" not in out
    assert "KALLIO" not in out and "Aapo" not in out
    assert "Chartering" in out
    assert "Rotterdam" in out


@pytest.mark.parametrize(
    "text,parts",
    [
        # an Icelandic block: a box, a three-digit postcode and its town, the country
        ("Site visit\n\nPósthólf 4410\n603 Akureyri\nÍsland\n\nNext steps\n",
         ["4410", "603", "Akureyri"]),
        # an Icelandic street ending in -stræti / -vegur, then the postcode line
        ("Skrifstofa\nHafnarstræti 91\n600 Akureyri\n", ["Hafnarstræti 91", "Akureyri"]),
        ("Skrifstofa\nSkúlagötuvegur 14\n220 Hafnarfjörður\n", ["Skúlagötuvegur", "220"]),
        # an Indian city whose name is a common word too, before a dash and its PIN
        ("Registered office\tPlot 14, Road No. 3, Madhapur\tHyderabad – 500 081\n",
         ["Hyderabad", "500 081"]),
        # a Brasília sector address: block, group and house before the district and city
        ("Marta Quispe\nProject Controller\n"
         "SHIS QI 11 Conjunto 4 Casa 9, Lago Norte, Brasília - DF, 71625-040\n",
         ["SHIS QI 11", "Conjunto 4", "Casa 9", "Lago Norte"]),
    ],
)  # fmt: skip
def test_address_forms_round6(text: str, parts: list[str]) -> None:
    out = scrub(text)
    for p in parts:
        assert p not in out, out


def test_three_digit_lines_without_an_address_stay() -> None:
    text = "Results\n\n128 Participants\n\nWe had 200 Users in March.\nSee Bloco 4 of the plan.\n"
    out = scrub(text)
    assert "128 Participants" in out and "200 Users" in out and "Bloco 4" in out


def _widened(text: str, part: str) -> str:
    from scrubbing.engine.hits import Hit
    from scrubbing.engine.widen import widen_names

    s = text.index(part)
    (h,) = widen_names(text, [Hit("PERSON", s, s + len(part), 0.85, "model", part)])
    return h.text


@pytest.mark.parametrize(
    "text,part,whole",
    [
        # the given name found: the family name led by its particles before the comma
        ('      "name": "van \'t Veld, Joost",', "Joost", "van 't Veld, Joost"),
        ('      "name": "van der Kolk, Sanne",', "Sanne", "van der Kolk, Sanne"),
        # the family name with its particles found: the given name after the comma
        ('      "name": "van \'t Veld, Joost",', "van 't Veld", "van 't Veld, Joost"),
    ],
)
def test_family_name_with_particles_before_the_comma(text: str, part: str, whole: str) -> None:
    assert _widened(text, part) == whole


def test_particles_alone_before_a_comma_are_no_family_name() -> None:
    # a list in running text: "... de la, Joost" is no name before the comma
    assert _widened("Notes of de la, Joost", "Joost") == "Joost"
