"""`make eval`, second part: the code/data/markup slice (issue 20) and the slice of one file
per format (issue 15), scrubbed through the upload code path.

    .venv/bin/python tests/corpus/kinds/run.py [--slices code,formats] [--keep DIR] [--json F]

Writes the sections `code-slice` and `format-slice` of docs/quality.md (between markers; the
rest of the file is kept) and prints them, with the time each section took.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.corpus.evaluate import SM_MODEL, setup_django, use_model  # noqa: E402
from tests.corpus.kinds.report import code_section, format_section  # noqa: E402
from tests.corpus.kinds.score import Result, score, scrub  # noqa: E402
from tests.corpus.kinds.slices import (  # noqa: E402
    CODE_SEED,
    FORMAT_SEED,
    build_code_slice,
    build_format_slice,
    truth,
)
from tests.corpus.sections import write_section  # noqa: E402


def run_slice(cases: list) -> list[Result]:
    from scrubbing.scrubber import get_scrubber

    scrubber = get_scrubber()
    results = []
    for case in cases:
        r = score(scrub(scrubber, case))
        print(
            f"  {case.name}: {r.outcome.status}, tokens {r.tokens - len(r.lost)}/{r.tokens}, "
            f"values left {len(r.leaked)}/{len(r.units)}, parses {r.parses[0]} "
            f"({r.outcome.seconds:.1f} s)",
            flush=True,
        )
        results.append(r)
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--slices", default="code,formats")
    ap.add_argument("--out", default=str(ROOT / "docs" / "quality.md"))
    ap.add_argument("--keep", default=None, help="write inputs, outputs and truth.json here")
    ap.add_argument("--json", default=None, help="write every unit and lost token here")
    args = ap.parse_args(argv)
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    setup_django()
    use_model(SM_MODEL)
    from scrubbing.engine.registry import MODULES

    dump = {}
    for name in [s.strip() for s in args.slices.split(",") if s.strip()]:
        t0 = time.perf_counter()
        print(f"{name} slice:", flush=True)
        if name == "code":
            cases = build_code_slice()
            results = run_slice(cases)
            body = code_section(results, CODE_SEED, time.perf_counter() - t0)
            marker = "code-slice"
        elif name == "formats":
            cases = build_format_slice()
            results = run_slice(cases)
            body = format_section(results, FORMAT_SEED, time.perf_counter() - t0, sorted(MODULES))
            marker = "format-slice"
        else:
            ap.error(f"unknown slice {name!r}")
        write_section(Path(args.out), marker, body)
        print(body)
        print(f"[eval] {name} slice: {time.perf_counter() - t0:.0f} s", flush=True)
        if args.keep:
            _keep(Path(args.keep) / name, cases, results)
        dump[name] = [_as_json(r) for r in results]
    if args.json:
        Path(args.json).write_text(json.dumps(dump, ensure_ascii=False, indent=1))
    return 0


def _as_json(r: Result) -> dict:
    return {
        "file": r.case.name,
        "status": r.outcome.status,
        "error": r.outcome.error,
        "output": r.outcome.out_name,
        "parses": list(r.parses),
        "lost": [{"token": t.text, "line_now": line} for t, line in r.lost],
        "units": [u.__dict__ for u in r.units],
        "excluded": [p.value for p in r.excluded],
    }


def _keep(folder: Path, cases: list, results: list[Result]) -> None:
    for sub in ("in", "out"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    for case, r in zip(cases, results, strict=True):
        (folder / "in" / case.name).write_bytes(case.data)
        if r.outcome.output is not None:
            (folder / "out" / r.outcome.out_name).write_bytes(r.outcome.output)
    (folder / "truth.json").write_text(json.dumps(truth(cases), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    sys.exit(main())
