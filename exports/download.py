"""A complete export batch as one .zip, streamed to an admin's browser.

The zip holds the batch folder exactly as written (`<batch_id>/tasks.jsonl`, `files/...`,
`README.md`, `SHA256SUMS`, `_COMPLETE`), so `sha256sum -c SHA256SUMS` passes after unzipping.
It is written while it is sent (zip data descriptors; nothing is held in memory but one chunk),
from the local folder or the S3 prefix the batch went to. Only batches whose `_COMPLETE` marker
exists are offered.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from reviews.models import ExportBatch

from .destinations import COMPLETE_MARKER, S3Destination, parse_destination
from .services import batch_location

Opener = Callable[[], Iterator[bytes]]
CHUNK = 1024 * 1024
#: fixed member dates: the same batch always zips to the same bytes
ZIP_DATE = (2000, 1, 1, 0, 0, 0)


class NotDownloadable(Exception):
    """The batch cannot be downloaded; the message says why."""


class _Sink:
    """A write-only target for ZipFile: it has no `seek`, so zipfile streams (data descriptors)."""

    def __init__(self) -> None:
        self.buffer = bytearray()
        self.offset = 0

    def write(self, data: bytes) -> int:
        self.buffer += data
        self.offset += len(data)
        return len(data)

    def tell(self) -> int:
        return self.offset

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        out = bytes(self.buffer)
        self.buffer.clear()
        return out


def _local_members(folder: Path) -> list[tuple[str, Opener]]:
    def opener(path: Path) -> Opener:
        def chunks() -> Iterator[bytes]:
            with open(path, "rb") as handle:
                while chunk := handle.read(CHUNK):
                    yield chunk

        return chunks

    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return [(p.relative_to(folder).as_posix(), opener(p)) for p in files]


def _s3_members(dest: S3Destination, batch_id: str) -> list[tuple[str, Opener]]:
    dest.batch_id = batch_id
    prefix = dest._key("")
    bucket = dest.storage.bucket

    def opener(key: str) -> Opener:
        def chunks() -> Iterator[bytes]:
            body = bucket.Object(key).get()["Body"]
            while chunk := body.read(CHUNK):
                yield chunk

        return chunks

    keys = sorted(obj.key for obj in bucket.objects.filter(Prefix=prefix))
    return [(key[len(prefix) :].lstrip("/"), opener(key)) for key in keys]


def batch_members(batch: ExportBatch) -> list[tuple[str, Opener]]:
    """(path inside the batch, chunks) for every file of a complete batch."""
    if batch.status != ExportBatch.Status.COMPLETE:
        raise NotDownloadable(f"Export {batch.batch_id} is not complete.")
    dest = parse_destination(batch.destination)
    if isinstance(dest, S3Destination):
        members = _s3_members(dest, batch.batch_id)
    else:
        folder = Path(batch_location(batch))
        members = _local_members(folder) if folder.is_dir() else []
    if not any(path == COMPLETE_MARKER for path, _ in members):
        raise NotDownloadable(
            f"Export {batch.batch_id} is no longer at {batch.destination} "
            f"(no {COMPLETE_MARKER} file)."
        )
    return members


def zip_stream(batch_id: str, members: list[tuple[str, Opener]]) -> Iterator[bytes]:
    sink = _Sink()
    with zipfile.ZipFile(sink, "w", allowZip64=True) as archive:
        for path, chunks in members:
            info = zipfile.ZipInfo(f"{batch_id}/{path}", date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, "w", force_zip64=True) as member:
                for chunk in chunks():
                    member.write(chunk)
                    if len(sink.buffer) >= CHUNK:
                        yield sink.take()
            yield sink.take()
    yield sink.take()
