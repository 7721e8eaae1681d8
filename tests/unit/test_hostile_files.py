"""Hostile input: every case ends as a clear per-file error or a correct scrub.

Every file is generated here (no committed binaries) and goes through the engine exactly as the
worker runs it (`sniff`, then `Scrubber().scrub`) and through the upload view. Each case records
its elapsed time; `pytest -s tests/unit/test_hostile_files.py` prints the table at the end.
The only time assertions are the generous "within the Celery soft time limit" bounds.

Over 500 lines because it is one table of hostile cases, each a small generator, sharing the
timing table printed at the end; splitting it would split that table.
"""

from __future__ import annotations

import io
import os
import re
import struct
import time
import zipfile
import zlib
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from scrubbing.engine.base import ScrubError
from scrubbing.engine.pipeline import GENERIC_ERROR, Scrubber
from scrubbing.engine.pseudonyms import Pseudonymizer
from scrubbing.engine.sniff import sniff
from scrubbing.engine.terms import TermLists
from tests.builders.files import make_docx, make_pdf, make_png, make_xlsx, task_form_data
from tests.builders.tasks import queued_file

NAME = "Margaret Hollingsworth"
SURNAME = "Hollingsworth"
EMAIL = "m.hollingsworth@northwind-traders.com"
SECRET_TOKEN = "ghp_R8mVq2ZtL5xKd9WcYp3NfB7sHj4Ga6Ue1Qo0"
TIME_BOUND = settings.CELERY_TASK_SOFT_TIME_LIMIT  # seconds: one job must finish within it

TIMINGS: list[tuple[str, str, str, float]] = []  # (case, path, outcome, seconds)


@pytest.fixture(scope="module", autouse=True)
def _timing_table():
    yield
    if not TIMINGS:
        return
    width = max(len(c) for c, *_ in TIMINGS)
    lines = [
        "",
        "hostile input: case / path / outcome / seconds",
        f"{'case':<{width}}  {'path':<7}  {'seconds':>8}  outcome",
    ]
    for case, path, outcome, seconds in TIMINGS:
        lines.append(f"{case:<{width}}  {path:<7}  {seconds:8.2f}  {outcome[:110]}")
    print("\n".join(lines))


# ---- builders ------------------------------------------------------------------------------


def zip_of(members: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def zeros_member_zip(megabytes: int, name: str = "zeros.txt") -> bytes:
    """One member of `megabytes` MB of zeros, streamed (the test never holds it in memory)."""
    buf = io.BytesIO()
    chunk = b"0" * (1024 * 1024)
    with (
        zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf,
        zf.open(name, "w", force_zip64=True) as member,
    ):
        for _ in range(megabytes):
            member.write(chunk)
    return buf.getvalue()


def zip_bomb_ratio() -> bytes:
    return zeros_member_zip(300)  # ~300 KB packed, 300 MB unpacked (ratio ~1000)


def zip_bomb_nested() -> bytes:
    inner = zeros_member_zip(40)
    middle = zip_of({f"layer2-{i}.zip": inner for i in range(8)}, zipfile.ZIP_STORED)
    return zip_of({f"layer1-{i}.zip": middle for i in range(8)}, zipfile.ZIP_STORED)


def zip_bomb_inner() -> bytes:
    # one level of nesting (allowed), the bomb is inside the inner zip
    return zip_of({"inner.zip": zeros_member_zip(300)}, zipfile.ZIP_STORED)


def docx_ratio_bomb() -> bytes:
    # a real .docx carrying a 300 MB part of zeros (ratio ~1000)
    base = make_docx(["Quarterly memo"])
    bomb = zeros_member_zip(300, name="word/media/blob.bin")
    buf = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(base)) as src,
        zipfile.ZipFile(io.BytesIO(bomb)) as extra,
        zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in src.infolist():
            out.writestr(info, src.read(info))
        for info in extra.infolist():  # copy the compressed member as is (never inflated here)
            with extra.open(info) as member, out.open(info, "w", force_zip64=True) as target:
                while chunk := member.read(1024 * 1024):
                    target.write(chunk)
    return buf.getvalue()


def zip_with_member(name: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("readme.txt", "harmless")
        info = zipfile.ZipInfo("placeholder.txt")
        info.filename = name  # ZipInfo would normalise some names; write them raw
        zf.writestr(info, f"written by {NAME}")
    return buf.getvalue()


def ooxml_patch(data: bytes, part: str, fn: Callable[[bytes], bytes]) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    parts[part] = fn(parts[part])
    return zip_of(parts)


def with_doctype(xml: bytes, doctype: str, reference: str, marker: bytes) -> bytes:
    head, sep, rest = xml.partition(b"?>")
    xml = head + sep + doctype.encode() + rest if sep else doctype.encode() + xml
    return xml.replace(marker, marker + reference.encode(), 1)


XXE = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + "]>"
)


def docx_xxe() -> bytes:
    return ooxml_patch(
        make_docx(["Quarterly memo", f"Prepared by {NAME}"]),
        "word/document.xml",
        lambda x: with_doctype(x, XXE, "&xxe;", b"Quarterly memo"),
    )


def docx_xxe_in_core_properties() -> bytes:
    return ooxml_patch(
        make_docx(["Quarterly memo"]),
        "docProps/core.xml",
        lambda x: with_doctype(
            x, XXE.replace("w:document", "cp:coreProperties"), "&xxe;", b"Jane Doe"
        ),
    )


def xlsx_billion_laughs() -> bytes:
    data = make_xlsx([["Contact"], ["placeholder"]])
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        part = "xl/sharedStrings.xml" if "xl/sharedStrings.xml" in zf.namelist() else None
    if part is None:  # openpyxl writes inline strings into the sheet in some versions
        return ooxml_patch(
            data,
            "xl/worksheets/sheet1.xml",
            lambda x: with_doctype(x, LAUGHS, "&lol9;", b"placeholder"),
        )
    return ooxml_patch(data, part, lambda x: with_doctype(x, LAUGHS, "&lol9;", b"placeholder"))


def office_encrypted(data: bytes) -> bytes:
    pytest.importorskip("msoffcrypto")
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(data)).encrypt("Passw0rd!", out)
    return out.getvalue()


def pdf_encrypted(user: str = "secret") -> bytes:
    import pikepdf

    pdf = pikepdf.open(io.BytesIO(make_pdf([f"Salary review for {NAME}"])))
    out = io.BytesIO()
    pdf.save(out, encryption=pikepdf.Encryption(user=user, owner="owner-secret"))
    return out.getvalue()


def pdf_with_javascript_and_attachment() -> bytes:
    import pikepdf
    from pikepdf import Array, Dictionary, Name, String

    pdf = pikepdf.open(io.BytesIO(make_pdf(["Quarterly summary", f"Owner {NAME}"])))
    pdf.attachments["contacts.txt"] = pikepdf.AttachedFileSpec(
        pdf, f"{NAME} <{EMAIL}> {SECRET_TOKEN}".encode(), description="contacts"
    )
    js = pdf.make_indirect(
        Dictionary(S=Name.JavaScript, JS=String("app.launchURL('https://evil.example/x');"))
    )
    names = pdf.Root.get("/Names") or Dictionary()
    names.JavaScript = Dictionary(Names=Array([String("boot"), js]))
    pdf.Root.Names = names
    pdf.Root.OpenAction = js
    pdf.pages[0].obj.AA = Dictionary(O=js)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def pdf_zip_polyglot() -> bytes:
    # A PDF with a ZIP appended: readers see the PDF, unzip sees the archive (its central
    # directory sits at the end). The zip carries a secret that must never reach the output.
    payload = zip_of({"secret.txt": f"{NAME} {EMAIL} {SECRET_TOKEN}".encode()})
    return make_pdf(["Polyglot cover page"]) + payload


def exe_as_docx() -> bytes:
    return b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(range(256)) * 40


def elf_as_pdf() -> bytes:
    return b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 40


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_pixel_bomb() -> bytes:
    # 200,000 x 200,000 pixels declared (40 gigapixels); a few hundred bytes on disk.
    ihdr = struct.pack(">IIBBBBB", 200_000, 200_000, 8, 2, 0, 0, 0)
    body = zlib.compress(b"\x00" * 1_000_000, 9)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + png_chunk(b"IDAT", body)
        + png_chunk(b"IEND", b"")
    )


def png_zlib_bomb() -> bytes:
    # Within the pixel limit (6,000 x 6,000), but the IDAT is a ~100 MB stream of zeros.
    width = height = 6000
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    comp = zlib.compressobj(9)
    row = b"\x00" + b"\x00" * (width * 3)
    idat = b"".join(comp.compress(row) for _ in range(height)) + comp.flush()
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + png_chunk(b"IDAT", idat)
        + png_chunk(b"IEND", b"")
    )


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_many_runs(paragraphs: int = 2000, runs: int = 20) -> bytes:
    """40,000 runs; the person's name is split over three runs in every 100th paragraph."""
    body = []
    for p in range(paragraphs):
        rs = [
            f'<w:r><w:rPr><w:b w:val="{i % 2}"/></w:rPr><w:t xml:space="preserve">w{i} </w:t></w:r>'
            for i in range(runs - 3)
        ]
        if p % 100 == 0:
            first, last = NAME.split()
            rs += [
                f'<w:r><w:t xml:space="preserve">Ask {first[:4]}</w:t></w:r>',
                f'<w:r><w:t xml:space="preserve">{first[4:]} </w:t></w:r>',
                f"<w:r><w:t>{last} today.</w:t></w:r>",
            ]
        else:
            rs += ["<w:r><w:t>x</w:t></w:r>"] * 3
        body.append(f"<w:p>{''.join(rs)}</w:p>")
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>'
        + "".join(body)
        + "</w:body></w:document>"
    )
    return ooxml_patch(make_docx(["placeholder"]), "word/document.xml", lambda _: xml.encode())


def xlsx_many_rows(rows: int = 200_000) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Ledger")
    ws.append(["id", "category", "amount", "owner"])
    cats = ["hardware", "software", "travel", "services", "training"]
    for i in range(rows):
        owner = NAME if i % 50_000 == 7 else ""
        ws.append([i, cats[i % 5], (i * 37) % 1000 / 10, owner])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def truncated(data: bytes, keep: float = 0.5) -> bytes:
    return data[: int(len(data) * keep)]


def corrupt_docx() -> bytes:
    return ooxml_patch(make_docx(["ok"]), "word/document.xml", lambda x: x[: len(x) // 2])


def text_bytes() -> bytes:
    return f"Prepared by {NAME} ({EMAIL}). Token {SECRET_TOKEN}\n".encode()


# ---- expectations --------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    id: str
    name: str
    build: Callable[[], bytes]
    # "refuse": a ScrubError sentence matching `pattern`;
    # "scrub": a correct scrub (done, secrets gone, output opens) or a clear refusal;
    # "done": must be a correct scrub.
    expect: str
    pattern: str = ""
    upload_refused: bool | None = None  # None: either is fine at upload


BOMB = r"bomb|compress|larger|limit|too (many|much|big|large)|expand"
CASES = [
    Case("zip-bomb-ratio", "data.zip", zip_bomb_ratio, "refuse", BOMB),
    Case("zip-bomb-nested", "nested.zip", zip_bomb_nested, "refuse", BOMB + r"|nest|deep"),
    Case("zip-bomb-inside-inner-zip", "outer.zip", zip_bomb_inner, "refuse", BOMB),
    Case("docx-ratio-bomb", "bomb.docx", docx_ratio_bomb, "refuse", BOMB),
    Case(
        "zip-dotdot-path",
        "repo.zip",
        lambda: zip_with_member("../../etc/cron.d/evil"),
        "refuse",
        r"outside|\.\.",
    ),
    Case(
        "zip-absolute-path",
        "repo.zip",
        lambda: zip_with_member("/etc/passwd"),
        "refuse",
        r"absolute",
    ),
    Case(
        "zip-windows-path",
        "repo.zip",
        lambda: zip_with_member("C:\\Windows\\evil.txt"),
        "refuse",
        r"absolute|outside|invalid",
    ),
    Case("docx-xxe", "memo.docx", docx_xxe, "refuse", r"unsafe XML|DOCTYPE|entity"),
    Case(
        "docx-xxe-core-props",
        "memo.docx",
        docx_xxe_in_core_properties,
        "refuse",
        r"unsafe XML|DOCTYPE|entity",
    ),
    Case(
        "xlsx-billion-laughs",
        "sheet.xlsx",
        xlsx_billion_laughs,
        "refuse",
        r"unsafe XML|DOCTYPE|entity",
    ),
    Case(
        "docx-office-encrypted",
        "locked.docx",
        lambda: office_encrypted(make_docx([f"Secret memo {NAME}"])),
        "refuse",
        r"password",
        upload_refused=True,
    ),
    Case(
        "xlsx-office-encrypted",
        "locked.xlsx",
        lambda: office_encrypted(make_xlsx([[NAME, EMAIL]])),
        "refuse",
        r"password",
        upload_refused=True,
    ),
    Case("pdf-encrypted", "locked.pdf", pdf_encrypted, "refuse", r"password", upload_refused=True),
    Case(
        "pdf-encrypted-empty-user-pw",
        "locked2.pdf",
        lambda: pdf_encrypted(user=""),
        "scrub",
        r"password",
        upload_refused=False,
    ),
    Case(
        "docx-truncated",
        "cut.docx",
        lambda: truncated(make_docx(["Hello " + NAME])),
        "refuse",
        r"damaged|corrupt|not a readable|could not be read",
        upload_refused=True,
    ),
    Case("docx-corrupt-xml", "bad.docx", corrupt_docx, "refuse", r"damaged|corrupt|read"),
    Case(
        "pdf-truncated",
        "cut.pdf",
        lambda: truncated(make_pdf([f"Hello {NAME}"])),
        "scrub",
        r"damaged|corrupt|read|open",
    ),
    Case(
        "pdf-garbage",
        "junk.pdf",
        lambda: b"%PDF-1.7\n" + bytes(range(256)) * 64,
        "refuse",
        r"damaged|corrupt|read|open|looks like",
    ),
    Case(
        "png-truncated",
        "cut.png",
        lambda: truncated(make_png("Hello")),
        "refuse",
        r"damaged|corrupt|truncated|read|open",
    ),
    Case("zero-bytes-txt", "empty.txt", lambda: b"", "refuse", r"empty", upload_refused=True),
    Case("zero-bytes-docx", "empty.docx", lambda: b"", "refuse", r"empty", upload_refused=True),
    Case("pdf-javascript-attachment", "active.pdf", pdf_with_javascript_and_attachment, "done"),
    Case(
        "pdf-zip-polyglot",
        "poly.pdf",
        pdf_zip_polyglot,
        "scrub",
        r"polyglot|damaged|trailing|unsupported|looks like",
    ),
    Case(
        "exe-named-docx", "report.docx", exe_as_docx, "refuse", r"executable", upload_refused=True
    ),
    Case("elf-named-pdf", "report.pdf", elf_as_pdf, "refuse", r"executable", upload_refused=True),
    Case("png-pixel-bomb", "huge.png", png_pixel_bomb, "refuse", r"pixel|too (big|large)|limit"),
    Case("png-zlib-bomb", "big.png", png_zlib_bomb, "scrub", r"pixel|too (big|large)|limit"),
    Case("docx-40k-runs", "long.docx", docx_many_runs, "done"),
    Case("xlsx-200k-rows", "ledger.xlsx", xlsx_many_rows, "done"),
    Case("name-path-separators", "../../etc/passwd/notes.txt", text_bytes, "done"),
    Case("name-windows-path", "C:\\Users\\mh\\Desktop\\notes.txt", text_bytes, "done"),
    Case("name-control-chars", "no\x00tes\x1b[31m\r\n.txt", text_bytes, "done"),
    Case("name-very-long", ("x" * 4000) + ".txt", text_bytes, "done"),
]
_BUILT: dict[str, bytes] = {}


def built(case: Case) -> bytes:
    if case.id not in _BUILT:
        _BUILT[case.id] = case.build()
    return _BUILT[case.id]


@pytest.fixture(scope="module")
def scrubber() -> Scrubber:
    return Scrubber()


def leaked_secrets(output: bytes) -> list[str]:
    """Which secrets the output still holds, looking inside zips/OOXML and PDF text too."""
    blobs = [output]
    if output[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(output)) as zf:
            blobs += [zf.read(n) for n in zf.namelist()]
    if output[:5] == b"%PDF-":
        import pikepdf

        with pikepdf.open(io.BytesIO(output)) as pdf:
            for obj in pdf.objects:
                if isinstance(obj, pikepdf.Stream):
                    with suppress(pikepdf.PdfError):
                        blobs.append(obj.read_bytes())
    lowered = [b.lower() for b in blobs]
    return [
        s
        for s in (NAME, SURNAME, EMAIL, SECRET_TOKEN, "root:x:0:0")
        if any(s.lower().encode() in b for b in lowered)
    ]


def assert_clear_sentence(error: str | None, case: Case) -> None:
    assert error, f"{case.id}: no error sentence"
    assert error != GENERIC_ERROR, f"{case.id}: an internal error, not a clear reason: {error}"
    assert "Traceback" not in error and "/work/" not in error and "root:x" not in error, error
    assert len(error) < 400, error
    if case.pattern:
        assert re.search(case.pattern, error, re.I), f"{case.id}: unexpected reason: {error}"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_engine_ends_in_a_clear_error_or_a_correct_scrub(case: Case, scrubber: Scrubber):
    data = built(case)
    start = time.perf_counter()
    result = scrubber.scrub(case.name, data, TermLists(), Pseudonymizer())
    seconds = time.perf_counter() - start
    outcome = result.status + (f": {result.error}" if result.error else "")
    TIMINGS.append((case.id, "engine", outcome, seconds))
    assert seconds < TIME_BOUND, f"{case.id} took {seconds:.0f} s (soft limit {TIME_BOUND} s)"

    if case.expect == "refuse" or (case.expect == "scrub" and result.status == "failed"):
        assert result.status == "failed", f"{case.id}: expected a refusal, got {outcome}"
        assert result.output is None
        assert_clear_sentence(result.error, case)
        return
    assert result.status == "done", f"{case.id}: expected a correct scrub, got {outcome}"
    assert result.output
    assert not leaked_secrets(result.output), (case.id, leaked_secrets(result.output))
    # the output is what it claims to be and opens again with the same reader
    again = sniff("out" + (result.kind and "." + result.kind or ""), result.output)
    assert again.kind == result.kind
    if case.id == "pdf-javascript-attachment":
        for marker in (b"/JavaScript", b"/JS", b"/EmbeddedFile", b"/OpenAction", b"/AA"):
            assert marker not in result.output, marker
    if case.id == "pdf-zip-polyglot":
        assert not zipfile.is_zipfile(io.BytesIO(result.output)), "the appended zip survived"
    if case.id.startswith("name-"):
        assert result.output.decode().count("[") >= 2  # name and e-mail replaced


def test_sniff_refuses_at_upload_time_without_opening_the_file():
    """What `sniff` alone (the upload check) refuses, and how fast."""
    for case in CASES:
        data = built(case)
        start = time.perf_counter()
        try:
            info = sniff(case.name, data)
            outcome = f"accepted as {info.kind}"
        except ScrubError as exc:
            outcome = f"refused: {exc}"
            assert_clear_sentence(str(exc), Case(case.id, case.name, case.build, "refuse"))
        seconds = time.perf_counter() - start
        TIMINGS.append((case.id, "sniff", outcome, seconds))
        assert seconds < 10, (case.id, seconds)
        if case.upload_refused:
            assert outcome.startswith("refused"), (case.id, outcome)


@pytest.mark.django_db
def test_upload_view_refuses_or_accepts_each_file_on_its_own(client, contractor):
    """The drag-and-drop endpoint answers per file; names never keep a path or control chars."""
    client.force_login(contractor)
    for case in CASES:
        if len(built(case)) > settings.PORTAL_MAX_FILE_BYTES:
            continue
        start = time.perf_counter()
        response = client.post(
            reverse("submissions:stage_upload"),
            {"part": "deliverable", "file": SimpleUploadedFile(case.name, built(case))},
        )
        seconds = time.perf_counter() - start
        body = response.json()
        outcome = (
            f"accepted ({body['type']}) as {body['name'][:40]!r}"
            if response.status_code == 200
            else f"{response.status_code}: {body.get('error')}"
        )
        TIMINGS.append((case.id, "upload", outcome, seconds))
        assert response.status_code in (200, 422), (case.id, response.status_code, body)
        if case.upload_refused:
            assert response.status_code == 422, (case.id, body)
        if response.status_code == 422:
            assert_clear_sentence(body["error"], Case(case.id, case.name, case.build, "refuse"))
        else:
            stored = body["name"]
            assert "/" not in stored and "\\" not in stored, stored
            assert not re.search(r"[\x00-\x1f\x7f]", stored), repr(stored)
            assert 0 < len(stored) <= 180, len(stored)


@pytest.mark.django_db
def test_empty_file_via_drag_and_drop_is_named(client, contractor):
    client.force_login(contractor)
    response = client.post(
        reverse("submissions:stage_upload"),
        {"part": "deliverable", "file": SimpleUploadedFile("notes.txt", b"")},
    )
    assert response.status_code == 422
    assert "notes.txt" in response.json()["error"] and "empty" in response.json()["error"]


@pytest.mark.django_db
def test_hostile_files_fail_alone_in_a_task_and_the_good_file_is_done(
    client, contractor, django_capture_on_commit_callbacks
):
    """Through the view and the worker's service: each bad file fails with its own sentence,
    the good file of the same task is scrubbed, the task reaches the contractor's check."""
    from scrubbing import services as scrub_services
    from submissions.models import Task

    client.force_login(contractor)
    chosen = [
        "zip-bomb-ratio",
        "zip-dotdot-path",
        "docx-xxe",
        "xlsx-billion-laughs",
        "png-pixel-bomb",
        "docx-corrupt-xml",
    ]
    files = [SimpleUploadedFile("good.docx", make_docx([f"Prepared by {NAME}"]))]
    files += [SimpleUploadedFile(f"{c.id}-{c.name}", built(c)) for c in CASES if c.id in chosen]
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(
            reverse("submissions:task_create"),
            {
                **task_form_data(
                    title="Hostile batch",
                    request_text="Check the attached files.",
                    minutes_spent="30",
                ),
                "deliverable_files": files,
            },
        )
    assert response.status_code == 302, response.content[:3000]
    task = Task.objects.get(title="Hostile batch")
    for f in task.files.all():
        start = time.perf_counter()
        status = scrub_services.file_scrub(f.pk, f.generation)
        f.refresh_from_db()
        TIMINGS.append(
            (f.original_name[:30], "service", f"{status}: {f.error}", time.perf_counter() - start)
        )
    states = {f.original_name: (f.scrub_status, f.error) for f in task.files.all()}
    assert states["good.docx"][0] == "done", states
    assert states["request-text.txt"][0] == "done", states
    for c in chosen:
        name = next(n for n in states if n.startswith(c))
        status, error = states[name]
        assert status == "failed", (name, status, error)
        assert_clear_sentence(error, next(x for x in CASES if x.id == c))
    task.refresh_from_db()
    assert task.status == Task.Status.CONTRACTOR_CHECK


# ---- worker limits: a clear error when a time or memory limit is hit -----------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "exc, sentence",
    [("soft_time_limit", "took longer than"), ("memory", "more memory than is allowed")],
)
def test_time_and_memory_limits_end_as_a_clear_per_file_error(
    exc, sentence, contractor, monkeypatch
):
    from celery.exceptions import SoftTimeLimitExceeded

    from scrubbing import services as scrub_services
    from submissions.models import Task

    f = queued_file(contractor, "a.txt", b"abc", "text")
    error = SoftTimeLimitExceeded() if exc == "soft_time_limit" else MemoryError()

    real = scrub_services.get_scrubber()

    class Exploding:
        def __getattr__(self, name):
            return getattr(real, name)

        def analyze(self, *a, **k):
            raise error

    monkeypatch.setattr(scrub_services, "get_scrubber", lambda: Exploding())
    assert scrub_services.file_scrub(f.pk, f.generation) == "failed"
    f.refresh_from_db()
    assert f.scrub_status == "failed" and sentence in f.error
    f.task.refresh_from_db()
    assert f.task.status == Task.Status.CONTRACTOR_CHECK  # the task is not stuck in scrubbing


# ---- the hard memory cap of a worker child (portal/celery.py) ------------------------------

_CAP_SCRIPT = """
import os, sys
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
import django
django.setup()
from portal.celery import apply_memory_cap
if sys.argv[1] != "0":
    apply_memory_cap(headroom_kb=int(sys.argv[1]))
try:
    block = bytearray(600 * 1024 * 1024)
    print("allocated", len(block) // 2**20)
except MemoryError:
    print("MemoryError")
"""


@pytest.mark.parametrize("headroom_kb, expected", [(200_000, "MemoryError"), (0, "allocated")])
def test_memory_cap_makes_a_big_allocation_fail_with_memory_error(headroom_kb, expected):
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-c", _CAP_SCRIPT, str(headroom_kb)],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.stdout.strip().splitlines()[-1].startswith(expected), out.stdout + out.stderr


def test_worker_children_get_the_cap_from_settings():
    """The worker_process_init handler sets RLIMIT_AS from SCRUB_MEMORY_CAP_KB."""
    import subprocess
    import sys

    code = (
        "import os, resource; os.environ['DJANGO_SETTINGS_MODULE'] = 'portal.settings.test'; "
        "import django; django.setup(); from celery.signals import worker_process_init; "
        "import portal.celery; worker_process_init.send(sender=None); "
        "print(resource.getrlimit(resource.RLIMIT_AS)[0])"
    )
    env = {**os.environ, "SCRUB_MEMORY_CAP_KB": "3000000"}
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    limit = int(out.stdout.strip().splitlines()[-1])
    assert 3_000_000 * 1024 < limit < 3_000_000 * 1024 + 2 * 2**30, limit
    assert settings.SCRUB_MEMORY_CAP_KB >= settings.CELERY_WORKER_MAX_MEMORY_PER_CHILD


_OOM_SCRIPT = """
import os, sys
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
import django
django.setup()
sys.path.insert(0, ".")
from tests.unit.test_hostile_files import xlsx_many_rows
from scrubbing.scrubber import get_scrubber
from scrubbing.engine.base import ScrubError
from scrubbing.engine.pseudonyms import Pseudonymizer
from scrubbing.engine.terms import TermLists
data = xlsx_many_rows()
scrubber = get_scrubber()
scrubber.scrub("warm.txt", b"Prepared by Margaret Hollingsworth", TermLists(), Pseudonymizer())
from portal.celery import apply_memory_cap
apply_memory_cap(headroom_kb=int(sys.argv[1]))
# exactly what scrubbing.services.file_scrub does around the engine
try:
    analysis = scrubber.analyze("ledger.xlsx", data, TermLists())
    scrubber.assign(analysis, Pseudonymizer())
    result = scrubber.finish(analysis)
    print("RESULT", result.status, result.error)
except MemoryError:
    print("RESULT failed Scrubbing needed more memory than is allowed (raised).")
except ScrubError as exc:
    print("RESULT failed", exc)
"""


@pytest.mark.parametrize("headroom_kb", [300_000, 1_000_000])
def test_a_file_that_needs_more_memory_than_the_cap_says_so(headroom_kb):
    """The 200,000-row workbook needs ~2 GB; under a smaller cap the sentence must say memory,
    not "damaged" (which would send the contractor looking for a broken file)."""
    import subprocess
    import sys

    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", _OOM_SCRIPT, str(headroom_kb)],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=TIME_BOUND,
    )
    line = next(x for x in out.stdout.splitlines() if x.startswith("RESULT"))
    TIMINGS.append(
        (
            f"xlsx-200k-rows cap {headroom_kb // 1000} MB",
            "capped",
            line[7:],
            time.perf_counter() - start,
        )
    )
    assert line.startswith("RESULT failed"), line
    assert "memory" in line, line
