"""Private file storage helpers: originals and scrubbed outputs never get a public URL."""

from __future__ import annotations

import hashlib
import re
import unicodedata
import uuid
from collections.abc import Iterable, Iterator

from django.core.files.base import ContentFile, File
from django.core.files.storage import Storage, default_storage
from django.db.models.fields.files import FieldFile

CHUNK = 1024 * 1024


def private_storage() -> Storage:
    """The default storage *is* the private one (there is no public media at all)."""
    return default_storage


def sha256_of_chunks(chunks: Iterable[bytes]) -> str:
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(chunk)
    return digest.hexdigest()


def read_all(field: FieldFile) -> bytes:
    with field.open("rb") as handle:
        return handle.read()


def iter_chunks(field: FieldFile) -> Iterator[bytes]:
    with field.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            yield chunk


def delete_after_commit(names: Iterable[str]) -> None:
    """Delete stored blobs once the rows that named them are gone for good (after the commit)."""
    from django.db import transaction

    names = [n for n in names if n]
    if not names:
        return

    def delete() -> None:
        storage = private_storage()
        for name in names:
            storage.delete(name)

    transaction.on_commit(delete)


def save_bytes(field: FieldFile, data: bytes) -> None:
    """Write bytes under a fresh random name; the model row is saved by the caller."""
    field.save(uuid.uuid4().hex, ContentFile(data), save=False)


def save_upload(field: FieldFile, upload: File) -> None:
    field.save(uuid.uuid4().hex, upload, save=False)


_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]+")


def safe_display_name(name: str, max_length: int = 180) -> str:
    """A file name fit to show and to put in Content-Disposition / an export path.

    Drops any directory part, control characters and path separators; keeps the extension when
    shortening very long names.
    """
    name = unicodedata.normalize("NFC", name or "")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE.sub("_", name).strip(" .") or "file"
    if len(name) > max_length:
        stem, dot, ext = name.rpartition(".")
        if dot and 0 < len(ext) <= 10:
            name = stem[: max_length - len(ext) - 1] + "." + ext
        else:
            name = name[:max_length]
    return name
