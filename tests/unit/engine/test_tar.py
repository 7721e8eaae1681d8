"""Tar archives in their four compressions, made by `tarfile`: members scrubbed by their own
format, paths renamed, links and devices dropped with a count, hostile archives refused, the
output in the input's format with no owners, times or pax records."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import tarfile
import time
import zipfile

import pytest

from scrubbing.engine.base import CorruptFile, LimitExceeded, Limits
from scrubbing.engine.formats import archive
from scrubbing.engine.formats.archive import tararchive
from scrubbing.engine.pipeline import Scrubber, TermLists
from scrubbing.engine.pseudonyms import Pseudonymizer
from scrubbing.engine.sniff import sniff, tar_compression

from .test_archive import EMAIL, NAME, edits_for

OWNER = "jdoe_workstation"
MODES = {"": "w", "gz": "w:gz", "bz2": "w:bz2", "xz": "w:xz"}
MAGIC = {"gz": b"\x1f\x8b", "bz2": b"BZh", "xz": b"\xfd7zXZ\x00"}


def _file(tf: tarfile.TarFile, name: str, data: bytes | str, mode: int = 0o644) -> None:
    blob = data.encode() if isinstance(data, str) else data
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = len(blob), mode, 1_700_000_000
    info.uname, info.gname, info.uid, info.gid = OWNER, "staff", 501, 20
    tf.addfile(info, io.BytesIO(blob))


def _special(tf: tarfile.TarFile, name: str, kind: bytes, linkname: str = "") -> None:
    info = tarfile.TarInfo(name)
    info.type, info.linkname = kind, linkname
    tf.addfile(info)


def make_tar(members: dict[str, bytes | str], compression: str = "gz", **extra) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode=MODES[compression], format=tarfile.PAX_FORMAT) as tf:
        for name, data in members.items():
            _file(tf, name, data)
        for name, (kind, target) in extra.get("specials", {}).items():
            _special(tf, name, kind, target)
    return buf.getvalue()


def repo_tar(compression: str = "gz") -> bytes:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("notes.txt", f"Nested mention of {NAME}\n")
    return make_tar(
        {
            "repo/README.md": f"# Tools\n\nMaintainer: {NAME} <{EMAIL}>\n",
            "repo/src/__init__.py": "",
            "repo/src/app.py": f"OWNER = '{EMAIL}'\n\ndef main():\n    return 42\n",
            "repo/docs/jane_doe_onboarding.md": "Welcome aboard.\n",
            "repo/.git/config": f"[user]\n\tname = {NAME}\n",
            "repo/build/lib.so": b"\x7fELF\x02\x01\x01\x00" + bytes(200),
            "repo/vendor/inner.zip": inner.getvalue(),
        },
        compression,
        specials={
            "repo/latest": (tarfile.SYMTYPE, "docs/jane_doe_onboarding.md"),
            "repo/etc-passwd": (tarfile.SYMTYPE, "/etc/passwd"),
            "repo/copy.md": (tarfile.LNKTYPE, "repo/README.md"),
            "repo/dev/tty0": (tarfile.CHRTYPE, ""),
            "repo/run/mq_fifo": (tarfile.FIFOTYPE, ""),
        },
    )


def read_tar(data: bytes) -> dict[str, tarfile.TarInfo | bytes]:
    out: dict[str, tarfile.TarInfo | bytes] = {}
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:*") as tf:
        for info in tf:
            out[info.name] = info
            fh = tf.extractfile(info)
            out[info.name + "#data"] = fh.read() if fh else b""
    return out


@pytest.mark.parametrize("compression", ["", "gz", "bz2", "xz"])
def test_tar_scrubbed_and_written_back_in_its_format(compression):
    src = repo_tar(compression)
    assert tar_compression(src) == compression
    doc = tararchive.open_document(src, Limits())
    out, report = doc.render(edits_for(doc))
    if compression:
        assert out.startswith(MAGIC[compression])
    else:
        assert out[257:263] == b"ustar\x00"
    if compression == "gz":
        assert out[4:8] == b"\x00\x00\x00\x00" and not out[3] & 0x08  # no time, no file name
    members = read_tar(out)
    names = [n for n in members if not n.endswith("#data")]
    assert names == sorted(names)
    assert "repo/docs/person_1_onboarding.md" in names
    assert members["repo/README.md#data"] == b"# Tools\n\nMaintainer: [PERSON_1] <[EMAIL_1]>\n"
    assert members["repo/src/__init__.py#data"] == b""
    assert b"return 42" in members["repo/src/app.py#data"]
    inner = zipfile.ZipFile(io.BytesIO(members["repo/vendor/inner.zip#data"]))
    assert inner.read("notes.txt") == b"Nested mention of [PERSON_1]\n"
    for name in names:
        info = members[name]
        assert info.isreg(), name  # links, devices and pipes are gone
        assert (info.uid, info.gid, info.uname, info.gname) == (0, 0, "", "")
        assert info.mtime == tararchive.FIXED_MTIME and info.mode in (0o644, 0o755)
        assert not info.pax_headers, name
    assert not any(n.startswith("repo/.git") or "lib.so" in n for n in names)
    raw = b"".join(v for k, v in members.items() if k.endswith("#data"))
    for seed in (NAME, EMAIL, OWNER, "staff"):
        assert seed.encode() not in raw + out, seed
    notes = " | ".join(report.notes)
    assert "dropped 3 link(s)" in notes and "dropped 2 special file(s)" in notes
    assert "dropped 1 binary file(s)" in notes and "version-control history (1 file(s)" in notes
    assert "renamed 1 file(s)" in notes
    for original in ("latest", "etc-passwd", "copy.md", "tty0", "mq_fifo", "lib.so", "jane"):
        assert original not in notes.lower(), original
    assert "file owners (user and group names and ids)" in report.metadata_removed
    assert doc.render(edits_for(doc))[0] == out  # deterministic
    again = tararchive.open_document(out, Limits())
    assert not any(NAME in s.text or EMAIL in s.text for s in again.segments)


def test_member_locators_and_names():
    doc = tararchive.open_document(repo_tar(), Limits())
    names = [s for s in doc.segments if s.kind == "name"]
    assert any(s.locator == "member repo/docs/jane_doe_onboarding.md: file name" for s in names)
    # "src", "docs", "__init__.py", "README" are well-known names: blanked for detection
    assert not any("src" in s.text or "README" in s.text or "docs" in s.text for s in names)
    assert any(
        s.locator.startswith("member repo/vendor/inner.zip: member notes.txt") for s in doc.segments
    )


@pytest.mark.parametrize(
    "bad", ["../evil.py", "repo/../../etc/cron.d/x", "/etc/passwd", "C:/Windows/x.txt"]
)
def test_traversal_refused(bad):
    with pytest.raises(CorruptFile) as exc:
        tararchive.open_document(make_tar({"ok.txt": "fine", bad: "x"}), Limits())
    assert "outside the archive" in str(exc.value) or "absolute path" in str(exc.value)


def test_link_pointing_outside_is_dropped_not_followed():
    src = make_tar({"a.txt": "hello"}, specials={"b": (tarfile.SYMTYPE, "../../../etc/shadow")})
    doc = tararchive.open_document(src, Limits())
    out, report = doc.render({})
    assert [n for n in read_tar(out) if not n.endswith("#data")] == ["a.txt"]
    assert "dropped 1 link(s)" in " ".join(report.notes)


def _zeros_tgz(megabytes: int) -> bytes:
    buf = io.BytesIO()
    with (
        gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9) as gz,
        tarfile.open(fileobj=gz, mode="w|") as tf,
    ):
        info = tarfile.TarInfo("zeros.bin")
        info.size = megabytes << 20

        class Zeros(io.RawIOBase):
            left = info.size

            def readable(self):
                return True

            def readinto(self, b):
                n = min(len(b), self.left)
                b[:n] = bytes(n)
                self.left -= n
                return n

        tf.addfile(info, io.BufferedReader(Zeros()))
    return buf.getvalue()


def test_gzip_bomb_refused_by_ratio_without_inflating_it():
    data = _zeros_tgz(60)
    assert len(data) < 200_000
    start = time.monotonic()
    with pytest.raises(LimitExceeded, match="suspiciously well"):
        tararchive.open_document(data, Limits())
    assert time.monotonic() - start < 5


def test_declared_size_over_budget_refused_before_reading():
    info = tarfile.TarInfo("huge.bin")
    info.size = 10 << 30  # claims 10 GiB, holds nothing
    data = info.tobuf(tarfile.GNU_FORMAT) + bytes(1024)
    with pytest.raises(LimitExceeded, match="huge.bin"):
        tararchive.open_document(data, Limits())


def test_expanded_size_limit_on_plain_tar():
    data = make_tar({"a.txt": "a" * 5000, "b.txt": "b" * 5000}, "")
    with pytest.raises(LimitExceeded):
        tararchive.open_document(data, Limits(max_expanded_bytes=6000))


def test_huge_member_count_refused():
    data = make_tar({f"f{i}.txt": "x" for i in range(5001)})
    with pytest.raises(LimitExceeded, match="more than 5000 files"):
        tararchive.open_document(data, Limits())


def test_huge_long_name_header_refused():
    info = tarfile.TarInfo("././@LongLink")
    info.type, info.size = tarfile.GNUTYPE_LONGNAME, 2 << 20
    data = info.tobuf(tarfile.GNU_FORMAT) + b"a" * (2 << 20) + bytes(1024)
    with pytest.raises(LimitExceeded, match="extended header"):
        tararchive.open_document(data, Limits())


def test_duplicate_member_refused():
    with pytest.raises(CorruptFile, match="twice"):
        tararchive.open_document(make_tar({"a.txt": "1", "./a.txt": "2"}), Limits())


def test_truncated_and_damaged():
    good = make_tar({"a.txt": bytes(range(256)) * 40, "b.txt": "x"}, "gz")
    with pytest.raises(CorruptFile, match="gzip archive is damaged or truncated"):
        tararchive.open_document(good[: len(good) - 40], Limits())
    plain = make_tar({"a.txt": "hello " * 500}, "")
    with pytest.raises(CorruptFile):
        tararchive.open_document(plain[:1200], Limits())


def test_nesting_shares_budget_and_depth():
    level3 = make_tar({"deep.txt": "x"})
    level2 = make_tar({"l3.tar.gz": level3})
    level1 = make_tar({"l2.tgz": level2})
    with pytest.raises(LimitExceeded, match="nests"):
        tararchive.open_document(level1, Limits(max_nesting=2))
    tararchive.open_document(level2, Limits(max_nesting=2))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("src.tar.gz", level3)
    doc = archive.open_document(buf.getvalue(), Limits())
    assert any(s.locator.startswith("member src.tar.gz: member deep.txt: ") for s in doc.segments)


def test_sniff_names_and_contents():
    tgz = make_tar({"a.txt": "x"}, "gz")
    for name in ("x.tar.gz", "x.tgz", "x.gz", "x.tar"):
        assert sniff(name, tgz).kind == "tar", name
    assert sniff("x.tar.xz", make_tar({"a.txt": "x"}, "xz")).kind == "tar"
    assert sniff("x.tbz2", make_tar({"a.txt": "x"}, "bz2")).kind == "tar"
    # a gzip of one file is still refused with its own sentence
    with pytest.raises(Exception, match="gzip"):
        sniff("data.csv.gz", gzip.compress(b"a,b\n1,2\n"))
    assert tar_compression(bz2.compress(b"not a tar" * 100)) is None
    assert tar_compression(lzma.compress(b"not a tar" * 100)) is None


def test_pipeline_scrubs_a_tarball_end_to_end():
    src = make_tar(
        {"notes/meeting.md": f"Minutes taken by {NAME} ({EMAIL}).\n", "src/app.py": "X = 1\n"}
    )
    result = Scrubber().scrub("project.tar.gz", src, TermLists(), Pseudonymizer())
    assert result.status == "done", (result.error, result.report["residual"])
    assert result.output_name("project.tar.gz") == "project.tar.gz"
    assert result.output.startswith(b"\x1f\x8b")
    members = read_tar(result.output)
    assert NAME.encode() not in members["notes/meeting.md#data"]
    assert EMAIL.encode() not in members["notes/meeting.md#data"]
    assert members["src/app.py#data"] == b"X = 1\n"
    assert archive.audit(result.output) == []
