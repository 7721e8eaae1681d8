"""The sentence for a file we do not read: one builder, the right article, the right kind.

`refused_binary` names what the first bytes are ("AIFF audio file", "Windows executable") with
a hint when there is a better way ("convert it to PNG and upload again"); puremagic names what
we do not know ourselves; `sentence` builds the one sentence a contractor sees.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from .magic import AVIF_BRANDS, HEIC_BRANDS, ftyp_brands

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Refused:
    what: str  # a noun phrase without its article: "AIFF audio file"
    hint: str = ""  # what to do instead: "convert it to PNG and upload again"


TO_PNG = "convert it to PNG and upload again"
TO_ZIP = "upload a .zip archive instead"

# (magic at offset 0, what it is, hint). Magic of two bytes or fewer is trusted only when the
# file does not look like text ("MZ Holdings annual report..." is text).
MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"MZ", "Windows executable", ""),
    (b"\x7fELF", "Linux executable", ""),
    (b"\xfe\xed\xfa\xce", "macOS executable", ""),
    (b"\xfe\xed\xfa\xcf", "macOS executable", ""),
    (b"\xce\xfa\xed\xfe", "macOS executable", ""),
    (b"\xcf\xfa\xed\xfe", "macOS executable", ""),
    (b"\xca\xfe\xba\xbe", "macOS or Java executable", ""),
    (b"\x00asm", "WebAssembly binary", ""),
    (b"\x1f\x8b", "gzip archive", TO_ZIP),
    (b"BZh", "bzip2 archive", TO_ZIP),
    (b"\xfd7zXZ\x00", "XZ archive", TO_ZIP),
    (b"\x28\xb5\x2f\xfd", "Zstandard archive", TO_ZIP),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive", TO_ZIP),
    (b"Rar!", "RAR archive", TO_ZIP),
    (b"!<arch>\n", "Unix archive", TO_ZIP),
    (b"SQLite format 3\x00", "SQLite database", ""),
    (b"%!PS", "PostScript file", "save it as PDF and upload again"),
    (b"8BPS", "Photoshop image", "export it as PNG and upload again"),
    (b"\x00\x00\x01\x00", "Windows icon", TO_PNG),
    (b"\x00\x00\x00\x0cjP  \r\n\x87\n", "JPEG 2000 image", TO_PNG),
    (b"\xff\x4f\xff\x51", "JPEG 2000 image", TO_PNG),
    (b"\xd7\xcd\xc6\x9a", "Windows metafile (WMF)", TO_PNG),
    (b"ID3", "MP3 audio file", ""),
    (b"\xff\xfb", "MP3 audio file", ""),
    (b"fLaC", "FLAC audio file", ""),
    (b"OggS", "Ogg audio or video file", ""),
    (b"MThd", "MIDI file", ""),
    (b"\x1aE\xdf\xa3", "Matroska or WebM video", ""),
    (b"wOFF", "web font (WOFF)", ""),
    (b"wOF2", "web font (WOFF2)", ""),
    (b"OTTO", "OpenType font", ""),
    (b"BM", "BMP image of a variant we cannot read", TO_PNG),  # the ones we read: `magic`
)
_CONTAINERS = {  # RIFF / IFF form types at offset 8
    b"WAVE": "WAV audio file",
    b"AVI ": "AVI video",
    b"AIFF": "AIFF audio file",
    b"AIFC": "AIFF audio file",
}


def refused_binary(data: bytes, looks_like_text: bool) -> Refused | None:
    """What these bytes are, when they are something we know and refuse."""
    for magic, what, hint in MAGIC:
        if data.startswith(magic) and not (len(magic) <= 2 and looks_like_text):
            return Refused(what, hint)
    if data[:4] in (b"RIFF", b"FORM") and data[8:12] in _CONTAINERS:
        return Refused(_CONTAINERS[data[8:12]])
    if data[40:44] == b" EMF":
        return Refused("Windows metafile (EMF)", TO_PNG)
    if len(data) > 257 + 5 and data[257:262] == b"ustar":
        return Refused("tar archive", TO_ZIP)
    brands = ftyp_brands(data)
    if brands and not brands & (HEIC_BRANDS | AVIF_BRANDS):  # those are pictures we read
        if brands & {"M4A ", "M4B ", "M4P "}:
            return Refused("MPEG-4 audio file")
        if "qt  " in brands:
            return Refused("QuickTime video")
        if any(b.startswith("3g") for b in brands):
            return Refused("3GP video")
        if brands & {"crx ", "CR3 "}:
            return Refused("Canon raw photo", TO_PNG)
        return Refused("MPEG-4 video")
    return None


_NOUNS = frozenset(
    "file archive image picture photo document video movie audio sound font database "
    "executable binary format data package library presentation spreadsheet workbook "
    "drawing model project message object container backup disk".split()
)


def named(name: str) -> Refused:
    """puremagic's name for a file type as a noun phrase ("AIFF" -> "AIFF file";
    "MPEG-1 audio file" stays as it is; doubled words collapse)."""
    phrase = re.sub(r"\s+", " ", name).strip().rstrip(".") or "unknown binary file"
    phrase = re.sub(r"\b(\w+)(?: \1\b)+", r"\1", phrase, flags=re.I)
    if phrase.split()[-1].lower() not in _NOUNS:
        phrase += " file"
    return Refused(phrase)


def describe_unknown(data: bytes) -> Refused:
    try:
        import puremagic

        matches = puremagic.magic_string(data[:8192])
        if matches and matches[0].name:
            return named(matches[0].name)
    except Exception:  # noqa: BLE001 - naming the file is best effort
        log.debug("puremagic could not name a binary", exc_info=True)
    return Refused("unknown binary file")


# Letters whose spoken name starts with a vowel sound ("an SVG image", "an MP3 file"), and
# acronyms said as words ("a JPEG", "a FLAC", but "an AIFF").
_VOWEL_LETTERS = frozenset("AEFHILMNORSX")
_SAID_AS_WORDS = frozenset(
    "JPEG RAR WAV GIF PNG FLAC TIFF HEIC WOFF MIDI ZIP AIFF AVIF DOS NASA".split()
)


def article(phrase: str) -> str:
    """ "a" or "an" for `phrase`, by how it is spoken."""
    word = re.split(r"[-/ (]", phrase.strip() + " ")[0]
    if not word:
        return "a"
    if word[0].isdigit():
        return "an" if word[0] == "8" or re.match(r"1[18](?!\d)", word) else "a"
    caps = re.match(r"[A-Z]{2,}|[A-Z](?=\d)", word)
    if caps and caps.group(0) not in _SAID_AS_WORDS:  # spelled out: "an SQLite", "a PDF"
        return "an" if word[0] in _VOWEL_LETTERS else "a"
    low = word.lower()
    if low.startswith(("uni", "use", "usa", "uti", "eu", "one")):
        return "a"
    if low.startswith(("hour", "honest", "heir")):
        return "an"
    return "an" if low[0] in "aeiou" else "a"


def with_article(phrase: str) -> str:
    return f"{article(phrase)} {phrase}"


def sentence(said: str, refused: Refused, expected: str | None = None) -> str:
    """ "“x.bin” looks like an AIFF audio file, which is not a supported file type." with
    `expected` (how the name's extension describes the file: "a Word document") as ", not
    ..." and the hint after a semicolon."""
    out = f"{said} looks like {with_article(refused.what)}"
    out += f", not {expected}" if expected else ", which is not a supported file type"
    return out + (f"; {refused.hint}." if refused.hint else ".")
