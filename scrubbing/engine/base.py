"""The contract every format module fulfils. Pure Python: nothing here may import Django.

A format module turns bytes into a `Document`: a flat list of `Segment`s (the text a reader sees
as one unit: a whole paragraph, a cell, a slide shape's paragraph, a PDF text line, an OCR line,
a metadata field) and, given edits (character spans in a segment's text -> replacement), writes
the same format back. Detection and replacement only ever see segments, so a name split across
three Word runs is one span in one segment; the writer spreads the edit over the runs.

Verification re-opens the output with the same module, so a reader gap is a test failure
(raw-byte tests), not a silent pass.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field


class ScrubError(Exception):
    """A per-file problem explained in one sentence a contractor can act on.

    The message is shown to users verbatim: no tracebacks, no internal paths, no file content.
    """

    code = "error"


class UnsupportedFile(ScrubError):
    code = "unsupported"


class EmptyFile(UnsupportedFile):
    """Zero bytes. Added by the engine core; a subclass so `except UnsupportedFile` works."""

    code = "empty"


class EncryptedFile(ScrubError):
    code = "encrypted"


class CorruptFile(ScrubError):
    code = "corrupt"


class LimitExceeded(ScrubError):
    """Too big, too many parts, too deep, a decompression bomb, too many pixels..."""

    code = "limit"


@dataclass(frozen=True)
class Limits:
    """Resource bounds for one input file (and its members, for archives)."""

    max_file_bytes: int = 50 * 1024 * 1024
    max_expanded_bytes: int = 500 * 1024 * 1024  # total uncompressed size of a zip/OOXML package
    max_compression_ratio: int = 200  # per member and overall, uncompressed / compressed
    max_members: int = 5000  # zip entries
    max_nesting: int = 2  # zip inside zip
    max_image_pixels: int = 60_000_000
    max_pdf_pages: int = 2000
    max_segments: int = 2_000_000
    max_ocr_images: int = 50  # pictures inside one Office file or on a PDF's text pages, OCR'd
    max_ocr_pages: int = 200  # scanned (image-only) PDF pages that are OCR'd
    max_ocr_seconds: float = 180.0  # OCR time per reading of a PDF (scans and pictures);
    # read + verification stay within the worker's 600 s soft time limit
    #: characters of one segment the NER model reads; beyond them the patterns, deny-lists and
    #: the task's sweep read the text alone (the report names each such segment)
    max_model_chars: int = 50_000


@dataclass(frozen=True)
class Segment:
    """One unit of text as a reader sees it.

    `index` is its position in `Document.segments`; `locator` says where it is in words a person
    understands ("paragraph 12", "Sheet1!B4", "slide 3 / shape 'Title 1'", "page 2", "header
    (section 1)", "metadata: author", "comment by ..."); `kind` groups locators for reports
    ("body", "table", "header", "footer", "footnote", "comment", "note", "metadata", "name",
    "hyperlink", "formula", "hidden", "ocr", ...).
    """

    index: int
    text: str
    locator: str
    kind: str = "body"


@dataclass(frozen=True)
class Edit:
    """Replace `text[start:end]` of one segment with `replacement`."""

    start: int
    end: int
    replacement: str


@dataclass
class WriteReport:
    """What the writer did besides text edits (shown in the file's scrub report)."""

    metadata_removed: list[str] = field(default_factory=list)  # "author", "company", "XMP", ...
    hidden_content: list[str] = field(default_factory=list)  # "very hidden sheet 'X'", ...
    rasterized: list[str] = field(default_factory=list)  # PDF pages burned in, etc.
    notes: list[str] = field(default_factory=list)
    #: content the writer could not scrub and left in place, one sentence each ("has more
    #: than 50 images; ..."): the pipeline turns each into a residual, so the file fails closed
    residual: list[str] = field(default_factory=list)
    #: the output's extension when the writer knows it (".docx" for a .docm saved macro-free);
    #: "" leaves the file's name as it was
    extension: str = ""


class Document(ABC):
    """An opened file. `segments` is filled by the opener; `render` writes the scrubbed bytes."""

    #: short type name, the registry key: docx, xlsx, pptx, pdf, png, jpeg, text, zip, eml...
    kind: str = ""
    #: set when the writer writes another format than the file came in (an Outlook .msg is
    #: written back as "eml"): that kind's reader verifies the output, its extension names it
    output_kind: str = ""

    def __init__(self, segments: list[Segment] | None = None) -> None:
        self.segments: list[Segment] = segments or []

    def admits(self, index: int, start: int, end: int, source: str) -> bool:
        """Whether a hit of `source` at [start, end) of segment `index` counts (a code file
        keeps the model's hits in strings and comments only: `formats/code.py`)."""
        return True

    @abstractmethod
    def render(self, edits: Mapping[int, Sequence[Edit]]) -> tuple[bytes, WriteReport]:
        """Apply edits (segment index -> non-overlapping edits), strip metadata, return bytes.

        Must also remove what Office's Document Inspector would (authors, company, custom
        properties, revision history, comments' authors, ...) even when there are no edits.
        Segments of kind "metadata" that are emptied or removed count as edited.
        """


@dataclass(frozen=True)
class FormatInfo:
    kind: str
    extension: str  # canonical, with dot: ".docx"
    content_type: str
    open: object  # Callable[[bytes, Limits], Document]; typed loosely to keep modules light


#: shared default (Limits is frozen), usable as a default argument
DEFAULT_LIMITS = Limits()


def exception_summary(exc: BaseException) -> str:
    """An exception fit for a log line: its type and code locations, never its message.

    Messages and locals can quote document text (a parser echoing the bad value), so logs get
    only where it happened.
    """
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)[-8:]
    where = " <- ".join(
        f"{fr.filename.rsplit('/', 1)[-1]}:{fr.lineno} {fr.name}" for fr in reversed(frames)
    )
    return f"{type(exc).__name__} at {where or '?'}"
