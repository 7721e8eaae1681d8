"""Zip archives of code repositories: members scrubbed by their own format, paths renamed,
traversal/symlinks/bombs refused, VCS history and binaries dropped, deterministic output."""

from __future__ import annotations

import importlib.util
import io
import stat
import time
import zipfile

import pytest
from PIL import Image, ImageDraw, ImageFont

from scrubbing.engine.base import CorruptFile, LimitExceeded, Limits
from scrubbing.engine.formats import archive
from tests.builders.edits import replace_every

NAME = "Jane Doe"
EMAIL = "jane.doe@acme-corp.com"
PROJECT = "Project Falcon"
TARGETS = {NAME: "[PERSON_1]", EMAIL: "[EMAIL_1]", PROJECT: "[PROJECT_1]", "jane doe": "person_1"}
LIMITS = Limits()
HAS_DOCX = importlib.util.find_spec("docx") is not None


def make_zip(members: dict[str, bytes | str], *, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(zipfile.ZipInfo(name, (2024, 5, 1, 12, 0, 0)), data, compression)
    return buf.getvalue()


def docx_bytes() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph(f"Design notes by {NAME} for {PROJECT}.")
    d.core_properties.author = NAME
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def repo_zip() -> bytes:
    inner = make_zip({"notes.txt": f"Nested mention of {NAME}\n"})
    members: dict[str, bytes | str] = {
        "repo/README.md": f"# {PROJECT}\n\nMaintainer: {NAME} <{EMAIL}>\n",
        "repo/src/app.py": f"OWNER = '{EMAIL}'\n\ndef main():\n    return 42\n",
        "repo/.env": f"DATABASE_URL=postgres://svc:pw@db.internal/x\nCONTACT={NAME}\n",
        "repo/docs/jane_doe_onboarding.md": "Welcome aboard.\n",
        "repo/src/__init__.py": "",
        "repo/.git/config": f"[user]\n\tname = {NAME}\n",
        "repo/.git/objects/ab/cdef": b"x\x9c\x00\x01binary",
        "repo/build/lib.so": b"\x7fELF\x02\x01\x01\x00" + bytes(200),
        "repo/tools/run.exe": b"MZ\x90\x00" + bytes(200),
        "repo/vendor/inner.zip": inner,
        "__MACOSX/._README.md": b"\x00\x05\x16\x07",
    }
    if HAS_DOCX:
        members["repo/docs/design.docx"] = docx_bytes()
    return make_zip(members)


def edits_for(doc):
    return replace_every(doc, TARGETS)


def test_members_become_segments_with_member_locators():
    doc = archive.open_document(repo_zip(), LIMITS)
    names = [s.text for s in doc.segments if s.kind == "name"]
    # paths are read as words (folders tab-separated, well-known names like "docs" blanked);
    # the locator keeps the real path
    assert "repo\t    \tjane doe onboarding   " in names
    assert any(
        s.locator == "member repo/docs/jane_doe_onboarding.md: file name"
        for s in doc.segments
        if s.kind == "name"
    )
    assert not any(".git" in n or "lib" in n or "run" in n for n in names)
    readme = [s for s in doc.segments if s.locator.startswith("member repo/README.md: ")]
    assert any(EMAIL in s.text for s in readme)
    nested = [s for s in doc.segments if "inner.zip" in s.locator and NAME in s.text]
    assert nested and nested[0].locator.startswith("member repo/vendor/inner.zip: member notes.txt")
    if HAS_DOCX:
        assert any("design.docx" in s.locator and PROJECT in s.text for s in doc.segments)


def test_render_scrubs_members_renames_and_drops():
    src = repo_zip()
    doc = archive.open_document(src, LIMITS)
    out, report = doc.render(edits_for(doc))
    zf = zipfile.ZipFile(io.BytesIO(out))
    names = zf.namelist()
    assert names == sorted(names)
    assert "repo/docs/person_1_onboarding.md" in names
    assert not any("jane" in n.lower() for n in names)
    assert not any(n.startswith(("repo/.git", "__MACOSX")) for n in names)
    assert "repo/build/lib.so" not in names and "repo/tools/run.exe" not in names
    assert zf.read("repo/src/__init__.py") == b""
    assert zf.read("repo/README.md") == b"# [PROJECT_1]\n\nMaintainer: [PERSON_1] <[EMAIL_1]>\n"
    assert b"return 42" in zf.read("repo/src/app.py")
    assert b"[PERSON_1]" in zf.read("repo/.env")
    inner = zipfile.ZipFile(io.BytesIO(zf.read("repo/vendor/inner.zip")))
    assert inner.read("notes.txt") == b"Nested mention of [PERSON_1]\n"
    for info in zf.infolist():
        assert info.date_time == (1980, 1, 1, 0, 0, 0)
    # nothing seeded survives anywhere, decompressed, including nested docx/zip
    for name in names:
        blob = zf.read(name)
        if name.endswith((".docx", ".zip")):
            z2 = zipfile.ZipFile(io.BytesIO(blob))
            blob = b"".join(z2.read(n) for n in z2.namelist())
        for seed in (NAME, EMAIL, PROJECT):
            assert seed.encode() not in blob, (name, seed)
    notes = " | ".join(report.notes)
    assert "dropped version-control history" in notes
    assert "dropped 2 binary file(s)" in notes
    # reviewers read reports: counts, never a dropped member's original path
    assert "lib.so" not in notes and "run.exe" not in notes and "jane" not in notes.lower()
    assert "renamed 1 file(s)" in notes
    # deterministic: same input + edits -> same bytes
    assert doc.render(edits_for(doc))[0] == out
    # the output reads back with the same module
    again = archive.open_document(out, LIMITS)
    assert not any(NAME in s.text or EMAIL in s.text for s in again.segments)


def test_image_member_is_ocrd():
    im = Image.new("RGB", (1400, 220), "white")
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 60)
    ImageDraw.Draw(im).text((40, 60), f"Owner {NAME}", fill="black", font=font)
    png = io.BytesIO()
    im.save(png, "PNG")
    doc = archive.open_document(make_zip({"img/shot.png": png.getvalue()}), LIMITS)
    seg = next(s for s in doc.segments if s.kind == "ocr")
    assert NAME in seg.text and seg.locator == "member img/shot.png: image line 1"


@pytest.mark.parametrize(
    "bad", ["../evil.py", "repo/../../etc/cron.d/x", "/etc/passwd", "C:/Windows/x.txt", "a\\..\\b"]
)
def test_unsafe_paths_refused(bad):
    with pytest.raises(CorruptFile) as exc:
        archive.open_document(make_zip({"ok.txt": "fine", bad: "x"}), LIMITS)
    assert bad in str(exc.value)


def test_symlink_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        info = zipfile.ZipInfo("repo/link")
        info.create_system = 3
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, "/etc/passwd")
    with pytest.raises(CorruptFile, match="repo/link"):
        archive.open_document(buf.getvalue(), LIMITS)


def zeros_zip(name: str, megabytes: int) -> bytes:
    """A ratio bomb, streamed so the test never holds the expanded data."""
    buf = io.BytesIO()
    chunk = bytes(1 << 20)
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("README.md", "harmless")
        info = zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w") as fh:
            for _ in range(megabytes):
                fh.write(chunk)
    return buf.getvalue()


def test_ratio_bomb_refused_fast():
    data = zeros_zip("data/zeros.bin", 200)
    assert len(data) < 1_000_000
    start = time.monotonic()
    with pytest.raises(LimitExceeded, match="zip bomb"):
        archive.open_document(data, LIMITS)
    assert time.monotonic() - start < 1.0  # refused from the directory, nothing inflated


def test_nested_bomb_refused_with_member_named():
    inner = zeros_zip("zeros.bin", 20)
    outer = make_zip(
        {"src/a.py": "x = 1\n", "vendor/deps.zip": inner}, compression=zipfile.ZIP_STORED
    )
    with pytest.raises(LimitExceeded) as exc:
        archive.open_document(outer, LIMITS)
    assert "vendor/deps.zip" in str(exc.value)


def test_nesting_depth_limit():
    level3 = make_zip({"deep.txt": "x"})
    level2 = make_zip({"l3.zip": level3})
    level1 = make_zip({"l2.zip": level2})
    with pytest.raises(LimitExceeded, match="nests"):
        archive.open_document(level1, Limits(max_nesting=2))
    archive.open_document(level2, Limits(max_nesting=2))  # one level of nesting is fine


def test_too_many_members():
    data = make_zip({f"f{i}.txt": "x" for i in range(11)})
    with pytest.raises(LimitExceeded, match="more than 10"):
        archive.open_document(data, Limits(max_members=10))


def test_expanded_size_limit():
    data = make_zip({"big.txt": "a" * 5000})
    with pytest.raises(LimitExceeded):
        archive.open_document(data, Limits(max_expanded_bytes=1000))


def test_lying_declared_size_is_caught():
    data = bytearray(make_zip({"a.txt": "b" * 5000}))
    # Patch the central directory's uncompressed size (and the local header's) down to 10.
    cd = data.rfind(b"PK\x01\x02")
    data[cd + 24 : cd + 28] = (10).to_bytes(4, "little")
    data[22:26] = (10).to_bytes(4, "little")
    # Never more than the declared size is inflated; the mismatch marks the member damaged,
    # so it is dropped (and said so) rather than half-read.
    doc = archive.open_document(bytes(data), LIMITS)
    assert not any("bbbbbbbbbb" in s.text for s in doc.segments)
    out, report = doc.render({})
    assert zipfile.ZipFile(io.BytesIO(out)).namelist() == []
    assert "dropped 1 unreadable file(s) (1 damaged)" in report.notes
    assert not any("a.txt" in n for n in report.notes)


def test_not_a_zip():
    with pytest.raises(CorruptFile):
        archive.open_document(b"PK\x03\x04 this is not a real zip", LIMITS)


def test_member_takes_its_output_extension():
    """A .msg comes out as .eml bytes and a .docm as a macro-free .docx: the member is named
    for what it holds, so the archive reads back (and the reviewer's tools open it)."""
    from tests.builders.closed_world import macro_enabled
    from tests.builders.mail import outlook_msg

    src = make_zip(
        {"mail/Offer.msg": outlook_msg(attach_docx=False), "doc/plan.docm": macro_enabled("docx")}
    )
    doc = archive.open_document(src, LIMITS)
    out, report = doc.render({})
    names = zipfile.ZipFile(io.BytesIO(out)).namelist()
    assert names == ["doc/plan.docx", "mail/Offer.eml"]
    assert "2 file(s) named for the format they were written in" in report.notes
    again = archive.open_document(out, LIMITS)  # each member opens as what its name says
    kinds = {m.path: m.doc.kind for m in again._members}
    assert kinds == {"doc/plan.docx": "docx", "mail/Offer.eml": "eml"}
    assert archive.audit(out) == []


MANIFEST = (
    "Manifest-Version: 1.0\r\n"
    "Created-By: Apache Maven 3.9.6\r\n"
    f"Built-By: {NAME}\r\n"
    "Implementation-Title: falcon-service\r\n"
    "Implementation-Vendor: Example Industries for a client whose name is long enough to wr\r\n"
    f" ap onto a second line, {NAME}\r\n"
    "Main-Class: com.example.falcon.Main\r\n"
    "\r\n"
    "Name: com/example/falcon/\r\n"
    "Sealed: true\r\n"
    "\r\n"
)


def test_jar_keeps_its_manifest_layout():
    src = make_zip(
        {
            "com/example/falcon/Main.class": b"\xca\xfe\xba\xbe\x00\x00\x00\x41" + bytes(64),
            "application.properties": f"owner={EMAIL}\n",
            "META-INF/MANIFEST.MF": MANIFEST,
            "META-INF/FALCON.SF": f"Signature-Version: 1.0\r\nCreated-By: {NAME}\r\n",
            "META-INF/FALCON.RSA": bytes(300),
        }
    )
    doc = archive.open_document(src, LIMITS)
    values = {s.locator: s.text for s in doc.segments if "MANIFEST" in s.locator}
    # header names are structure: only values are segments; continuation lines joined
    assert values["member META-INF/MANIFEST.MF: manifest Built-By"] == NAME
    assert values["member META-INF/MANIFEST.MF: manifest Implementation-Vendor"].endswith(
        f"wrap onto a second line, {NAME}"
    )
    assert not any("Manifest-Version" in s.text or "META" in s.text for s in doc.segments)
    out, report = doc.render(edits_for(doc))
    zf = zipfile.ZipFile(io.BytesIO(out))
    assert zf.namelist()[0] == "META-INF/MANIFEST.MF"  # where JarInputStream looks for it
    assert not any(n.endswith((".SF", ".RSA")) for n in zf.namelist())
    assert "removed the archive's signature (2 file(s)): it signed the original content" in (
        report.notes
    )
    manifest = zf.read("META-INF/MANIFEST.MF").decode()
    assert NAME not in manifest and "Built-By: [PERSON_1]\r\n" in manifest
    assert manifest.startswith("Manifest-Version: 1.0\r\nCreated-By: Apache Maven 3.9.6\r\n")
    assert "\r\n\r\nName: com/example/falcon/\r\nSealed: true\r\n" in manifest
    assert all(len(line.encode()) <= 72 for line in manifest.split("\r\n"))
    vendor = manifest.split("Implementation-Vendor: ", 1)[1].split("\r\nMain-Class")[0]
    assert vendor.replace("\r\n ", "").endswith("wrap onto a second line, [PERSON_1]")
