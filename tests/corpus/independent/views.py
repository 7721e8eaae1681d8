"""What a reader of a file can read, extracted without the engine's own readers.

.eml through the standard library (decoded headers, every text part decoded, HTML without
tags); .docx/.xlsx from every XML part of the package (a .zip from its text members) (runs of a paragraph joined, shared
strings, document properties); .pdf through pdfium's text layer plus the document info, and
tesseract on any page that has no text layer (a rasterized page still shows its words);
everything else as UTF-8 text; base64 and quoted-printable payloads left encoded in a text
are decoded too (a reader decodes them in a second). `raw` keeps the bytes too, for the encoded forms a value can
take (XML-escaped, UTF-16...), searched by tests/corpus/evaluate.py's Haystack (PDFs: not
the pictures and font programs).
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from dataclasses import dataclass, field
from email.parser import BytesParser

from scrubbing.engine.formats.mail.headers import ReadPolicy


@dataclass
class View:
    text: str
    raw: list[bytes] = field(default_factory=list)
    pages_with_text: list[int] = field(default_factory=list)  # PDFs: 1-based page numbers
    pages: int = 0


def view(name: str, data: bytes, ocr: bool = True) -> View:
    ext = name.rsplit(".", 1)[-1].lower()
    if data[:4] == b"%PDF":
        return _pdf(data, ocr)
    if data[:2] == b"PK":
        return _package(data)
    v = _eml(data) if ext == "eml" else View(data.decode("utf-8", "replace"), [data])
    v.text += "".join("\n" + t for t in encoded_payloads(v.text))
    return v


_B64_BLOCK = re.compile(r"(?:^[A-Za-z0-9+/]{40,}\r?\n){2,}(?:^[A-Za-z0-9+/]*={0,2}\r?$)?", re.M)
_QP = re.compile(r"=(?:[0-9A-F]{2}|\r?\n)")


def encoded_payloads(text: str) -> list[str]:
    """Base64 and quoted-printable bodies still encoded in a text: a reader decodes them in a
    second (a mail whose Content-Transfer-Encoding header was mangled still holds its body)."""
    import base64
    import quopri

    out = []
    for m in _B64_BLOCK.finditer(text):
        try:
            decoded = base64.b64decode(re.sub(r"\s", "", m.group(0)), validate=True)
            out.append(decoded.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue
    if len(_QP.findall(text)) >= 3:
        out.append(quopri.decodestring(text.encode("utf-8", "replace")).decode("utf-8", "replace"))
    return out


def _strip_tags(markup: str) -> str:
    markup = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", markup)
    markup = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</tr>", "\n", markup)
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def _eml(data: bytes) -> View:
    try:
        # as a mail client shows it: adjacent encoded words joined (RFC 2047 6.2), which
        # policy.default's address parser gets wrong
        msg = BytesParser(policy=ReadPolicy()).parsebytes(data)
    except Exception:  # noqa: BLE001 - unreadable mail: the bytes are all there is
        return View(data.decode("utf-8", "replace"), [data])
    lines = [f"{k}: {v}" for k, v in msg.items()]
    raw = [data]
    for part in msg.walk():
        for k, v in part.items() if part is not msg else ():
            lines.append(f"{k}: {v}")
        if part.get_content_maintype() != "text":
            continue
        try:
            body = part.get_content()
        except Exception:  # noqa: BLE001 - a broken part: its raw payload instead
            body = str(part.get_payload())
        raw.append(body.encode("utf-8", "replace"))
        lines.append(_strip_tags(body) if part.get_content_subtype() == "html" else body)
    return View("\n".join(lines), raw)


_TEXT_MEMBERS = (".md", ".txt", ".csv", ".json")


def _package(data: bytes) -> View:
    from lxml import etree

    texts: list[str] = []
    raw = [data]
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return View("", raw)
    with zf:
        for info in zf.infolist():
            blob = zf.read(info)
            raw.append(blob)
            texts.append(info.filename)  # a member's path is read too ("Wrenmoor/pricing/...")
            if info.filename.lower().endswith(_TEXT_MEMBERS):  # a zip's README, notes...
                texts.append(blob.decode("utf-8", "replace"))
                continue
            if not info.filename.endswith((".xml", ".rels")):
                continue
            try:
                root = etree.fromstring(blob, etree.XMLParser(resolve_entities=False))
            except etree.XMLSyntaxError:
                continue
            texts.append(_xml_text(root))
    return View("\n".join(t for t in texts if t), raw)


def _xml_text(root) -> str:
    """Paragraph-ish elements (w:p, a:p, si, is) joined from their runs; loose text too."""
    out: list[str] = []
    grouped = set()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        local = el.tag.rsplit("}", 1)[-1]
        if local in ("p", "si", "is") and not any(a in grouped for a in el.iterancestors()):
            grouped.add(el)
            out.append("".join(t.text or "" for t in el.iter() if _local(t) == "t"))
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.rsplit("}", 1)[-1] == "sheet" and el.get("name"):
            out.append(el.get("name"))  # a workbook's sheet names are shown on its tabs
        if not isinstance(el.tag, str) or el in grouped or len(el):
            continue
        if el.text and el.text.strip() and not any(a in grouped for a in el.iterancestors()):
            out.append(el.text)
    return "\n".join(out)


def _local(el) -> str:
    return el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""


def _pdf(data: bytes, ocr: bool) -> View:
    import pypdfium2 as pdfium

    texts, with_text = [], []
    try:
        pdf = pdfium.PdfDocument(data)
    except Exception:  # noqa: BLE001
        return View("", [data])
    for i in range(len(pdf)):
        page = pdf[i]
        text = page.get_textpage().get_text_range()
        if text.strip():
            with_text.append(i + 1)
        elif ocr:
            text = _ocr_page(page)
        texts.append(text)
    meta = " ".join(str(v) for v in pdf.get_metadata_dict().values() if v)
    return View("\n".join([meta, *texts]), _pdf_streams(data), with_text, len(pdf))


_BINARY_STREAM_KEYS = ("/Length1", "/Length2", "/Length3")  # embedded font programs


def _pdf_streams(data: bytes) -> list[bytes]:
    """The file and its decoded streams, except pictures and font programs: their bytes are
    not text, and a short name in UTF-16 turns up in a megabyte of pixels by chance."""
    import pikepdf

    out = [data]
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            for obj in pdf.objects:
                if not isinstance(obj, pikepdf.Stream):
                    continue
                if obj.get("/Subtype") in ("/Image", "/Type1C", "/CIDFontType0C", "/OpenType"):
                    continue
                if any(k in obj for k in _BINARY_STREAM_KEYS):
                    continue
                try:
                    out.append(obj.read_bytes())
                except Exception:  # noqa: BLE001 - a filter pikepdf cannot decode
                    out.append(obj.read_raw_bytes())
    except Exception:  # noqa: BLE001 - not a PDF pikepdf can open: the bytes only
        pass
    return out


def _ocr_page(page) -> str:
    import pytesseract

    image = page.render(scale=200 / 72).to_pil()
    return pytesseract.image_to_string(image)
