"""Sniffed kind -> format module, imported on first use.

The upload form sniffs files without paying for PDF/Office libraries; a module that is not
installed yet gives a clear ScrubError when a file of that kind is opened, not an ImportError
when this package is imported.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType

from .base import DEFAULT_LIMITS, Document, Limits, UnsupportedFile

_LEGACY = "scrubbing.engine.formats.legacy"  # converted by LibreOffice, then OOXML
_PICTURES = "scrubbing.engine.formats.pictures"  # decoded to pixels, written back as PNG
MODULES: dict[str, str] = {
    "docx": "scrubbing.engine.formats.docx",
    "xlsx": "scrubbing.engine.formats.xlsx",
    "pptx": "scrubbing.engine.formats.pptx",
    "pdf": "scrubbing.engine.formats.pdf",
    "png": "scrubbing.engine.formats.image",
    "jpeg": "scrubbing.engine.formats.image",
    "text": "scrubbing.engine.formats.text",
    "zip": "scrubbing.engine.formats.archive.ziparchive",
    "tar": "scrubbing.engine.formats.archive.tararchive",
    "epub": "scrubbing.engine.formats.archive.epub",
    "eml": "scrubbing.engine.formats.mail.message",
    "mbox": "scrubbing.engine.formats.mail.mbox",
    "msg": "scrubbing.engine.formats.mail.outlook",
    **dict.fromkeys(("doc", "xls", "ppt", "rtf", "odt", "ods", "odp"), _LEGACY),
    **dict.fromkeys(("gif", "tiff", "webp", "heic", "avif", "bmp", "ppm"), _PICTURES),
    "svg": "scrubbing.engine.formats.svg",
    "ipynb": "scrubbing.engine.formats.notebook",
    "html": "scrubbing.engine.formats.html",
}


def module_for(kind: str) -> ModuleType:
    path = MODULES.get(kind)
    if path is None:
        raise UnsupportedFile(f"Files of type {kind!r} are not supported.")
    try:
        return importlib.import_module(path)
    except ModuleNotFoundError as exc:
        # Only the format module itself being absent is "not supported yet"; a missing
        # dependency inside it is a deployment bug and must surface as such.
        if exc.name != path:
            raise
        raise UnsupportedFile(
            f"{kind.upper()} files cannot be processed on this server yet."
        ) from None


class LazyOpener:
    """`FormatInfo.open`: resolves the module on first call, then delegates.

    `options` go to the module's `open_document` as keywords (a text file's `language`).
    """

    def __init__(self, kind: str, **options: str) -> None:
        self.kind = kind
        self.options = options
        self._func: Callable[..., Document] | None = None

    def __call__(self, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Document:
        if self._func is None:
            self._func = module_for(self.kind).open_document
        return self._func(data, limits, **self.options)

    def __repr__(self) -> str:
        extra = "".join(f", {k}={v!r}" for k, v in self.options.items())
        return f"LazyOpener({self.kind!r}{extra})"


def opener(kind: str, **options: str) -> LazyOpener:
    return LazyOpener(kind, **options)


def open_document(kind: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Document:
    return opener(kind)(data, limits)
