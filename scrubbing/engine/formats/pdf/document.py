"""The PDF document: segments from pdfium, edits written back with pikepdf.

Per page that has edits: rewrite the content stream (`rewrite`); when the page cannot be
rewritten safely (Type3 or undecodable fonts, the string not found in the stream, an occurrence
the contractor chose to keep, or the re-extracted page still showing an original string, e.g.
text inside a Form XObject), render the original page with black boxes over the hit characters
and replace it by an image-only page (`raster`, listed in WriteReport.rasterized). Scanned pages
are OCR'd (`ocr`) and always re-rendered. Metadata and objects go in `strip`.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pikepdf
import pypdfium2 as pdfium
from pikepdf import Array, Dictionary

from scrubbing.engine.base import (
    CorruptFile,
    Document,
    Edit,
    LimitExceeded,
    Limits,
    Segment,
    WriteReport,
)
from scrubbing.engine.formats.image import draw_boxes, ocr_lines

from .layers import remove_hidden_layers
from .ocr import OCR_DPI, looks_scanned
from .raster import render_with_boxes, replace_with_image
from .readback import reads_back
from .reading import (
    Hit,
    norm,
    open_pike,
    page_chars,
    pdf_text,
    pdfium_page_texts,
    plain_copy,
    save,
    split_lines,
)
from .rewrite import rewrite_page
from .strip import strip_document


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
        self.was_encrypted = False
        self._removed_at_open: list[str] = []
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
        with open_pike(self._data) as pdf:
            self.page_count = len(pdf.pages)
            if self.page_count > self._limits.max_pdf_pages:
                raise LimitExceeded(
                    f"This PDF has {self.page_count} pages; the limit is "
                    f"{self._limits.max_pdf_pages}."
                )
            # What a viewer would not show goes before reading (hidden layers); an
            # empty-password encryption goes too. Everything downstream reads this copy.
            self.was_encrypted = pdf.is_encrypted
            layers = "/OCProperties" in pdf.Root
            hidden = remove_hidden_layers(pdf) if layers else 0
            if hidden:
                self._removed_at_open.append(
                    f"hidden layers ({hidden} hidden content part(s) removed before reading)"
                )
            elif layers:
                self._removed_at_open.append("optional content (layers; every layer was visible)")
            if self.was_encrypted or layers:
                self._data = plain_copy(pdf)
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
                chars = page_chars(textpage)
                textpage.close()
                scanned = looks_scanned(page)
                line_no = 0
                for offset, text in split_lines(chars):
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
                text = pdf_text(info.get("/" + key))
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
                    uri = pdf_text(action.get("/URI"))
                    if uri:
                        self._add(uri, f"{where} (link)", "hyperlink")
                for key, kind in (("/Contents", "comment"), ("/T", "comment"), ("/V", "form")):
                    text = pdf_text(annot.get(key))
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
        hits_by_page: dict[int, list[Hit]] = {}
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
                    Hit(
                        original=text[e.start : e.end],
                        replacement=e.replacement,
                        first=ref.offset + e.start,
                        last=ref.offset + e.end - 1,
                    )
                )

        started = time.monotonic()
        pdf = open_pike(self._data)
        try:
            page_texts = pdfium_page_texts(self._data, hits_by_page)
            to_raster: dict[int, str] = {}
            rewritten: list[int] = []
            scanned = set(self.scanned_pages)
            for p, hits in sorted(hits_by_page.items()):
                if p in scanned:
                    continue  # re-rendered below whatever the edits
                if not any(norm(h.original) for h in hits):
                    continue  # whitespace-only edits: nothing a reader can see
                reason = rewrite_page(pdf, pdf.pages[p], hits, page_texts[p])
                if reason:
                    to_raster[p] = reason
                else:
                    rewritten.append(p)
            strip_document(pdf, report)
            data = save(pdf)
            # Check the rewrite with the reader itself (readback): a page that does not read
            # back as the original minus the edits plus the placeholders is burned in.
            for p in reads_back(self._data, data, {p: hits_by_page[p] for p in rewritten}):
                to_raster[p] = "its text did not read back as expected after the rewrite"
            if to_raster:
                images = render_with_boxes(self._data, {p: hits_by_page[p] for p in to_raster})
                for p in sorted(to_raster):
                    replace_with_image(pdf, p, images[p])
                    report.rasterized.append(f"page {p + 1} ({to_raster[p]})")
                data = save(pdf)
            if scanned:
                self._render_scans(pdf, hits_by_page, ocr_edits, report)
                data = save(pdf)
            if self.was_encrypted:
                report.metadata_removed.append(
                    "encryption (the PDF opened without a password; saved unencrypted)"
                )
            report.metadata_removed.extend(self._removed_at_open)
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
        hits_by_page: dict[int, list[Hit]],
        ocr_edits: dict[int, dict[int, Sequence[Edit]]],
        report: WriteReport,
    ) -> None:
        """Replace every scanned page by a boxed rendering of the original (no image streams
        or text layer of the original survive)."""
        pages = {p: hits_by_page.get(p, []) for p in self.scanned_pages}
        images = render_with_boxes(self._data, pages, dpi=OCR_DPI)
        words = {i: w for i, (_p, w) in self._ocr_words.items()}
        boxes = 0
        for p in self.scanned_pages:
            boxes += draw_boxes(images[p], words, ocr_edits.get(p, {}))
            replace_with_image(pdf, p, images[p], dpi=OCR_DPI, jpeg=True)
            report.rasterized.append(f"page {p + 1} (scanned page, re-rendered)")
        conf = self._ocr_confidence
        report.notes.append(
            f"{len(self.scanned_pages)} scanned page(s) read with OCR"
            + (f" (mean confidence {sum(conf) / len(conf):.0f}/100)" if conf else "")
            + f"; {boxes} word(s) covered with black boxes; text the OCR misses is not scrubbed"
        )


def open_document(data: bytes, limits: Limits) -> PdfDocument:
    return PdfDocument(data, limits)
