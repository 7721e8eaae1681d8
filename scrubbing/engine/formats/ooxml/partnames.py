"""Neutral names for parts whose names the author chose (`word/media/Jane Doe.png`).

Office names pictures and embedded objects itself (image1.png, oleObject1.bin,
Microsoft_Excel_Worksheet.xlsx); other tools keep the file name the author inserted, and the
part name then carries it into the package, into locators and into reports. Every media and
embedding part whose name is not of a known neutral form is renamed `image<n>.<ext>` /
`object<n>.<ext>` in its folder when the file is opened, before anything reads it, and its
relationships follow (Package.rename_part). The report counts them; it never names them.
"""

from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .package import Package

_FOLDERS = {"media": "image", "embeddings": "object"}
_NEUTRAL = re.compile(
    r"(?:image|media|audio|video|hdphoto|oleObject|package|Microsoft_[A-Za-z]+(?:_[A-Za-z]+)*"
    r"|Worksheet|Document|Presentation|Drawing|Chart|[0-9A-Fa-f]{16,})\d*"
    r"\.[A-Za-z0-9]{1,5}",
    re.IGNORECASE,
)
_EXT = re.compile(r"\.[A-Za-z0-9]{1,5}")


def neutral_part_names(pkg: Package) -> int:
    """Rename the media/embedding parts with chosen names; returns how many were renamed."""
    taken = {n.lower() for n in pkg.names()}
    renamed = 0
    for name in pkg.names():
        folder, base = posixpath.split(name)
        prefix = _FOLDERS.get(posixpath.basename(folder))
        if prefix is None or name.endswith(".rels") or _NEUTRAL.fullmatch(base):
            continue
        ext = posixpath.splitext(base)[1]
        content_type = pkg.content_type(name)
        ext = ext.lower() if _EXT.fullmatch(ext) else ".bin"
        n = 1
        while posixpath.join(folder, f"{prefix}{n}{ext}").lower() in taken:
            n += 1
        new = posixpath.join(folder, f"{prefix}{n}{ext}")
        taken.add(new.lower())
        pkg.rename_part(name, new)
        if content_type:
            pkg.set_content_type(new, content_type)
        renamed += 1
    return renamed
