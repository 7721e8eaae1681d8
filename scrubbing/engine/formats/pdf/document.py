"""The PDF document: segments from pdfium, edits written back with pikepdf.

Reading, page by page (`ocr.classify`): a page with a text layer gives one segment per block
of pdfium lines (`reading.blocks`); the pictures on it are OCR'd from their own pixels
(`pictures`); a page without text that shows pictures (a scan) is rendered and OCR'd. Hidden
layers and an empty-password encryption go before reading; info, annotations and bookmarks
are segments too.

Writing: the edited glyphs are removed from the content stream (`rewrite`) and the page is
read back with pdfium (`readback`); a page that cannot be rewritten safely, or does not read
back as expected, is rendered with black boxes and replaced by its picture (`raster`), and the
report says which page and why. Pictures are boxed in their own pixels. Scanned pages are
always re-rendered. Metadata and every object no rule keeps go (`strip`).
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pikepdf
import pypdfium2 as pdfium

from scrubbing.engine.base import (
    CorruptFile,
    Document,
    Edit,
    LimitExceeded,
    Limits,
    Segment,
    WriteReport,
)
from scrubbing.engine.formats.image import draw_boxes

from . import pictures
from .layers import remove_hidden_layers
from .ocr import OcrBudget, PageKind, classify, scan_dpi
from .raster import render_with_boxes, replace_with_image
from .readback import reads_back
from .reading import (
    Hit,
    blocks,
    char_rects,
    norm,
    open_pike,
    page_chars,
    pdfium_page_texts,
    plain_copy,
    save,
    side_texts,
)
from .rewrite import rewrite_page
from .strip import strip_document


@dataclass
class _LineRef:
    page: int  # 0-based
    offset: int  # pdfium char index of the segment's first character


@dataclass
class _Picture:
    """A picture on a text page, OCR'd once: its segments' words in its own pixels."""

    page: int
    words: dict[int, list] = field(default_factory=dict)  # segment -> OCR words


class PdfDocument(Document):
    kind = "pdf"

    def __init__(self, data: bytes, limits: Limits) -> None:
        super().__init__()
        self._data = data
        self._limits = limits
        self._lines: dict[int, _LineRef] = {}
        self._scan_words: dict[int, tuple[int, list]] = {}  # segment -> (page, OCR words)
        self.scanned_pages: list[int] = []  # 0-based, OCR'd, always re-rendered
        self._scan_dpi: dict[int, int] = {}
        self._pictures: dict[tuple[int, int], _Picture] = {}  # image objgen -> picture
        self._picture_of: dict[int, tuple[int, int]] = {}  # segment -> image objgen
        self._undecodable: dict[tuple[int, int], int] = {}  # image objgen -> page
        self.page_kinds: list[PageKind] = []
        self._confidence: list[float] = []
        self._budget = OcrBudget(limits)
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
            for text, locator, kind in side_texts(pdf):
                self._add(text, locator, kind)
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
                kind = classify(page, textpage, chars)
                for block in blocks(textpage, chars):
                    idx = self._add(block.text, f"page {p + 1}, {block.locator}", "body")
                    self._lines[idx] = _LineRef(p, block.offset)
                textpage.close()
                self.page_kinds.append(kind)
                if kind is PageKind.SCAN and self._budget.take_page(p):
                    self._ocr_page(page, p)
                page.close()
        except pdfium.PdfiumError:
            raise CorruptFile("This PDF is damaged or incomplete and cannot be read.") from None
        finally:
            doc.close()
        if PageKind.TEXT in self.page_kinds:
            self._read_pictures()

    def _ocr_page(self, page: pdfium.PdfPage, p: int) -> None:
        dpi = scan_dpi(page)
        bitmap = page.render(scale=dpi / 72, draw_annots=False, may_draw_forms=False)
        result = self._budget.ocr(bitmap.to_pil().convert("RGB"), p, self._budget.unread_pages)
        if result is None:
            return
        self.scanned_pages.append(p)
        self._scan_dpi[p] = dpi
        lines, confidence = result
        for n, (text, words) in enumerate(lines, 1):
            idx = self._add(text, f"page {p + 1} (scanned), line {n}", "ocr")
            self._scan_words[idx] = (p, words)
        if confidence is not None:
            self._confidence.append(confidence)

    def _read_pictures(self) -> None:
        """OCR every picture worth reading on the text pages, each once, within the budget."""
        with open_pike(self._data) as pdf:
            for p, kind in enumerate(self.page_kinds):
                if kind is not PageKind.TEXT:
                    continue
                number = 0
                for placement in pictures.placements(pdf.pages[p]):
                    key = placement.key
                    if key in self._pictures or key in self._undecodable:
                        continue
                    if not placement.worth_reading():
                        continue
                    number += 1
                    if not self._budget.take_picture(p):
                        continue
                    image = pictures.pixels(placement.stream)
                    if image is None:
                        self._undecodable[key] = p
                        continue
                    result = self._budget.ocr(image, p, self._budget.unread_pictures)
                    if result is None:
                        continue
                    picture = self._pictures[key] = _Picture(p)
                    lines, confidence = result
                    for n, (text, words) in enumerate(lines, 1):
                        idx = self._add(text, f"page {p + 1}, picture {number}, line {n}", "ocr")
                        picture.words[idx] = words
                        self._picture_of[idx] = key
                    if confidence is not None:
                        self._confidence.append(confidence)

    # -- writing ----------------------------------------------------------------------------

    def render(self, edits: Mapping[int, Sequence[Edit]]) -> tuple[bytes, WriteReport]:
        report = WriteReport()
        started = time.monotonic()
        hits_by_page: dict[int, list[Hit]] = {}
        scan_edits: dict[int, dict[int, Sequence[Edit]]] = {}
        picture_edits: dict[tuple[int, int], dict[int, Sequence[Edit]]] = {}
        for seg_index, seg_edits in edits.items():
            if seg_index in self._scan_words:
                scan_edits.setdefault(self._scan_words[seg_index][0], {})[seg_index] = seg_edits
            elif seg_index in self._picture_of:
                picture_edits.setdefault(self._picture_of[seg_index], {})[seg_index] = seg_edits
            elif seg_index in self._lines:
                ref = self._lines[seg_index]
                text = self.segments[seg_index].text
                for e in seg_edits:
                    if e.end > e.start and norm(text[e.start : e.end]):
                        hits_by_page.setdefault(ref.page, []).append(
                            Hit(
                                text[e.start : e.end],
                                e.replacement,
                                ref.offset + e.start,
                                ref.offset + e.end - 1,
                            )
                        )
            # metadata/annotation/bookmark segments: removed wholesale by strip_document

        base = self._box_pictures(hits_by_page, picture_edits, report)
        pdf = open_pike(base)
        try:
            to_raster: dict[int, str] = {}
            rewritten: list[int] = []
            page_texts = pdfium_page_texts(base, hits_by_page)
            for p, hits in sorted(hits_by_page.items()):
                reason = rewrite_page(pdf, pdf.pages[p], hits, page_texts[p])
                if reason:
                    to_raster[p] = reason
                else:
                    rewritten.append(p)
            strip_document(pdf, report)
            data = save(pdf)
            # Check the rewrite with the reader itself (readback): a page that does not read
            # back as the original minus the edits plus the placeholders is burned in.
            for p in reads_back(base, data, {p: hits_by_page[p] for p in rewritten}):
                to_raster[p] = "its text did not read back as expected after the rewrite"
            if to_raster:
                images = render_with_boxes(base, {p: hits_by_page[p] for p in to_raster})
                for p in sorted(to_raster):
                    replace_with_image(pdf, p, images[p])
                    report.rasterized.append(f"page {p + 1} ({to_raster[p]})")
                data = save(pdf)
            if self.scanned_pages:
                self._render_scans(pdf, base, hits_by_page, scan_edits, report)
                data = save(pdf)
            if self.was_encrypted:
                report.metadata_removed.append(
                    "encryption (the PDF opened without a password; saved unencrypted)"
                )
            report.metadata_removed.extend(self._removed_at_open)
            report.notes.append(self._page_summary(rewritten, to_raster))
            if self._confidence:
                report.notes.append(
                    f"OCR mean confidence {sum(self._confidence) / len(self._confidence):.0f}"
                    "/100; text the OCR misses is not scrubbed"
                )
            report.residual.extend(self._budget.sentences())
            pages = len(hits_by_page) or 1
            report.notes.append(
                f"PDF written in {time.monotonic() - started:.2f}s "
                f"({(time.monotonic() - started) / pages:.2f}s per edited page)"
            )
            return data, report
        finally:
            pdf.close()

    def _box_pictures(
        self,
        hits_by_page: dict[int, list[Hit]],
        picture_edits: dict[tuple[int, int], dict[int, Sequence[Edit]]],
        report: WriteReport,
    ) -> bytes:
        """The document with edited words boxed in the pictures' own pixels and unreadable
        pictures blanked (the bytes every later step starts from)."""
        boxes: dict[tuple[int, int], list[tuple[int, int, int, int]]] = {}
        for key, seg_edits in picture_edits.items():
            words = self._pictures[key].words
            for seg_index, es in seg_edits.items():
                boxes.setdefault(key, []).extend(
                    w.box
                    for w in words[seg_index]
                    if any(e.start < w.end and w.start < e.end for e in es)
                )
        over_scan = [p for p in hits_by_page if self.page_kinds[p] is PageKind.SCAN_WITH_TEXT]
        if not boxes and not over_scan and not self._undecodable:
            return self._data
        with open_pike(self._data) as pdf:
            if over_scan:  # a text layer over a scan: box the picture under the edited text
                rects = char_rects(self._data, {p: hits_by_page[p] for p in over_scan})
                for p in over_scan:
                    for pl in pictures.placements(pdf.pages[p]):
                        for r in rects[p]:
                            boxes.setdefault(pl.key, []).append(pl.to_pixels(r))
            n_boxes = 0
            for key, rects_px in boxes.items():
                stream = pdf.get_object(key)
                image = pictures.pixels(stream)
                if image is None:
                    self._undecodable.setdefault(key, -1)
                    continue
                pictures.burn(image, rects_px)
                pictures.write_pixels(stream, image)
                n_boxes += len(rects_px)
            for key in self._undecodable:
                pictures.blank(pdf.get_object(key))
            if n_boxes:
                report.notes.append(f"{n_boxes} word(s) in pictures covered with black boxes")
            if self._undecodable:
                report.metadata_removed.append(
                    f"{len(self._undecodable)} picture(s) that could not be decoded (replaced "
                    "by a grey pixel)"
                )
            return save(pdf)

    def _render_scans(
        self,
        pdf: pikepdf.Pdf,
        base: bytes,
        hits_by_page: dict[int, list[Hit]],
        scan_edits: dict[int, dict[int, Sequence[Edit]]],
        report: WriteReport,
    ) -> None:
        """Replace every scanned page by a boxed rendering of the original at the resolution
        it was OCR'd at (no image streams or hidden text of the original survive)."""
        words = {i: w for i, (_p, w) in self._scan_words.items()}
        boxes = 0
        for dpi in sorted(set(self._scan_dpi.values())):
            pages = [p for p in self.scanned_pages if self._scan_dpi[p] == dpi]
            images = render_with_boxes(base, {p: hits_by_page.get(p, []) for p in pages}, dpi)
            for p in pages:
                boxes += draw_boxes(images[p], words, scan_edits.get(p, {}))
                replace_with_image(pdf, p, images[p], dpi=dpi, jpeg=True)
                report.rasterized.append(f"page {p + 1} (scanned page, re-rendered)")
        report.notes.append(
            f"{len(self.scanned_pages)} scanned page(s) read with OCR; {boxes} word(s) covered "
            "with black boxes"
        )

    def _page_summary(self, rewritten: list[int], to_raster: dict[int, str]) -> str:
        """Page by page, what was done: text (rewritten where edited), OCR, rasterized."""
        groups: dict[str, list[int]] = {}
        for p, kind in enumerate(self.page_kinds):
            if p in to_raster:
                label = "rasterized (see above)"
            elif p in self.scanned_pages:
                label = "scanned, read with OCR and re-rendered"
            elif kind is PageKind.SCAN:
                label = "scanned, not read (OCR budget)"
            elif kind is PageKind.SCAN_WITH_TEXT:
                label = "scanned with a text layer, read from the layer"
            elif kind is PageKind.EMPTY:
                label = "no text"
            else:
                label = "text, edited in place" if p in rewritten else "text, unchanged"
            groups.setdefault(label, []).append(p + 1)
        return "pages: " + "; ".join(f"{label} {_ranges(ps)}" for label, ps in groups.items())


def _ranges(pages: list[int]) -> str:
    out: list[str] = []
    start = prev = pages[0]
    for p in pages[1:] + [0]:
        if p == prev + 1:
            prev = p
            continue
        out.append(str(start) if start == prev else f"{start}-{prev}")
        start = prev = p
    return ", ".join(out)


def open_document(data: bytes, limits: Limits) -> PdfDocument:
    return PdfDocument(data, limits)
