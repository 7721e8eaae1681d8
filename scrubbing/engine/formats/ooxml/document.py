"""The document layer: segments + targets over a package, and the render pipeline."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from scrubbing.engine.base import (
    CorruptFile,
    Document,
    Edit,
    LimitExceeded,
    Limits,
    Segment,
    UnsupportedFile,
    WriteReport,
)

from .boilerplate import is_placeholder_text
from .closed import enforce
from .oxml import STRICT_MARKER
from .package import Package
from .strip import strip_package_metadata
from .targets import Target, check_edits


class AuthorMap:
    """Maps real author names to neutral "Author 1", "Author 2"... consistently per file."""

    def __init__(self) -> None:
        self._names: dict[str, str] = {}

    def __call__(self, name: str | None) -> str:
        key = (name or "").strip().lower()
        if key not in self._names:
            self._names[key] = f"Author {len(self._names) + 1}"
        return self._names[key]

    def __len__(self) -> int:
        return len(self._names)


class OoxmlDocument(Document):
    """Base for the three OOXML formats: segments + targets + render pipeline."""

    label = "an Office document"

    def __init__(self, data: bytes, limits: Limits, depth: int = 0) -> None:
        super().__init__([])
        self._data, self.limits, self.depth = data, limits, depth
        self.child_reports: list[tuple[str, WriteReport]] = []
        self.pkg = Package(data, limits, self.label)
        self.targets: list[Target] = []
        self.flushers: list[Callable[[], None]] = []
        self.hidden_content: list[str] = []
        self.notes: list[str] = []
        self.residual: list[str] = []  # WriteReport.residual: what could not be scrubbed
        self.authors = AuthorMap()
        self.part_labels: dict[str, str] = {}  # part name -> "slide 3 chart", for locators
        self.main_name = ""  # the main part (word/document.xml...), set by main_part()
        self._rendered = False

    # -- building

    def add(self, text: str, locator: str, kind: str, target: Target) -> None:
        if not text or not text.strip() or is_placeholder_text(text):
            return  # empty, or a prompt Office wrote by itself ("Click to add title")
        if len(self.segments) >= self.limits.max_segments:
            raise LimitExceeded(
                f"The file holds more than {self.limits.max_segments} pieces of text; "
                "split it into smaller files."
            )
        self.segments.append(Segment(len(self.segments), text, locator, kind))
        self.targets.append(target)

    @classmethod
    def open(cls, data: bytes, limits: Limits, depth: int = 0) -> OoxmlDocument:
        """A document with its segments read (`depth`: how deep it is embedded)."""
        doc = cls(data, limits, depth)
        doc.load()
        return doc

    def load(self) -> None:
        """Fill segments. Subclasses call the shared readers then their own."""
        raise NotImplementedError

    def check_not_strict(self, main_part: str) -> None:
        root = self.pkg.xml(main_part)
        if root.tag.startswith("{" + STRICT_MARKER):
            raise UnsupportedFile(
                "Strict Open XML files are not supported; save the file in the normal "
                "(Transitional) format and upload it again."
            )

    def main_part(self, *suffixes: str) -> str:
        for rel in self.pkg.rels(""):
            if rel.type == "officeDocument" and not rel.external:
                name = self.pkg.find(self.pkg.resolve("", rel.target))
                if name is not None and self.pkg.content_type(name).endswith(suffixes):
                    self.main_name = name
                    return name
        found = self.pkg.parts_of_type(*suffixes)
        if not found:
            raise CorruptFile(self.pkg.damaged)
        self.main_name = found[0]
        return found[0]

    # -- rendering

    def render(self, edits: Mapping[int, Sequence[Edit]]) -> tuple[bytes, WriteReport]:
        doc = self
        if self._rendered:  # targets were consumed by an earlier render: start from the bytes
            doc = type(self).open(self._data, self.limits, self.depth)
        self._rendered = True
        return doc._render(edits)

    def _render(self, edits: Mapping[int, Sequence[Edit]]) -> tuple[bytes, WriteReport]:
        report = WriteReport()
        for index, seg_edits in edits.items():
            if not seg_edits:
                continue
            target = self.targets[index]
            ordered = check_edits(self.segments[index].text, seg_edits)
            target.apply(ordered)
            self.pkg.mark(target.part)
        for flush in self.flushers:
            flush()
        self.finish(report)
        strip_package_metadata(self.pkg, report)
        enforce(self.pkg, self.main_name, report)
        report.hidden_content.extend(self.hidden_content)
        report.notes.extend(self.notes)
        report.residual.extend(self.residual)
        for base, child in self.child_reports:
            report.metadata_removed += [f"{m} (embedded {base})" for m in child.metadata_removed]
            report.hidden_content += [f"{m} (embedded {base})" for m in child.hidden_content]
            report.notes += child.notes
            report.residual += child.residual
        for name in ("metadata_removed", "hidden_content", "notes", "residual"):
            setattr(report, name, list(dict.fromkeys(getattr(report, name))))
        return self.pkg.to_bytes(), report

    def finish(self, report: WriteReport) -> None:
        """Format-specific metadata strip, run after edits."""
