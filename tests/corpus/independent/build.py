"""Build the independent slice: documents, their files and their ground truth.

    from tests.corpus.independent.build import build_slice
    sl = build_slice()            # deterministic for a seed; nothing is read from disk
    sl.docs[0].name, sl.files[sl.docs[0].name], sl.docs[0].planted

`python -m tests.corpus.independent.build DIR` writes the files and truth.json to look at.
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from . import documents, documents_more
from .codenames_more import build_more
from .codenames_six import build_six
from .logs import build_log
from .mail import build_mail
from .narrative import build_note, build_status
from .prose import DOCS
from .render import render
from .split import DEV, part_of
from .writer import Doc, Pools

SEED = 20260301
#: how many documents of each kind (and in which formats)
PLAN = (
    ("mail", 24, ("eml",)),
    ("minutes", 10, ("docx", "pdf", "txt")),
    ("letter", 16, ("docx", "pdf")),
    ("cv", 10, ("docx", "pdf")),
    ("json", 3, ("json",)),
    ("csv", 3, ("csv",)),
    ("xlsx", 3, ("xlsx",)),
    ("log", 12, ("txt", "md")),
    ("invoice", 8, ("docx", "pdf")),
    ("deck", 6, ("pptx",)),
    ("addressbook", 4, ("csv", "json")),
    ("bundle", 4, ("zip",)),
    ("status", 9, ("docx", "txt", "pdf")),
    ("note", 8, ("eml",)),
    *documents_more.PLAN,
)


@dataclass
class Slice:
    seed: int
    part: str  # split.DEV, split.HELD_OUT, or "all"
    docs: list[Doc]
    files: dict[str, bytes]

    def truth(self) -> list[dict]:
        return [
            {"file": doc.name, **{k: v for k, v in asdict(p).items() if k != "parts"},
             "parts": sorted(p.parts)}
            for doc in self.docs
            for p in doc.planted
        ]  # fmt: skip


def build_slice(seed: int = SEED, scale: float = 1.0, part: str | None = DEV) -> Slice:
    """The documents of one part of the split (split.py; None: every item, one slice).
    `scale` < 1 builds fewer documents of each kind (for quick runs), never fewer than 1."""
    pools = Pools(random.Random(seed), part)
    docs: list[Doc] = []
    for kind, count, fmts in PLAN:
        for n in range(1, max(1, round(count * scale)) + 1):
            fmt = fmts[n % len(fmts)]
            if kind == "mail":
                docs.append(build_mail(pools, n))
            elif kind == "log":
                docs.append(build_log(pools, n))
            elif kind == "status":
                docs.append(build_status(pools, n, fmt))
            elif kind == "note":
                docs.append(build_note(pools, n))
            elif kind in dict.fromkeys(k for k, _c, _f in documents_more.PLAN):
                docs.append(documents_more.build(kind, pools, n, fmt))
            elif kind in ("minutes", "letter", "cv", "invoice"):
                docs.append(getattr(documents, f"build_{kind}")(pools, n, fmt))
            else:
                docs.append(getattr(documents, f"build_{kind}")(pools, n))
    prose = [i for i, p in enumerate(DOCS) if part is None or part_of("prose", p.name) == part]
    for i in prose if scale >= 1 else prose[: max(1, round(len(prose) * scale))]:
        docs.append(documents.build_prose(pools, i))
    if scale >= 1:
        docs += build_more(pools, part)  # code names where working files mention them
        docs += build_six(pools, part)  # and where codenames_more.py does not
    return Slice(seed, part or "all", docs, {doc.name: render(doc) for doc in docs})


def main(argv: list[str]) -> int:
    out = Path(argv[0] if argv else "independent-slice")
    sl = build_slice()  # the dev part only: the held-out part is not for looking at
    out.mkdir(parents=True, exist_ok=True)
    for name, data in sl.files.items():
        (out / name).write_bytes(data)
    (out / "truth.json").write_text(json.dumps(sl.truth(), ensure_ascii=False, indent=1))
    print(f"{len(sl.files)} files, {sum(len(x.planted) for x in sl.docs)} values -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
