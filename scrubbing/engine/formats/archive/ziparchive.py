"""ZIP archives (a code repository, a JAR/WAR): read within the limits, written back sorted.

Refused outright (the whole archive): unsafe paths, symlinks, encrypted members, too many
members, too much expanded data, a compression ratio typical of zip bombs (per member and
overall), archives nested deeper than Limits.max_nesting (nested ones share the budget).

A JAR/WAR keeps its manifest layout: `META-INF/MANIFEST.MF` is written first (where
`java.util.jar.JarInputStream` looks for it), read as a manifest (manifest.py); the JAR
signature files (`META-INF/*.SF|RSA|DSA|EC`) are removed, they sign the original bytes.
Output: members in sorted order with fixed timestamps and normalised modes, so the same input
and edits give byte-identical output.
"""

from __future__ import annotations

import io
import re
import stat
import zipfile
from collections.abc import Iterator, Mapping, Sequence

from scrubbing.engine.base import (
    CorruptFile,
    Document,
    Edit,
    EncryptedFile,
    LimitExceeded,
    Limits,
    WriteReport,
)

from .manifest import MANIFEST, ManifestDocument
from .members import Budget, MemberArchive
from .paths import check_member_name, quoted

# Ratio checks only bite on members/archives big enough to matter: a 4 KiB file of spaces
# compresses 500:1 and is harmless.
RATIO_MIN_MEMBER = 1 << 20
RATIO_MIN_TOTAL = 8 << 20
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_CHUNK = 1 << 16
_JAR_SIGNATURE = re.compile(r"META-INF/(?:[^/]+\.(?:SF|RSA|DSA|EC)|SIG-[^/]+)", re.I)


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    mode = info.external_attr >> 16
    return info.create_system == 3 and stat.S_ISLNK(mode)


def _read_bounded(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: Budget) -> bytes:
    """Read a member without trusting its declared size."""
    out = bytearray()
    limit = min(info.file_size, budget.expanded_left)
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(_CHUNK)
            if not chunk:
                break
            out += chunk
            if len(out) > limit:
                raise LimitExceeded(
                    f"The archive member {quoted(info.filename)} expands to more data than allowed."
                )
    budget.expanded_left -= len(out)
    return bytes(out)


class ZipDocument(MemberArchive):
    kind = "zip"
    noun = "archive"

    def __init__(
        self, data: bytes, limits: Limits, depth: int = 1, budget: Budget | None = None
    ) -> None:
        super().__init__(limits, depth, budget, len(data))
        try:
            zf = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, OSError, ValueError):
            raise CorruptFile(f"This {self.noun} is damaged and cannot be read as a ZIP.") from None
        with zf:
            for path, blob, mode in self.entries(zf, len(data)):
                self.take(path, blob, mode)

    # -- reading ------------------------------------------------------------------------------

    def entries(self, zf: zipfile.ZipFile, packed_size: int) -> Iterator[tuple[str, bytes, int]]:
        """(path, bytes, mode) of every file member worth reading, within the limits."""
        limits = self._limits
        infos = zf.infolist()
        self.count_members(len(infos))
        #: every member path (an e-book's links are resolved against them)
        self.paths = {check_member_name(i.filename) for i in infos}
        # Declared sizes first: refuse obvious bombs before decompressing anything.
        declared = sum(i.file_size for i in infos)
        if declared > self._budget.expanded_left:
            raise LimitExceeded(
                f"This {self.noun} expands to {declared / 2**20:.0f} MB; the limit is "
                f"{limits.max_expanded_bytes / 2**20:.0f} MB."
            )
        if declared >= RATIO_MIN_TOTAL and declared > packed_size * limits.max_compression_ratio:
            raise LimitExceeded(f"This {self.noun} is compressed suspiciously well (a zip bomb?).")
        seen: set[str] = set()
        for info in infos:
            path = check_member_name(info.filename)
            if _is_symlink(info):
                raise CorruptFile(f"The archive member {quoted(info.filename)} is a symbolic link.")
            if info.flag_bits & 0x1:
                raise EncryptedFile(
                    f"The archive member {quoted(info.filename)} is password-protected; "
                    "remove the password and upload again."
                )
            if info.is_dir() or not path:
                continue
            if path in seen:
                raise CorruptFile(f"The archive lists {quoted(path)} twice.")
            seen.add(path)
            reason = self.skip_reason(path)
            if reason:
                self.dropped[reason] += 1
                continue
            if (
                info.file_size >= RATIO_MIN_MEMBER
                and info.file_size > max(info.compress_size, 1) * limits.max_compression_ratio
            ):
                raise LimitExceeded(
                    f"The archive member {quoted(path)} is compressed suspiciously well "
                    "(a zip bomb?)."
                )
            try:
                blob = _read_bounded(zf, info, self._budget)
            except (zipfile.BadZipFile, OSError, EOFError, zipfile.LargeZipFile):
                self.unreadable["damaged"] += 1
                continue
            except NotImplementedError:
                self.unreadable["unsupported compression"] += 1
                continue
            yield path, blob, (info.external_attr >> 16) & 0o777

    def take(self, path: str, data: bytes, mode: int) -> None:
        """One member: the JAR manifest and signature handled here, the rest by format."""
        if _JAR_SIGNATURE.fullmatch(path):
            self.dropped["signature"] += 1
        elif path.upper() == MANIFEST:
            self.add_member(path, data, mode, ManifestDocument.open_or_text(data, self._limits))
        else:
            self.add_member(path, data, mode)

    # -- writing ------------------------------------------------------------------------------

    def render(self, edits: Mapping[int, Sequence[Edit]]) -> tuple[bytes, WriteReport]:
        report = WriteReport()
        files = self.render_members(edits, report)
        return write_zip(files, first=[p for p in files if p.upper() == MANIFEST]), report


def write_zip(
    files: Mapping[str, tuple[bytes, int]], first: Sequence[str] = (), stored: Sequence[str] = ()
) -> bytes:
    """A zip of `files` (path -> (bytes, mode)): `first` in that order, then the rest sorted;
    `stored` members uncompressed (an EPUB's mimetype). Fixed times, no extra fields."""
    out = io.BytesIO()
    order = [p for p in first if p in files] + sorted(p for p in files if p not in first)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in order:
            data, mode = files[path]
            zi = zipfile.ZipInfo(path, date_time=FIXED_TIME)
            zi.compress_type = zipfile.ZIP_STORED if path in stored else zipfile.ZIP_DEFLATED
            zi.create_system = 3
            zi.external_attr = (stat.S_IFREG | (0o755 if mode & 0o111 else 0o644)) << 16
            zf.writestr(zi, data)
    return out.getvalue()


def open_document(
    data: bytes, limits: Limits, depth: int = 1, budget: Budget | None = None
) -> Document:
    """The archive; `depth` and `budget` are its container's when it is nested."""
    return ZipDocument(data, limits, depth, budget)
