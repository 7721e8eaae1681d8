"""Where one scrub spends its time: cProfile over `Scrubber.scrub` of bench_engine's ~20k-word
document (the analyzer loaded and warmed beforehand, the answer cache empty). A benchmark, not a
test: it prints seconds per stage (inclusive) and the functions with the most own time.

    .venv/bin/python tests/bench/bench_profile.py [--words 20000]

Times under cProfile are inflated (every Python call is counted); the shares are what to read.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import warnings

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

#: (label, file suffix, function): inclusive time of these calls
STAGES = (
    ("spaCy NER (nlp.pipe), analysis and verification", "spacy/language.py", "pipe"),
    ("pattern recognizers (Detector.pattern_results)", "engine/detect.py", "pattern_results"),
    ("Presidio post-processing (Detector.postprocess)", "engine/detect.py", "postprocess"),
    ("hits: guards, merge, deny-list (Detector._to_hits)", "engine/detect.py", "_to_hits"),
    ("model gate (gate.needs_model)", "engine/gate.py", "needs_model"),
    ("analysis (Scrubber.analyze)", "engine/pipeline.py", "analyze"),
    ("inventory and sweep (Scrubber.assign)", "engine/pipeline.py", "assign"),
    ("verification checks (Verifier.check)", "engine/verify.py", "check"),
    ("  (a) exact search of known strings", "engine/verify.py", "_exact"),
    ("  (b)+(c) patterns and model again", "engine/verify.py", "_detected"),
)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=20_000)
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    from bench_engine import make_document

    from scrubbing.engine.detect import get_detector
    from scrubbing.engine.pipeline import Scrubber, TermLists
    from scrubbing.engine.pseudonyms import Pseudonymizer

    data = ("\n\n".join(make_document(args.words)) + "\n").encode()
    det = get_detector()
    scrubber = Scrubber()
    scrubber.scrub("warm.txt", data[:5000], TermLists(), Pseudonymizer())
    det.cache.clear()
    prof = cProfile.Profile()
    prof.enable()
    r = scrubber.scrub("bench.txt", data, TermLists(), Pseudonymizer())
    prof.disable()
    stats = pstats.Stats(prof)
    total = stats.total_tt
    print(f"one Scrubber.scrub of {args.words:,} words under cProfile: {total:.2f} s, {r.status}")
    print(f"{'stage (inclusive)':52} {'seconds':>8} {'share':>6}")
    raw = stats.stats  # type: ignore[attr-defined]
    for label, suffix, func in STAGES:
        cum = sum(v[3] for (f, _ln, name), v in raw.items() if f.endswith(suffix) and name == func)
        print(f"{label:52} {cum:8.2f} {cum / total:6.1%}")
    print(f"\n{'most own time (function)':72} {'seconds':>8} {'share':>6}")
    top = sorted(raw.items(), key=lambda kv: -kv[1][2])[:12]
    for (f, ln, name), v in top:
        where = f"{f.split('site-packages/')[-1].split('/work/')[-1]}:{ln}({name})"
        print(f"{where[-72:]:72} {v[2]:8.2f} {v[2] / total:6.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
