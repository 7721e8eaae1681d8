"""Run the engines on the slice: ours on the files and on their text, stock Presidio on the text.

ours (files): the upload code path (Scrubber.analyze -> assign -> finish, as
    scrubbing.services.file_scrub does it), one Pseudonymizer per document, no deny-list
    (nobody typed the code names or the client: finding them is the engine's job);
ours (text):  the same path on the document's plain text, as a .txt (or its own .json/.csv);
stock:        presidio AnalyzerEngine (default recognizers, the same spaCy model) and
    AnonymizerEngine on that same plain text.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Any

from tests.corpus.evaluate import SM_MODEL, stock_engines, use_model

from .build import Slice
from .writer import Doc

TEXT_NATIVE = ("json", "csv", "md", "py", "txt")


@dataclass
class Outcome:
    doc: Doc
    name: str  # the file name the engine was given
    output: bytes | None
    status: str
    seconds: float
    report: dict[str, Any] = field(default_factory=dict)


def text_name(doc: Doc) -> str:
    return doc.name if doc.fmt in TEXT_NATIVE else doc.name.rsplit(".", 1)[0] + ".txt"


def run_ours(sl: Slice, mode: str, model: str = SM_MODEL) -> list[Outcome]:
    from scrubbing.engine.base import ScrubError
    from scrubbing.engine.pipeline import Pseudonymizer, TermLists
    from scrubbing.scrubber import get_scrubber

    use_model(model)
    scrubber = get_scrubber()
    out = []
    for doc in sl.docs:
        name = doc.name if mode == "files" else text_name(doc)
        data = sl.files[doc.name] if mode == "files" else doc.text.encode("utf-8")
        t0 = time.perf_counter()
        try:
            analysis = scrubber.analyze(name, data, TermLists())
            scrubber.assign(analysis, Pseudonymizer(mode="placeholder"))
            r = scrubber.finish(analysis)
            res = Outcome(doc, name, r.output, r.status, 0.0, r.report)
        except ScrubError as exc:
            res = Outcome(doc, name, None, "failed", 0.0, {"error": str(exc)})
        except Exception as exc:  # noqa: BLE001 - the worker records an internal error
            res = Outcome(doc, name, None, "failed", 0.0, {"error": f"{type(exc).__name__}: {exc}"})
        res.seconds = time.perf_counter() - t0
        out.append(res)
    return out


def run_stock(sl: Slice, model: str = SM_MODEL) -> list[Outcome]:
    analyzer, anonymizer = stock_engines(model)
    out = []
    for doc in sl.docs:
        t0 = time.perf_counter()
        results = analyzer.analyze(text=doc.text, language="en")
        text = anonymizer.anonymize(text=doc.text, analyzer_results=results).text
        out.append(Outcome(doc, doc.name, text.encode(), "done", time.perf_counter() - t0))
    return out


_PAGE = re.compile(r"page (\d+)")


def rasterized_pages(report: dict[str, Any]) -> set[int] | int:
    """Page numbers from the file report's `rasterized` list (a count if not parseable)."""
    pages: set[int] = set()
    unparsed = 0
    for entry in report.get("rasterized", []):
        m = _PAGE.search(str(entry))
        if m:
            pages.add(int(m.group(1)))
        else:
            unparsed += 1
    return pages if not unparsed else len(pages) + unparsed


def detection_speed(sl: Slice, models: dict[str, str], rounds: int = 5) -> dict[str, float]:
    """Words per second of detection alone, both models loaded side by side and timed in
    turn, the fastest of `rounds` (the machine is shared): ours = Detector.detect over every
    document's text, stock = AnalyzerEngine.analyze on each."""
    from scrubbing.engine.detect import Detector
    from scrubbing.engine.terms import TermLists

    texts = [d.text for d in sl.docs]
    words = sum(len(re.findall(r"\w+", t)) for t in texts)
    for model in models.values():
        use_model(model)  # lets detect.py accept a model directory; tldextract offline
    ours = {size: Detector(model) for size, model in models.items()}
    stock = {size: stock_engines(model)[0] for size, model in models.items()}
    jobs = {
        f"ours · {size}": (lambda d=d: d.detect(texts, TermLists())) for size, d in ours.items()
    }
    for size, analyzer in stock.items():
        jobs[f"stock Presidio · {size}"] = lambda a=analyzer: [a.analyze(t, "en") for t in texts]
    best = dict.fromkeys(jobs, float("inf"))
    for job in jobs.values():
        job()  # warm-up
    for _ in range(rounds):
        for label, job in jobs.items():
            t0 = time.perf_counter()
            job()
            best[label] = min(best[label], time.perf_counter() - t0)
    return {label: words / secs for label, secs in best.items()}
