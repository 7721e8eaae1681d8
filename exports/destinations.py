"""Where a batch is written (a local folder, atomically renamed, or an S3 prefix) and the names of
the files every batch has."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any, Protocol

from django.conf import settings
from django.core.files import File

logger = logging.getLogger(__name__)


COMPLETE_MARKER = "_COMPLETE"
SUMS_NAME = "SHA256SUMS"
README_NAME = "README.md"
TASKS_NAME = {"jsonl": "tasks.jsonl", "parquet": "tasks.parquet"}
PARQUET_ROWS_PER_GROUP = 1000
MIN_REDACT_LENGTH = 3


class ExportError(Exception):
    """The export cannot go on; the batch is marked failed and nothing is left visible."""


# ---- destinations ------------------------------------------------------------------------------


class HashingWriter:
    """Counts and hashes what passes through to `sink`."""

    def __init__(self, sink: IO[bytes]) -> None:
        self.sink = sink
        self.digest = hashlib.sha256()
        self.size = 0

    def write(self, chunk: bytes) -> None:
        self.digest.update(chunk)
        self.size += len(chunk)
        self.sink.write(chunk)


class Destination(Protocol):
    uri: str

    def begin(self, batch_id: str) -> None: ...

    def write(self, relpath: str, chunks: Iterable[bytes]) -> tuple[str, int]: ...

    def commit(self, marker: bytes) -> str: ...

    def abort(self) -> None: ...


class LocalDestination:
    """A folder. Written under `.<batch_id>.partial/`, renamed to `<batch_id>/` on commit."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root).expanduser().resolve()
        self.uri = str(self.root)
        self.batch_id = ""

    def _paths(self) -> tuple[Path, Path, Path]:
        b = self.batch_id
        return self.root / b, self.root / f".{b}.partial", self.root / f".{b}.old"

    def begin(self, batch_id: str) -> None:
        self.batch_id = batch_id
        _, partial, old = self._paths()
        self.root.mkdir(parents=True, exist_ok=True)
        # Leftovers of an interrupted run of this batch are discarded, never reused.
        for leftover in (partial, old):
            if leftover.exists():
                shutil.rmtree(leftover)
        partial.mkdir(mode=0o750)

    def write(self, relpath: str, chunks: Iterable[bytes]) -> tuple[str, int]:
        _, partial, _ = self._paths()
        path = partial / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "xb") as handle:  # "x": two entries can never share a path
            writer = HashingWriter(handle)
            for chunk in chunks:
                writer.write(chunk)
        return writer.digest.hexdigest(), writer.size

    def commit(self, marker: bytes) -> str:
        final, partial, old = self._paths()
        self.write(COMPLETE_MARKER, [marker])
        if final.exists():  # a rerun replaces the earlier copy of the same batch
            final.rename(old)
        partial.rename(final)
        if old.exists():
            shutil.rmtree(old)
        return str(final)

    def abort(self) -> None:
        _, partial, _ = self._paths()
        shutil.rmtree(partial, ignore_errors=True)


def export_s3_options() -> dict[str, Any]:
    """Connection options for S3 exports: PORTAL_EXPORT_S3_OPTIONS, else the private storage's
    endpoint/region when it is S3,
    else AWS_S3_ENDPOINT_URL / AWS_S3_REGION_NAME from the environment. Credentials come from
    the usual boto3 chain (environment, profile, role)."""
    # A settings-only override, e.g. {"endpoint_url": ..., "region_name": ...}.
    options: dict[str, Any] = dict(getattr(settings, "PORTAL_EXPORT_S3_OPTIONS", None) or {})
    private = settings.STORAGES.get("default", {})
    private_options = private.get("OPTIONS", {}) if "S3" in private.get("BACKEND", "") else {}
    for key, env_name in (
        ("endpoint_url", "AWS_S3_ENDPOINT_URL"),
        ("region_name", "AWS_S3_REGION_NAME"),
    ):
        options[key] = (
            options.get(key) or private_options.get(key) or os.environ.get(env_name) or None
        )
    return options


class S3Destination:
    """`s3://bucket/prefix`, written through django-storages (boto3).

    Objects go under `<prefix>/<batch_id>/`; the batch is valid once `_COMPLETE` exists, which is
    written last. `begin` removes the marker first and then every object of an earlier attempt.
    """

    SPOOL_BYTES = 8 * 1024 * 1024

    def __init__(self, bucket: str, prefix: str) -> None:
        from storages.backends.s3 import S3Storage

        self.bucket_name = bucket
        self.prefix = prefix.strip("/")
        self.uri = f"s3://{bucket}/{self.prefix}" if self.prefix else f"s3://{bucket}"
        self.storage = S3Storage(
            bucket_name=bucket,
            location=self.prefix,
            file_overwrite=True,
            default_acl=None,
            querystring_auth=False,
            **export_s3_options(),
        )
        self.batch_id = ""

    def _key(self, relpath: str) -> str:
        return "/".join(p for p in (self.prefix, self.batch_id, relpath) if p)

    def _delete_batch_objects(self) -> None:
        bucket = self.storage.bucket
        bucket.Object(self._key(COMPLETE_MARKER)).delete()
        bucket.objects.filter(Prefix=self._key("")).delete()

    def begin(self, batch_id: str) -> None:
        self.batch_id = batch_id
        self._delete_batch_objects()

    def write(self, relpath: str, chunks: Iterable[bytes]) -> tuple[str, int]:
        with tempfile.SpooledTemporaryFile(max_size=self.SPOOL_BYTES) as spool:
            writer = HashingWriter(spool)  # type: ignore[arg-type]
            for chunk in chunks:
                writer.write(chunk)
            spool.seek(0)
            self.storage.save(f"{self.batch_id}/{relpath}", File(spool))
        return writer.digest.hexdigest(), writer.size

    def commit(self, marker: bytes) -> str:
        self.write(COMPLETE_MARKER, [marker])
        return f"{self.uri}/{self.batch_id}"

    def abort(self) -> None:
        try:
            self._delete_batch_objects()
        except Exception:  # best effort: without _COMPLETE the objects are ignored anyway
            logger.exception("export: could not clean up s3 objects of %s", self.batch_id)


def parse_destination(out: str) -> Destination:
    if out.startswith("s3://"):
        bucket, _, prefix = out[len("s3://") :].partition("/")
        if not bucket:
            raise ExportError("An S3 destination needs a bucket: s3://bucket/prefix")
        return S3Destination(bucket, prefix)
    if "://" in out:
        raise ExportError(f"Unsupported destination {out!r}: use a folder or s3://bucket/prefix.")
    return LocalDestination(Path(out))


def default_destination() -> str:
    return str(settings.PORTAL_EXPORT_DESTINATION)
