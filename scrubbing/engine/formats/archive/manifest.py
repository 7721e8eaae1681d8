"""A JAR manifest (`META-INF/MANIFEST.MF`): header values scrubbed, names and layout kept.

The format (the JAR File Specification): `Name: value` lines, sections separated by blank
lines, no line longer than 72 bytes (longer values continue on lines that start with one
space). Header names are structure and never segments; each value is one segment
("manifest Built-By"), and the writer wraps the scrubbed values at 72 bytes again, so
`jar` and `JarInputStream` read the output. A file that does not parse as a manifest is read
as the text it is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from scrubbing.engine.base import Document, Edit, Limits, Segment, WriteReport
from scrubbing.engine.formats.composite import apply_edits

MANIFEST = "META-INF/MANIFEST.MF"
_HEADER = re.compile(r"([A-Za-z0-9][A-Za-z0-9_-]{0,69}): ?(.*)")
_LINE_BYTES = 72


class ManifestError(ValueError):
    pass


def _parse(text: str) -> list[list[list[str]]]:
    """Sections of [name, value] pairs (continuation lines joined)."""
    sections: list[list[list[str]]] = [[]]
    for line in re.split(r"\r\n|\r|\n", text):
        if not line:
            if sections[-1]:
                sections.append([])
            continue
        if line.startswith(" "):
            if not sections[-1]:
                raise ManifestError("a continuation line without a header")
            sections[-1][-1][1] += line[1:]
            continue
        m = _HEADER.fullmatch(line)
        if not m:
            raise ManifestError("a line that is not a header")
        sections[-1].append([m.group(1), m.group(2)])
    return [s for s in sections if s]


def _wrap(line: str) -> list[str]:
    """One header line as lines of at most 72 bytes (UTF-8 characters never split)."""
    out: list[str] = []
    current, size, limit = "", 0, _LINE_BYTES
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            out.append(current)
            current, size, limit = " ", 1, _LINE_BYTES
        current += ch
        size += n
    out.append(current)
    return out


class ManifestDocument(Document):
    kind = "manifest"

    def __init__(self, data: bytes, limits: Limits) -> None:
        super().__init__()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ManifestError("not UTF-8") from exc
        self.newline = "\r\n" if "\r\n" in text else "\n"
        self.sections = _parse(text)
        self._slots: list[tuple[int, int]] = []  # segment -> (section, header)
        for s, section in enumerate(self.sections):
            for h, (name, value) in enumerate(section):
                if value.strip():
                    self.segments.append(
                        Segment(len(self.segments), value, f"manifest {name}", "metadata")
                    )
                    self._slots.append((s, h))

    @classmethod
    def open_or_text(cls, data: bytes, limits: Limits) -> Document:
        try:
            return cls(data, limits)
        except ManifestError:
            from scrubbing.engine.formats import text  # noqa: PLC0415

            return text.open_document(data, limits)

    def render(self, edits: Mapping[int, Sequence[Edit]]) -> tuple[bytes, WriteReport]:
        values = {slot: self.sections[slot[0]][slot[1]][1] for slot in self._slots}
        for index, seg_edits in edits.items():
            slot = self._slots[index]
            values[slot] = apply_edits(values[slot], seg_edits).replace("\n", " ")
        lines: list[str] = []
        for s, section in enumerate(self.sections):
            if s:
                lines.append("")
            for h, (name, value) in enumerate(section):
                lines += _wrap(f"{name}: {values.get((s, h), value)}")
        return (self.newline.join(lines) + self.newline * 2).encode("utf-8"), WriteReport()
