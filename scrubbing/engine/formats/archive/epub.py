"""EPUB e-books (2 and 3): the zip limits, every page and the book's metadata scrubbed, and an
output that reading systems still open.

Handled as its own kind, not refused: an e-book is text a contractor wrote or edited (a
manual, a report), and everything in it is readable: pages are XHTML, the package document
(OPF) and the NCX are XML, pictures are PNG/JPEG/SVG. Read through xmltext.py:
- pages: paragraphs, headings, titles, alt texts; scripts, embedded objects and remote
  sources removed;
- the package document: every metadata field (title, creator, contributor, publisher,
  rights, description, subject, identifier, `file-as` sort names, calibre's meta content);
- the NCX and the navigation page: labels; META-INF/container.xml: its links.
Other members go to their own format module (stylesheets as text, pictures by OCR). Removed
and counted: embedded fonts (no reader checks them; a font obfuscated for the book is removed
with its META-INF/encryption.xml entry), META-INF files other than container.xml
(signatures.xml signed the original; the rest no reader reads). A book with DRM
(META-INF/rights.xml, or encrypted content other than obfuscated fonts) is refused.

Member paths are scrubbed like any archive's, and every link follows its member (xmltext).
Output: `mimetype` first and stored (uncompressed, no extra field), as EPUB's OCF requires,
then META-INF/container.xml, then the other members sorted.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence

from scrubbing.engine.base import (
    CorruptFile,
    Document,
    Edit,
    EncryptedFile,
    Limits,
    ScrubError,
    WriteReport,
)

from .members import Budget
from .xmltext import FLAVOURS, XmlTextDocument, parse
from .ziparchive import ZipDocument, write_zip

MIMETYPE = "mimetype"
MEDIA_TYPE = b"application/epub+zip"
CONTAINER = "META-INF/container.xml"
_FONTS = frozenset({".ttf", ".otf", ".woff", ".woff2", ".eot", ".pfb", ".pfa"})
_FONT_OBFUSCATION = frozenset(
    {"http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"}
)
_DRM = (
    "This e-book is protected by DRM (its content is encrypted) and cannot be read; upload a "
    "copy without DRM."
)


class EpubDocument(ZipDocument):
    kind = "epub"
    noun = "e-book"

    def __init__(
        self, data: bytes, limits: Limits, depth: int = 1, budget: Budget | None = None
    ) -> None:
        self._has_mimetype = self._has_container = False
        self._obfuscated: set[str] = set()
        super().__init__(data, limits, depth, budget)
        if any(posixpath.splitext(p)[1].lower() not in _FONTS for p in self._obfuscated):
            raise EncryptedFile(_DRM)  # obfuscation is only allowed on fonts
        if not self._has_mimetype or not self._has_container:
            raise CorruptFile(
                "This e-book is damaged: it lacks its mimetype or META-INF/container.xml."
            )

    def take(self, path: str, data: bytes, mode: int) -> None:
        low = path.lower()
        ext = posixpath.splitext(low)[1]
        if path == MIMETYPE:
            self._has_mimetype = data.strip() == MEDIA_TYPE
        elif low.startswith("meta-inf/"):
            self._meta_inf(path, low, data, mode)
        elif ext in _FONTS:
            self.dropped["font"] += 1
        elif ext in FLAVOURS:
            self._xml_member(path, data, mode, FLAVOURS[ext])
        else:
            self.add_member(path, data, mode)

    def _meta_inf(self, path: str, low: str, data: bytes, mode: int) -> None:
        if low == CONTAINER.lower():
            self._has_container = True
            self._xml_member(path, data, mode, "container")
        elif low == "meta-inf/encryption.xml":
            self._encryption(data)
        elif low == "meta-inf/rights.xml":
            raise EncryptedFile(_DRM)
        elif low == "meta-inf/signatures.xml":
            self.dropped["signature"] += 1
        else:
            self.dropped["unknown"] += 1

    def _xml_member(self, path: str, data: bytes, mode: int, flavour: str) -> None:
        try:
            doc = XmlTextDocument(data, self._limits, flavour, path, self.paths)
        except ScrubError as exc:
            if flavour in ("container", "opf"):
                what = "META-INF/container.xml" if flavour == "container" else "package document"
                raise CorruptFile(f"This e-book's {what} cannot be read: {exc}") from None
            self.unreadable[exc.code] += 1  # its manifest item and spine entry go with it
            return
        self.add_member(path, data, mode, doc)

    def _encryption(self, data: bytes) -> None:
        """Only obfuscated fonts may be encrypted (they are removed, and this file with them)."""
        root = parse(data).getroot()
        for enc in root.iter("{http://www.w3.org/2001/04/xmlenc#}EncryptedData"):
            method = enc.find("{http://www.w3.org/2001/04/xmlenc#}EncryptionMethod")
            ref = enc.find(".//{http://www.w3.org/2001/04/xmlenc#}CipherReference")
            if method is None or method.get("Algorithm") not in _FONT_OBFUSCATION:
                raise EncryptedFile(_DRM)
            if ref is not None:
                self._obfuscated.add(posixpath.normpath(ref.get("URI") or ""))

    def render(self, edits: Mapping[int, Sequence[Edit]]) -> tuple[bytes, WriteReport]:
        report = WriteReport()
        files = self.render_members(edits, report)
        files[MIMETYPE] = (MEDIA_TYPE, 0o644)
        data = write_zip(files, first=[MIMETYPE, CONTAINER], stored=[MIMETYPE])
        return data, report


def open_document(
    data: bytes, limits: Limits, depth: int = 1, budget: Budget | None = None
) -> Document:
    """The archive; `depth` and `budget` are its container's when it is nested."""
    return EpubDocument(data, limits, depth, budget)
