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


# --- the model re-reads only the sentences around replacements ----------------------------


def test_edit_windows_are_sentences_around_replacements():
    from scrubbing.engine.verify import _masked, edit_windows

    text = (
        "The budget was approved in March. Please call [PERSON_1] tomorrow. "
        "Nothing else changed here. Ask [PERSON_2] too"
    )
    masked = _masked(text, [])
    spans = [text[a:b] for a, b in edit_windows(text, masked)]
    assert spans == ["Please call [PERSON_1] tomorrow.", "Ask [PERSON_2] too"]
    assert edit_windows("no replacement left", "no replacement left") == [(0, 19)]


def test_verify_model_sees_name_next_to_replacement_and_patterns_everywhere(detector):
    from scrubbing.engine.formats import text as text_format
    from scrubbing.engine.terms import TermLists
    from scrubbing.engine.verify import verify_output

    out = (
        "The quarterly budget was approved in March by the board after a long review. " * 3
        + "Please call [PERSON_1] and Margaret Thatcherson tomorrow. "
        + "Send it to leak@example.org when ready."
    ).encode()
    res = verify_output(
        out,
        text_format.open_document,
        LIMITS_V,
        [],
        TermLists(),
        ["[PERSON_1]"],
        detector.detect,
        unchanged=frozenset(),
    )
    types = {r.text_type for r in res}
    assert "PERSON" in types and "EMAIL_ADDRESS" in types


def test_verify_model_not_run_on_whole_changed_segment(detector, monkeypatch):
    from scrubbing.engine.formats import text as text_format
    from scrubbing.engine.terms import TermLists
    from scrubbing.engine.verify import verify_output

    seen: list[tuple[str, bool]] = []

    def spy(texts, terms, use_model=True):
        seen.extend((t, use_model) for t in texts)
        return detector.detect(texts, terms, use_model=use_model)

    body = "Filler sentence about budgets and plans. " * 20 + "Call [PERSON_1] now."
    verify_output(
        body.encode(),
        text_format.open_document,
        LIMITS_V,
        [],
        TermLists(),
        ["[PERSON_1]"],
        spy,
        unchanged=frozenset(),
    )
    modelled = [t for t, m in seen if m]
    assert modelled and all(len(t) < 60 for t in modelled)
    assert any(not m and len(t) > 500 for t, m in seen)  # patterns still read everything


LIMITS_V = Limits()


def test_leftover_text_travels_apart_from_the_report(detector):
    res = run(b"Send it to jane.roe@acme-corp.com and JANE DOE.\n", detector)
    texts = {r.text for r in res}
    assert "JANE DOE" in texts  # the owner is shown exactly what was left
    assert "jane.roe@acme-corp.com" in texts
    assert all("acme" not in str(r.as_dict()).lower() for r in res)


def test_patterns_read_windows_of_text_the_input_had(detector):
    """The patterns re-read an output segment around its replacements only when the rest of
    it is text of the input's segment (detection read it there); otherwise all of it."""
    from scrubbing.engine.verify import Verifier

    filler = "Filler sentence about budgets and plans. " * 5
    source = filler + "Call Jane Doe now. Write to ops@example.org today."
    output = filler + "Call [PERSON_1] now. Write to ops@example.org today."
    seen: list[tuple[str, bool]] = []

    def spy(texts, terms, use_model=True):
        seen.extend((t, use_model) for t in texts)
        return detector.detect(texts, terms, use_model=use_model)

    def check(inputs):
        seen.clear()
        v = Verifier(open_document, LIMITS_V, TermLists(), spy, inputs=inputs)
        found = v.check(output.encode(), ["[PERSON_1]"])
        return {lo.text for lo in found.leftovers}

    assert check([source]) == set()  # the address was read in the input: not read again
    assert seen and all("example.org" not in t and len(t) < 60 for t, _m in seen)
    assert check([]) == {"ops@example.org"}  # no input to go by: every character again
    assert check(["something else entirely"]) == {"ops@example.org"}


def test_survivor_next_to_replacement_is_caught_and_calendar_only_windows_skip_the_model(
    counted,
):
    """A name part that survived replacement ("Gaines" of "Gaines, Jones and Leonard") is
    found again by the model in its window; a window whose only capitalised word is a weekday
    or month ("before October 12.") is read by the patterns and not by the model (gate)."""
    from scrubbing.engine.verify import Verifier

    detector, read = counted
    source = (
        "Margaret Thatcherson met the Gaines, Jones and Leonard team on Thursday to review "
        "the plan. Send comments to mt@example.org before October 12."
    )
    output = (
        "[PERSON_1] Thatcherson met the Gaines, [CLIENT_1] team on Thursday to review the "
        "plan. Send comments to [EMAIL_1] or to mt2@example.org before October 12."
    )
    v = Verifier(open_document, LIMITS_V, TermLists(), detector.detect, inputs=[source])
    found = v.check(output.encode(), ["[PERSON_1]", "[CLIENT_1]", "[EMAIL_1]"])
    by_check = {(lo.text, lo.check) for lo in found.leftovers}
    assert ("Gaines", "model") in by_check
    assert ("mt2@example.org", "pattern") in by_check  # (b) still reads that window
    assert any("Gaines" in t for t in read)
    assert not any("October" in t for t in read)
