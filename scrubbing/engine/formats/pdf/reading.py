"""Reading: open with pikepdf (refusing what needs a password), the text pdfium extracts.

pdfium's text page is what viewers copy/paste and search, so segments are exactly its lines
("page 3, line 12"); one segment character is one pdfium character, which gives each edit a
character box.
"""

from __future__ import annotations

import ctypes
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pikepdf import Array, Dictionary, String

from scrubbing.engine.base import CorruptFile, EncryptedFile

_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff\ufffe"
_WS = re.compile(rf"[\s{_INVISIBLE}\x00-\x1f]+")


def is_blank(ch: str) -> bool:
    """One character `norm` drops (the per-character form, for the hot loops)."""
    return ch.isspace() or ch < " " or ch in _INVISIBLE


def norm(text: str) -> str:
    """Whitespace-free form used to match pdfium text with stream text.

    Spaces are often not glyphs at all (TJ offsets) and pdfium inserts its own, so matching
    ignores them; the span between the first and last matched glyph is removed as a whole.
    """
    return _WS.sub("", text)


NEEDS_PASSWORD = "is password-protected; remove the password and upload it again."


def open_pike(data: bytes) -> pikepdf.Pdf:
    """Open with pikepdf. A PDF encrypted with an empty user password (it opens in any viewer
    without one; only permissions are set) opens; one that needs a password is refused."""
    try:
        return pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError:
        raise EncryptedFile(f"This PDF {NEEDS_PASSWORD}") from None
    except Exception:  # pikepdf raises several types for damaged input
        raise CorruptFile("This PDF is damaged or incomplete and cannot be read.") from None


def needs_password(data: bytes) -> bool:
    """The rule the upload check and the reader share: only a PDF that does not open without
    a password is refused as password-protected."""
    try:
        with pikepdf.open(io.BytesIO(data)):
            return False
    except pikepdf.PasswordError:
        return True
    except Exception:  # damaged: not a password question; the reader says so in its words
        return False


def plain_copy(pdf: pikepdf.Pdf) -> bytes:
    """The bytes of an opened PDF as it now is, saved without encryption."""
    out = io.BytesIO()
    pdf.save(out, encryption=False, deterministic_id=True)
    return out.getvalue()


#: how pdfium reports a hyphen it treats as a line-break hyphen (FPDFText_GetUnicode gives 2,
#: the text range U+FFFE): it is a "-" on the page
HYPHEN_MARKS = "\x02\ufffe"


def page_chars(textpage: pdfium.PdfTextPage) -> str:
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
        elif ch in HYPHEN_MARKS:
            out.append("-")  # pdfium's mark for a hyphen it may join lines at
        elif o < 0x20 or 0xD800 <= o <= 0xDFFF or ch == "\uffff":
            # keep 1:1 indices; controls and lone surrogates would break later text handling
            out.append(" " if o < 0x20 else "\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def split_lines(chars: str) -> Iterable[tuple[int, str]]:
    """(offset, text) per line; lines are separated by pdfium's generated CR/LF."""
    start = 0
    for m in re.finditer(r"[\r\n]+", chars):
        yield start, chars[start : m.start()]
        start = m.end()
    yield start, chars[start:]


#: a block ends after this many lines, or where the next line is not the next line down (lines,
#: not characters: the output, with its shorter placeholders, must be cut the same way)
MAX_BLOCK_LINES = 25
_NEXT_LINE = 1.8  # baseline gaps up to this many font sizes continue a block (a paragraph)
_SAME_PITCH = 1.25  # ... and up to this many times the block's own line pitch
_SAME_SIZE = 0.2  # a line whose font size differs more than this share starts one (a heading)


@dataclass(frozen=True)
class Block:
    """Consecutive lines of one size read as one segment (a paragraph, a table's rows):
    detection sees a name broken over two lines whole, and a page is a few segments instead of
    fifty. A heading, a bigger gap or a jump up the page starts a new block."""

    offset: int  # pdfium char index of the first character
    text: str  # the page characters from the first line's start to the last line's end
    first_line: int  # 1-based, counting lines with text
    last_line: int

    @property
    def locator(self) -> str:
        if self.first_line == self.last_line:
            return f"line {self.first_line}"
        return f"lines {self.first_line}-{self.last_line}"


def _baseline(tp: pdfium.PdfTextPage, index: int) -> tuple[float, float]:
    """(baseline y, font size) of a character: both the same for a placeholder drawn in our
    Helvetica in its place, so the output is cut into the same blocks as the input."""
    x, y = ctypes.c_double(), ctypes.c_double()
    if not pdfium_c.FPDFText_GetCharOrigin(tp, index, ctypes.byref(x), ctypes.byref(y)):
        return 0.0, 0.0
    return y.value, float(pdfium_c.FPDFText_GetFontSize(tp, index))


def blocks(tp: pdfium.PdfTextPage, chars: str) -> list[Block]:
    """The page's lines with text, grouped into blocks by where their baselines are: the next
    line continues a block when it is the next line down (within `_NEXT_LINE` font sizes and
    no wider apart than the block's lines so far), of the same size, and the block is short.
    Placeholders keep the font size and baseline of what they replace, so a scrubbed page is
    cut into the same blocks as its original."""
    lines = [(off, text) for off, text in split_lines(chars) if text.strip()]
    out: list[Block] = []
    prev: tuple[float, float] | None = None  # baseline y and font size where the last line ends
    pitch = 0.0  # the baseline gap inside the current block (0: one line so far)
    for number, (off, text) in enumerate(lines, 1):
        here = _baseline(tp, off + (len(text) - len(text.lstrip())))
        gap = prev[0] - here[0] if prev else 0.0
        joined = (
            out
            and prev is not None
            and 0 < gap <= _NEXT_LINE * max(prev[1], 1.0)
            and (not pitch or gap <= _SAME_PITCH * pitch)
            and abs(prev[1] - here[1]) <= _SAME_SIZE * max(prev[1], here[1])
            and number - out[-1].first_line < MAX_BLOCK_LINES
        )
        if joined:
            b = out[-1]
            out[-1] = Block(b.offset, chars[b.offset : off + len(text)], b.first_line, number)
            pitch = gap
        else:
            out.append(Block(off, text, number, number))
            pitch = 0.0
        # pdfium may join a line broken at a hyphen with the next: measure from its end
        prev = _baseline(tp, off + len(text.rstrip()) - 1)
    return out


def pdf_text(value: object) -> str | None:
    if isinstance(value, String):
        try:
            return str(value)
        except Exception:
            return bytes(value).decode("latin-1", "replace")
    return None


def save(pdf: pikepdf.Pdf) -> bytes:
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


def pdfium_page_texts(data: bytes, pages: Iterable[int]) -> dict[int, str]:
    """pdfium's text of some pages, one character per char index (see `page_chars`)."""
    out: dict[int, str] = {}
    doc = pdfium.PdfDocument(data)
    try:
        for p in pages:
            page = doc[p]
            tp = page.get_textpage()
            out[p] = page_chars(tp)
            tp.close()
            page.close()
    finally:
        doc.close()
    return out


def side_texts(pdf: pikepdf.Pdf) -> Iterator[tuple[str, str, str]]:
    """(text, locator, kind) of document info, annotations (comments, form values, links) and
    bookmark titles: all removed on render, shown to detection so its report names them."""
    info = pdf.trailer.get("/Info")
    if isinstance(info, Dictionary):
        for key in sorted(str(k)[1:] for k in info):
            text = pdf_text(info.get("/" + key))
            if text and text.strip() and key not in ("CreationDate", "ModDate", "Trapped"):
                yield text, f"metadata: {key}", "metadata"
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
                    yield uri, f"{where} (link)", "hyperlink"
            for key, kind in (("/Contents", "comment"), ("/T", "comment"), ("/V", "form")):
                text = pdf_text(annot.get(key))
                if text and text.strip():
                    yield text, f"{where} {key[1:]}", kind
    try:
        with pdf.open_outline() as outline:
            stack = list(outline.root)
            count = 0
            while stack and count < 10_000:
                item = stack.pop(0)
                count += 1
                if item.title and item.title.strip():
                    yield item.title, f"bookmark {count}", "bookmark"
                stack.extend(item.children)
    except Exception:  # noqa: S110 - a broken outline is dropped on render anyway
        pass


@dataclass
class Hit:
    original: str
    replacement: str
    first: int  # pdfium char indices, inclusive
    last: int


Rect = tuple[float, float, float, float]


def char_rects(data: bytes, hits_by_page: dict[int, list[Hit]]) -> dict[int, list[Rect]]:
    """Per page, one rectangle (PDF user space, 1 pt margin) around each hit's characters."""
    boxes: dict[int, list[Rect]] = {}
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
    return boxes
