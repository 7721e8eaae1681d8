"""The answer cache and the model gate: the model is skipped only where it cannot matter, and a
cached string gives the findings a fresh analysis gives."""

from __future__ import annotations

from scrubbing.engine.gate import needs_model
from scrubbing.engine.pipeline import Scrubber
from scrubbing.engine.pseudonyms import Pseudonymizer
from scrubbing.engine.terms import Term, TermLists


def test_model_not_called_for_numbers_and_codes(counted):
    det, read = counted
    hits = det.detect(["4411.20", "2024-01-05", "INV-00017 x12", "$1,234.56"])
    assert read == []
    assert hits[0] == [] and hits[3] == []


def test_texts_without_candidates_skip_the_model():
    assert needs_model("The budget covers forty units. Then call Priya Raman on Monday.")
    assert not needs_model("The budget covers forty units. Then call us.")
    assert not needs_model("Paid")
    assert not needs_model("Order INV-00017 shipped.")
    # a sentence-initial surname, a lower-case full name, another script: all read
    assert needs_model("Baker approved the plan.")
    assert needs_model("ask jane doe about it")
    assert needs_model("звоните завтра")


def test_a_text_the_model_reads_is_read_whole(counted):
    det, read = counted
    text = "The budget covers forty units. Then call Priya Raman on Monday."
    det.detect([text, "Paid in full."])
    assert read == [text]


def test_cached_string_yields_identical_findings(counted):
    det, read = counted
    texts = ["Call Steve Taylor at +44 20 7946 0958 or steve.taylor@acme.co.uk.", "Paid"]
    terms = TermLists(deny=(Term("Falcon", "CODENAME"),))
    det.cache.max_chars = 0
    fresh = det.detect(texts, terms)
    det.cache.max_chars = 1_000_000
    first = det.detect(texts, terms)
    n_read = len(read)
    again = det.detect(texts, terms)
    assert fresh == first == again
    assert any(h.entity_type == "PERSON" for h in again[0])
    assert len(read) == n_read  # the second call read nothing with the model
    assert det.cache.hits >= 2
    # other terms are another key: analysed afresh, with the deny term found
    other = det.detect(["Steve Taylor runs Falcon"], terms)
    assert any(h.source == "deny-list" for h in other[0])
    assert len(read) > n_read


def test_one_analysis_per_string_across_a_tasks_files(counted):
    det, read = counted
    body = b"Invoice for Marguerite Okonkwo-Bell, Lakeside Dental.\n"
    files = [("a.txt", body), ("b.txt", body + b"Thanks.\n")]
    results = Scrubber().scrub_many(files, TermLists(), Pseudonymizer())
    assert [r.status for r in results] == ["done", "done"]
    assert read.count("Invoice for Marguerite Okonkwo-Bell, Lakeside Dental.") <= 1
    assert all(b"Okonkwo" not in r.output for r in results)


def test_weekdays_and_months_alone_are_no_candidates():
    assert not needs_model("The report is due on Thursday.")
    assert not needs_model("Send comments to            before October 12.")
    assert not needs_model("see you MONDAY or on Fri")
    assert not needs_model("Ask June about it.")  # a model span "June" is never kept
    # another candidate beside it, or a lower-case first name and surname: read
    assert needs_model("Ask June Carter about it.")
    assert needs_model("Ask June carter about it.")
    assert needs_model("Ask Gaines before Thursday.")


def test_a_lone_calendar_word_is_never_a_kept_model_span():
    """What the gate relies on to pass weekdays and months over."""
    from scrubbing.engine.guards import is_false_positive
    from scrubbing.engine.hits import MODEL_ENTITIES
    from scrubbing.engine.lexicon import CALENDAR

    for word in CALENDAR:
        for form in (word.title(), word.upper(), word):
            assert all(is_false_positive(form, etype) for etype in MODEL_ENTITIES), form


CALENDAR_TEXTS = [
    "The report is due on Thursday.",
    "Send comments before October 12 or call on Monday morning.",
    "see you monday or Friday, the office opens in September",
    "Thursday meeting moved to Wednesday, December 3.",
    "Paid on Tuesday; the rest in November and December.",
    "Dear June, the May figures are in. Ask April or August.",
    "Sun, 12 Mar: JUNE REVIEW moved to Sat",
]


def test_calendar_gate_changes_no_detection(detector, monkeypatch):
    from scrubbing.engine import detect as detect_module

    detector.cache.clear()
    gated = detector.detect(CALENDAR_TEXTS)
    monkeypatch.setattr(detect_module, "needs_model", lambda view: True)
    detector.cache.clear()
    assert detector.detect(CALENDAR_TEXTS) == gated
