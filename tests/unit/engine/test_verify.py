"""verify_output: re-open, exact search, detect again; fail closed."""

from __future__ import annotations

from scrubbing.engine.base import CorruptFile, Limits
from scrubbing.engine.formats.text import open_document
from scrubbing.engine.terms import TermLists
from scrubbing.engine.verify import verify_output

ORIG = [("Jane Doe", "PERSON", "model"), ("Falcon", "CODENAME", "deny-list")]


def run(
    output: bytes,
    detector=None,
    terms=TermLists(),
    reps=("[PERSON_1]", "[CODENAME_1]"),
    originals=ORIG,
    open_func=open_document,
):
    det = detector.detect if detector is not None else None
    return verify_output(output, open_func, Limits(), originals, terms, reps, det)


def test_clean_output_passes(detector):
    assert run(b"[PERSON_1] leads [CODENAME_1].\n", detector) == []


def test_original_left_is_residual_without_its_text():
    res = run(b"All good.\n\nJANE  DOE leads [CODENAME_1].\n")
    assert [(r.locator, r.text_type) for r in res] == [("line 3", "PERSON")]
    d = res[0].as_dict()
    assert set(d) == {"locator", "text_type", "reason"}
    assert "Jane" not in str(d) and "JANE" not in str(d)


def test_original_across_line_break_found():
    res = run(b"[PERSON_1] and jane\ndoe again\n")
    assert res and res[0].text_type == "PERSON"


def test_single_word_name_matches_case_sensitively():
    originals = [("Will", "PERSON", "model")]
    assert run(b"We will ship.\n", originals=originals, reps=()) == []
    assert run(b"Ask Will.\n", originals=originals, reps=())


def test_redetection_flags_a_leftover_secret(detector):
    res = run(b"[PERSON_1] token ghp_abcdefghijklmnopqrstuvwxyz0123456789\n", detector)
    assert [(r.text_type, r.reason) for r in res] == [("GITHUB_TOKEN", "detected again (secret)")]


def test_fake_values_and_allow_list_not_flagged(detector):
    out = b"Michael Reyes spoke to Alice Wu.\n"
    res = run(out, detector, terms=TermLists(allow=("Alice Wu",)), reps=("Michael Reyes",))
    assert res == []


def test_unreadable_output_fails_closed():
    def broken(data, limits):
        raise CorruptFile("bad")

    res = run(b"whatever", open_func=broken)
    assert len(res) == 1 and res[0].locator == "whole file"

    def crash(data, limits):
        raise KeyError("x")

    assert run(b"whatever", open_func=crash)[0].text_type == "FILE"
