"""The texts the engine's detector reads on the project's corpora, for checks that a speed-up
changes no detection (tests/bench/check_same.py).

    from corpus_texts import corpus_texts
    texts = corpus_texts()            # deterministic; nothing is read from disk

Every segment (as the engine's own readers list it) of: the generated corpus (tests/corpus/
generator.py, all tasks, every kind but the OCR'd picture), the independent slice's dev part
(the held-out part is not for looking at), the code and format slices (tests/corpus/kinds,
pictures left out), bench_engine's prose document and ledger, the contact sheets of the
verification rounds, and the adversarial strings of the linear-time tests (cut to 20,000
characters). Distinct texts only, in a fixed order.
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Iterable

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
for p in (ROOT, os.path.join(ROOT, "tests", "bench")):
    if p not in sys.path:
        sys.path.insert(0, p)

_PICTURES = (".png", ".jpg", ".jpeg", ".gif", ".tiff", ".webp", ".heic", ".avif", ".bmp", ".ppm")


def corpus_files() -> Iterable[tuple[str, bytes]]:
    """(name, bytes) of every file of the corpora above."""
    from bench_engine import make_document, make_xlsx

    from tests.builders.verify import contacts_csv, contacts_xlsx
    from tests.corpus.generator import FILE_KINDS, generate
    from tests.corpus.independent.build import build_slice
    from tests.corpus.kinds.slices import build_code_slice, build_format_slice

    corpus = generate(kinds=tuple(k for k in FILE_KINDS if k != "image"))
    yield from corpus.files.items()
    yield from build_slice().files.items()
    for case in [*build_code_slice(), *build_format_slice()]:
        if not case.name.lower().endswith(_PICTURES):
            yield case.name, case.data
    yield "prose.txt", ("\n\n".join(make_document(20_000)) + "\n").encode()
    yield "ledger.xlsx", make_xlsx(20_000)
    yield "contacts.csv", contacts_csv(300)[0]
    yield "contacts.xlsx", contacts_xlsx(300)[0]


def _adversarial() -> list[str]:
    from tests.builders.adversarial import ADVERSARIAL

    return [make(20_000) for make in ADVERSARIAL.values()]


def corpus_texts() -> list[str]:
    """Every distinct segment text of the corpora above (the documents' order)."""
    from scrubbing.engine.base import DEFAULT_LIMITS, ScrubError
    from scrubbing.engine.sniff import sniff

    warnings.simplefilter("ignore")
    texts: dict[str, None] = {}
    for name, data in corpus_files():
        try:
            doc = sniff(os.path.basename(name), data, DEFAULT_LIMITS).open(data, DEFAULT_LIMITS)
        except ScrubError:
            continue
        texts.update((s.text, None) for s in doc.segments if s.text.strip())
    texts.update((t, None) for t in _adversarial())
    return list(texts)


if __name__ == "__main__":
    ts = corpus_texts()
    print(f"{len(ts)} texts, {sum(map(len, ts)):,} characters")
