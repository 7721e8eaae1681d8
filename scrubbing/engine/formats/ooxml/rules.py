"""The closed world of an Office package: why each part may stay in a scrubbed file.

The one table (`RULES`) the writer enforces (closed.py) and the tests audit outputs with. A part
stays only if a reader read it and the writer rewrote it (READ), or if it is on the short,
reviewed list of parts that hold no document text (KEEP). Everything else goes: the parts
named here as REMOVE with what the report calls them ("macros", "data connections"), and any
part no rule names, or that nothing in the package refers to ("unknown part"). The rule says
why, so a reviewer can check each entry.

A part is matched by its content type (the end of it, as the readers match) or, for parts
whose content type says nothing (application/xml), by the type of the relationship to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Keep(Enum):
    READ = "read"  # a reader read it (Package.read / Package.rewritten) and the writer rewrote it
    KEEP = "keep"  # holds no document text: kept as it is
    REMOVE = "remove"  # removed; the report says what went


@dataclass(frozen=True)
class Rule:
    match: str  # content type suffix, "image/"-style prefix, or "rel:<relationship type>"
    keep: Keep
    why: str
    removed_as: str = ""  # REMOVE: the report's word for it ("macros"); "" = not worth a note


R, K, X = Keep.READ, Keep.KEEP, Keep.REMOVE
_MACROS = "macros"
_CONNECTIONS = "data connections"
_WORD = "officedocument.wordprocessingml."
_XL = "officedocument.spreadsheetml."
_PPT = "officedocument.presentationml."

RULES: tuple[Rule, ...] = (
    # -- by relationship (their content type is a generic one)
    Rule("rel:customXml", R, "custom XML data: every value is read (metadata.py)"),
    Rule("rel:extensibility", X, "ribbon customisation: buttons that run macros", _MACROS),
    Rule("rel:package", R, "embedded Office file, scrubbed by its own reader (embedded.py)"),
    Rule("rel:oleObject", R, "embedded Office file, scrubbed by its own reader (embedded.py)"),
    # -- package
    Rule("package.core-properties+xml", R, "document properties: read, then blanked (strip.py)"),
    Rule("extended-properties+xml", R, "application properties: read; free text removed"),
    Rule("custom-properties+xml", X, "custom document properties", "custom properties"),
    Rule("digital-signature-origin", X, "digital signatures name the signer", "signatures"),
    Rule("digital-signature-xmlsignature+xml", X, "a signature of the original", "signatures"),
    Rule("customXmlProperties+xml", K, "the data-store id and schema of a custom XML item"),
    Rule("ms-office.classificationlabels+xml", X, "sensitivity label ids", "label details"),
    # -- shared by the three formats
    Rule("officedocument.theme+xml", K, "theme colours, fonts and effects"),
    Rule("officedocument.themeOverride+xml", K, "theme colours, fonts and effects"),
    Rule("image/", K, "pictures: metadata stripped, text read by OCR (pictures.py)"),
    Rule("audio/", X, "sound cannot be checked", "audio and video"),
    Rule("video/", X, "video frames and sound cannot be checked", "audio and video"),
    Rule("obfuscatedFont", K, "embedded font glyphs"),
    Rule("x-fontdata", K, "embedded font glyphs"),
    Rule("x-font-ttf", K, "embedded font glyphs"),
    Rule("officedocument.vmlDrawing", R, "legacy drawings: text boxes, alt text (vml.py)"),
    Rule("officedocument.drawing+xml", R, "sheet drawings: text boxes, shape names (xlsx.py)"),
    Rule("drawingml.chart+xml", R, "chart text and cached labels (drawingml.py)"),
    Rule("drawingml.chartshapes+xml", R, "shapes drawn over a chart (drawingml.py)"),
    Rule("ms-office.chartstyle+xml", K, "chart style"),
    Rule("ms-office.chartcolorstyle+xml", K, "chart colours"),
    Rule("drawingml.diagramData+xml", R, "SmartArt text (drawingml.py)"),
    Rule("drawingml.diagramDrawing+xml", R, "SmartArt drawing cache (drawingml.py)"),
    Rule("drawingml.diagramLayout+xml", K, "SmartArt layout definition (Office's shapes)"),
    Rule("drawingml.diagramStyle+xml", K, "SmartArt style definition"),
    Rule("drawingml.diagramColors+xml", K, "SmartArt colour definition"),
    Rule("ms-office.vbaProject", X, "VBA macros and their source", _MACROS),
    Rule("ms-office.vbaProjectSignature", X, "signature of VBA macros", _MACROS),
    Rule("ms-office.vbaProjectSignatureAgile", X, "signature of VBA macros", _MACROS),
    Rule("ms-office.vbaProjectSignatureV3", X, "signature of VBA macros", _MACROS),
    Rule("ms-office.activeX+xml", X, "ActiveX controls run code", "ActiveX controls"),
    Rule("ms-office.activeX", X, "ActiveX control data", "ActiveX controls"),
    Rule("ms-office.inkml+xml", X, "handwriting cannot be checked", "ink drawings"),
    Rule("ms-office.webextension+xml", X, "web add-ins load pages", "web add-ins"),
    Rule("ms-office.webextensiontaskpanes+xml", X, "web add-in panes", "web add-ins"),
    Rule("printerSettings", X, "printer settings name printers and users", ""),
    # -- Word
    Rule(_WORD + "document.main+xml", R, "the body (docx.py)"),
    Rule(_WORD + "template.main+xml", R, "the body (docx.py)"),
    Rule("ms-word.document.macroEnabled.main+xml", R, "the body; saved macro-free (closed.py)"),
    Rule("ms-word.template.macroEnabledTemplate.main+xml", R, "the body; saved macro-free"),
    Rule(_WORD + "header+xml", R, "headers (docx.py)"),
    Rule(_WORD + "footer+xml", R, "footers (docx.py)"),
    Rule(_WORD + "footnotes+xml", R, "footnotes (docx.py)"),
    Rule(_WORD + "endnotes+xml", R, "endnotes (docx.py)"),
    Rule(_WORD + "comments+xml", R, "comments and their authors (docx.py)"),
    Rule("document.glossary+xml", R, "building blocks (docx.py)"),
    Rule(_WORD + "settings+xml", R, "document variables read; template, mail merge removed"),
    Rule(_WORD + "numbering+xml", R, "list numbering text (docx.py)"),
    Rule(_WORD + "styles+xml", K, "formatting; style names are not document text"),
    Rule("ms-word.stylesWithEffects+xml", K, "formatting; style names are not document text"),
    Rule(_WORD + "fontTable+xml", K, "font names and metrics"),
    Rule(_WORD + "webSettings+xml", K, "web view options; frames removed (live.py)"),
    Rule("ms-word.commentsExtended+xml", K, "comment thread state: ids and done flags"),
    Rule("ms-word.commentsIds+xml", K, "comment ids"),
    Rule("ms-word.commentsExtensible+xml", K, "comment ids and dates"),
    Rule(_WORD + "people+xml", X, "the people list names every author", ""),
    Rule("ms-word.vbaData+xml", X, "macro settings", _MACROS),
    Rule("ms-word.keyMapCustomizations+xml", X, "keys bound to macros", _MACROS),
    Rule("ms-word.attachedToolbars", X, "toolbars that run macros", _MACROS),
    # -- Excel
    Rule(_XL + "sheet.main+xml", R, "the workbook (xlsx.py)"),
    Rule(_XL + "template.main+xml", R, "the workbook (xlsx.py)"),
    Rule("ms-excel.sheet.macroEnabled.main+xml", R, "the workbook; saved macro-free"),
    Rule("ms-excel.template.macroEnabled.main+xml", R, "the workbook; saved macro-free"),
    Rule(_XL + "worksheet+xml", R, "cells, formulas, headers and footers (xlsx.py)"),
    Rule(_XL + "chartsheet+xml", R, "a sheet holding a chart (xlsx.py)"),
    Rule(_XL + "sharedStrings+xml", R, "the text of cells (xlsx.py)"),
    Rule(_XL + "comments+xml", R, "comments and their authors (xlsx.py)"),
    Rule("ms-excel.threadedcomments+xml", R, "threaded comments (xlsx.py)"),
    Rule("ms-excel.person+xml", R, "comment authors (xlsx.py)"),
    Rule(_XL + "table+xml", R, "table column names (xlsx.py)"),
    Rule(_XL + "pivotTable+xml", R, "pivot table names (xlsx.py)"),
    Rule(_XL + "pivotCacheDefinition+xml", R, "pivot cache fields (xlsx.py)"),
    Rule(_XL + "pivotCacheRecords+xml", R, "pivot cache values (xlsx.py)"),
    Rule(_XL + "styles+xml", K, "cell formats"),
    Rule(_XL + "sheetMetadata+xml", K, "dynamic-array cell flags"),
    Rule(_XL + "calcChain+xml", X, "calculation order; Excel rebuilds it", ""),
    Rule(_XL + "connections+xml", X, "connection strings name servers and passwords", _CONNECTIONS),
    Rule(_XL + "queryTable+xml", X, "queries refreshed from a data source", _CONNECTIONS),
    Rule(_XL + "volatileDependencies+xml", X, "real-time data servers", _CONNECTIONS),
    Rule(_XL + "externalLink+xml", X, "links to other workbooks", "links to other workbooks"),
    Rule(_XL + "dialogsheet+xml", X, "Excel 5 dialog sheets run macros", _MACROS),
    Rule("ms-excel.macrosheet+xml", X, "Excel 4 macro sheets", _MACROS),
    Rule("ms-excel.intlmacrosheet+xml", X, "Excel 4 macro sheets", _MACROS),
    Rule("ms-excel.controlproperties+xml", X, "form controls can run macros", "form controls"),
    Rule(_XL + "revisionHeaders+xml", X, "shared workbook history", ""),
    Rule(_XL + "revisionLog+xml", X, "shared workbook history", ""),
    Rule(_XL + "userNames+xml", X, "shared workbook users", ""),
    # -- PowerPoint
    Rule(_PPT + "presentation.main+xml", R, "the presentation (pptx.py)"),
    Rule(_PPT + "slideshow.main+xml", R, "the presentation (pptx.py)"),
    Rule(_PPT + "template.main+xml", R, "the presentation (pptx.py)"),
    Rule("ms-powerpoint.presentation.macroEnabled.main+xml", R, "saved macro-free"),
    Rule("ms-powerpoint.slideshow.macroEnabled.main+xml", R, "saved macro-free"),
    Rule("ms-powerpoint.template.macroEnabled.main+xml", R, "saved macro-free"),
    Rule(_PPT + "slide+xml", R, "slides (pptx.py)"),
    Rule(_PPT + "slideLayout+xml", R, "slide layouts (pptx.py)"),
    Rule(_PPT + "slideMaster+xml", R, "slide masters (pptx.py)"),
    Rule(_PPT + "notesMaster+xml", R, "notes master (pptx.py)"),
    Rule(_PPT + "handoutMaster+xml", R, "handout master (pptx.py)"),
    Rule(_PPT + "notesSlide+xml", R, "speaker notes (pptx.py)"),
    Rule(_PPT + "comments+xml", R, "comments (pptx.py)"),
    Rule("ms-powerpoint.comments+xml", R, "comments (pptx.py)"),
    Rule(_PPT + "commentAuthors+xml", R, "comment authors (pptx.py)"),
    Rule("ms-powerpoint.authors+xml", R, "comment authors (pptx.py)"),
    Rule(_PPT + "tags+xml", R, "add-in tags (pptx.py)"),
    Rule(_PPT + "presProps+xml", K, "slide show settings"),
    Rule(_PPT + "viewProps+xml", K, "view settings"),
    Rule(_PPT + "tableStyles+xml", K, "table styles"),
    Rule("ms-powerpoint.revisioninfo+xml", X, "editing session ids", ""),
    Rule("ms-powerpoint.changesinfo+xml", X, "change history names editors", "change history"),
    Rule(_PPT + "slideUpdateInfo+xml", X, "slide library addresses", "slide library links"),
)

#: the same main part without macros, and the extension a file with that main part has
MACRO_FREE = {
    "application/vnd.ms-word.document.macroEnabled.main+xml": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    ),
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
    ),
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    ),
    "application/vnd.ms-excel.template.macroEnabled.main+xml": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml"
    ),
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
    ),
    "application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml": (
        "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml"
    ),
    "application/vnd.ms-powerpoint.template.macroEnabled.main+xml": (
        "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
    ),
}
EXTENSIONS = {
    _WORD + "document.main+xml": ".docx",
    _WORD + "template.main+xml": ".dotx",
    _XL + "sheet.main+xml": ".xlsx",
    _XL + "template.main+xml": ".xltx",
    _PPT + "presentation.main+xml": ".pptx",
    _PPT + "slideshow.main+xml": ".ppsx",
    _PPT + "template.main+xml": ".potx",
}
#: external relationships that stay (scrubbed as segments): a click is needed to follow them
KEPT_EXTERNAL = frozenset({"hyperlink"})

_BY_REL = {r.match[4:]: r for r in RULES if r.match.startswith("rel:")}
_BY_PREFIX = tuple(r for r in RULES if r.match.endswith("/"))
_BY_TYPE = tuple(r for r in RULES if not r.match.startswith("rel:") and not r.match.endswith("/"))


def rule_for(content_type: str, rel_types: set[str]) -> Rule | None:
    """The rule for a part with this content type, reached by relationships of these types."""
    for rel_type in sorted(rel_types):
        if rel_type in _BY_REL:
            return _BY_REL[rel_type]
    for rule in _BY_TYPE:
        if content_type.endswith(rule.match):
            return rule
    for rule in _BY_PREFIX:
        if content_type.startswith(rule.match):
            return rule
    return None


def extension_for(main_content_type: str) -> str:
    for suffix, ext in EXTENSIONS.items():
        if main_content_type.endswith(suffix):
            return ext
    return ""
