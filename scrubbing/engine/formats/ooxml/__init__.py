"""Office Open XML (OOXML) handling shared by .docx, .xlsx and .pptx, one module per layer.

Why XML-level rather than python-docx/openpyxl/python-pptx: those libraries expose only part of
a package (openpyxl even drops parts on save), while personal data hides everywhere: comments,
text boxes, relationship targets, chart caches, properties. So we open the zip ourselves, parse
every XML part through one hardened parser, point "targets" at the exact text nodes/attributes a
segment came from, and on render re-serialise only the parts we changed.

Layers (as python-docx splits opc/oxml/parts):
  oxml       namespaces and the hardened XML parser
  package    the zip with its limits, content types, relationships, part removal (OPC)
  targets    how an edit on a segment lands in XML
  document   OoxmlDocument: segments + targets + the render pipeline
  drawingml  DrawingML text and drawing-object names (slides, charts, SmartArt, drawings)
  metadata   document properties, custom XML, link targets (read as segments)
  strip      the Document Inspector strip of package metadata, on every render
  embedded   Office files inside Office files (openers from the registry); other objects removed
  pictures   pictures: metadata strip, OCR and boxes
  shared     the readers every format runs after its own
  vml        legacy VML drawings
  altchunk   HTML/RTF/MHT/text chunks turned into body paragraphs
  live       fields, formulas, actions that run or fetch something: unlinked or removed
  rules      the closed world's one table; closed: its enforcement and audit
  boilerplate  default names and prompts of Office/LibreOffice in any language (data in
             office_defaults.py, libreoffice_defaults.py)
"""

from .boilerplate import is_default_name, is_placeholder_text
from .document import AuthorMap, OoxmlDocument
from .drawingml import chart_parts, diagram_parts, drawingml_paragraphs, shape_names
from .oxml import NS, STRICT_MARKER, UNSAFE_XML, XML_SPACE, parse_xml, q, serialize_xml
from .package import Package, Rel, rels_part_name, source_of_rels
from .shared import read_shared
from .targets import (
    AttrTarget,
    CallbackTarget,
    ChildTarget,
    ElementTextTarget,
    Piece,
    PiecesTarget,
    Target,
    UriTarget,
    apply_edits,
    check_edits,
)

__all__ = [
    "NS",
    "STRICT_MARKER",
    "UNSAFE_XML",
    "XML_SPACE",
    "AttrTarget",
    "AuthorMap",
    "CallbackTarget",
    "ChildTarget",
    "ElementTextTarget",
    "OoxmlDocument",
    "Package",
    "Piece",
    "PiecesTarget",
    "Rel",
    "Target",
    "UriTarget",
    "apply_edits",
    "chart_parts",
    "check_edits",
    "diagram_parts",
    "drawingml_paragraphs",
    "is_default_name",
    "is_placeholder_text",
    "parse_xml",
    "q",
    "read_shared",
    "rels_part_name",
    "serialize_xml",
    "shape_names",
    "source_of_rels",
]
