"""A slice of the ground-truth corpus (tests/corpus) through the upload code path.

Two tasks (en_US and en_GB occupations), every file type the corpus has (.docx .xlsx .pptx .pdf
.csv .md .env .zip and an image), values in every location the engine claims to reach. Fails
on ANY structured leak (e-mail, phone, ID numbers, cards, IBAN, IP, keys) found in an output's
raw bytes, on any deny-listed term left, on any metadata leak, and on an output that does not
open. Person-name recall and over-redaction are measured by `make eval` (docs/quality.md), not
asserted here. No timing assertions.
"""

from __future__ import annotations

import pytest

from tests.corpus.evaluate import (
    IMAGE_EXT,
    SM_MODEL,
    _alnum,
    _ocr,
    run_ours,
    score,
)
from tests.corpus.generator import DENY_TYPES, METADATA_LOCATIONS, STRUCTURED, generate

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def scored():
    import logging
    import warnings

    warnings.simplefilter("ignore")
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    corpus = generate(tasks=2)
    input_ocr = {
        k: _alnum(_ocr(v)) for k, v in corpus.files.items() if k.lower().endswith(IMAGE_EXT)
    }
    files, seconds = run_ours(corpus, SM_MODEL)
    return score("ours-sm", corpus, files, seconds, input_ocr)


def _fmt(leaks: list[dict]) -> str:
    return "\n".join(
        f"  {x['task']}/{x['file']} [{x['location']}] {x['type']}: {x['value']!r}" for x in leaks
    )


def test_no_structured_leaks(scored):
    leaks = [x for x in scored.leaks if x["type"] in STRUCTURED]
    assert not leaks, f"{len(leaks)} structured value(s) left in the outputs:\n{_fmt(leaks)}"


def test_no_deny_listed_terms_left(scored):
    leaks = [x for x in scored.leaks if x["type"] in DENY_TYPES]
    assert not leaks, f"{len(leaks)} deny-listed term(s) left in the outputs:\n{_fmt(leaks)}"


def test_no_metadata_leaks(scored):
    leaks = [x for x in scored.leaks if x["location"] in METADATA_LOCATIONS]
    assert not leaks, f"{len(leaks)} metadata value(s) left in the outputs:\n{_fmt(leaks)}"


def test_every_output_opens(scored):
    bad = [
        f"{f.task}/{f.name}: {f.status} {f.error or ''} {f.open_error}"
        for f in scored.files
        if not f.opens
    ]
    assert not bad, "outputs that do not open:\n" + "\n".join(bad)
