"""Member paths: checked for escapes, read as words for detection, renamed safely."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence

from scrubbing.engine.base import CorruptFile, Edit
from scrubbing.engine.pseudonyms import PLACEHOLDER_RE
from scrubbing.engine.wellknown import is_wellknown_name

_DRIVE = re.compile(r"^[A-Za-z]:")
_EXT = re.compile(r"(?<=[^/.])\.[A-Za-z0-9]{1,5}$")


def quoted(name: str) -> str:
    return f"\u201c{name}\u201d"


def check_member_name(name: str) -> str:
    """The member path, normalised; raises CorruptFile for anything that could escape a folder."""
    if "\x00" in name:
        raise CorruptFile(f"The archive member {quoted(name)} has an invalid name.")
    path = name.replace("\\", "/")
    if path.startswith("/") or _DRIVE.match(path):
        raise CorruptFile(f"The archive member {quoted(name)} has an absolute path; refusing it.")
    parts = path.split("/")
    if ".." in parts:
        raise CorruptFile(
            f"The archive member {quoted(name)} points outside the archive (..); refusing it."
        )
    return "/".join(p for p in parts if p not in ("", "."))


def readable_path(path: str) -> tuple[str, list[int]]:
    """The member path as words, for detection, and the map back to path offsets.

    "repo/notes/AdamJohnson_1on1.md" -> "repo<TAB>notes<TAB>Adam Johnson 1on1   ": folders
    tab-separated (a span never crosses one; not line breaks, or recase_for_ner would read a
    lone "README" as a name), "_", "-" and "." read as spaces, the extension blanked (the
    model reads "md" as Maryland), CamelCase split, as filenames.scrub_name does for upload
    names. Well-known names ("META-INF", "src", "__init__.py", "LICENSE": wellknown.py) are
    blanked whole, so they are never entities. `back[i]` is the path offset of view character
    i (len(view) + 1 entries), so an edit on the view maps to the path. Placeholders of an
    earlier scrub stay as written.
    """
    keep = [False] * len(path)
    for m in PLACEHOLDER_RE.finditer(path):
        keep[m.start() : m.end()] = [True] * (m.end() - m.start())
    blank = [False] * len(path)
    pos = 0
    for part in path.split("/"):
        if is_wellknown_name(part):
            blank[pos : pos + len(part)] = [True] * len(part)
        pos += len(part) + 1
    ext = _EXT.search(path)
    ext_start = ext.start() if ext else len(path)
    view: list[str] = []
    back: list[int] = []
    for i, ch in enumerate(path):
        if keep[i]:
            view.append(ch)
        elif ch == "/":
            view.append("\t")
        elif blank[i] or i >= ext_start or ch in "_-.":
            view.append(" ")
        else:
            if i and path[i - 1].islower() and ch.isupper() and not keep[i - 1]:
                view.append(" ")  # JaneDoe -> Jane Doe
                back.append(i)
            view.append(ch)
        back.append(i)
    back.append(len(path))
    return "".join(view), back


def rename(path: str, edits: Sequence[Edit]) -> str:
    """Apply name edits, keep the directory structure, never produce an unsafe path."""
    if not edits:
        return path
    out, pos = [], 0
    for e in sorted(edits, key=lambda e: e.start):
        out.append(path[pos : e.start])
        # A replacement must not create or remove folders.
        out.append(re.sub(r"[/\\:\x00]", "_", e.replacement))
        pos = e.end
    out.append(path[pos:])
    parts = []
    for p in "".join(out).split("/"):
        p = p.strip()
        if p in ("", ".", ".."):
            p = "_"
        parts.append(p)
    return "/".join(parts)


def with_extension(path: str, extension: str) -> str:
    """`path` named for another format ("mail/note.msg" + ".eml" -> "mail/note.eml")."""
    stem, ext = posixpath.splitext(path)
    if not extension or ext.lower() == extension:
        return path
    return (stem if ext else path) + extension


def unique(path: str, taken: set[str] | dict[str, object]) -> str:
    """`path`, or "name~2.ext", "name~3.ext"... when another member already has it."""
    new, n = path, 2
    while new in taken:
        stem, ext = posixpath.splitext(path)
        new, n = f"{stem}~{n}{ext}", n + 1
    return new
