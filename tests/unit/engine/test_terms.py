"""KnownStrings and deny-list matching: whitespace, separators, joined forms, case rules."""

from __future__ import annotations

import pytest

from scrubbing.engine.terms import KnownStrings, Term, find_terms, is_common_word


def spans(known: KnownStrings, text: str) -> list[str]:
    return [text[s:e] for s, e, _t, _src in known.finditer(text)]


def test_multi_word_matches_across_whitespace_and_case():
    known = KnownStrings([("Jane Doe", "PERSON", "model")])
    assert spans(known, "met JANE \n\t doe today") == ["JANE \n\t doe"]
    assert spans(known, "Jane\u00a0Doe.") == ["Jane\u00a0Doe"]
    assert spans(known, "Janet Doe, Jane Doer") == []


@pytest.mark.parametrize(
    "text",
    [
        "adam_johnson.md",
        "Adam-Johnson",
        "AdamJohnson",
        "adamjohnson",
        "ADAM.JOHNSON",
        "x_Adam_Johnson_v2",
    ],
)
def test_person_name_in_identifiers(text):
    known = KnownStrings([("Adam Johnson", "PERSON", "model")])
    found = spans(known, text)
    assert (
        len(found) == 1
        and found[0].lower().replace("_", "").replace("-", "").replace(".", "") == "adamjohnson"
    )


def test_joined_form_needs_eight_characters():
    known = KnownStrings([("Jane Doe", "PERSON", "model")])
    assert spans(known, "jane_doe and Jane-Doe") == ["jane_doe", "Jane-Doe"]
    assert spans(known, "JaneDoe janedoe") == []  # 7 characters joined: too short
    # never inside a longer run of letters/digits
    assert spans(KnownStrings([("Adam Johnson", "PERSON", "m")]), "AdamJohnsonville") == []


def test_single_word_name_case_rules_and_boundaries():
    known = KnownStrings([("Gaines", "PERSON", "model")])
    assert spans(known, "Gaines, GAINES and gaines") == ["Gaines", "GAINES"]
    assert spans(known, "notes_Gaines_v2 Gainesville") == ["Gaines"]


def test_punctuation_prefix_and_many_strings_sharing_a_first_word():
    items = [("+44 20 7946 0958", "PHONE_NUMBER", "pattern")]
    items += [(f"Michael Name{i}", "PERSON", "model") for i in range(2000)]
    items += [(f"michael.name{i}@example.org", "EMAIL_ADDRESS", "pattern") for i in range(2000)]
    known = KnownStrings(items)
    text = "Call +44 20 7946 0958 or michael  NAME1999, michael.name7@example.org; Michael Nameless"
    assert spans(known, text) == [
        "+44 20 7946 0958",
        "michael  NAME1999",
        "michael.name7@example.org",
    ]


def test_longest_match_per_position():
    known = KnownStrings([("Acme", "ORGANIZATION", "model"), ("Acme Holdings", "CLIENT", "deny")])
    assert [(t, e - s) for s, e, t, _ in known.finditer("Acme  Holdings ltd")] == [("CLIENT", 14)]


@pytest.mark.parametrize(
    "text",
    [
        "Project Lumen",
        "project-lumen",
        "Project_Lumen",
        "projectlumen",
        "PROJECT.LUMEN",
        "specs/project_lumen_v2/readme.md",
        "ProjectLumen-notes.docx",
    ],
)
def test_deny_term_across_separators(text):
    deny = (Term("Project Lumen", "CODENAME"),)
    found = [(text[s:e], t) for s, e, t in find_terms(text, deny)]
    assert len(found) == 1 and found[0][1] == "CODENAME"


def test_deny_term_separators_stay_tight():
    deny = (Term("Project Lumen", "CODENAME"), Term("Ax Co", "CLIENT"))
    assert list(find_terms("Project Lumenary, project. Lumen, ProjectLumens", deny)) == []
    assert list(find_terms("AxCo", deny)) == []  # "axco" is shorter than 8: not joined
    assert [t for *_s, t in find_terms("Ax-Co and ax co", deny)] == ["CLIENT", "CLIENT"]


def test_common_words():
    for w in ("Will", "Long", "Young", "Brown", "white", "May"):
        assert is_common_word(w), w
    for w in ("Doe", "Gaines", "Johnson", "Okonkwo"):
        assert not is_common_word(w), w


@pytest.mark.parametrize(
    "text",
    ["Jane Doe", "", " Jane", "Jane ", "Jane  Doe", "Jane\tDoe", "Jane\u00a0Doe", "Ǆane ß",
     "İstanbul", "a\u2028b", "x\x1cy", "Project\nFalcon\n", "\u3000東京", "ok."],
)  # fmt: skip
def test_normalize_fast_path_is_the_regex_key(text):
    from scrubbing.engine.terms import _normalize, normalize

    assert normalize(text) == _normalize(text)


def test_only_the_space_is_printable_white_space():
    # what normalize's fast path relies on: a printable string holds no white space but " "
    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace()]
    assert [c for c in spaces if c.isprintable()] == [" "]


def test_strings_of_several_lists_searched_in_turn_over_several_texts():
    # verification searches one text for each round's strings in turn: the runs of letters
    # of the last text are kept, and a search of another text reads that text's own
    first = KnownStrings([("Jane Doe", "PERSON", "model")])
    second = KnownStrings([("Acme Corp", "CLIENT", "deny-list")])
    a, b = "Jane Doe of Acme Corp", "Acme Corp, not Jane Doe, and Jane Doe"
    for _ in range(2):
        assert spans(first, a) == ["Jane Doe"] and spans(second, a) == ["Acme Corp"]
        assert spans(second, b) == ["Acme Corp"] and spans(first, b) == ["Jane Doe"] * 2
