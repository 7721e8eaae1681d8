"""OLE2 compound files from their root directory: an Outlook message, a .doc/.xls/.ppt, or a
kind we refuse (password-protected files, Visio, Publisher, installers...)."""

from __future__ import annotations

import io
import logging

from .base import CorruptFile, EncryptedFile, UnsupportedFile

log = logging.getLogger(__name__)

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
LEGACY_STREAMS = (
    ("WordDocument", "doc"),
    ("Workbook", "xls"),
    ("Book", "xls"),
    ("PowerPoint Document", "ppt"),
)


def _root(data: bytes) -> set[str] | None:
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


def _protected(said: str) -> EncryptedFile:
    return EncryptedFile(f"{said} is password-protected; remove the password and upload again.")


def kind(said: str, data: bytes) -> str:
    """ "msg" for an Outlook message, "doc"/"xls"/"ppt" for legacy Office; raises for what we
    refuse. `said` is how the file is named in sentences."""
    root = _root(data)
    if root is None:
        if "__properties_version1.0".encode("utf-16-le") in data:
            return "msg"
        raise _refusal(said, lambda entry: entry.encode("utf-16-le") in data, readable=False)
    if "__properties_version1.0" in root and any(n.startswith("__substg1.0_") for n in root):
        return "msg"
    legacy = next((k for stream, k in LEGACY_STREAMS if stream in root), None)
    if legacy is None or "EncryptedPackage" in root:
        raise _refusal(said, root.__contains__, readable=True)
    if _encrypted(data):
        raise _protected(said)
    return legacy


def _encrypted(data: bytes) -> bool:
    """Whether a .doc/.xls/.ppt is password-protected (msoffcrypto reads the flag each format
    keeps: Word's FIB, Excel's FILEPASS record, PowerPoint's encrypted edit atom)."""
    try:
        import msoffcrypto

        return bool(msoffcrypto.OfficeFile(io.BytesIO(data)).is_encrypted())
    except Exception:  # noqa: BLE001 - a structure msoffcrypto cannot parse: LibreOffice decides
        log.debug("msoffcrypto could not read a legacy Office file", exc_info=True)
        return False


def _refusal(said: str, has, readable: bool) -> UnsupportedFile | EncryptedFile | CorruptFile:
    # a protected OOXML file is an OLE2 container holding "EncryptedPackage" (+ "EncryptionInfo")
    if has("EncryptedPackage"):
        return _protected(said)
    if not readable and any(has(stream) for stream, _ in LEGACY_STREAMS):
        return CorruptFile(
            f"{said} is a damaged Office 97-2003 file: its directory cannot be read; save it "
            "as .docx, .xlsx or .pptx and upload again."
        )
    return UnsupportedFile(
        f"{said} is an old binary Office-style file of a kind that is not supported (Word, "
        "Excel and PowerPoint 97-2003 files and Outlook messages are); save it as PDF and "
        "upload again."
    )
