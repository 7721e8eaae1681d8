"""What a reader of any file of both slices can read, without the engine's readers.

`read(name, data)` -> independent.views.View: the text a person reading the file would see
(PDF text layer, OOXML/OpenDocument XML parts, mail headers and decoded parts, HTML text with
its attribute values and comments, every string of a notebook, an archive's member names and
members, a picture's metadata and tesseract's reading of its pixels) plus the raw bytes for
the encoded forms a value can take. `source(name, data)` is the text the must-survive tokens
are counted in: the file's own characters (an archive: member names, then members).
"""

from __future__ import annotations

import html
import io
import mailbox
import re
import tarfile
import tempfile
import zipfile
from pathlib import Path

from tests.corpus.independent import views as independent_views
from tests.corpus.independent.views import View

from .code_archives import archive_text
from .code_markup import notebook_text

_PICTURE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM")


def is_picture(data: bytes) -> bool:
    from scrubbing.engine.magic import ftyp_brands

    return (
        data.startswith(_PICTURE_MAGIC)
        or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")
        or bool(ftyp_brands(data))
        or bool(re.match(rb"P[1-6]\s", data[:3]))
    )


def is_tar(data: bytes) -> bool:
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:*"):
            return True
    except (tarfile.TarError, EOFError, OSError):
        return False


def read(name: str, data: bytes, ocr: bool = True) -> View:
    ext = name.rsplit(".", 1)[-1].lower()
    if data[:4] == b"%PDF":
        return independent_views._pdf(data, ocr)
    if data[:2] == b"PK":
        return _zip(data, ocr)
    if is_picture(data):
        return _picture(data, ocr)
    if data[:2] == b"\x1f\x8b" or (data[257:262] == b"ustar" and is_tar(data)):
        return _tar(data, ocr)
    if ext == "mbox" or data.startswith(b"From "):
        return _mbox(data)
    if ext == "ipynb":
        return View(notebook_text(data), [data])
    if ext in ("html", "htm", "xhtml", "svg"):
        return _markup(data)
    if ext == "eml":
        return _mail(data)
    return independent_views.view(name, data)


def source(name: str, data: bytes | None) -> str:
    if not data:
        return ""
    if data[:2] == b"PK":
        return archive_text(data)
    if is_picture(data):
        return ""  # pixels: no token survives as characters
    if name.endswith(".ipynb"):
        return notebook_text(data)
    return data.decode("utf-8", "replace")


def _merge(views: list[tuple[str, View]], raw: bytes) -> View:
    """Member views, each after its name (names are text a reader sees)."""
    text = "\n".join(f"{n}\n{v.text}" for n, v in views)
    return View(text, [raw, *(b for _n, v in views for b in v.raw)])


def _zip(data: bytes, ocr: bool) -> View:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return View("", [data])
    with zf:
        names = set(zf.namelist())
        if "[Content_Types].xml" in names or (
            "mimetype" in names and zf.read("mimetype").startswith(b"application/vnd.oasis")
        ):
            return independent_views._package(data)
        return _merge([(n, read(n, zf.read(n), ocr)) for n in zf.namelist()], data)


def _tar(data: bytes, ocr: bool) -> View:
    views = []
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:*") as tf:
            for m in tf.getmembers():
                f = tf.extractfile(m) if m.isfile() else None
                views.append((m.name, read(m.name, f.read(), ocr) if f else View("")))
    except (tarfile.TarError, EOFError, OSError):
        return View("", [data])
    return _merge(views, data)


def _mbox(data: bytes) -> View:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "box")
        path.write_bytes(data)
        box = mailbox.mbox(path, create=False)
        messages = [m.as_bytes() for m in box]
        box.close()
    return _merge([(f"message {i}", _mail(m)) for i, m in enumerate(messages, 1)], data)


_BOUNDARY = re.compile(r'boundary="[^"]*"')


def _mail(data: bytes) -> View:
    """independent.views' mail reader, without MIME boundaries (random digits a postcode
    would be found in)."""
    v = independent_views._eml(data)
    v.text = _BOUNDARY.sub('boundary=""', v.text)
    v.text += "".join("\n" + t for t in independent_views.encoded_payloads(v.text))
    return v


_ATTR = re.compile(r"""\s[\w:-]+\s*=\s*("[^"]*"|'[^']*')""")
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)


def _markup(data: bytes) -> View:
    """HTML/SVG: the text between tags, then attribute values and comments, unescaped."""
    text = data.decode("utf-8", "replace")
    attrs = [html.unescape(m.group(1)[1:-1]) for m in _ATTR.finditer(text)]
    comments = _COMMENT.findall(text)
    body = independent_views._strip_tags(_COMMENT.sub(" ", text))
    return View("\n".join([body, *attrs, *comments]), [data])


def register_heif() -> None:
    """Let Pillow open HEIC inputs (pillow-heif, a test dependency; outputs are PNG)."""
    try:
        import pillow_heif
    except ImportError:  # pragma: no cover
        return
    pillow_heif.register_heif_opener()


def _picture(data: bytes, ocr: bool) -> View:
    from PIL import Image, ImageSequence

    register_heif()
    texts: list[str] = []
    try:
        with Image.open(io.BytesIO(data)) as im:
            texts += [f"{k}: {v}" for k, v in im.info.items() if isinstance(v, str)]
            texts += [str(v) for v in im.getexif().values() if isinstance(v, str)]
            if ocr:
                texts += [_ocr(frame.copy()) for frame in ImageSequence.Iterator(im)]
    except (OSError, ValueError, Image.DecompressionBombError):
        return View("", [data])
    return View("\n".join(texts), [data])


def _ocr(im) -> str:
    import pytesseract

    im = im.convert("RGB")
    if max(im.size) < 1600:
        scale = 1600 / max(im.size)
        im = im.resize((int(im.width * scale), int(im.height * scale)))
    return pytesseract.image_to_string(im)
