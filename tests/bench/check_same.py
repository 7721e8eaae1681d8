"""A speed-up must change no detection: checks over the corpora's texts (corpus_texts.py).

    .venv/bin/python tests/bench/check_same.py address
        the address recognizer's word cues against its hint regexes alone, on every text;
    .venv/bin/python tests/bench/check_same.py dump OUT.json [--root CHECKOUT]
        the detector's hits (with and without the model) for every text, from the engine of
        CHECKOUT (default: this one), so that two checkouts can be compared:
    .venv/bin/python tests/bench/check_same.py compare A.json B.json
        and the same for whole scrubs (status, every finding of every round, what is left):
    .venv/bin/python tests/bench/check_same.py scrub OUT.json [--root CHECKOUT]
    .venv/bin/python tests/bench/check_same.py compare-scrub A.json B.json

`--texts FILE` / `--corpus FILE` keep the texts / files (pickles) between runs: building them
takes a minute.
Prints the number of texts and of differences (and the first few); exit 1 on any.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
import time
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))


def _texts(path: str | None) -> list[str]:
    if path and os.path.exists(path):
        with open(path, "rb") as f:
            return pickle.load(f)  # noqa: S301 - our own file, written below
    sys.path.insert(0, HERE)
    from corpus_texts import corpus_texts

    texts = corpus_texts()
    if path:
        with open(path, "wb") as f:
            pickle.dump(texts, f)
    return texts


def check_address(texts: list[str]) -> int:
    from scrubbing.engine.recognizers.address import address_spans

    t0 = time.perf_counter()
    fast = [address_spans(t) for t in texts]
    t1 = time.perf_counter()
    slow = [address_spans(t, cues=None) for t in texts]
    t2 = time.perf_counter()
    diff = [i for i, (a, b) in enumerate(zip(fast, slow, strict=True)) if a != b]
    found = sum(map(len, slow))
    print(
        f"address: {len(texts):,} texts, {found:,} addresses, {len(diff)} differences; "
        f"with cues {t1 - t0:.2f} s, hint regexes alone {t2 - t1:.2f} s"
    )
    for i in diff[:5]:
        print(f"  {texts[i][:120]!r}: {fast[i]} != {slow[i]}")
    return 1 if diff else 0


def dump(texts: list[str], out: str) -> int:
    from scrubbing.engine.detect import get_detector

    det = get_detector()
    rows: dict[str, list] = {}
    for use_model in (False, True):
        det.cache.clear()
        t0 = time.perf_counter()
        hits = []
        for k in range(0, len(texts), 500):  # a document's worth at a time
            hits += det.detect(texts[k : k + 500], use_model=use_model)
        print(f"detect (model {use_model}): {time.perf_counter() - t0:.1f} s")
        rows[str(use_model)] = [
            [[h.entity_type, h.start, h.end, h.source, round(h.score, 4)] for h in hs]
            for hs in hits
        ]
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"n": len(texts), "hits": rows}, f)
    return 0


def compare(a: str, b: str, texts: list[str]) -> int:
    with open(a, encoding="utf-8") as f:
        ra = json.load(f)
    with open(b, encoding="utf-8") as f:
        rb = json.load(f)
    bad = 0
    for key in ("False", "True"):
        diff = [i for i, (x, y) in enumerate(zip(ra["hits"][key], rb["hits"][key])) if x != y]
        n = sum(map(len, ra["hits"][key]))
        print(f"model {key}: {ra['n']:,} texts, {n:,} hits, {len(diff)} texts differ")
        for i in diff[:5]:
            print(f"  {texts[i][:100]!r}\n    {ra['hits'][key][i]}\n    {rb['hits'][key][i]}")
        bad += len(diff)
    return 1 if bad or ra["n"] != rb["n"] else 0


def _corpus_files(path: str | None) -> list[tuple[str, bytes]]:
    if path and os.path.exists(path):
        with open(path, "rb") as f:
            return pickle.load(f)  # noqa: S301 - our own file, written below
    sys.path.insert(0, HERE)
    from corpus_texts import corpus_files

    files = list(corpus_files())
    if path:
        with open(path, "wb") as f:
            pickle.dump(files, f)
    return files


def scrub(files: list[tuple[str, bytes]], out: str) -> int:
    from scrubbing.engine.detect import get_detector
    from scrubbing.engine.pipeline import Scrubber, TermLists
    from scrubbing.engine.pseudonyms import Pseudonymizer

    get_detector()
    scrubber = Scrubber()
    rows = []
    t0 = time.perf_counter()
    for name, data in files:
        get_detector().cache.clear()
        r = scrubber.scrub(os.path.basename(name), data, TermLists(), Pseudonymizer())
        findings = sorted(
            (f.segment_index, f.start, f.end, f.entity_type, f.source, f.round, f.replacement)
            for f in r.findings
        )
        rows.append(
            {
                "name": name,
                "status": r.status,
                "findings": findings,
                "residual": r.report.get("residual", []),
                "rounds": [rd["found"] for rd in r.report.get("rounds", [])],
            }
        )
    print(f"scrubbed {len(files)} files in {time.perf_counter() - t0:.0f} s")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(rows, f)
    return 0


def compare_scrub(a: str, b: str) -> int:
    with open(a, encoding="utf-8") as f:
        ra = json.load(f)
    with open(b, encoding="utf-8") as f:
        rb = json.load(f)
    diff = [(x, y) for x, y in zip(ra, rb, strict=True) if x != y]
    n = sum(len(x["findings"]) for x in ra)
    statuses: dict[str, int] = {}
    for x in ra:
        statuses[x["status"]] = statuses.get(x["status"], 0) + 1
    print(f"scrub: {len(ra)} files ({statuses}), {n:,} findings, {len(diff)} files differ")
    for x, y in diff[:5]:
        print(f"  {x['name']}: {x['status']} -> {y['status']}, rounds {x['rounds']} -> "
              f"{y['rounds']}, findings {len(x['findings'])} -> {len(y['findings'])}")  # fmt: skip
    return 1 if diff else 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=("address", "dump", "compare", "scrub", "compare-scrub"))
    ap.add_argument("files", nargs="*")
    ap.add_argument("--root", default=os.path.dirname(os.path.dirname(HERE)))
    ap.add_argument("--texts", default=None)
    ap.add_argument("--corpus", default=None, help="a pickle of the corpus files")
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    sys.path.insert(0, os.path.abspath(args.root))
    if args.what == "scrub":
        return scrub(_corpus_files(args.corpus), args.files[0])
    if args.what == "compare-scrub":
        return compare_scrub(args.files[0], args.files[1])
    texts = _texts(args.texts)
    if args.what == "address":
        return check_address(texts)
    if args.what == "dump":
        return dump(texts, args.files[0])
    return compare(args.files[0], args.files[1], texts)


if __name__ == "__main__":
    sys.exit(main())
