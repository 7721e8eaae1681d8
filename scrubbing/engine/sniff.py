"""What a file really is, from its bytes. Fast, and never loads spaCy/Presidio.

The upload form calls `sniff` on every file, so this module imports only the standard
library, puremagic (for naming unknown binaries in error messages) and the registry.
"""

from __future__ import annotations

import io
import logging
import os
import re
import zipfile

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
from .registry import opener

log = logging.getLogger(__name__)

KINDS: dict[str, tuple[str, str]] = {
    "docx": (".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": (".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pptx": (".pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    "pdf": (".pdf", "application/pdf"),
    "png": (".png", "image/png"),
    "jpeg": (".jpg", "image/jpeg"),
    "text": (".txt", "text/plain"),
    "zip": (".zip", "application/zip"),
    "eml": (".eml", "message/rfc822"),
    "mbox": (".mbox", "application/mbox"),
    "msg": (".msg", "application/vnd.ms-outlook"),
}

DESCRIPTIONS = {
    "docx": "a Word document",
    "xlsx": "an Excel workbook",
    "pptx": "a PowerPoint presentation",
    "pdf": "a PDF",
    "png": "a PNG image",
    "jpeg": "a JPEG image",
    "text": "a text file",
    "zip": "a ZIP archive",
    "eml": "an e-mail message",
    "mbox": "a mailbox (mbox)",
    "msg": "an Outlook message",
}

# Extension -> the kind a person who named the file expects.
EXPECTED: dict[str, str] = {
    ".docx": "docx",
    ".docm": "docx",
    ".dotx": "docx",
    ".dotm": "docx",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".xltx": "xlsx",
    ".xltm": "xlsx",
    ".pptx": "pptx",
    ".pptm": "pptx",
    ".potx": "pptx",
    ".potm": "pptx",
    ".ppsx": "pptx",
    ".ppsm": "pptx",
    ".pdf": "pdf",
    ".png": "png",
    ".jpg": "jpeg",
    ".jpeg": "jpeg",
    ".jpe": "jpeg",
    ".zip": "zip",
    ".eml": "eml",
    ".mbox": "mbox",
    ".msg": "msg",
}
TEXT_EXTENSIONS = frozenset(
    [
        ".txt",
        ".text",
        ".md",
        ".markdown",
        ".rst",
        ".csv",
        ".tsv",
        ".json",
        ".jsonl",
        ".ndjson",
        ".yaml",
        ".yml",
        ".toml",
        ".ini",
        ".cfg",
        ".conf",
        ".config",
        ".env",
        ".properties",
        ".xml",
        ".html",
        ".htm",
        ".css",
        ".scss",
        ".js",
        ".mjs",
        ".cjs",
        ".ts",
        ".tsx",
        ".jsx",
        ".py",
        ".pyi",
        ".ipynb",
        ".rb",
        ".go",
        ".rs",
        ".java",
        ".kt",
        ".kts",
        ".scala",
        ".c",
        ".h",
        ".cc",
        ".cpp",
        ".hpp",
        ".cs",
        ".fs",
        ".vb",
        ".php",
        ".pl",
        ".pm",
        ".r",
        ".jl",
        ".lua",
        ".swift",
        ".m",
        ".mm",
        ".sh",
        ".bash",
        ".zsh",
        ".fish",
        ".ps1",
        ".psm1",
        ".bat",
        ".cmd",
        ".sql",
        ".graphql",
        ".proto",
        ".tf",
        ".tfvars",
        ".hcl",
        ".dockerfile",
        ".makefile",
        ".mk",
        ".gradle",
        ".sbt",
        ".log",
        ".tex",
        ".bib",
        ".srt",
        ".vtt",
        ".gitignore",
        ".gitattributes",
        ".editorconfig",
        ".lock",
        ".svg",
        ".vue",
        ".svelte",
        ".dart",
        ".ex",
        ".exs",
        ".erl",
        ".hs",
        ".ml",
        ".clj",
        ".groovy",
        ".nix",
        ".cmake",
        ".diff",
        ".patch",
        ".ics",
        ".vcf",
    ]
)
# Families where a mismatch is harmless: the content decides the output type.
_FAMILY = {
    "png": "image",
    "jpeg": "image",
    "text": "text",
    "eml": "mail",
    "mbox": "mail",
    "msg": "mail",
}

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_EXECUTABLES = (
    (b"MZ", "a Windows executable"),
    (b"\x7fELF", "a Linux executable"),
    (b"\xfe\xed\xfa\xce", "a macOS executable"),
    (b"\xfe\xed\xfa\xcf", "a macOS executable"),
    (b"\xce\xfa\xed\xfe", "a macOS executable"),
    (b"\xcf\xfa\xed\xfe", "a macOS executable"),
    (b"\xca\xfe\xba\xbe", "a macOS or Java executable"),
    (b"\x00asm", "a WebAssembly binary"),
    (b"#!/", None),  # scripts are text: decided by the text check below
)
_OTHER = (
    (b"GIF8", "a GIF image (convert it to PNG)"),
    (b"BM", None),  # too short to trust alone; puremagic decides
    (b"II*\x00", "a TIFF image (convert it to PNG)"),
    (b"MM\x00*", "a TIFF image (convert it to PNG)"),
    (b"\x1f\x8b", "a gzip archive (upload a .zip instead)"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive (upload a .zip instead)"),
    (b"Rar!", "a RAR archive (upload a .zip instead)"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"{\\rtf", "an RTF document (save it as .docx)"),
    (b"%!PS", "a PostScript file (save it as PDF)"),
)


def _say(name: str) -> str:
    """How a file is named in messages: its base name only, never a path."""
    base = os.path.basename(name.replace("\\", "/")) or "This file"
    return f"\u201c{base}\u201d"


def _ext(name: str) -> str:
    base = os.path.basename(name.replace("\\", "/")).lower()
    if base.startswith(".") and base.count(".") == 1:
        return base  # ".env", ".gitignore"
    return os.path.splitext(base)[1]


def _ole2_root(data: bytes) -> set[str] | None:
    """Names of the streams and storages at the root of an OLE2 file (None: unreadable).

    Only the root counts: an Outlook message holding a .doc attachment, or a .doc holding a
    pasted message, has the other format's names deeper down."""
    try:
        import olefile

        with olefile.OleFileIO(data) as ole:
            return {path[0] for path in ole.listdir(streams=True, storages=True) if path}
    except Exception:  # noqa: BLE001 - a damaged directory: fall back to the byte search
        log.debug("olefile could not list an OLE2 directory", exc_info=True)
        return None


def _ole2_kind(name: str, data: bytes) -> str:
    """The kind of an OLE2 file: "msg" for an Outlook message; raises for what we refuse."""
    root = _ole2_root(data)
    if root is not None:
        if "__properties_version1.0" in root and any(n.startswith("__substg1.0_") for n in root):
            return "msg"
        raise _ole2(name, data, root)
    if "__properties_version1.0".encode("utf-16-le") in data:
        return "msg"
    raise _ole2(name, data, None)


def _ole2(name: str, data: bytes, root: set[str] | None) -> UnsupportedFile | EncryptedFile:
    # Directory entry names are UTF-16LE; a protected OOXML file is an OLE2 container
    # holding "EncryptedPackage" (+ "EncryptionInfo").
    def has(entry: str) -> bool:
        return entry in root if root is not None else entry.encode("utf-16-le") in data

    if has("EncryptedPackage"):
        return EncryptedFile(
            f"{_say(name)} is password-protected; remove the password and upload again."
        )
    for stream, ext, new in (
        ("WordDocument", ".doc", ".docx"),
        ("Workbook", ".xls", ".xlsx"),
        ("Book", ".xls", ".xlsx"),
        ("PowerPoint Document", ".ppt", ".pptx"),
    ):
        if has(stream):
            return UnsupportedFile(
                f"{_say(name)} is an old binary Office format ({ext}); "
                f"save it as {new} and upload again."
            )
    return UnsupportedFile(
        f"{_say(name)} is an old binary Office-style file; save it in a current format "
        "(.docx, .xlsx, .pptx or PDF) and upload again."
    )


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
                if b"opendocument" in mt:
                    raise UnsupportedFile(
                        f"{_say(name)} is an OpenDocument file; save it as .docx, .xlsx or "
                        ".pptx and upload again."
                    )
            return "zip"
    except zipfile.BadZipFile:
        raise CorruptFile(
            f"{_say(name)} is damaged: it is not a readable ZIP or Office file."
        ) from None
    except (NotImplementedError, RuntimeError) as exc:
        raise CorruptFile(f"{_say(name)} could not be read as a ZIP file.") from exc


def _main_part(zf: zipfile.ZipFile) -> str:
    try:
        rels = zf.read("_rels/.rels")[:200_000].decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile, RuntimeError):
        return ""
    m = re.search(r'Type="[^"]*/officeDocument"[^>]*Target="/?([^"]+)"', rels) or re.search(
        r'Target="/?([^"]+)"[^>]*Type="[^"]*/officeDocument"', rels
    )
    return m.group(1) if m else ""


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


def _describe_binary(data: bytes) -> str:
    for magic, desc in _EXECUTABLES + _OTHER:
        if data.startswith(magic) and desc:
            return desc
    try:
        import puremagic

        matches = puremagic.magic_string(data[:8192])
        if matches:
            return f"a {matches[0].name} file"
    except Exception:  # noqa: BLE001 - naming the file is best effort
        log.debug("puremagic could not name a binary", exc_info=True)
    return "an unknown binary file"


def detect_kind(name: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> str:
    """The kind from the bytes alone (raises ScrubError for what we refuse)."""
    if data.startswith(_OLE2):
        return _ole2_kind(name, data)
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return _zip_kind(name, data, limits)
    if b"%PDF-" in data[:1024]:
        if b"/Encrypt" in data and _PDF_ENCRYPT.search(data):
            raise EncryptedFile(
                f"{_say(name)} is password-protected; remove the password and upload again."
            )
        return "pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    for magic, desc in _EXECUTABLES + _OTHER:
        if desc and data.startswith(magic):
            if len(magic) <= 2 and _looks_like_text(data):
                continue  # "MZ Holdings annual report..." is text that happens to start so
            raise UnsupportedFile(_not_supported(name, desc))
    if _looks_like_text(data):
        return _mail_kind(data) or "text"
    raise UnsupportedFile(_not_supported(name, _describe_binary(data)))


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


def _not_supported(name: str, desc: str) -> str:
    expected = EXPECTED.get(_ext(name))
    if expected:
        return f"{_say(name)} looks like {desc}, not {DESCRIPTIONS[expected]}."
    if _ext(name) in TEXT_EXTENSIONS:
        return f"{_say(name)} looks like {desc}, not a text file."
    return f"{_say(name)} looks like {desc}, which is not a supported file type."


def _compatible(expected: str, kind: str) -> bool:
    family = _FAMILY.get(expected)
    if expected == kind or (family is not None and family == _FAMILY.get(kind)):
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
    if expected == "text" and kind in ("eml", "mbox"):
        kind = "text"  # a mail saved as .txt/.md is scrubbed as the text it is, kept as text
    if expected and not _compatible(expected, kind):
        raise UnsupportedFile(
            f"{_say(name)} is named like {DESCRIPTIONS[expected]} ({ext}) but is "
            f"{DESCRIPTIONS[kind]}; rename it to {KINDS[kind][0]} or upload the right file."
        )
    extension, content_type = KINDS[kind]
    if kind == "text" and ext and ext in TEXT_EXTENSIONS:
        extension = ext  # keep .md/.py/.csv: the text module writes the same kind of file back
    return FormatInfo(kind=kind, extension=extension, content_type=content_type, open=opener(kind))
