"""File and folder names that tools, standards and conventions fix: never personal data.

`META-INF/MANIFEST.MF`, an EPUB's `mimetype`, `__init__.py`, `node_modules`, `.github`, `src`,
`LICENSE`... name what a file is for, not who wrote it. Archive member paths hide them from
detection (formats/archive/paths.py), so a folder is never renamed `[ORG_1]`; detection may
import the same lists to keep them in text. Matching is case-insensitive on one path component.

Three lists: folders, whole file names, and file stems that stand with any extension
(`README`, `README.md`, `LICENSE.txt`; not `README_Jane.md`, which is read as usual).
"""

from __future__ import annotations

import re

from .lexicon.code import FILES, FOLDERS, STEMS

_EXTENSIONS = re.compile(r"(?:\.[a-z0-9]{1,8}){1,2}")


def is_wellknown_name(component: str) -> bool:
    """Whether one path component ("META-INF", "README.md", "__init__.py") is a fixed name."""
    low = component.lower()
    if low in FOLDERS or low in FILES:
        return True
    stem, dot, rest = low.partition(".")
    return stem in STEMS and (not dot or _EXTENSIONS.fullmatch("." + rest) is not None)
