"""The readers every OOXML format runs after its own: properties, links, custom XML, charts,
SmartArt, embedded files and pictures."""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from .drawingml import chart_parts, diagram_parts
from .embedded import embedded_objects, ole_links
from .metadata import core_metadata, custom_xml_items, external_targets
from .pictures import media_images
from .vml import vml_parts

if TYPE_CHECKING:
    from .document import OoxmlDocument


def read_shared(doc: OoxmlDocument) -> None:
    core_metadata(doc)
    external_targets(doc)
    custom_xml_items(doc)
    chart_parts(doc, lambda part: doc.part_labels.get(part, "chart " + posixpath.basename(part)))
    diagram_parts(doc)
    vml_parts(doc)
    ole_links(doc)
    embedded_objects(doc)
    media_images(doc)
