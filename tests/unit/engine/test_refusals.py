"""Refusal sentences: one builder for every refused kind, the right article, the right kind,
no doubled words, a hint where there is a better way."""

from __future__ import annotations

import re

import pytest

from scrubbing.engine.base import UnsupportedFile
from scrubbing.engine.refusals import MAGIC, Refused, article, named, refused_binary, sentence
from scrubbing.engine.sniff import DESCRIPTIONS, sniff

PAD = bytes(range(1, 32)) * 40  # binary, so short magic is trusted


def ftyp(*brands: str) -> bytes:
    body = b"".join(b.encode() for b in brands)
    return (
        (16 + len(body) - 4).to_bytes(4, "big")
        + b"ftyp"
        + body[:4]
        + b"\x00\x00\x00\x00"
        + body[4:]
    )


# every refused kind: its bytes, and the phrase (with its article) the sentence must use
REFUSED = [
    (b"MZ\x90\x00" + PAD, "a Windows executable"),
    (b"\x7fELF\x02\x01" + PAD, "a Linux executable"),
    (b"\xcf\xfa\xed\xfe" + PAD, "a macOS executable"),
    (b"\xca\xfe\xba\xbe" + PAD, "a macOS or Java executable"),
    (b"\x00asm\x01\x00\x00\x00" + PAD, "a WebAssembly binary"),
    (b"\x1f\x8b\x08\x00" + PAD, "a gzip file that is not a tar archive"),
    (b"BZh91AY&SY" + PAD, "a bzip2 archive"),
    (b"\xfd7zXZ\x00" + PAD, "an XZ archive"),
    (b"\x28\xb5\x2f\xfd" + PAD, "a Zstandard archive"),
    (b"7z\xbc\xaf\x27\x1c" + PAD, "a 7-Zip archive"),
    (b"Rar!\x1a\x07\x00" + PAD, "a RAR archive"),
    (b"!<arch>\n" + PAD, "a Unix archive"),
    (b"SQLite format 3\x00" + PAD, "an SQLite database"),
    (b"%!PS-Adobe-3.0\n" + PAD, "a PostScript file"),
    (b"8BPS\x00\x01" + PAD, "a Photoshop image"),
    (b"\x00\x00\x01\x00\x01\x00" + PAD, "a Windows icon"),
    (b"\x00\x00\x00\x0cjP  \r\n\x87\n" + PAD, "a JPEG 2000 image"),
    (b"\xff\x4f\xff\x51" + PAD, "a JPEG 2000 image"),
    (b"\xd7\xcd\xc6\x9a" + PAD, "a Windows metafile (WMF)"),
    (b"\x01\x00\x00\x00" + b"\x00" * 36 + b" EMF" + PAD, "a Windows metafile (EMF)"),
    (b"ID3\x03\x00" + PAD, "an MP3 audio file"),
    (b"\xff\xfb\x90\x00" + PAD, "an MP3 audio file"),
    (b"fLaC\x00\x00" + PAD, "a FLAC audio file"),
    (b"OggS\x00\x02" + PAD, "an Ogg audio or video file"),
    (b"MThd\x00\x00\x00\x06" + PAD, "a MIDI file"),
    (b"\x1aE\xdf\xa3" + PAD, "a Matroska or WebM video"),
    (b"wOFF\x00\x01" + PAD, "a web font (WOFF)"),
    (b"wOF2\x00\x01" + PAD, "a web font (WOFF2)"),
    (b"OTTO\x00\x0a" + PAD, "an OpenType font"),
    (b"RIFF\x00\x00\x00\x00WAVEfmt " + PAD, "a WAV audio file"),
    (b"RIFF\x00\x00\x00\x00AVI LIST" + PAD, "an AVI video"),
    (b"FORM\x00\x00\x00\x00AIFFCOMM" + PAD, "an AIFF audio file"),
    (ftyp("M4A ", "isom") + PAD, "an MPEG-4 audio file"),
    (ftyp("qt  ") + PAD, "a QuickTime video"),
    (ftyp("3gp4", "isom") + PAD, "a 3GP video"),
    (ftyp("crx ", "isom") + PAD, "a Canon raw photo"),
    (ftyp("isom", "mp41", "avc1") + PAD, "an MPEG-4 video"),
    (
        b"BM" + b"\x00" * 12 + (7).to_bytes(4, "little") + PAD,
        "a BMP image of a variant we cannot read",
    ),
]
HINTS = {
    "archive": "upload a .zip archive instead",
    "PostScript": "save it as PDF and upload again",
    "Photoshop": "export it as PNG and upload again",
    "icon": "convert it to PNG and upload again",
    "JPEG 2000": "convert it to PNG and upload again",
    "metafile": "convert it to PNG and upload again",
    "raw photo": "convert it to PNG and upload again",
    "BMP": "convert it to PNG and upload again",
}
_DOUBLED = re.compile(r"\b(\w+) \1\b", re.I)


def test_the_table_covers_every_magic_entry():
    phrases = {phrase.split(" ", 1)[1] for _data, phrase in REFUSED}
    assert {what for _magic, what, _hint in MAGIC} <= phrases


@pytest.mark.parametrize(("data", "phrase"), REFUSED, ids=[p for _d, p in REFUSED])
@pytest.mark.parametrize(
    ("name", "tail"),
    [
        ("upload.bin", ", which is not a supported file type"),
        ("report.docx", ", not a Word document"),
        ("notes.txt", ", not a text file"),
        ("photo.heic", ", not a HEIC image"),
    ],
)
def test_every_refused_kind_reads_correctly(data, phrase, name, tail):
    with pytest.raises(UnsupportedFile) as exc:
        sniff(name, data)
    msg = str(exc.value)
    hint = next((h for key, h in HINTS.items() if key in phrase), "")
    assert msg == f"\u201c{name}\u201d looks like {phrase}{tail}" + (f"; {hint}." if hint else ".")
    assert not _DOUBLED.search(msg), msg


def test_heic_avif_and_bmp_are_pictures_not_refusals():
    heic, avif = ftyp("heic", "mif1", "heic") + PAD, ftyp("avif", "mif1", "miaf") + PAD
    assert refused_binary(heic, False) is None and refused_binary(avif, False) is None
    assert sniff("IMG_1.HEIC", heic).kind == "heic"
    assert sniff("IMG_1.avif", avif).kind == "avif"
    bmp = b"BM" + (70).to_bytes(4, "little") + b"\x00" * 8 + (40).to_bytes(4, "little") + PAD
    assert sniff("scan.bmp", bmp).kind == "bmp"


@pytest.mark.parametrize(
    ("puremagic_name", "phrase"),
    [
        ("Audio Interchange File Format", "an Audio Interchange File Format"),
        ("MPEG-1 Audio Layer 3 audio file file", "an MPEG-1 Audio Layer 3 audio file"),
        ("AIFF", "an AIFF file"),
        ("Unix compressed", "a Unix compressed file"),
        ("HTML document", "an HTML document"),
        ("Extensible Markup Language", "an Extensible Markup Language file"),
        ("", "an unknown binary file"),
    ],
)
def test_names_from_puremagic_get_an_article_and_no_doubled_word(puremagic_name, phrase):
    said = sentence("\u201cx\u201d", named(puremagic_name))
    assert said == f"\u201cx\u201d looks like {phrase}, which is not a supported file type."


def test_other_ole2_files_and_opendocument_drawings_say_what_is_supported():
    from tests.builders.mail import ole_file

    with pytest.raises(UnsupportedFile, match="Word, Excel and PowerPoint 97-2003 files"):
        sniff("plan.vsd", ole_file({"VisioDocument": b"\x00" * 600}))


@pytest.mark.parametrize("kind", sorted(DESCRIPTIONS))
def test_every_kind_description_has_the_right_article(kind):
    first, rest = DESCRIPTIONS[kind].split(" ", 1)
    assert first == article(rest), DESCRIPTIONS[kind]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("MPEG-4 video", "an"),
        ("SVG image", "an"),
        ("HTML page", "an"),
        ("RTF document", "an"),
        ("Excel workbook", "an"),
        ("Outlook message", "an"),
        ("OpenDocument text", "an"),
        ("e-mail message", "an"),
        ("PDF", "a"),
        ("PNG image", "a"),
        ("JPEG image", "a"),
        ("GIF image", "a"),
        ("HEIC image", "a"),
        ("AVIF image", "an"),
        ("Unix archive", "a"),
        ("unknown binary file", "an"),
        ("8-bit sample", "an"),
        ("7-Zip archive", "a"),
        ("Netpbm image", "a"),
    ],
)
def test_article(phrase, expected):
    assert article(phrase) == expected
    assert Refused(phrase).what == phrase
