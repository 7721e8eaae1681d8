"""What a file really is, from its bytes. Fast, and never loads spaCy/Presidio.

The upload form calls `sniff` on every file, so this module imports only the standard
library, the registry and small helpers: olefile and msoffcrypto for OLE2 files (Outlook or
legacy Office, and whether a .doc/.xls/.ppt is password-protected), puremagic for naming
unknown binaries in refusals (`refusals`), and `magic` for pictures and markup.
"""

from __future__ import annotations

import bz2
import io
import lzma
import os
import re
import zipfile
import zlib

from . import ole2
from .base import (
    DEFAULT_LIMITS,
    CorruptFile,
    EmptyFile,
    EncryptedFile,
    FormatInfo,
    LimitExceeded,
    Limits,
    UnsupportedFile,
)
from .formats.code import language_for
from .kinds import DESCRIPTIONS, EXPECTED, FAMILY, KINDS, TEXT_EXTENSIONS
from .magic import markup_kind, picture_kind, png_or_jpeg
from .refusals import Refused, describe_unknown, refused_binary, sentence
from .registry import opener

# Text kinds a text extension keeps as text (a mail or a page saved as .txt is scrubbed as the
# text it is), and kinds an extension asks for when the bytes are plain text.
_AS_TEXT = frozenset({"eml", "mbox", "html", "ipynb"})
_FROM_TEXT = frozenset({"html", "ipynb"})


def _say(name: str) -> str:
    """How a file is named in messages: its base name only, never a path."""
    base = os.path.basename(name.replace("\\", "/")) or "This file"
    return f"\u201c{base}\u201d"


def _ext(name: str) -> str:
    base = os.path.basename(name.replace("\\", "/")).lower()
    if base.startswith(".") and base.count(".") == 1:
        return base  # ".env", ".gitignore"
    return os.path.splitext(base)[1]


def _zip_kind(name: str, data: bytes, limits: Limits) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if len(infos) > limits.max_members:
                raise LimitExceeded(f"{_say(name)} contains more than {limits.max_members} files.")
            names = {i.filename for i in infos}
            if any(i.flag_bits & 0x1 for i in infos):
                raise EncryptedFile(
                    f"{_say(name)} is password-protected; remove the password and upload again."
                )
            if "[Content_Types].xml" in names:
                if "word/document.xml" in names:
                    return "docx"
                if "xl/workbook.xml" in names:
                    return "xlsx"
                if "ppt/presentation.xml" in names:
                    return "pptx"
                main = _main_part(zf)
                for prefix, kind in (("word/", "docx"), ("xl/", "xlsx"), ("ppt/", "pptx")):
                    if main.startswith(prefix):
                        return kind
                raise UnsupportedFile(
                    f"{_say(name)} is an Office package of a kind that is not supported "
                    "(Word, Excel and PowerPoint files are)."
                )
            if "mimetype" in names:
                try:
                    mt = zf.read("mimetype")[:100]
                except (KeyError, zipfile.BadZipFile, RuntimeError):
                    mt = b""
                if mt.strip() == b"application/epub+zip":
                    return "epub"
                return _odf_kind(name, zf) or "zip"
            return "zip"
    except zipfile.BadZipFile:
        raise CorruptFile(
            f"{_say(name)} is damaged: it is not a readable ZIP or Office file."
        ) from None
    except (NotImplementedError, RuntimeError) as exc:
        raise CorruptFile(f"{_say(name)} could not be read as a ZIP file.") from exc


_ODF = {
    "text": "odt",
    "text-template": "odt",
    "spreadsheet": "ods",
    "spreadsheet-template": "ods",
    "presentation": "odp",
    "presentation-template": "odp",
}


def _odf_kind(name: str, zf: zipfile.ZipFile) -> str | None:
    """odt/ods/odp for an OpenDocument package (None: not one); raises for an encrypted one
    or another OpenDocument kind (drawings, formulas, databases)."""
    try:
        mt = zf.read("mimetype")[:100].strip().decode("ascii", "replace")
    except (KeyError, zipfile.BadZipFile, RuntimeError, NotImplementedError):
        return None
    prefix = "application/vnd.oasis.opendocument."
    if not mt.startswith(prefix):
        return None
    kind = _ODF.get(mt[len(prefix) :])
    if kind is None:
        raise UnsupportedFile(
            f"{_say(name)} is an OpenDocument file of a kind that is not supported (text "
            "documents, spreadsheets and presentations are)."
        )
    try:
        info = zf.getinfo("META-INF/manifest.xml")
        manifest = zf.read(info)[:2_000_000] if info.file_size <= 2_000_000 else b""
    except (KeyError, zipfile.BadZipFile, RuntimeError, NotImplementedError):
        manifest = b""
    if b"encryption-data" in manifest:
        raise EncryptedFile(
            f"{_say(name)} is password-protected; remove the password and upload again."
        )
    return kind


def _main_part(zf: zipfile.ZipFile) -> str:
    try:
        rels = zf.read("_rels/.rels")[:200_000].decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile, RuntimeError):
        return ""
    m = re.search(r'Type="[^"]*/officeDocument"[^>]*Target="/?([^"]+)"', rels) or re.search(
        r'Target="/?([^"]+)"[^>]*Type="[^"]*/officeDocument"', rels
    )
    return m.group(1) if m else ""


_TAR_MAGIC = (b"ustar\x0000", b"ustar  \x00")  # POSIX (pax too) and GNU tar
_TAR_HEAD = 1024


def tar_compression(data: bytes) -> str | None:
    """The compression of a tar: "" (none), "gz", "bz2" or "xz"; None: not a tar.

    Decompresses only the first header block (bounded), so bombs cost nothing here."""
    try:
        if data.startswith(b"\x1f\x8b"):
            kind, head = "gz", zlib.decompressobj(31).decompress(data[:65536], _TAR_HEAD)
        elif data.startswith(b"BZh"):
            kind, head = "bz2", bz2.BZ2Decompressor().decompress(data[: 1 << 20], _TAR_HEAD)
        elif data.startswith(b"\xfd7zXZ\x00"):
            kind, head = "xz", lzma.LZMADecompressor().decompress(data[: 1 << 20], _TAR_HEAD)
        else:
            kind, head = "", data[:_TAR_HEAD]
    except (zlib.error, OSError, lzma.LZMAError, EOFError, ValueError):
        return None
    return kind if head[257:265] in _TAR_MAGIC else None


_PDF_ENCRYPT = re.compile(rb"/Encrypt\s*(?:\d+\s+\d+\s+R|<<)")


def _looks_like_text(data: bytes) -> bool:
    head = data[:65536]
    if head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
        return True
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 4:
            return True  # a multi-byte character cut by the 64 KiB window
    # Legacy 8-bit text (cp1252/latin-1): mostly printable, few control bytes.
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return ctrl <= len(head) * 0.01


def detect_kind(name: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> str:
    """The kind from the bytes alone (raises ScrubError for what we refuse)."""
    if data.startswith(ole2.MAGIC):
        return ole2.kind(_say(name), data)
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return _zip_kind(name, data, limits)
    if b"%PDF-" in data[:1024]:
        if b"/Encrypt" in data and _PDF_ENCRYPT.search(data):
            # the PDF reader's own rule (an empty user password opens): loaded only here
            from .formats.pdf.reading import NEEDS_PASSWORD, needs_password

            if needs_password(data):
                raise EncryptedFile(f"{_say(name)} {NEEDS_PASSWORD}")
        return "pdf"
    picture = png_or_jpeg(data) or picture_kind(data)
    if picture is not None:
        return picture
    if tar_compression(data) is not None:
        return "tar"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    text = _looks_like_text(data)
    refused = refused_binary(data, text)
    if refused is not None:
        raise UnsupportedFile(_not_supported(name, refused))
    if text:
        return markup_kind(data) or _mail_kind(data) or "text"
    raise UnsupportedFile(_not_supported(name, describe_unknown(data)))


_HEADER_LINE = re.compile(rb"([!-9;-~]+):")  # a field name: printable ASCII except ":"
_MAIL_FIELDS = frozenset(
    b"from to cc bcc subject date message-id mime-version received return-path reply-to "
    b"sender delivered-to content-type in-reply-to references x-mailer user-agent "
    b"dkim-signature thread-topic thread-index x-originating-ip authentication-results "
    b"arc-seal x-received".split()
)
_ENVELOPE_FIELDS = frozenset(
    b"from received return-path message-id mime-version delivered-to x-received".split()
)


def _mail_kind(data: bytes) -> str | None:
    """The mail kind of a text: "eml" when it opens with an RFC 5322 header block naming
    mail fields, "mbox" when that block follows an mbox "From " line; else None."""
    lines = data[:65536].split(b"\n")
    kind, first = ("mbox", 1) if lines[0].startswith(b"From ") else ("eml", 0)
    names: set[bytes] = set()
    for line in lines[first:]:
        line = line.rstrip(b"\r")
        if not line:
            break
        if line[:1] in (b" ", b"\t") and names:
            continue  # a folded continuation line
        m = _HEADER_LINE.match(line)
        if not m:
            return None
        names.add(m.group(1).lower())
    if len(names & _MAIL_FIELDS) >= 2 and names & _ENVELOPE_FIELDS:
        return kind
    return None


def _not_supported(name: str, refused: Refused) -> str:
    expected = EXPECTED.get(_ext(name))
    if expected:
        return sentence(_say(name), refused, DESCRIPTIONS[expected])
    if _ext(name) in TEXT_EXTENSIONS:
        return sentence(_say(name), refused, "a text file")
    return sentence(_say(name), refused)


def _compatible(expected: str, kind: str) -> bool:
    family = FAMILY.get(expected)
    if expected == kind or (family is not None and family == FAMILY.get(kind)):
        return True
    return family == "mail" and kind == "text"  # an .eml without a header block: read as text


def sniff(name: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> FormatInfo:
    """Identify `data`; refuse empty, oversized, encrypted, legacy, executable or mismatched."""
    if not data:
        raise EmptyFile(f"{_say(name)} is empty.")
    if len(data) > limits.max_file_bytes:
        mb = limits.max_file_bytes / (1024 * 1024)
        raise LimitExceeded(f"{_say(name)} is larger than the {mb:g} MB limit.")
    kind = detect_kind(name, data, limits)
    ext = _ext(name)
    expected = EXPECTED.get(ext) or ("text" if ext in TEXT_EXTENSIONS else None)
    if expected == "text" and kind in _AS_TEXT:
        kind = "text"  # a mail saved as .txt/.md is scrubbed as the text it is, kept as text
    elif expected in _FROM_TEXT and kind == "text":
        kind = expected  # an .html fragment, a notebook: their reader decides
    if expected and not _compatible(expected, kind):
        raise UnsupportedFile(
            f"{_say(name)} is named like {DESCRIPTIONS[expected]} ({ext}) but is "
            f"{DESCRIPTIONS[kind]}; rename it to {KINDS[kind][0]} or upload the right file."
        )
    extension, content_type = KINDS[kind]
    if (kind == "text" and ext in TEXT_EXTENSIONS) or (kind == "html" and ext == ".htm"):
        extension = ext  # keep .md/.py/.csv: the text module writes the same kind of file back
    language = language_for(name) if kind == "text" else None
    return FormatInfo(
        kind=kind,
        extension=extension,
        content_type=content_type,
        open=opener(kind, language=language) if language else opener(kind),
    )
