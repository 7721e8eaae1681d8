"""Build the two slices: `build_code_slice()` (issue 20) and `build_format_slice()` (issue 15).

    from tests.corpus.kinds.slices import build_code_slice, build_format_slice
    cases = build_code_slice()          # deterministic for a seed; nothing is read from disk
    cases[0].name, cases[0].data, cases[0].doc.planted, cases[0].survive

`python -m tests.corpus.kinds.slices DIR` writes both slices' files and truth.json.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from tests.corpus.independent.build import SEED

from . import code_archives, code_files, code_markup
from . import format_files as ff
from . import format_media as fm
from .plant import Case, KindWriter, pools

CODE_SEED, FORMAT_SEED = SEED + 20, SEED + 15
Builder = Callable[[KindWriter], Case]

#: one file per format the engine reads (scrubbing.engine.registry.MODULES), plus the
#: archives issue 15 names (tar, tar.gz) and EPUB, whatever sniff makes of them today
FORMATS: tuple[tuple[str, Builder], ...] = (
    ("memo.docx", ff.build_docx),
    ("memo.xlsx", ff.build_xlsx),
    ("memo.pptx", ff.build_pptx),
    ("memo.pdf", ff.build_pdf),
    *((f"scan.{ext}", fm.build_picture)
      for ext in ("png", "jpg", "gif", "tiff", "webp", "heic", "avif", "bmp", "ppm")),
    ("badge.svg", fm.build_svg),
    ("notes.txt", ff.build_txt),
    ("contacts.csv", ff.build_csv),
    ("export.json", ff.build_json),
    ("bundle.zip", ff.build_zip),
    ("handover.eml", fm.build_eml),
    ("archive.mbox", fm.build_mbox),
    ("offer.msg", fm.build_msg),
    *((f"memo.{kind}", fm.build_legacy) for kind in fm.LEGACY),
    ("analysis.ipynb", ff.build_ipynb),
    ("page.html", ff.build_html),
    ("bundle.tar", ff.build_tar),
    ("bundle.tar.gz", ff.build_tgz),
    ("book.epub", ff.build_epub),
)  # fmt: skip
PICTURES = frozenset({"png", "jpg", "gif", "tiff", "webp", "heic", "avif", "bmp", "ppm", "svg"})


def _build(plan: tuple[tuple[str, Builder], ...], seed: int) -> list[Case]:
    p = pools(seed)
    out = []
    for name, builder in plan:
        ext = name.rsplit(".", 1)[1]
        case = builder(KindWriter(p, name, ext, ascii_only=ext in PICTURES and plan is FORMATS))
        case.survive = list(dict.fromkeys(case.survive))
        out.append(case)
    return out


def build_code_slice(seed: int = CODE_SEED) -> list[Case]:
    return _build(code_files.BUILDERS + code_markup.BUILDERS + code_archives.BUILDERS, seed)


def build_format_slice(seed: int = FORMAT_SEED) -> list[Case]:
    return _build(FORMATS, seed)


def truth(cases: list[Case]) -> list[dict]:
    return [
        {"file": c.name, "kind": c.kind, "made_with": c.made_with, "check": c.check,
         "survive": [t.text for t in c.survive],
         "planted": [{**{k: v for k, v in asdict(p).items() if k != "parts"},
                      "parts": sorted(p.parts)} for p in c.doc.planted]}
        for c in cases
    ]  # fmt: skip


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "kinds-slices")
    for sub, cases in (("code", build_code_slice()), ("formats", build_format_slice())):
        (out / sub).mkdir(parents=True, exist_ok=True)
        for c in cases:
            (out / sub / c.name).write_bytes(c.data)
        (out / sub / "truth.json").write_text(
            json.dumps(truth(cases), ensure_ascii=False, indent=1)
        )
        print(f"{len(cases)} files -> {out / sub}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
