"""Archives: zip (and JAR/WAR), tar (.tar, .tar.gz/.tgz, .tar.bz2, .tar.xz) and EPUB, each
member opened by its own format module through the registry.

Segments: every member path (kind "name", read as words with well-known names blanked, so a
person's name in a file name is scrubbed and the member renamed; `paths.readable_path`) and
every segment of every member, located as "member src/app.py: lines 3-9". A member whose
writer changes its format (an Outlook .msg written as .eml, a .docm saved as .docx) takes the
output's extension. Closed world: a member no reader reads is dropped and counted in the
report; reports name members by their scrubbed paths only.

Layers:
  paths       member paths: checks, the readable view, renames
  members     what every container shares: budget, members, drop counts, render of members
  ziparchive  zip and JAR/WAR (manifest first, signatures removed)
  manifest    the JAR manifest: values scrubbed, 72-byte lines kept
  tararchive  tar in its four compressions
  epub        EPUB e-books (xmltext reads their XHTML, package document, NCX and SVG)
"""

from __future__ import annotations

from scrubbing.engine.base import DEFAULT_LIMITS, Limits
from scrubbing.engine.sniff import detect_kind

from .members import Budget, MemberArchive, open_nested
from .paths import check_member_name, readable_path
from .ziparchive import ZipDocument, open_document

ArchiveDocument = ZipDocument  # the name other modules and tests know

__all__ = [
    "ArchiveDocument",
    "MemberArchive",
    "ZipDocument",
    "audit",
    "check_member_name",
    "open_document",
    "readable_path",
]


def audit(data: bytes, limits: Limits = DEFAULT_LIMITS) -> list[str]:
    """What a written archive holds that no rule explains, one sentence each (empty: closed).

    A member is explained when its own format module reads it; Office members and nested
    archives are audited in turn (ooxml.closed.audit). Used by the tests on every output.
    """
    kind = detect_kind("archive", data, limits)
    budget = Budget(limits.max_expanded_bytes, limits.max_members)
    doc = open_nested(kind, data, limits, 1, budget)
    assert isinstance(doc, MemberArchive)
    return doc.problems()
