"""One person, one placeholder, in the forms the independent slice's new documents showed
(issue #18 item 1): two family names before the comma, the given names alone later, the family
name with its particles after a caption in capitals, and a name's parts found apart; a line
break between two mentions stays."""

from __future__ import annotations

import re

import pytest

from scrubbing.engine.pipeline import Scrubber
from scrubbing.engine.pseudonyms import Pseudonymizer
from scrubbing.engine.terms import TermLists


def scrub(text: str) -> str:
    r = Scrubber().scrub("note.txt", text.encode(), TermLists(), Pseudonymizer(mode="placeholder"))
    assert r.status in ("done", "residual"), r.error
    return r.output.decode()


@pytest.mark.parametrize(
    "text,left",
    [
        # two family names, then the given names: one person; her given names alone later
        ("From: Romero Delgado, Ana Belén\nTo: team\n\nThanks,\nAna Belén\n",
         ["Romero", "Delgado", "Ana", "Belén"]),
        # a caption in capitals, then the family name with its particle
        ("IN THE MATTER OF\nJOOST VAN OOSTERHOUT\nApplicant\n\nThe applicant, Mr van "
         "Oosterhout, filed the claim.\n", ["Joost", "Oosterhout"]),
        # given names and family names found apart by the model, then the full name
        ("Action owner: García Márquez, José Luis\nJosé Luis García Márquez approved it.\n",
         ["García", "José"]),
    ],
)  # fmt: skip
def test_one_person_one_placeholder(text, left):
    out = scrub(text)
    assert not any(re.search(rf"(?i)\b{w}\b", out) for w in left), out
    assert set(re.findall(r"\[PERSON_\d+\]", out)) == {"[PERSON_1]"}, out
    assert out.count("\n") == text.count("\n"), out  # no line swallowed


def test_a_line_break_between_two_mentions_stays():
    out = scrub("cc: Romero Delgado, Ana Belén\nAna Belén Romero Delgado will call you.\n")
    assert out == "cc: [PERSON_1]\n[PERSON_1] will call you.\n"


def test_a_list_of_two_people_is_not_one_family_first_name():
    out = scrub("To: Anna Berg, Carl Diaz\n\nHello both,\n")
    assert "[PERSON_1]" in out and "[PERSON_2]" in out, out


@pytest.mark.parametrize(
    "text",
    [
        "Photo: Pieter VAN OOSTERHOUT at the quay with VAN OOSTERHOUT's team.\n",
        "Caption: VAN OOSTERHOUT, Pieter – harbour master\nOOSTERHOUT retired in 2024.\n",
    ],
)
def test_a_family_name_in_capitals_is_a_person_not_a_code_name(text):
    out = scrub(text)
    assert "OOSTERHOUT" not in out and "[CODENAME" not in out and "[PERSON_1]" in out, out


def test_a_coined_word_written_as_a_family_name_is_not_counted():
    from scrubbing.engine.recognizers.codename import coined_words

    assert coined_words("BLUEHERON is late. The BLUEHERON plan slips.")["blueheron"] == 2
    assert "blueheron" not in coined_words("Maria BLUEHERON called. BLUEHERON again.")


def test_a_backticked_office_file_name_is_no_code_word():
    from scrubbing.engine.recognizers.codename import code_words

    words = code_words("- `pangolin_valuation.xlsx`: the model; call `parse_args()` first")
    assert "pangolin" not in words and "pangolin_valuation" not in words
    assert "parse_args" in words
