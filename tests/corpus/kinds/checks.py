"""Does a file still parse, compile or open? One check per kind, each with the library that
reads that kind (Python's `compile`, `json`, PyYAML, `tomllib`, lxml, html5lib in strict
mode, nbformat.validate, `node --check`, zipfile/tarfile, Pillow, python-docx, openpyxl,
python-pptx, pikepdf, the `email` package, `mailbox`).

`check(kind, data, original)` returns (ok, detail): ok is None when the checker itself is not
available here (node), and detail names the first error.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

Result = tuple[bool | None, str]


def _text(data: bytes) -> str:
    return data.decode("utf-8")


def python(data: bytes, original: bytes) -> Result:
    compile(_text(data), "<scrubbed>", "exec")
    return True, "compile()"


def javascript(data: bytes, original: bytes) -> Result:
    node = shutil.which("node")
    if not node:
        return None, "node is not installed"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "f.js")
        path.write_bytes(data)
        done = subprocess.run([node, "--check", str(path)], capture_output=True, timeout=60)
    if done.returncode:
        err = done.stderr.decode("utf-8", "replace").strip().splitlines()
        return False, next((ln for ln in err if "Error" in ln), err[-1] if err else "node failed")
    return True, "node --check"


def json_(data: bytes, original: bytes) -> Result:
    json.loads(data)
    return True, "json.loads"


def yaml_(data: bytes, original: bytes) -> Result:
    import yaml

    list(yaml.safe_load_all(data))
    return True, "yaml.safe_load"


def toml(data: bytes, original: bytes) -> Result:
    import tomllib

    tomllib.loads(_text(data))
    return True, "tomllib.loads"


def _numeric(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def csv_(data: bytes, original: bytes) -> Result:
    """The same shape (rows, columns), and every column that is numeric in the original is
    still numeric."""
    rows = list(csv.reader(io.StringIO(_text(data))))
    before = list(csv.reader(io.StringIO(_text(original))))
    if len(rows) != len(before):
        return False, f"{len(rows)} rows instead of {len(before)}"
    width = len(before[0])
    bad = [i for i, r in enumerate(rows) if len(r) != width]
    if bad:
        return False, f"row {bad[0] + 1} has {len(rows[bad[0]])} fields instead of {width}"
    numeric = [c for c in range(width) if all(_numeric(r[c]) for r in before[1:])]
    for r, row in enumerate(rows[1:], 2):
        for c in numeric:
            if not _numeric(row[c]):
                return False, f"row {r}, column {before[0][c]!r} is no longer a number: {row[c]!r}"
    return True, "csv: shape and numeric columns"


def xml(data: bytes, original: bytes) -> Result:
    from lxml import etree

    etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    return True, "lxml"


def svg(data: bytes, original: bytes) -> Result:
    from lxml import etree

    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return False, "written back as a PNG picture, not as SVG"
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    if root.tag != "{http://www.w3.org/2000/svg}svg":
        return False, f"root element is {root.tag}"
    return True, "lxml, svg root"


def html(data: bytes, original: bytes) -> Result:
    import html5lib

    html5lib.HTMLParser(strict=True).parse(data)
    return True, "html5lib (strict)"


def ipynb(data: bytes, original: bytes) -> Result:
    import nbformat

    nb = nbformat.reads(_text(data), as_version=4)
    nbformat.validate(nb)
    for i, cell in enumerate(nb.cells, 1):
        if cell.cell_type == "code":
            try:
                compile(cell.source, f"<cell {i}>", "exec")
            except SyntaxError as exc:
                return False, f"valid notebook, but code cell {i} does not compile: {exc}"
    return True, "nbformat.validate, code cells compile"


_MEMBER_CHECKS = {".py": python, ".json": json_, ".yml": yaml_, ".toml": toml, ".js": javascript}


def repo(data: bytes, original: bytes) -> Result:
    """A zip whose members each still parse (by extension) and whose names are all there."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf, zipfile.ZipFile(io.BytesIO(original)) as zo:
        bad = zf.testzip()
        if bad:
            return False, f"member {bad} is damaged"
        missing = sorted(set(zo.namelist()) - set(zf.namelist()))
        if missing:
            return False, f"member {missing[0]} is missing ({len(missing)} renamed or dropped)"
        for name in zf.namelist():
            fn = _MEMBER_CHECKS.get(Path(name).suffix)
            if fn is None:
                continue
            try:
                ok, detail = fn(zf.read(name), b"")
            except Exception as exc:  # noqa: BLE001 - the member's parser says why
                return False, f"{name}: {type(exc).__name__}: {exc}"
            if ok is False:
                return False, f"{name}: {detail}"
    return True, "zipfile; members compile/parse"


def epub(data: bytes, original: bytes) -> Result:
    """OCF layout: `mimetype` first and stored, container.xml names an existing package
    document, and every XML member parses."""
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        infos = zf.infolist()
        first = infos[0] if infos else None
        if first is None or first.filename != "mimetype":
            return False, f"first member is {first.filename if first else None!r}, not mimetype"
        if first.compress_type != zipfile.ZIP_STORED:
            return False, "mimetype is compressed"
        if zf.read("mimetype") != b"application/epub+zip":
            return False, f"mimetype holds {zf.read('mimetype')[:40]!r}"
        names = set(zf.namelist())
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        for name in sorted(n for n in names if n.endswith((".xml", ".opf", ".xhtml", ".ncx"))):
            try:
                root = etree.fromstring(zf.read(name), parser)
            except etree.XMLSyntaxError as exc:
                return False, f"{name}: {exc}"
            if name == "META-INF/container.xml":
                paths = [el.get("full-path") for el in root.iter() if el.get("full-path")]
                if not paths or paths[0] not in names:
                    return False, f"container.xml names {paths[:1]}, not in the archive"
    return True, "zipfile; OCF layout, XML members parse"


CHECKS: dict[str, Callable[[bytes, bytes], Result]] = {
    "python": python,
    "javascript": javascript,
    "json": json_,
    "yaml": yaml_,
    "toml": toml,
    "csv": csv_,
    "xml": xml,
    "svg": svg,
    "html": html,
    "ipynb": ipynb,
    "repo": repo,
    "epub": epub,
}


def _docx(data: bytes, original: bytes) -> Result:
    import docx

    d = docx.Document(io.BytesIO(data))
    return True, f"python-docx ({len(d.paragraphs)} paragraphs)"


def _xlsx(data: bytes, original: bytes) -> Result:
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(data))
    return True, f"openpyxl ({len(wb.sheetnames)} sheets)"


def _pptx(data: bytes, original: bytes) -> Result:
    from pptx import Presentation

    prs = Presentation(io.BytesIO(data))
    return True, f"python-pptx ({len(prs.slides)} slides)"


def _pdf(data: bytes, original: bytes) -> Result:
    import pikepdf
    import pypdfium2 as pdfium

    with pikepdf.open(io.BytesIO(data)) as pdf:
        pages = len(pdf.pages)
    doc = pdfium.PdfDocument(data)
    for i in range(len(doc)):
        doc[i].get_textpage().get_text_range()
    return True, f"pikepdf + pdfium ({pages} pages)"


def _pillow(data: bytes, original: bytes) -> Result:
    from PIL import Image, ImageSequence

    from .views import register_heif

    register_heif()
    with Image.open(io.BytesIO(data)) as im:
        frames = sum(1 for f in ImageSequence.Iterator(im) if f.load() is not False)
        return True, f"Pillow ({im.format}, {frames} frame{'s' * (frames > 1)})"


def _eml(data: bytes, original: bytes) -> Result:
    from email import policy
    from email.parser import BytesParser

    msg = BytesParser(policy=policy.default).parsebytes(data)
    defects = [d for part in msg.walk() for d in part.defects]
    if not msg["From"] or defects:
        return False, f"email: {defects[0] if defects else 'no From header'}"
    return True, f"email ({sum(1 for _ in msg.walk())} parts)"


def _mbox(data: bytes, original: bytes) -> Result:
    import mailbox

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "box")
        path.write_bytes(data)
        box = mailbox.mbox(path, create=False)
        n = sum(1 for m in box if m["From"])
        box.close()
    return (n > 0), f"mailbox.mbox ({n} messages)"


def _zipfile(data: bytes, original: bytes) -> Result:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        bad = zf.testzip()
        if bad:
            return False, f"zipfile: member {bad} is damaged"
        return True, f"zipfile ({len(zf.namelist())} members)"


def _tarfile(data: bytes, original: bytes) -> Result:
    import tarfile

    with tarfile.open(fileobj=io.BytesIO(data), mode="r:*") as tf:
        members = [m for m in tf.getmembers() if m.isfile()]
        for m in members:
            tf.extractfile(m).read()
    return True, f"tarfile ({len(members)} members)"


def _utf8(data: bytes, original: bytes) -> Result:
    data.decode("utf-8")
    return True, "UTF-8 text"


OPENERS: dict[str, Callable[[bytes, bytes], Result]] = {
    "docx": _docx, "xlsx": _xlsx, "pptx": _pptx, "pdf": _pdf, "eml": _eml, "mbox": _mbox,
    "zip": _zipfile, "epub": epub, "tar": _tarfile, "gz": _tarfile, "ipynb": ipynb,
    "html": html, "svg": svg, "csv": csv_, "json": json_, "txt": _utf8,
}  # fmt: skip


def opens(name: str, data: bytes | None, original: bytes) -> Result:
    """Does the output open with the library of its kind (pictures by their bytes)?"""
    from .views import is_picture

    if data is None:
        return False, "no output"
    ext = name.rsplit(".", 1)[-1].lower()
    fn = _pillow if is_picture(data) else OPENERS.get(ext)
    if fn is None:
        return False, f"no reader for .{ext}"
    try:
        return fn(data, original)
    except Exception as exc:  # noqa: BLE001 - the library's error is the finding
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        return False, f"{type(exc).__name__}: {first}"[:200]


def check(kind: str, data: bytes | None, original: bytes) -> Result:
    if data is None:
        return False, "no output"
    try:
        return CHECKS[kind](data, original)
    except Exception as exc:  # noqa: BLE001 - the parser's error is the finding
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        return False, f"{type(exc).__name__}: {first}"[:200]
