"""`make bench` section "Time per MB": every recognizer of the registry on its worst-case
adversarial string (tests/builders/adversarial.py) at 0.25, 0.5 and 1 MB. Linear time reads
as a flat seconds-per-MB row: the 1 MB / 0.25 MB ratio of seconds per MB is printed (1.0 is
perfectly flat; a quadratic pattern would read 4.0 and more; below 0.1 s/MB the ratio is
mostly noise). Each size is the best of two runs.

    .venv/bin/python tests/bench/bench_linear.py [--quick]
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

MB = 1 << 20


def seconds(rec, text: str, entities, repeat: int = 1) -> float:
    """Best of `repeat` runs (short runs are noisy on a shared machine)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        rec.analyze(text, entities, None)
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="choose the worst string at 64 KB")
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    logging.disable(logging.WARNING)
    from scrubbing.engine.detect import get_detector
    from tests.builders.adversarial import ADVERSARIAL

    d = get_detector()
    for rec in d.recognizers:  # word lists and caches loaded before anything is timed
        if rec is not d._model:
            rec.analyze("Warm Up Text 123 a@b.co", d._entities, None)
    probe = (64 if args.quick else 256) * 1024
    sizes = (MB // 4, MB // 2, MB)
    print(f"{'recognizer':30s} {'worst-case string':42s} " + " ".join(
        f"{s / MB:>5.2f} MB" for s in sizes) + "   s/MB at 1 MB / at 0.25 MB")  # fmt: skip
    worst_ratio = 0.0
    for rec in d.recognizers:
        if rec is d._model:
            continue
        # the string this recognizer is slowest on
        kind = max(ADVERSARIAL, key=lambda k: seconds(rec, ADVERSARIAL[k](probe), d._entities))
        per_mb = []
        for n in sizes:
            per_mb.append(seconds(rec, ADVERSARIAL[kind](n), d._entities, repeat=2) / (n / MB))
        ratio = per_mb[-1] / per_mb[0] if per_mb[0] > 0 else float("nan")
        worst_ratio = max(worst_ratio, ratio)
        print(
            f"{rec.name:30s} {kind[:42]:42s} "
            + " ".join(f"{x:6.2f} s" for x in per_mb)
            + f"   {ratio:.2f}x",
            flush=True,
        )
    print(f"largest ratio {worst_ratio:.2f}x (flat is 1.0; quadratic would be >= 4)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
