"""formats/text.py: decode, segment, render back byte-for-byte in the same encoding."""

from __future__ import annotations

import pytest

from scrubbing.engine.base import Edit
from scrubbing.engine.formats.text import MAX_LINE_CHARS, decode, open_document

SAMPLE = "Hello Jane Doe,\nsecond line\n\nNew paragraph here.\n"


@pytest.mark.parametrize(
    "data",
    [
        SAMPLE.encode("utf-8"),
        b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"),
        SAMPLE.encode("utf-16"),  # with BOM
        SAMPLE.replace("\n", "\r\n").encode("utf-8"),
        "Caf\u00e9 M\u00fcller \u2013 \u20ac5\n".encode("cp1252"),
    ],
)
def test_round_trip_without_edits_is_identical(data):
    doc = open_document(data)
    out, report = doc.render({})
    assert out == data
    assert report.metadata_removed == []


def test_decode_fallbacks():
    assert decode(b"\xef\xbb\xbfhi") == ("hi", "utf-8", b"\xef\xbb\xbf")
    assert decode("x\u00e9".encode("cp1252"))[1] == "cp1252"
    assert decode("hi".encode("utf-16-le").join([b"\xff\xfe", b""]))[1] == "utf-16-le"


def test_segments_are_blocks_with_locators():
    doc = open_document(SAMPLE.encode())
    assert [s.text for s in doc.segments] == ["Hello Jane Doe,\nsecond line", "New paragraph here."]
    assert [s.locator for s in doc.segments] == ["lines 1-2", "line 4"]
    assert all(s.kind == "body" for s in doc.segments)


def test_edit_keeps_crlf_and_encoding():
    data = "Dear M\u00fcller,\r\nthanks\r\n".encode("cp1252")
    doc = open_document(data)
    seg = doc.segments[0]
    start = seg.text.index("M\u00fcller")
    out, _ = doc.render({0: [Edit(start, start + 6, "[PERSON_1]")]})
    assert out == b"Dear [PERSON_1],\r\nthanks\r\n"


def test_utf16_edit_keeps_bom():
    data = "Call Jane\n".encode("utf-16")
    doc = open_document(data)
    out, _ = doc.render({0: [Edit(5, 9, "[PERSON_1]")]})
    assert out.startswith(b"\xff\xfe") or out.startswith(b"\xfe\xff")
    assert out.decode("utf-16") == "Call [PERSON_1]\n"


def test_pem_block_is_never_split():
    body = "\n".join("A" * 64 for _ in range(60))
    text = f"key:\n-----BEGIN RSA PRIVATE KEY-----\n{body}\n-----END RSA PRIVATE KEY-----\nafter\n"
    doc = open_document(text.encode())
    pem = [s for s in doc.segments if "BEGIN RSA" in s.text]
    assert len(pem) == 1 and "END RSA PRIVATE KEY" in pem[0].text


def test_long_blocks_are_capped():
    text = "".join(f"row {i}, value\n" for i in range(100))
    doc = open_document(text.encode())
    assert len(doc.segments) == 3  # 40 + 40 + 20 lines


def test_long_line_split_at_separators():
    line = ",".join(f"item{i}" for i in range(4000))
    doc = open_document(line.encode())
    assert len(doc.segments) > 1
    assert all(len(s.text) <= MAX_LINE_CHARS for s in doc.segments)
    assert "".join(s.text for s in doc.segments) == line
    assert doc.segments[0].locator == "line 1 (part 1)"


def test_overlapping_edits_rejected():
    doc = open_document(b"abcdef\n")
    with pytest.raises(ValueError):
        doc.render({0: [Edit(0, 3, "x"), Edit(2, 4, "y")]})


def test_edit_outside_segment_rejected():
    doc = open_document(b"abc\n\ndef\n")
    with pytest.raises(ValueError):
        doc.render({0: [Edit(0, 10, "x")]})
