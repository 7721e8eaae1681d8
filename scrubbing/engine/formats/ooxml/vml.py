"""Legacy VML drawings (vmlDrawing parts: Excel comment boxes and form controls, old shapes):
the text in text boxes, alt text, titles and WordArt strings are segments; macro bindings of
form controls are removed at render (live.py)."""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from .targets import AttrTarget, CallbackTarget, ElementTextTarget

if TYPE_CHECKING:
    from lxml import etree

    from .document import OoxmlDocument

V = "{urn:schemas-microsoft-com:vml}"
OFFICE = "{urn:schemas-microsoft-com:office:office}"
_TEXT_ATTRS = ("alt", "title", OFFICE + "title", "string")


def vml_parts(doc: OoxmlDocument) -> None:
    pkg = doc.pkg
    for part in pkg.parts_of_type("officedocument.vmlDrawing"):
        root = pkg.xml(part)
        where = "drawing " + posixpath.basename(part)
        for box in root.iter(V + "textbox"):
            for el in box.iter():
                if el is not box and el.text and el.text.strip():
                    doc.add(el.text, f"{where}: text box", "shape", ElementTextTarget(part, el))
                if el is not box and el.tail and el.tail.strip():
                    doc.add(el.tail, f"{where}: text box", "shape", _tail(part, el))
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            for attr in _TEXT_ATTRS:
                if (el.get(attr) or "").strip():
                    what = attr.rsplit("}", 1)[-1]
                    doc.add(el.get(attr), f"{where}: {what}", "name", AttrTarget(part, el, attr))


def _tail(part: str, el: etree._Element) -> CallbackTarget:
    def set_tail(value: str) -> None:
        el.tail = value

    return CallbackTarget(part, el.tail or "", set_tail)
