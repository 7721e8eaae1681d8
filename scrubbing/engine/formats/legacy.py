"""Legacy Office, OpenDocument and RTF: converted to OOXML by LibreOffice, then scrubbed as OOXML.

Kinds doc, rtf, odt (-> docx), xls, ods (-> xlsx), ppt, odp (-> pptx). The conversion runs in
`scrubbing.engine.convert` (sandboxed, time-limited, one at a time); the converted package is
opened by the OOXML module of its kind through the registry, so everything that module reads,
removes and reports (tracked changes, comments, notes, hidden sheets, properties, macros,
unknown parts...) applies to the legacy file's content as LibreOffice carried it over. What
LibreOffice does not carry over is not in the output at all. The output is the modern format
(`output_kind`), verified by its reader, and the report says so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from scrubbing.engine.sniff import detect_kind

from ..base import Document, Edit, Limits, UnsupportedFile, WriteReport
from ..convert import convert
from ..registry import module_for


@dataclass(frozen=True)
class Legacy:
    name: str  # "Word 97-2003 document"
    suffix: str  # the input's extension for LibreOffice: ".doc"
    target: str  # the OOXML kind it becomes: "docx"
    convert_to: str  # soffice --convert-to


_WORD = "docx:MS Word 2007 XML"
_EXCEL = "xlsx:Calc MS Excel 2007 XML"
_POWERPOINT = "pptx:Impress MS PowerPoint 2007 XML"
LEGACY: dict[str, Legacy] = {
    "doc": Legacy("Word 97-2003 document", ".doc", "docx", _WORD),
    "rtf": Legacy("RTF document", ".rtf", "docx", _WORD),
    "odt": Legacy("OpenDocument text", ".odt", "docx", _WORD),
    "xls": Legacy("Excel 97-2003 workbook", ".xls", "xlsx", _EXCEL),
    "ods": Legacy("OpenDocument spreadsheet", ".ods", "xlsx", _EXCEL),
    "ppt": Legacy("PowerPoint 97-2003 presentation", ".ppt", "pptx", _POWERPOINT),
    "odp": Legacy("OpenDocument presentation", ".odp", "pptx", _POWERPOINT),
}


class ConvertedDocument(Document):
    """A legacy file as the OOXML document LibreOffice made of it: the same segments (so edits
    pass straight through), rendered by the OOXML writer."""

    def __init__(self, kind: str, inner: Document, sandbox: str) -> None:
        super().__init__(inner.segments)
        self.kind = kind
        self.output_kind = LEGACY[kind].target
        self.inner = inner
        self.sandbox = sandbox

    def render(self, edits: Mapping[int, Sequence[Edit]]) -> tuple[bytes, WriteReport]:
        data, report = self.inner.render(edits)
        legacy = LEGACY[self.kind]
        sandbox = {"bwrap": "bubblewrap", "unshare": "no network"}.get(self.sandbox, "no sandbox")
        report.notes.insert(
            0,
            f"converted from {legacy.name} ({legacy.suffix}) to .{legacy.target} by LibreOffice "
            f"({sandbox}) before scrubbing; the scrubbed file is a .{legacy.target}",
        )
        return data, report


def open_document(data: bytes, limits: Limits) -> ConvertedDocument:
    kind = detect_kind("file", data, limits)
    legacy = LEGACY.get(kind)
    if legacy is None:
        raise UnsupportedFile("This file is not a legacy Office, OpenDocument or RTF file.")
    converted, sandbox = convert(
        data,
        suffix=legacy.suffix,
        convert_to=legacy.convert_to,
        label=f"this {legacy.name} ({legacy.suffix})",
        advice=f"save it as .{legacy.target} and upload again",
    )
    inner = module_for(legacy.target).open_document(converted, limits)
    return ConvertedDocument(kind, inner, sandbox)
