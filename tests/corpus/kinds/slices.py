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

from . import code_archives, code_files, code_markup, format_files, format_media
from .plant import Case, KindWriter, pools

CODE_SEED, FORMAT_SEED = SEED + 20, SEED + 15
Builder = Callable[[KindWriter], Case]

#: one file per format the engine reads (scrubbing.engine.registry.MODULES), plus the
#: archives issue 15 names (tar, tar.gz) and EPUB, whatever sniff makes of them today
FORMATS: tuple[tuple[str, Builder], ...] = (
    ("memo.docx", format_files.build_docx),
    ("memo.xlsx", format_files.build_xlsx),
    ("memo.pptx", format_files.build_pptx),
    ("memo.pdf", format_files.build_pdf),
    *((f"scan.{ext}", format_media.build_picture)
      for ext in ("png", "jpg", "gif", "tiff", "webp", "heic", "avif", "bmp", "ppm")),
    ("badge.svg", format_media.build_svg),
    ("notes.txt", format_files.build_txt),
    ("contacts.csv", format_files.build_csv),
    ("export.json", format_files.build_json),
    ("bundle.zip", format_files.build_zip),
    ("handover.eml", format_media.build_eml),
    ("archive.mbox", format_media.build_mbox),
    ("offer.msg", format_media.build_msg),
    *((f"memo.{kind}", format_media.build_legacy) for kind in format_media.LEGACY),
    ("analysis.ipynb", format_files.build_ipynb),
    ("page.html", format_files.build_html),
    ("bundle.tar", format_files.build_tar),
    ("bundle.tar.gz", format_files.build_tgz),
    ("book.epub", format_files.build_epub),
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
