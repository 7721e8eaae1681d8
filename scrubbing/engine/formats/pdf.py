"""PDF: text per page and line (read with pdfium), true redaction (write with pikepdf).

Reading: pdfium's text page is what viewers copy/paste and search, so segments are exactly its
lines ("page 3, line 12"); one segment character is one pdfium character, which gives each edit
a character box. Metadata, annotation texts, link URIs and bookmark titles are segments too
(they are removed on render anyway, but detection should see and report them).

Writing, per page that has edits:
1. Rewrite: decode every text-showing operator (Tj TJ ' ") of the page content stream for
   simple fonts (Type1/TrueType, via ToUnicode or the encoding) and Type0 Identity-H fonts with
   a ToUnicode map, find the edited strings in the decoded glyph sequence, drop those glyphs
   (a TJ kerning number keeps the following text in place) and draw the replacement in
   Helvetica squeezed into the removed width. The glyph codes are gone from the file.
2. Rasterize when the page cannot be rewritten safely: Type3 or undecodable fonts, the string
   not found in the stream, an occurrence the contractor chose to keep, or the re-extracted
   page (pdfium) still showing an original string (e.g. text inside a Form XObject). The
   original page is rendered at 150 dpi with black boxes burned over the hit characters and
   replaced by an image-only page (listed in WriteReport.rasterized).

Scanned pages: a page showing an image over at least 5% of its area with fewer than
`_SCAN_MAX_CHARS` visible characters (a scan, or a scan under an invisible OCR layer) is
rendered at `OCR_DPI` and OCR'd (tesseract, via the image module); each OCR line is a segment
("page 2 (scanned), line 4", kind "ocr"). On render such a page is ALWAYS replaced by a fresh
rendering (its original image streams and any hidden text layer are gone) with black boxes over
the OCR words and text-layer characters that were edited. Past `Limits.max_ocr_pages` scanned
pages the rest is left as is and the file is residual.

Always removed: document info, XMP (everywhere), annotations (links, comments, widgets, file
attachments), AcroForm, embedded files, JavaScript and all actions, outlines, thumbnails,
structure tree, page-piece data, ActualText/Alt in marked content, EXIF/XMP in embedded JPEGs.
"""

from __future__ import annotations

import io
import re
import time
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pikepdf import Array, Dictionary, Name, Operator, String

# pypdf ships the Adobe glyph list, the standard encodings and the core-14 AFM widths; pypdf is
# pinned in pyproject.toml, so these private tables are stable for us.
from pypdf._codecs import adobe_glyphs, charset_encoding
from pypdf._codecs.core_font_metrics import CORE_FONT_METRICS

from scrubbing.engine.base import (
    CorruptFile,
    Document,
    Edit,
    EncryptedFile,
    LimitExceeded,
    Limits,
    Segment,
    WriteReport,
)
from scrubbing.engine.formats.image import (
    draw_boxes,
    ocr_lines,
    strip_jpeg_metadata,
)

RASTER_DPI = 150
OCR_DPI = 200  # scanned pages are OCR'd and re-rendered at this resolution
_SCAN_MAX_CHARS = 40  # fewer visible (non-space) characters than this: the text is in a picture
_SCAN_MIN_IMAGE_AREA = 0.05  # images must cover at least this share of the page
_PLACEHOLDER_FONT = Name("/ScrubHelv")
_WS = re.compile(r"[\s\u00ad\u200b-\u200d\u2060\ufeff\ufffe\x00-\x1f]+")


def _norm(text: str) -> str:
    """Whitespace-free form used to match pdfium text with stream text.

    Spaces are often not glyphs at all (TJ offsets) and pdfium inserts its own, so matching
    ignores them; the span between the first and last matched glyph is removed as a whole.
    """
    return _WS.sub("", text)


# --------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------


def _open_pike(data: bytes) -> pikepdf.Pdf:
    try:
        return pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError:
        raise EncryptedFile(
            "This PDF is password-protected; remove the password and upload it again."
        ) from None
    except Exception:  # pikepdf raises several types for damaged input
        raise CorruptFile("This PDF is damaged or incomplete and cannot be read.") from None


def _page_chars(textpage: pdfium.PdfTextPage) -> str:
    """The page text with exactly one character per pdfium char index."""
    n = textpage.count_chars()
    if n <= 0:
        return ""
    fast = textpage.get_text_range(0, n)
    if len(fast) != n:  # rare: pdfium excluded/inserted chars; fall back to one call per char
        fast = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, i)) for i in range(n))
    out = []
    for ch in fast:
        o = ord(ch)
        if ch in "\r\n":
            out.append(ch)
        elif o < 0x20 or 0xD800 <= o <= 0xDFFF or ch in "\ufffe\uffff":
            # keep 1:1 indices; controls and lone surrogates would break later text handling
            out.append(" " if o < 0x20 else "\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def _lines(chars: str) -> Iterable[tuple[int, str]]:
    """(offset, text) per line; lines are separated by pdfium's generated CR/LF."""
    start = 0
    for m in re.finditer(r"[\r\n]+", chars):
        yield start, chars[start : m.start()]
        start = m.end()
    yield start, chars[start:]


def _pdf_text(value: object) -> str | None:
    if isinstance(value, String):
        try:
            return str(value)
        except Exception:
            return bytes(value).decode("latin-1", "replace")
    return None


@dataclass
class _LineRef:
    page: int  # 0-based
    offset: int  # pdfium char index of the segment's first character


class PdfDocument(Document):
    kind = "pdf"

    def __init__(self, data: bytes, limits: Limits) -> None:
        super().__init__()
        self._data = data
        self._limits = limits
        self._lines: dict[int, _LineRef] = {}
        self._ocr_words: dict[int, tuple[int, list]] = {}  # segment -> (page, OCR words)
        self.scanned_pages: list[int] = []  # 0-based, OCR'd, always re-rendered
        self.unread_scans: list[int] = []  # scanned pages past Limits.max_ocr_pages
        self._ocr_confidence: list[float] = []
        self.page_count = 0
        self._read()

    # -- segments ---------------------------------------------------------------------------

    def _add(self, text: str, locator: str, kind: str) -> int:
        if len(self.segments) >= self._limits.max_segments:
            raise LimitExceeded("This PDF has more text units than we can process.")
        seg = Segment(index=len(self.segments), text=text, locator=locator, kind=kind)
        self.segments.append(seg)
        return seg.index

    def _read(self) -> None:
        if len(self._data) > self._limits.max_file_bytes:
            raise LimitExceeded("This PDF is larger than the upload limit.")
        with _open_pike(self._data) as pdf:
            self.page_count = len(pdf.pages)
            if self.page_count > self._limits.max_pdf_pages:
                raise LimitExceeded(
                    f"This PDF has {self.page_count} pages; the limit is "
                    f"{self._limits.max_pdf_pages}."
                )
            self._read_side_texts(pdf)
        try:
            doc = pdfium.PdfDocument(self._data)
        except pdfium.PdfiumError:
            raise CorruptFile("This PDF is damaged or incomplete and cannot be read.") from None
        try:
            if len(doc) != self.page_count:
                raise CorruptFile("This PDF is damaged: its page tree is inconsistent.")
            for p in range(len(doc)):
                page = doc[p]
                textpage = page.get_textpage()
                chars = _page_chars(textpage)
                textpage.close()
                scanned = _looks_scanned(page)
                line_no = 0
                for offset, text in _lines(chars):
                    if not text.strip():
                        continue
                    line_no += 1
                    idx = self._add(text, f"page {p + 1}, line {line_no}", "body")
                    self._lines[idx] = _LineRef(p, offset)
                if scanned:
                    if len(self.scanned_pages) < self._limits.max_ocr_pages:
                        self.scanned_pages.append(p)
                        self._ocr_page(page, p)
                    else:
                        self.unread_scans.append(p)
                page.close()
        except pdfium.PdfiumError:
            raise CorruptFile("This PDF is damaged or incomplete and cannot be read.") from None
        finally:
            doc.close()

    def _ocr_page(self, page: pdfium.PdfPage, p: int) -> None:
        bitmap = page.render(scale=OCR_DPI / 72, draw_annots=False, may_draw_forms=False)
        image = bitmap.to_pil().convert("RGB")
        lines, confidence = ocr_lines(image)
        for n, (text, words) in enumerate(lines, 1):
            idx = self._add(text, f"page {p + 1} (scanned), line {n}", "ocr")
            self._ocr_words[idx] = (p, words)
        if confidence is not None:
            self._ocr_confidence.append(confidence)

    def _read_side_texts(self, pdf: pikepdf.Pdf) -> None:
        """Info, annotations, links, bookmarks: removed on render, shown to detection."""
        info = pdf.trailer.get("/Info")
        if isinstance(info, Dictionary):
            for key in sorted(str(k)[1:] for k in info):
                text = _pdf_text(info.get("/" + key))
                if text and text.strip() and key not in ("CreationDate", "ModDate", "Trapped"):
                    self._add(text, f"metadata: {key}", "metadata")
        for p, page in enumerate(pdf.pages):
            annots = page.obj.get("/Annots")
            if not isinstance(annots, Array):
                continue
            for a_no, annot in enumerate(annots, 1):
                if not isinstance(annot, Dictionary):
                    continue
                where = f"page {p + 1}, annotation {a_no}"
                action = annot.get("/A")
                if isinstance(action, Dictionary):
                    uri = _pdf_text(action.get("/URI"))
                    if uri:
                        self._add(uri, f"{where} (link)", "hyperlink")
                for key, kind in (("/Contents", "comment"), ("/T", "comment"), ("/V", "form")):
                    text = _pdf_text(annot.get(key))
                    if text and text.strip():
                        self._add(text, f"{where} {key[1:]}", kind)
        try:
            with pdf.open_outline() as outline:
                stack = list(outline.root)
                count = 0
                while stack and count < 10_000:
                    item = stack.pop(0)
                    count += 1
                    if item.title and item.title.strip():
                        self._add(item.title, f"bookmark {count}", "bookmark")
                    stack.extend(item.children)
        except Exception:  # noqa: S110 - a broken outline is dropped on render anyway
            pass

    # -- writing ----------------------------------------------------------------------------

    def render(self, edits: Mapping[int, Sequence[Edit]]) -> tuple[bytes, WriteReport]:
        report = WriteReport()
        hits_by_page: dict[int, list[_Hit]] = {}
        ocr_edits: dict[int, dict[int, Sequence[Edit]]] = {}
        for seg_index, seg_edits in edits.items():
            if seg_index in self._ocr_words:
                ocr_edits.setdefault(self._ocr_words[seg_index][0], {})[seg_index] = seg_edits
                continue
            ref = self._lines.get(seg_index)
            if ref is None:
                continue  # metadata/annotation/bookmark segments: removed wholesale below
            text = self.segments[seg_index].text
            for e in seg_edits:
                if e.end <= e.start:
                    continue
                hits_by_page.setdefault(ref.page, []).append(
                    _Hit(
                        original=text[e.start : e.end],
                        replacement=e.replacement,
                        first=ref.offset + e.start,
                        last=ref.offset + e.end - 1,
                    )
                )

        started = time.monotonic()
        pdf = _open_pike(self._data)
        try:
            page_texts = _pdfium_page_texts(self._data, hits_by_page)
            to_raster: dict[int, str] = {}
            rewritten: list[int] = []
            scanned = set(self.scanned_pages)
            for p, hits in sorted(hits_by_page.items()):
                if p in scanned:
                    continue  # re-rendered below whatever the edits
                if not any(_norm(h.original) for h in hits):
                    continue  # whitespace-only edits: nothing a reader can see
                reason = _rewrite_page(pdf, pdf.pages[p], hits, page_texts[p])
                if reason:
                    to_raster[p] = reason
                else:
                    rewritten.append(p)
            _strip_document(pdf, report)
            data = _save(pdf)
            # Verify the rewrite with the reader itself: any original left -> burn the page in.
            if rewritten:
                after = _pdfium_page_texts(data, dict.fromkeys(rewritten))
                for p in rewritten:
                    left = {h.original for h in hits_by_page[p] if _norm(h.original) in after[p]}
                    if left:
                        to_raster[p] = "text still readable after rewrite"
            if to_raster:
                images = _render_with_boxes(self._data, {p: hits_by_page[p] for p in to_raster})
                for p in sorted(to_raster):
                    _replace_with_image(pdf, p, images[p])
                    report.rasterized.append(f"page {p + 1} ({to_raster[p]})")
                data = _save(pdf)
            if scanned:
                self._render_scans(pdf, hits_by_page, ocr_edits, report)
                data = _save(pdf)
            done = [p for p in rewritten if p not in to_raster]
            if done:
                report.notes.append(
                    "text removed from the content of page(s) "
                    + ", ".join(str(p + 1) for p in done)
                )
            if self.unread_scans:
                report.residual.append(
                    f"This PDF has more than {self._limits.max_ocr_pages} scanned pages; the "
                    f"text in the pictures of {len(self.unread_scans)} page(s) (from page "
                    f"{self.unread_scans[0] + 1}) was not read or scrubbed. Split the file "
                    "and upload the parts."
                )
            pages = len(hits_by_page) or 1
            report.notes.append(
                f"PDF written in {time.monotonic() - started:.2f}s "
                f"({(time.monotonic() - started) / pages:.2f}s per edited page)"
            )
            return data, report
        finally:
            pdf.close()

    def _render_scans(
        self,
        pdf: pikepdf.Pdf,
        hits_by_page: dict[int, list[_Hit]],
        ocr_edits: dict[int, dict[int, Sequence[Edit]]],
        report: WriteReport,
    ) -> None:
        """Replace every scanned page by a boxed rendering of the original (no image streams
        or text layer of the original survive)."""
        pages = {p: hits_by_page.get(p, []) for p in self.scanned_pages}
        images = _render_with_boxes(self._data, pages, dpi=OCR_DPI)
        words = {i: w for i, (_p, w) in self._ocr_words.items()}
        boxes = 0
        for p in self.scanned_pages:
            boxes += draw_boxes(images[p], words, ocr_edits.get(p, {}))
            _replace_with_image(pdf, p, images[p], dpi=OCR_DPI, jpeg=True)
            report.rasterized.append(f"page {p + 1} (scanned page, re-rendered)")
        conf = self._ocr_confidence
        report.notes.append(
            f"{len(self.scanned_pages)} scanned page(s) read with OCR"
            + (f" (mean confidence {sum(conf) / len(conf):.0f}/100)" if conf else "")
            + f"; {boxes} word(s) covered with black boxes; text the OCR misses is not scrubbed"
        )


def _looks_scanned(page: pdfium.PdfPage) -> bool:
    """Images over a real share of the page and (nearly) no visible text."""
    width, height = page.get_size()
    page_area = max(width * height, 1.0)
    image_area = 0.0
    visible = 0
    for obj in page.get_objects(
        filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_TEXT), max_depth=4
    ):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            try:
                left, bottom, right, top = obj.get_bounds()
            except pdfium.PdfiumError:
                continue
            w = min(right, width) - max(left, 0)
            h = min(top, height) - max(bottom, 0)
            if w > 0 and h > 0:
                image_area += w * h
        elif (
            pdfium_c.FPDFTextObj_GetTextRenderMode(obj.raw)
            != pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE
        ):
            visible += 1
            if visible > _SCAN_MAX_CHARS:
                return False
    if image_area < _SCAN_MIN_IMAGE_AREA * page_area:
        return False
    return _visible_chars(page) < _SCAN_MAX_CHARS


def _visible_chars(page: pdfium.PdfPage) -> int:
    """Non-space characters drawn by text objects that are not invisible (render mode 3)."""
    tp = page.get_textpage()
    try:
        n = tp.count_chars()
        count = 0
        for i in range(n):
            ch = pdfium_c.FPDFText_GetUnicode(tp, i)
            if ch <= 32 or chr(ch).isspace():
                continue
            obj = pdfium_c.FPDFText_GetTextObject(tp, i)
            if obj and (
                pdfium_c.FPDFTextObj_GetTextRenderMode(obj)
                == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE
            ):
                continue
            count += 1
            if count >= _SCAN_MAX_CHARS:
                break
        return count
    finally:
        tp.close()


def open_document(data: bytes, limits: Limits) -> PdfDocument:
    return PdfDocument(data, limits)


def _save(pdf: pikepdf.Pdf) -> bytes:
    out = io.BytesIO()
    pdf.remove_unreferenced_resources()
    pdf.save(
        out,
        encryption=False,
        preserve_pdfa=False,
        fix_metadata_version=False,
        compress_streams=True,
        object_stream_mode=pikepdf.ObjectStreamMode.generate,
        deterministic_id=True,
    )
    return out.getvalue()


def _pdfium_page_texts(data: bytes, pages: Iterable[int]) -> dict[int, str]:
    """Normalised pdfium text of some pages (for counting and verification)."""
    out: dict[int, str] = {}
    doc = pdfium.PdfDocument(data)
    try:
        for p in pages:
            page = doc[p]
            tp = page.get_textpage()
            out[p] = _norm(_page_chars(tp))
            tp.close()
            page.close()
    finally:
        doc.close()
    return out


# --------------------------------------------------------------------------------------------
# Fonts: enough decoding to find glyphs and know their widths
# --------------------------------------------------------------------------------------------


class _Unsupported(Exception):
    """The page cannot be rewritten safely; the message says why (goes into the report)."""


_HEX = re.compile(rb"<([0-9A-Fa-f\s]*)>")


def _hex(token: bytes) -> bytes:
    return bytes.fromhex(re.sub(rb"\s", b"", token).decode())


def _utf16(b: bytes) -> str:
    return b.decode("utf-16-be", "replace")


def _parse_tounicode(data: bytes) -> dict[bytes, str]:
    cmap: dict[bytes, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        tokens = _HEX.findall(block)
        for src, dst in zip(tokens[0::2], tokens[1::2]):
            cmap[_hex(src)] = _utf16(_hex(dst))
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for m in re.finditer(
            rb"<([0-9A-Fa-f\s]+)>\s*<([0-9A-Fa-f\s]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f\s]*>)", block
        ):
            lo, hi = _hex(m.group(1)), _hex(m.group(2))
            n_lo, n_hi = int.from_bytes(lo, "big"), int.from_bytes(hi, "big")
            if n_hi < n_lo or n_hi - n_lo > 65535:
                raise _Unsupported("font map too large")
            width = len(lo)
            dst = m.group(3)
            if dst.startswith(b"["):
                for i, tok in enumerate(_HEX.findall(dst)):
                    if n_lo + i > n_hi:
                        break
                    cmap[(n_lo + i).to_bytes(width, "big")] = _utf16(_hex(tok))
            else:
                base = _hex(dst[1:-1])
                if not base:
                    continue
                head, last = base[:-2], int.from_bytes(base[-2:], "big")
                for i in range(n_hi - n_lo + 1):
                    cmap[(n_lo + i).to_bytes(width, "big")] = _utf16(
                        head + ((last + i) & 0xFFFF).to_bytes(2, "big")
                    )
    return cmap


def _glyph_to_unicode(name: str) -> str | None:
    if ("/" + name) in adobe_glyphs:
        return adobe_glyphs["/" + name]
    m = re.fullmatch(r"uni([0-9A-Fa-f]{4})+", name)
    if m:
        return "".join(chr(int(name[i : i + 4], 16)) for i in range(3, len(name), 4))
    m = re.fullmatch(r"u([0-9A-Fa-f]{4,6})", name)
    if m:
        return chr(int(m.group(1), 16))
    return None


class _Font:
    """Decoder for one font resource: codes, their Unicode text and widths (1/1000 em)."""

    def __init__(self, font: Dictionary) -> None:
        subtype = font.get("/Subtype")
        self.two_byte = False
        self.tounicode: dict[bytes, str] = {}
        tu = font.get("/ToUnicode")
        if isinstance(tu, pikepdf.Stream):
            try:
                self.tounicode = _parse_tounicode(tu.read_bytes())
            except _Unsupported:
                raise
            except Exception:
                raise _Unsupported("unreadable font map") from None
        if subtype == "/Type0":
            self._init_type0(font)
        elif subtype in ("/Type1", "/MMType1", "/TrueType"):
            self._init_simple(font)
        else:
            raise _Unsupported(f"{str(subtype)[1:] or 'unknown'} font")

    def _init_type0(self, font: Dictionary) -> None:
        if font.get("/Encoding") != "/Identity-H":
            raise _Unsupported("CID font with a non-identity encoding")
        if not self.tounicode:
            raise _Unsupported("CID font without a Unicode map")
        self.two_byte = True
        desc = font.get("/DescendantFonts")
        cid = desc[0] if isinstance(desc, Array) and len(desc) else Dictionary()
        self.default_width = float(cid.get("/DW", 1000))
        self.widths: dict[int, float] = {}
        w = cid.get("/W")
        if isinstance(w, Array):
            items = list(w)
            i = 0
            while i < len(items):
                first = int(items[i])
                nxt = items[i + 1] if i + 1 < len(items) else None
                if isinstance(nxt, Array):
                    for k, val in enumerate(nxt):
                        self.widths[first + k] = float(val)
                    i += 2
                elif i + 2 < len(items):
                    last, val = int(items[i + 1]), float(items[i + 2])
                    if last - first > 65535:
                        raise _Unsupported("font widths too large")
                    for c in range(first, last + 1):
                        self.widths[c] = val
                    i += 3
                else:
                    break

    def _init_simple(self, font: Dictionary) -> None:
        base = str(font.get("/BaseFont", "/"))[1:]
        base = base.split("+", 1)[-1]
        enc = font.get("/Encoding")
        table: list[str] | None = None
        diffs: dict[int, str] = {}
        base_enc = enc
        if isinstance(enc, Dictionary):
            base_enc = enc.get("/BaseEncoding")
            d = enc.get("/Differences")
            if isinstance(d, Array):
                code = 0
                for item in d:
                    if isinstance(item, Name):
                        u = _glyph_to_unicode(str(item)[1:])
                        if u is not None:
                            diffs[code] = u
                        code += 1
                    else:
                        code = int(item)
        if isinstance(base_enc, Name) and str(base_enc) in charset_encoding:
            table = charset_encoding[str(base_enc)]
        elif base in ("Symbol", "ZapfDingbats"):
            table = charset_encoding["/" + base]
        elif isinstance(font.get("/FontDescriptor"), Dictionary) and font.get("/Subtype") == (
            "/TrueType"
        ):
            table = charset_encoding["/WinAnsiEncoding"]  # what pdfium assumes for TrueType
        else:
            table = charset_encoding["/StandardEncoding"]
        self.code_text = {i: table[i] for i in range(256)}
        self.code_text.update(diffs)
        # Widths: /Widths, else the core-14 metrics by glyph text.
        self.widths = {}
        self.default_width = 0.0
        fd = font.get("/FontDescriptor")
        if isinstance(fd, Dictionary):
            self.default_width = float(fd.get("/MissingWidth", 0))
        widths = font.get("/Widths")
        if isinstance(widths, Array):
            first = int(font.get("/FirstChar", 0))
            for k, val in enumerate(widths):
                self.widths[first + k] = float(val)
        else:
            metrics = CORE_FONT_METRICS.get(base)
            if metrics is None:
                raise _Unsupported(f"font {base or '?'} without widths")
            cw = metrics.character_widths
            dflt = float(cw.get("default", 0) or 0)
            for code, ch in self.code_text.items():
                self.widths[code] = float(cw.get(ch, dflt))

    def glyphs(self, raw: bytes) -> list[tuple[bytes, str, float, bool]]:
        """(code, text, width, is_single_byte_space) per glyph of a shown string."""
        out = []
        if self.two_byte:
            if len(raw) % 2:
                raise _Unsupported("odd-length string in a two-byte font")
            for i in range(0, len(raw), 2):
                code = raw[i : i + 2]
                cid = int.from_bytes(code, "big")
                text = self.tounicode.get(code)
                if text is None:
                    raise _Unsupported("glyph without Unicode mapping")
                out.append((code, text, self.widths.get(cid, self.default_width), False))
            return out
        for b in raw:
            code = bytes([b])
            text = self.tounicode.get(code)
            if text is None:
                text = self.code_text.get(b, "")
            out.append((code, text, self.widths.get(b, self.default_width), b == 32))
        return out


# --------------------------------------------------------------------------------------------
# Content stream rewrite
# --------------------------------------------------------------------------------------------


@dataclass
class _Hit:
    original: str
    replacement: str
    first: int  # pdfium char indices, inclusive
    last: int


@dataclass
class _TextState:
    font: Name | None = None
    size: float = 0.0
    tc: float = 0.0
    tw: float = 0.0
    tz: float = 100.0

    def copy(self) -> _TextState:
        return _TextState(self.font, self.size, self.tc, self.tw, self.tz)


@dataclass
class _Glyph:
    instr: int  # index in the instruction list
    elem: int  # index of the string in the TJ array (0 for Tj ' ")
    pos: int  # glyph position inside that string
    code: bytes
    text: str
    width: float
    space: bool
    match: int = -1  # index of the match removing it, -1 = kept


@dataclass
class _Match:
    replacement: str
    glyphs: list[_Glyph] = field(default_factory=list)


def _inherited(page: pikepdf.Page, key: str) -> object:
    node = page.obj
    for _ in range(64):
        if key in node:
            return node[key]
        node = node.get("/Parent")
        if not isinstance(node, Dictionary):
            return None
    return None


def _num(x: object) -> float:
    return float(x) if isinstance(x, int | float | Decimal) else float(str(x))


_SHOW_OPS = {"Tj", "TJ", "'", '"'}


def _rewrite_page(
    pdf: pikepdf.Pdf, page: pikepdf.Page, hits: list[_Hit], pdfium_text: str
) -> str | None:
    """Rewrite one page's content stream; return None on success or why it cannot be done."""
    try:
        return _rewrite_page_inner(pdf, page, hits, pdfium_text)
    except _Unsupported as exc:
        return str(exc)
    except Exception:
        return "content could not be parsed"


def _rewrite_page_inner(
    pdf: pikepdf.Pdf, page: pikepdf.Page, hits: list[_Hit], pdfium_text: str
) -> str | None:
    resources = _inherited(page, "/Resources")
    resources = resources if isinstance(resources, Dictionary) else Dictionary()
    font_res = resources.get("/Font")
    font_res = font_res if isinstance(font_res, Dictionary) else Dictionary()
    ext_gs = resources.get("/ExtGState")
    fonts: dict[str, _Font] = {}

    instructions = list(pikepdf.parse_content_stream(page))
    state = _TextState()
    stack: list[_TextState] = []
    states: dict[int, _TextState] = {}  # text state in effect for each show instruction
    glyphs: list[_Glyph] = []
    for i, ins in enumerate(instructions):
        if isinstance(ins, pikepdf.ContentStreamInlineImage):
            continue
        op = str(ins.operator)
        ops = ins.operands
        if op == "q":
            stack.append(state.copy())
        elif op == "Q":
            state = stack.pop() if stack else _TextState()
        elif op == "Tf" and len(ops) == 2:
            state.font, state.size = ops[0], _num(ops[1])
        elif op == "Tc" and ops:
            state.tc = _num(ops[0])
        elif op == "Tw" and ops:
            state.tw = _num(ops[0])
        elif op == "Tz" and ops:
            state.tz = _num(ops[0])
        elif op == "gs" and ops and isinstance(ext_gs, Dictionary):
            gs = ext_gs.get(ops[0])
            if isinstance(gs, Dictionary) and "/Font" in gs:
                raise _Unsupported("font set through a graphics state")
        elif op in _SHOW_OPS:
            if op == '"' and len(ops) == 3:
                state.tw, state.tc = _num(ops[0]), _num(ops[1])
            if state.font is None:
                raise _Unsupported("text without a font")
            key = str(state.font)
            if key not in fonts:
                fdict = font_res.get(state.font)
                if not isinstance(fdict, Dictionary):
                    raise _Unsupported("missing font resource")
                fonts[key] = _Font(fdict)
            font = fonts[key]
            states[i] = state.copy()
            parts = list(ops[0]) if op == "TJ" else [ops[-1]]
            for e, part in enumerate(parts):
                if isinstance(part, String):
                    for g, (code, text, width, space) in enumerate(font.glyphs(bytes(part))):
                        glyphs.append(_Glyph(i, e, g, code, text, width, space))

    # Whitespace-free text of the stream, mapped back to glyphs.
    chars: list[str] = []
    owner: list[int] = []
    for gi, g in enumerate(glyphs):
        for ch in _norm(g.text):
            chars.append(ch)
            owner.append(gi)
    stream_text = "".join(chars)

    wanted: dict[str, list[_Hit]] = {}
    for h in hits:
        key = _norm(h.original)
        if key:
            wanted.setdefault(key, []).append(h)
    matches: list[_Match] = []
    # Longest first, so "Jane Doe" wins over a separate edit of "Jane".
    for key in sorted(wanted, key=len, reverse=True):
        if pdfium_text.count(key) > len(wanted[key]):
            raise _Unsupported("an occurrence is kept")
        found = 0
        pos = stream_text.find(key)
        while pos >= 0:
            first, last = owner[pos], owner[pos + len(key) - 1]
            span = glyphs[first : last + 1]
            if all(g.match < 0 for g in span):
                m = _Match(wanted[key][min(found, len(wanted[key]) - 1)].replacement)
                for g in span:
                    g.match = len(matches)
                m.glyphs = span
                matches.append(m)
                found += 1
            pos = stream_text.find(key, pos + len(key))
        if not found:
            raise _Unsupported("text not found in the page content")

    new_instructions = _apply_matches(instructions, glyphs, matches, states)
    page_res = _own_resources(pdf, page, resources)
    if any(m.replacement for m in matches):
        page_res.Font[_PLACEHOLDER_FONT] = _helvetica(pdf)
    page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(new_instructions))
    return None


def _own_resources(pdf: pikepdf.Pdf, page: pikepdf.Page, resources: Dictionary) -> Dictionary:
    """A page-local copy of Resources and its Font dict (they may be shared or inherited)."""
    res = Dictionary({k: v for k, v in resources.items()})
    fonts = resources.get("/Font")
    res.Font = (
        Dictionary({k: v for k, v in fonts.items()})
        if isinstance(fonts, Dictionary)
        else (Dictionary())
    )
    page.obj.Resources = pdf.make_indirect(res)
    return page.obj.Resources


def _helvetica(pdf: pikepdf.Pdf) -> Dictionary:
    return pdf.make_indirect(
        Dictionary(
            Type=Name.Font,
            Subtype=Name.Type1,
            BaseFont=Name.Helvetica,
            Encoding=Name.WinAnsiEncoding,
        )
    )


_HELV_WIDTHS = CORE_FONT_METRICS["Helvetica"].character_widths


def _encode_placeholder(text: str) -> tuple[bytes, float]:
    raw = text.encode("cp1252", "replace")
    shown = raw.decode("cp1252", "replace")
    width = sum(float(_HELV_WIDTHS.get(ch, 556)) for ch in shown)
    return raw, width


def _ins(operands: list, op: str) -> pikepdf.ContentStreamInstruction:
    return pikepdf.ContentStreamInstruction(operands, Operator(op))


def _apply_matches(
    instructions: list,
    glyphs: list[_Glyph],
    matches: list[_Match],
    states: dict[int, _TextState],
) -> list:
    """Rebuild the instruction list with matched glyphs removed and replacements drawn."""
    by_instr: dict[int, list[_Glyph]] = {}
    for g in glyphs:
        by_instr.setdefault(g.instr, []).append(g)
    touched = {g.instr for m in matches for g in m.glyphs}
    first_of_match = {id(m.glyphs[0]) for m in matches}

    out: list = []
    for i, ins in enumerate(instructions):
        if i not in touched:
            out.append(ins)
            continue
        op = str(ins.operator)
        ops = list(ins.operands)
        st = states[i]
        if op == "'":
            out.append(_ins([], "T*"))
        elif op == '"':
            out.extend([_ins([ops[0]], "Tw"), _ins([ops[1]], "Tc"), _ins([], "T*")])
        parts = list(ops[0]) if op == "TJ" else [ops[-1]]
        # Flatten to glyphs and kerning numbers, in showing order.
        tokens: list[_Glyph | float] = []
        by_elem: dict[int, list[_Glyph]] = {}
        for g in by_instr[i]:
            by_elem.setdefault(g.elem, []).append(g)
        for e, part in enumerate(parts):
            if isinstance(part, String):
                tokens.extend(by_elem.get(e, []))
            else:
                tokens.append(_num(part))
        array: list = []
        kept = b""
        k = 0
        while k < len(tokens):
            tok = tokens[k]
            if not isinstance(tok, _Glyph):
                if kept:
                    array.append(String(kept))
                    kept = b""
                array.append(tok)
                k += 1
                continue
            if tok.match < 0:
                kept += tok.code
                k += 1
                continue
            # A removed run: glyphs of this match plus kerning numbers between them.
            run: list[_Glyph] = []
            nums: list[float] = []
            pending: list[float] = []
            j = k
            end = k
            while j < len(tokens):
                t = tokens[j]
                if isinstance(t, _Glyph):
                    if t.match != tok.match:
                        break
                    run.append(t)
                    nums.extend(pending)
                    pending = []
                    end = j + 1
                else:
                    pending.append(t)
                j += 1
            if kept:
                array.append(String(kept))
                kept = b""
            replacement = matches[tok.match].replacement if id(run[0]) in first_of_match else ""
            array = _emit_run(run, nums, replacement, array, out, st)
            k = end
        if kept:
            array.append(String(kept))
        if array:
            out.append(_ins([Array(array)], "TJ"))
    return out


def _emit_run(
    run: list[_Glyph],
    nums: list[float],
    replacement: str,
    array: list,
    out: list,
    st: _TextState,
) -> list:
    """Replace removed glyphs by a kerning offset of the same advance, or by the placeholder.

    Returns the TJ array to keep filling (a new one if the placeholder had to be drawn).
    """
    if st.size == 0:
        raise _Unsupported("zero font size")
    th = st.tz / 100.0
    n_space = sum(1 for g in run if g.space)
    # Advance of the removed glyphs and kerning in text space (PDF 32000-1 9.4.4).
    advance = (
        sum(g.width for g in run) * st.size / 1000.0 + st.tc * len(run) + st.tw * n_space
    ) * th - sum(nums) / 1000.0 * st.size * th
    raw, width = _encode_placeholder(replacement) if replacement else (b"", 0.0)
    if raw and width > 0 and advance > 0 and st.font is not None:
        tz = 100.0 * advance / (width * st.size / 1000.0)
        if array:
            out.append(_ins([Array(array)], "TJ"))
        out.extend(
            [
                _ins([_PLACEHOLDER_FONT, st.size], "Tf"),
                _ins([round(tz, 4)], "Tz"),
                _ins([0], "Tc"),
                _ins([0], "Tw"),
                _ins([String(raw)], "Tj"),
                _ins([st.font, st.size], "Tf"),
                _ins([round(st.tz, 4)], "Tz"),
                _ins([round(st.tc, 6)], "Tc"),
                _ins([round(st.tw, 6)], "Tw"),
            ]
        )
        return []
    if advance != 0:
        # TJ number n moves by -n/1000 * size * Th; solve for the removed advance.
        array.append(round(-advance * 1000.0 / (st.size * th), 4))
    return array


# --------------------------------------------------------------------------------------------
# Rasterize fallback
# --------------------------------------------------------------------------------------------


def _render_with_boxes(
    data: bytes, hits_by_page: dict[int, list[_Hit]], dpi: int = RASTER_DPI
) -> dict[int, object]:
    """Render the ORIGINAL pages with black boxes over the hit characters (PIL images)."""
    boxes: dict[int, list[tuple[float, float, float, float]]] = {}
    doc = pdfium.PdfDocument(data)
    try:
        for p, hits in hits_by_page.items():
            page = doc[p]
            tp = page.get_textpage()
            rects = []
            for h in hits:
                xs: list[float] = []
                ys: list[float] = []
                for ci in range(h.first, h.last + 1):
                    try:
                        left, bottom, right, top = tp.get_charbox(ci, loose=True)
                    except pdfium.PdfiumError:
                        continue
                    if right - left <= 0 and top - bottom <= 0:
                        continue  # generated chars have no box
                    xs += [left, right]
                    ys += [bottom, top]
                if xs:
                    rects.append((min(xs) - 1, min(ys) - 1, max(xs) + 1, max(ys) + 1))
            boxes[p] = rects
            tp.close()
            page.close()
    finally:
        doc.close()

    # Draw the boxes into a copy of the original, then let pdfium render it: pdfium's page
    # coordinates are PDF user space, so rotation and crop boxes are handled by the renderer.
    with _open_pike(data) as src:
        for p, rects in boxes.items():
            page = src.pages[p]
            if "/Annots" in page.obj:
                del page.obj["/Annots"]
            page.contents_add(b"q\n", prepend=True)
            ops = "".join(
                f"{x0:.2f} {y0:.2f} {x1 - x0:.2f} {y1 - y0:.2f} re f\n" for x0, y0, x1, y1 in rects
            )
            page.contents_add(("\nQ\nq 0 0 0 rg 0 0 0 RG\n" + ops + "Q\n").encode())
        buf = io.BytesIO()
        src.save(buf)
    images: dict[int, object] = {}
    doc = pdfium.PdfDocument(buf.getvalue())
    try:
        for p in boxes:
            page = doc[p]
            bitmap = page.render(scale=dpi / 72, draw_annots=False, may_draw_forms=False)
            images[p] = bitmap.to_pil().convert("RGB")
            page.close()
    finally:
        doc.close()
    return images


def _replace_with_image(
    pdf: pikepdf.Pdf, p: int, image, dpi: int = RASTER_DPI, jpeg: bool = False
) -> None:
    """Turn page p into a page that only shows `image` (same displayed size).

    `jpeg`: encode as JPEG (scans: photographic content, a fraction of the Flate size)."""
    w_px, h_px = image.size
    gray = image.convert("L")
    is_gray = gray.convert("RGB").tobytes() == image.tobytes()
    cs = Name.DeviceGray if is_gray else Name.DeviceRGB
    if jpeg:
        buf = io.BytesIO()
        # from bare pixels: PIL writes a JFIF header only, no EXIF/XMP/ICC
        (gray if is_gray else image).save(buf, "JPEG", quality=85)
        body, filt = buf.getvalue(), Name.DCTDecode
    else:
        raw = gray.tobytes() if is_gray else image.tobytes()
        body, filt = zlib.compress(raw, 6), Name.FlateDecode
    xobj = pdf.make_stream(
        body,
        Type=Name.XObject,
        Subtype=Name.Image,
        Width=w_px,
        Height=h_px,
        ColorSpace=cs,
        BitsPerComponent=8,
        Filter=filt,
    )
    w_pt, h_pt = w_px * 72 / dpi, h_px * 72 / dpi
    page = pdf.pages[p].obj
    for key in list(page.keys()):
        if key not in ("/Type", "/Parent"):
            del page[key]
    page.MediaBox = Array([0, 0, round(w_pt, 3), round(h_pt, 3)])
    page.Resources = Dictionary(XObject=Dictionary(Im0=xobj))
    page.Contents = pdf.make_stream(f"q {w_pt:.3f} 0 0 {h_pt:.3f} 0 0 cm /Im0 Do Q".encode())


# --------------------------------------------------------------------------------------------
# Document-level stripping
# --------------------------------------------------------------------------------------------

_CATALOG_DROP = {
    "/Metadata": "XMP metadata",
    "/AcroForm": "form fields (AcroForm)",
    "/OpenAction": "open action",
    "/AA": "document actions (AA)",
    "/Outlines": "bookmarks",
    "/StructTreeRoot": "structure tree (tags, alt text)",
    "/MarkInfo": None,
    "/PieceInfo": "private application data",
    "/SpiderInfo": "web capture data",
    "/Threads": "article threads",
    "/Collection": "portfolio",
    "/URI": "base URI",
    "/PageLabels": "page labels",
    "/Perms": "signature permissions",
    "/Legal": None,
    "/Dests": None,
}
_NAME_TREE_LABELS = {
    "/EmbeddedFiles": "embedded files",
    "/JavaScript": "JavaScript",
}
_PAGE_DROP = {
    "/Annots": None,  # counted separately
    "/Thumb": "page thumbnails",
    "/AA": "page actions (AA)",
    "/PieceInfo": "private application data",
    "/Metadata": "XMP metadata",
    "/B": "article threads",
    "/StructParents": None,
}
_MC_TEXT_KEYS = ("/ActualText", "/Alt", "/E")


def _strip_document(pdf: pikepdf.Pdf, report: WriteReport) -> None:
    removed: list[str] = []

    def note(label: str | None) -> None:
        if label and label not in removed:
            removed.append(label)

    info = pdf.trailer.get("/Info")
    if isinstance(info, Dictionary):
        keys = sorted(str(k)[1:] for k in info)
        note("document info (" + ", ".join(keys) + ")" if keys else None)
    if "/Info" in pdf.trailer:
        del pdf.trailer["/Info"]

    root = pdf.Root
    names = root.get("/Names")
    if isinstance(names, Dictionary):
        for key, label in _NAME_TREE_LABELS.items():
            if key in names:
                note(label)
        del root["/Names"]  # named destinations go with the links and bookmarks
    for key, label in _CATALOG_DROP.items():
        if key in root:
            note(label)
            del root[key]

    n_annots = 0
    kinds: set[str] = set()
    for page in pdf.pages:
        annots = page.obj.get("/Annots")
        if isinstance(annots, Array):
            for a in annots:
                if isinstance(a, Dictionary):
                    n_annots += 1
                    kinds.add(str(a.get("/Subtype", "/?"))[1:])
                    if a.get("/Subtype") == "/FileAttachment":
                        note("embedded files")
                    if isinstance(a.get("/A"), Dictionary) and a.A.get("/S") == "/JavaScript":
                        note("JavaScript")
        for key, label in _PAGE_DROP.items():
            if key in page.obj:
                note(label)
                del page.obj[key]
    if n_annots:
        note(f"annotations ({n_annots}: {', '.join(sorted(kinds))})")

    # Anything else anywhere: XMP on images/forms, app data, associated files, text in
    # marked-content property lists, EXIF inside embedded JPEGs.
    n_exif = 0
    for obj in pdf.objects:
        if not isinstance(obj, Dictionary | pikepdf.Stream):
            continue
        for key, label in (
            ("/Metadata", "XMP metadata"),
            ("/PieceInfo", "private application data"),
            ("/AF", "embedded files"),
            ("/AA", None),
        ):
            if key in obj:
                note(label)
                del obj[key]
        if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image":
            if obj.get("/Filter") == "/DCTDecode":
                raw = obj.read_raw_bytes()
                clean = strip_jpeg_metadata(raw)
                if clean != raw:
                    obj.write(clean, filter=Name.DCTDecode)
                    n_exif += 1
        elif isinstance(obj, Dictionary) and obj.get("/Type") == "/EmbeddedFile":
            note("embedded files")
        # Marked-content properties in resources (/Properties) can carry ActualText/Alt.
        if isinstance(obj, Dictionary) and "/Properties" in obj:
            props = obj.get("/Properties")
            if isinstance(props, Dictionary):
                for v in props.values():
                    if isinstance(v, Dictionary):
                        for k in _MC_TEXT_KEYS:
                            if k in v:
                                del v[k]
                                note("alternate text in marked content")
    if n_exif:
        note(f"EXIF/XMP in {n_exif} embedded JPEG image(s)")
    if _strip_inline_marked_text(pdf):
        note("alternate text in marked content")
    report.metadata_removed.extend(removed)


def _strip_inline_marked_text(pdf: pikepdf.Pdf) -> bool:
    """Drop ActualText/Alt/E from inline BDC property lists in page content streams."""
    changed_any = False
    for page in pdf.pages:
        try:
            raw = page.obj.get("/Contents")
            if raw is None:
                continue
            data = (
                b"".join(s.read_bytes() for s in raw)
                if isinstance(raw, Array)
                else raw.read_bytes()
            )
        except Exception:  # noqa: S112 - unreadable content renders as nothing anyway
            continue
        if b"/ActualText" not in data and b"/Alt" not in data and b"/E" not in data:
            continue
        instructions = list(pikepdf.parse_content_stream(page))
        changed = False
        for ins in instructions:
            if isinstance(ins, pikepdf.ContentStreamInlineImage):
                continue
            if str(ins.operator) == "BDC" and len(ins.operands) == 2:
                props = ins.operands[1]
                if isinstance(props, Dictionary):
                    for k in ("/ActualText", "/Alt", "/E"):
                        if k in props:
                            del props[k]
                            changed = True
        if changed:
            page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(instructions))
            changed_any = True
    return changed_any
