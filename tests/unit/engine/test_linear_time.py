"""No input stalls the engine: every recognizer in the registry, and detection as a
whole, runs in time linear in its input.

This is a guard against a stall, not a speed test: each call gets a generous wall-clock budget
(`BUDGET` seconds for 1 MB) that a linear pattern meets many times over even on a loaded
machine, and that a super-linear one (the secret-assignment pattern took 19 s on a 10,000-
character cell and 68 s on 20,000; at 1 MB it would take days) cannot. Speed itself is
measured by `make bench` ("Time per MB"). The recognizers come from the registry, so one added
later is covered without touching this file.
"""

from __future__ import annotations

import signal
import time
from contextlib import contextmanager

import pytest

from scrubbing.engine.pipeline import Scrubber, TermLists
from scrubbing.engine.pseudonyms import Pseudonymizer
from tests.builders.adversarial import ADVERSARIAL, poi_workbook, shared_string

MB = 1 << 20
BUDGET = 60  # seconds per call on 1 MB: only a super-linear pattern can need this long


class Stalled(Exception):
    pass


@contextmanager
def budget(seconds: int, what: str):
    """Interrupt the call after `seconds` (the regex engine checks for signals while it runs)."""

    def stop(signum, frame):
        raise Stalled(f"{what} ran longer than {seconds} s on 1 MB: super-linear")

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    t0 = time.perf_counter()
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert time.perf_counter() - t0 < seconds, what


def pattern_recognizers(detector):
    return [r for r in detector.recognizers if r is not detector._model]


def test_the_registry_is_what_is_covered(detector):
    # every recognizer the detector runs is a pattern recognizer here, or the model (which
    # reads at most Limits.max_model_chars of a text: covered by test_detect_is_linear)
    names = {type(r).__name__ for r in pattern_recognizers(detector)}
    assert len(names) == len(detector.recognizers) - 1
    assert {"ScrubSecretRecognizer", "ScrubPhoneRecognizer", "ScrubOrgRecognizer"} <= names


@pytest.mark.parametrize("kind", sorted(ADVERSARIAL))
def test_every_recognizer_is_linear_on_1mb(detector, kind):
    text = ADVERSARIAL[kind](MB)
    assert len(text) == MB
    for rec in pattern_recognizers(detector):
        with budget(BUDGET, f"{rec.name} on {kind!r}"):
            rec.analyze(text, detector._entities, None)


@pytest.mark.parametrize(
    "kind", ["= assignments", ": assignments", "host labels", "digits and dots", "repeated a@"]
)
def test_detect_is_linear_on_1mb(detector, kind):
    """The whole detection of one 1 MB text (patterns, the model within its budget, context,
    merging): strings that stalled spaCy's tokenizer or made thousands of overlapping hits."""
    with budget(BUDGET, f"detect on {kind!r}"):
        detector.detect([ADVERSARIAL[kind](MB)])


def test_recognizers_still_find_what_they_found():
    # the linear forms find what the backtracking ones did (a few from each rewritten one)
    from scrubbing.engine.recognizers.orgs import org_hits
    from scrubbing.engine.recognizers.secrets import secret_assignments

    def found(fn, text):
        return [text[s:e] for s, e, _t in fn(text)]

    assert found(secret_assignments, 'db.password = "hunter2hunter2"') == ["hunter2hunter2"]
    assert found(secret_assignments, "f(password=abcd)") == ["abcd"]
    assert found(secret_assignments, "pwd:=abc") == ["=abc"]  # ":" then "=abc", as before
    assert found(secret_assignments, "password.hash = abcdef") == []
    assert found(secret_assignments, "x(password=abcd)ef ") == ["abcd"]
    assert found(secret_assignments, "password=abcd'") == []
    assert found(org_hits, "We hired Northwind Maritime Services (NMS) in May.") == [
        "Northwind Maritime Services",
        "NMS",
    ]


def test_a_1mb_shared_string_ends_and_the_report_names_the_budget():
    """The POI fixture: a workbook whose one shared string is 1 MB (it ran past 300 s)."""
    import io

    import openpyxl

    data = poi_workbook(shared_string(MB), "Owner: Priya Raman")
    with budget(4 * BUDGET, "a workbook with a 1 MB shared string"):
        result = Scrubber().scrub("poi-long.xlsx", data, TermLists(), Pseudonymizer())
    assert result.status in ("done", "residual"), result.error
    notes = [n for n in result.report["notes"] if "characters; the name model read the first" in n]
    assert len(notes) == 1 and "1,048,576 characters" in notes[0], result.report["notes"]
    assert any(f.text == "Priya Raman" for f in result.findings)
    out = openpyxl.load_workbook(io.BytesIO(result.output)).active
    assert out["A2"].value != "Owner: Priya Raman"  # the small cell is still read in full
    assert len(out["A1"].value) >= MB - 100  # the big one comes back, scrubbed, not dropped


def test_text_beyond_the_budget_is_read_by_the_patterns(detector):
    """Closed world: beyond `max_model_chars` the patterns still read everything."""
    filler = "ordinary words about the quarterly plan " * 2000  # 80,000 characters
    text = filler + "Mail priya.raman@northwind.example.com or call +47 912 34 567."
    hits = detector.detect([text], model_chars=50_000)[0]
    types = {h.entity_type for h in hits if h.start > 50_000}
    assert {"EMAIL_ADDRESS", "PHONE_NUMBER"} <= types


def test_rosters_are_linear_on_1mb():
    """The document-level roster step on 1 MB of list lines, each with a found name: every
    line is a roster entry and a separated list, and every entry is looked up in the hits."""
    from scrubbing.engine.base import DEFAULT_LIMITS
    from scrubbing.engine.hits import Hit
    from scrubbing.engine.recognizers.roster import roster_hits
    from scrubbing.engine.sniff import sniff

    line = "- Oyun Tserendorj, Saran Gerel, Khulan Dorjsuren (chair)\n"
    data = (line * (MB // len(line))).encode()
    doc = sniff("list.txt", data, DEFAULT_LIMITS).open(data, DEFAULT_LIMITS)
    hits = []
    for seg in doc.segments:
        found = []
        for name in ("Oyun Tserendorj", "Saran Gerel"):
            at = [i for i in range(len(seg.text)) if seg.text.startswith(name, i)]
            found += [Hit("PERSON", i, i + len(name), 0.8, "model", name) for i in at]
        hits.append(sorted(found, key=lambda h: h.start))
    with budget(BUDGET, "roster_hits"):
        out = roster_hits(doc, hits)
    assert sum(len(h) for h in out) > sum(len(h) for h in hits)  # the lists were read


def test_address_joining_is_linear_on_1mb():
    """The whole-address step on 1 MB of address lines, each with a found city: every line
    holds a unit, a postcode and a country, and every hit is looked up beside them; also
    over 1 MB of one-line paragraphs (the step across a document's segments)."""
    from scrubbing.engine.base import Segment
    from scrubbing.engine.hits import Hit
    from scrubbing.engine.whole_address import join_across_segments, join_addresses

    line = "Plot 7, Andheri East, Mumbai, Maharashtra 400093 India; "
    text = line * (MB // len(line))
    hits = [
        Hit("LOCATION", i + 22, i + 28, 0.8, "model", "Mumbai")
        for i in range(0, len(text), len(line))
    ]
    with budget(BUDGET, "join_addresses"):
        out = join_addresses(text, hits)
    assert len(out) == len(hits) and all(h.entity_type == "ADDRESS" for h in out)

    class Doc:
        segments = [Segment(i, line, f"paragraph {i + 1}") for i in range(MB // len(line))]

    seg_hits = [[Hit("LOCATION", 22, 28, 0.8, "model", "Mumbai")] for _ in Doc.segments]
    with budget(BUDGET, "join_across_segments"):
        joined = join_across_segments(Doc(), seg_hits)
    assert all(h.entity_type == "ADDRESS" for seg in joined for h in seg)
