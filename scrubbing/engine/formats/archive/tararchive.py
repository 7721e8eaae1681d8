"""Tar archives (.tar, .tar.gz/.tgz, .tar.bz2, .tar.xz): the zip limits, written back alike.

Read as one stream (the compressed layers decompressed by the standard library) through a
counter that stops at the expanded-size budget or at a compression ratio typical of bombs, so
nothing is inflated past the limits whatever the headers say; a header's declared size is
checked before its data is read, and extended headers (long names, pax records) larger than
1 MB are refused before tarfile buffers them.

Refused outright: unsafe paths (absolute, "..", drive letters, NUL), too many members, too
much expanded data, archives nested deeper than Limits.max_nesting, a name listed twice.
Dropped with a count in the report: symbolic and hard links, devices and pipes, sparse and
multi-volume members, version-control history, binaries no reader reads, damaged members.

Output: the same format and compression as the input (gzip without a name or time), members
in sorted order, regular files only, with a fixed time, owner 0/0 without names, modes 644 or
755, and no pax records, so owners' user names, timestamps and extended attributes are gone
(the report says so) and the same input and edits give byte-identical output.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import tarfile
import zlib
from collections.abc import Mapping, Sequence

from scrubbing.engine.base import CorruptFile, Document, Edit, LimitExceeded, Limits, WriteReport
from scrubbing.engine.sniff import tar_compression

from .members import Budget, MemberArchive
from .paths import check_member_name, quoted
from .ziparchive import RATIO_MIN_TOTAL

FIXED_MTIME = 315532800  # 1980-01-01, as the zip writer's timestamp
_MAX_EXTENDED_HEADER = 1 << 20
_EXTENDED = (tarfile.GNUTYPE_LONGNAME, tarfile.GNUTYPE_LONGLINK, tarfile.XHDTYPE, tarfile.XGLTYPE)
_OPEN = {
    "gz": lambda f, mode: gzip.GzipFile(filename="", fileobj=f, mode=mode, mtime=0),
    "bz2": bz2.BZ2File,
    "xz": lzma.LZMAFile,
}
_DECOMPRESS_ERRORS = (OSError, EOFError, zlib.error, lzma.LZMAError, ValueError)
_XATTRS = ("SCHILY.", "LIBARCHIVE.", "RHT.", "comment")
_NAMES = {"": "tar", "gz": "gzip", "bz2": "bzip2", "xz": "xz"}


class _Counted(io.RawIOBase):
    """The decompressed stream; raises LimitExceeded once more than `limit` bytes came out."""

    def __init__(self, raw: io.BufferedIOBase, limit: int, message: str) -> None:
        self.raw, self.limit, self.message, self.count = raw, limit, message, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self.raw.read(len(buffer))
        self.count += len(data)
        if self.count > self.limit:
            raise LimitExceeded(self.message)
        buffer[: len(data)] = data
        return len(data)


class _TarInfo(tarfile.TarInfo):
    def _proc_member(self, tarfile_: tarfile.TarFile) -> tarfile.TarInfo:  # type: ignore[override]
        if self.type in _EXTENDED and self.size > _MAX_EXTENDED_HEADER:
            raise LimitExceeded("This archive has an extended header larger than 1 MB.")
        return super()._proc_member(tarfile_)  # type: ignore[misc]


class TarDocument(MemberArchive):
    kind = "tar"
    noun = "archive"

    def __init__(
        self, data: bytes, limits: Limits, depth: int = 1, budget: Budget | None = None
    ) -> None:
        super().__init__(limits, depth, budget, len(data))
        compression = tar_compression(data)
        if compression is None:
            raise CorruptFile("This archive is damaged and cannot be read as a tar archive.")
        self.compression = compression
        raw: io.BufferedIOBase = io.BytesIO(data)
        if compression:
            raw = _OPEN[compression](raw, "rb")  # type: ignore[operator]
        ratio_cap = max(RATIO_MIN_TOTAL, len(data) * limits.max_compression_ratio)
        if compression and ratio_cap < self._budget.expanded_left:
            limit = ratio_cap
            message = "This archive is compressed suspiciously well (a decompression bomb?)."
        else:
            limit = self._budget.expanded_left
            message = (
                f"This archive expands to more than {limits.max_expanded_bytes / 2**20:.0f} MB "
                "of data, the limit."
            )
        stream = _Counted(raw, limit, message)
        try:
            self._read(stream)
        except (tarfile.TarError, *_DECOMPRESS_ERRORS):
            raise CorruptFile(
                f"This {_NAMES[compression]} archive is damaged or truncated and cannot be read."
            ) from None

    def _read(self, stream: io.RawIOBase) -> None:
        seen: set[str] = set()
        owners = extras = False
        with tarfile.open(fileobj=stream, mode="r|", tarinfo=_TarInfo) as tf:  # type: ignore[call-overload]
            for info in tf:
                self.count_members(1)
                path = check_member_name(info.name)
                owners = owners or bool(info.uname or info.gname or info.uid or info.gid)
                extras = extras or any(k.startswith(_XATTRS) for k in info.pax_headers)
                if info.isdir() or not path:
                    continue
                if info.issym() or info.islnk():
                    self.dropped["link"] += 1
                    continue
                if info.ischr() or info.isblk() or info.isfifo():
                    self.dropped["special"] += 1
                    continue
                if not info.isreg() or info.issparse():
                    self.unreadable["unsupported member type"] += 1
                    continue
                if path in seen:
                    raise CorruptFile(f"The archive lists {quoted(path)} twice.")
                seen.add(path)
                if info.size > self._budget.expanded_left:
                    raise LimitExceeded(
                        f"The archive member {quoted(path)} expands to more data than allowed."
                    )
                reason = self.skip_reason(path)
                if reason:
                    self.dropped[reason] += 1
                    continue
                fh = tf.extractfile(info)
                blob = fh.read() if fh is not None else b""
                if len(blob) != info.size:
                    raise CorruptFile("This archive is truncated: a member ends early.")
                self._budget.expanded_left -= len(blob)
                self.add_member(path, blob, info.mode & 0o777)
        self.metadata_removed.append("timestamps")
        if owners:
            self.metadata_removed.append("file owners (user and group names and ids)")
        if extras:
            self.metadata_removed.append("extended attributes (pax records)")

    def render(self, edits: Mapping[int, Sequence[Edit]]) -> tuple[bytes, WriteReport]:
        report = WriteReport()
        files = self.render_members(edits, report)
        return write_tar(files, self.compression), report


def write_tar(files: Mapping[str, tuple[bytes, int]], compression: str) -> bytes:
    """A tar of `files` (path -> (bytes, mode)) in sorted order, compressed like the input."""
    out = io.BytesIO()
    raw: io.BufferedIOBase = _OPEN[compression](out, "wb") if compression else out  # type: ignore[operator]
    with tarfile.open(fileobj=raw, mode="w|", format=tarfile.PAX_FORMAT) as tf:
        for path in sorted(files):
            data, mode = files[path]
            info = tarfile.TarInfo(path)
            info.size = len(data)
            info.mtime = FIXED_MTIME
            info.mode = 0o755 if mode & 0o111 else 0o644
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            tf.addfile(info, io.BytesIO(data))
    if raw is not out:
        raw.close()
    return out.getvalue()


def open_document(
    data: bytes, limits: Limits, depth: int = 1, budget: Budget | None = None
) -> Document:
    """The archive; `depth` and `budget` are its container's when it is nested."""
    return TarDocument(data, limits, depth, budget)
