"""The code/data/markup slice and the slice of one file per format build,
and their ground truth is consistent.

Builds both slices (tests/corpus/kinds) so that they cannot rot, and checks what `make eval`'s
figures rest on: every input parses or opens with its own library; every must-survive token
is in its file and in no planted value; every planted value is where a reader reads it (OCR
included); the format slice covers every format the engine's registry reads; and the scorer
gives a perfect score to a scrubber that replaces exactly the planted values, and charges
every value to a scrubber that changes nothing. Engine quality is reported in
docs/quality.md, not asserted here: today's engine fails many of these files.
"""

from __future__ import annotations

import contextlib
import html
import io
import json
import re
import zipfile

import pytest

from tests.corpus.independent.score import _hay
from tests.corpus.independent.writer import PERSON
from tests.corpus.kinds.checks import check, opens
from tests.corpus.kinds.code_files import PAIR, SHA256, VERSION
from tests.corpus.kinds.plant import Case, occurrences
from tests.corpus.kinds.score import Outcome, score
from tests.corpus.kinds.slices import PICTURES, build_code_slice, build_format_slice, truth
from tests.corpus.kinds.views import read, source

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def code() -> list[Case]:
    return build_code_slice()


@pytest.fixture(scope="module")
def formats() -> list[Case]:
    return build_format_slice()


def ideal(case: Case) -> bytes:
    """The file with every planted value (in the forms the file writes it) replaced by a
    placeholder and nothing else touched: member order and compression kept, nested zips
    too."""
    values = sorted({p.value for p in case.doc.planted}, key=len, reverse=True)

    def fix(blob: bytes) -> bytes:
        if blob[:2] == b"PK":
            return rezip(blob)
        for v in values:
            xml_refs = html.escape(v, quote=False).encode("ascii", "xmlcharrefreplace").decode()
            forms = (v, html.escape(v, quote=False), html.escape(v), json.dumps(v)[1:-1], xml_refs)
            for form in forms:
                blob = blob.replace(form.encode(), b"[REDACTED]")
        return blob

    def rezip(data: bytes) -> bytes:
        buf = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(buf, "w") as zout:
            for info in zin.infolist():
                name = fix(info.filename.encode()).decode()
                zout.writestr(zipfile.ZipInfo(name, info.date_time), fix(zin.read(info)),
                              compress_type=info.compress_type)  # fmt: skip
        return buf.getvalue()

    return fix(case.data)


def test_code_slice_has_the_kinds_and_tokens_issue_20_names(code):
    assert {c.name.rsplit(".", 1)[1] for c in code} >= {
        "py", "js", "json", "yml", "toml", "csv", "xml", "html", "svg", "ipynb", "zip", "epub"
    }  # fmt: skip
    every = {t.text for c in code for t in c.survive}
    for must in (PAIR, VERSION, SHA256, "<!DOCTYPE html>", '<?xml version="1.0" encoding="UTF-8"?>',
                 "<?m2e ignore?>", "&amp;", "node_modules", ".github", "__init__.py",
                 "META-INF/MANIFEST.MF", "mimetype", "def", "const", "nonlocal"):  # fmt: skip
        assert must in every, must
    assert any(t.startswith('d="M ') for t in every)  # SVG path data


def test_every_code_file_parses_and_holds_its_tokens_and_values(code):
    for c in code:
        ok, detail = check(c.check, c.data, c.data)
        assert ok is not False, (c.name, detail)
        src = source(c.name, c.data)
        missing = [t.text for t in c.survive if not occurrences(t.text, src)]
        assert not missing, (c.name, missing)
        types = {p.type for p in c.doc.planted}
        assert PERSON in types and len(types) >= 2, (c.name, types)
        hay = _hay(read(c.name, c.data))
        assert all(hay.contains(p.value) for p in c.doc.planted), c.name


def test_no_token_is_part_of_a_planted_value(code):
    for c in code:
        for p in c.doc.planted:
            assert not [t.text for t in c.survive if occurrences(t.text, p.value)], (c.name, p)


def test_a_scrubber_that_replaces_only_the_planted_values_scores_perfect(code, formats):
    """Every planted value sits in a string or a comment, so the ideal output still parses,
    keeps every token and leaves nothing."""
    plain = [c for c in formats if c.kind in ("docx", "xlsx", "pptx", "text", "csv", "json",
                                               "html", "ipynb", "zip", "epub")]  # fmt: skip
    for c in [*code, *plain]:
        r = score(Outcome(c, "done", c.name, ideal(c), 0.0))
        assert not r.excluded, (c.name, r.excluded)
        assert not r.lost, (c.name, r.lost)
        assert not r.leaked, (c.name, [u.why for u in r.leaked])
        assert r.parses[0] is not False, (c.name, r.parses)


def test_a_scrubber_that_changes_nothing_leaks_every_value(code, formats):
    for c in [*code, *formats]:
        if c.kind in PICTURES or c.kind == "jpeg":
            continue  # OCR: test_pictures_are_read_by_ocr
        r = score(Outcome(c, "done", c.source_name or c.name, c.source or c.data, 0.0))
        assert r.units and len(r.leaked) == len(r.units), (c.name, [u.key for u in r.units])
        assert not r.lost


def test_format_slice_covers_every_format_the_engine_reads(formats):
    from scrubbing.engine.base import ScrubError
    from scrubbing.engine.registry import MODULES
    from scrubbing.engine.sniff import sniff

    kinds = set()
    for c in formats:
        with contextlib.suppress(ScrubError):  # tar today: the report shows the refusal
            kinds.add(sniff(c.name, c.data).kind)
    assert set(MODULES) <= kinds, sorted(set(MODULES) - kinds)
    names = {c.name for c in formats}
    assert {"bundle.tar", "bundle.tar.gz", "book.epub"} <= names


def test_every_format_file_opens_and_holds_its_values(formats):
    """Each input opens with its library (a converted file: the file it was made from, and
    the converted file carries every value too); every value is where a reader reads it."""
    from tests.builders.legacy import carried_text

    for c in formats:
        name, data = (c.source_name, c.source) if c.source else (c.name, c.data)
        ok, detail = opens(name, data, data)
        assert ok, (c.name, detail)
        if c.kind in PICTURES or c.kind == "jpeg":
            continue
        hay = _hay(read(name, data, ocr=False))
        assert all(hay.contains(p.value) for p in c.doc.planted), c.name
        if c.kind in ("odt", "ods", "odp"):  # the OpenDocument file itself, as XML
            converted = _hay(read(c.name, c.data, ocr=False))
            assert all(converted.contains(p.value) for p in c.doc.planted), c.name
        elif c.kind in ("doc", "xls", "ppt", "rtf"):  # its OLE2 streams or RTF characters
            carried = rtf_text(c.data) if c.kind == "rtf" else carried_text(c.data)
            lost = [p.value for p in c.doc.planted if p.value not in carried]
            assert not lost, (c.name, lost)


def rtf_text(data: bytes) -> str:
    """The characters of an RTF file, destinations (header, info, annotations) included."""
    s = data.decode("ascii", "replace")
    s = re.sub(r"\\u(-?\d+) ?(?:\\'[0-9a-fA-F]{2}|\?){0,2}", lambda m: chr(int(m[1]) % 65536), s)
    s = re.sub(
        r"\\'([0-9a-fA-F]{2})", lambda m: bytes([int(m[1], 16)]).decode("cp1252", "replace"), s
    )
    s = re.sub(r"\\[a-zA-Z]+-?\d* ?", "", s)
    return re.sub(r"[{}\r\n]", "", s)


def test_pictures_are_read_by_ocr(formats):
    """Every value drawn in a picture is read back by tesseract from the input, so none is
    excluded from the figures; the PNG and JPEG also carry one in their metadata."""
    pictures = [c for c in formats if c.kind in PICTURES or c.kind == "jpeg"]
    assert len(pictures) == len(PICTURES)
    for c in pictures:
        r = score(Outcome(c, "done", c.name, c.data, 0.0))
        assert not r.excluded, (c.name, [p.value for p in r.excluded])
        assert len(r.leaked) == len(r.units)


def test_generation_is_deterministic(code):
    again = build_code_slice()
    assert truth(again) == truth(code)
    assert [c.data for c in again] == [c.data for c in code]
