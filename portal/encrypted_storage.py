"""Private storage backends: atomic local writes, and optional encryption at rest.

- `PrivateFileSystemStorage`: FileSystemStorage whose writes are atomic. Bytes go to a temporary
  name in the same folder and are linked to the final name only when complete, so a failed write
  (full disk, I/O error, killed worker) never leaves a half-written file under a name the
  database could point to.
- `EncryptedFileSystemStorage` / `EncryptedS3Storage`: the same with every blob encrypted
  (Fernet: AES-128-CBC + HMAC-SHA256, authenticated) with a key from the environment
  (`PORTAL_ENCRYPTION_KEY`; several comma-separated keys rotate: the first encrypts, all
  decrypt). Blobs written before encryption was turned on (no header) are still readable.

Settings choose the backend: `STORAGES["default"]` is the encrypted one whenever
PORTAL_ENCRYPTION_KEY is set. Generate a key with
`python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"`.
"""

from __future__ import annotations

import os
import uuid
from contextlib import suppress

from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile, File
from django.core.files.storage import FileSystemStorage

MAGIC = b"SSENC1\n"  # marks an encrypted blob (Fernet tokens follow)


def make_fernet(keys: str):
    """A MultiFernet from comma-separated keys; ImproperlyConfigured with a clear sentence."""
    from cryptography.fernet import Fernet, MultiFernet

    parts = [k.strip() for k in (keys or "").split(",") if k.strip()]
    if not parts:
        raise ImproperlyConfigured("PORTAL_ENCRYPTION_KEY is empty.")
    try:
        return MultiFernet([Fernet(k.encode()) for k in parts])
    except (ValueError, TypeError):
        raise ImproperlyConfigured(
            "PORTAL_ENCRYPTION_KEY must be one or more comma-separated Fernet keys (32 bytes, "
            "url-safe base64)."
        ) from None


def _read_content(content: File) -> bytes:
    with suppress(AttributeError, OSError, ValueError):
        content.seek(0)
    return b"".join(content.chunks()) if hasattr(content, "chunks") else content.read()


class PrivateFileSystemStorage(FileSystemStorage):
    """FileSystemStorage with all-or-nothing writes."""

    def _save(self, name: str, content: File) -> str:
        directory, base = os.path.split(name)
        temp = os.path.join(directory, f".partial-{uuid.uuid4().hex}-{base}"[:200])
        try:
            temp = super()._save(temp, content)
        except BaseException:
            with suppress(OSError):
                os.remove(self.path(temp))
            raise
        try:
            while True:
                try:
                    os.link(self.path(temp), self.path(name))  # fails if the name is taken
                    break
                except FileExistsError:
                    name = self.get_available_name(name)
        finally:
            with suppress(OSError):
                os.remove(self.path(temp))
        return name


class EncryptionMixin:
    """Encrypts on `_save`, decrypts on `_open`; sizes are those of the plain bytes."""

    def __init__(self, *args, key: str | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if key is None:
            from django.conf import settings

            key = getattr(settings, "PORTAL_ENCRYPTION_KEY", "")
        self._fernet = make_fernet(key)

    def _save(self, name: str, content: File) -> str:
        token = MAGIC + self._fernet.encrypt(_read_content(content))
        return super()._save(name, ContentFile(token))  # type: ignore[misc]

    def _open(self, name: str, mode: str = "rb") -> File:
        if "w" in mode or "a" in mode or "+" in mode:
            raise ValueError("Encrypted storage files are read-only; save a new file instead.")
        with super()._open(name, "rb") as handle:  # type: ignore[misc]
            raw = handle.read()
        return ContentFile(self.decrypt(raw), name=name)

    def decrypt(self, raw: bytes) -> bytes:
        if raw.startswith(MAGIC):
            return self._fernet.decrypt(raw[len(MAGIC) :])
        return raw  # written before encryption was turned on

    def size(self, name: str) -> int:
        with self._open(name) as handle:
            return len(handle.read())


class EncryptedFileSystemStorage(EncryptionMixin, PrivateFileSystemStorage):
    pass


try:
    from storages.backends.s3 import S3Storage
except ImportError:  # pragma: no cover - django-storages is a dependency
    S3Storage = None

if S3Storage is not None:

    class EncryptedS3Storage(EncryptionMixin, S3Storage):
        """S3 objects are encrypted before they leave the process (S3 writes are atomic)."""
