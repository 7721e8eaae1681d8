"""The closed world, enforced on every render and audited by the tests (rules.py is the table).

After the edits and the format's own clean-up, every part of the output is one a reader read
(or a writer rewrote), or one on the reviewed no-text list; external relationships other than
hyperlinks are gone; a macro-enabled main part is saved as its macro-free twin. The report
says what went ("macros removed", "1 unknown part removed", "2 external links removed").
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections import Counter

from scrubbing.engine.base import WriteReport

from .oxml import q
from .package import Package, rels_part_name, source_of_rels
from .rules import KEPT_EXTERNAL, MACRO_FREE, Keep, Rule, extension_for, rule_for

#: external relationship types as the report names them
_EXTERNAL_WORDS = {
    "image": "linked picture",
    "attachedTemplate": "remote template",
    "frame": "frame",
    "video": "linked video",
    "audio": "linked audio",
    "media": "linked media",
    "oleObject": "OLE link",
    "subDocument": "subdocument",
    "externalLinkPath": "workbook link",
    "aFChunk": "external chunk",
    "mailMergeSource": "mail-merge data source",
    "mailMergeHeaderSource": "mail-merge data source",
    "recipientData": "mail-merge data source",
}
_UNKNOWN = "unknown part"


def incoming_rel_types(pkg: Package) -> dict[str, set[str]]:
    """Part name -> the types of the internal relationships that point at it."""
    out: dict[str, set[str]] = {}
    for rels_name in pkg.rels_parts():
        source = source_of_rels(rels_name)
        for rel in pkg.rels(source):
            if not rel.external:
                target = pkg.find(pkg.resolve(source, rel.target))
                if target is not None:
                    out.setdefault(target, set()).add(rel.type)
    return out


def classify(pkg: Package, name: str, reachable: set[str], incoming: dict[str, set[str]]) -> Rule:
    """The rule a part falls under; parts nothing refers to, or no rule names, are unknown."""
    rule = rule_for(pkg.content_type(name), incoming.get(name, set()))
    if name not in reachable or rule is None:
        return Rule("", Keep.REMOVE, "no reader reads it", _UNKNOWN)
    return rule


def enforce(pkg: Package, main: str, report: WriteReport) -> None:
    """Make the package closed (`main`: its main part), saying in `report` what went."""
    removed: Counter[str] = Counter()
    links: Counter[str] = Counter()
    for rels_name in pkg.rels_parts():
        source = source_of_rels(rels_name)
        for rel in pkg.rels(source):
            if rel.external and rel.type not in KEPT_EXTERNAL:
                links[_EXTERNAL_WORDS.get(rel.type, "external reference")] += 1
                pkg.remove_rel(source, rel)
    reachable, incoming = pkg.reachable(), incoming_rel_types(pkg)
    seen = pkg.read | pkg.rewritten
    going = []
    for name in _content_parts(pkg):
        rule = classify(pkg, name, reachable, incoming)
        unread = rule.keep is Keep.READ and name not in seen
        if rule.keep is Keep.REMOVE or unread:
            going.append(name)
            removed[_UNKNOWN if unread else rule.removed_as] += 1
    pkg.remove_parts([n for n in going if n not in incoming], referenced=False)
    pkg.remove_parts([n for n in going if n in incoming])
    # what hung only off removed parts (a macro project's data, a link's own parts)
    while True:
        reachable = pkg.reachable()
        orphans = [n for n in _content_parts(pkg) if n not in reachable]
        if not orphans:
            break
        pkg.remove_parts(orphans, referenced=False)
    for rels_name in pkg.rels_parts():
        source = source_of_rels(rels_name)
        if source and pkg.find(source) is None:
            pkg.removed.add(rels_name)
    _macro_free(pkg, main, report)
    _drop_unused_defaults(pkg)
    for what, n in sorted(removed.items()):
        if what == _UNKNOWN:
            report.notes.append(f"{n} unknown part{'s' if n != 1 else ''} removed")
        elif what:
            report.notes.append(f"{what} removed")
    if links:
        n = sum(links.values())
        report.notes.append(
            f"{n} external link{'s' if n != 1 else ''} removed ({', '.join(sorted(links))})"
        )


def _content_parts(pkg: Package) -> list[str]:
    return [n for n in pkg.names() if n != "[Content_Types].xml" and not n.endswith(".rels")]


def _macro_free(pkg: Package, main: str, report: WriteReport) -> None:
    ct = pkg.content_type(main)
    plain = MACRO_FREE.get(ct)
    if plain:
        root = pkg.tree("[Content_Types].xml")
        for el in root.iter(q("ct", "Override")):
            if (el.get("PartName") or "").lstrip("/").lower() == main.lower():
                el.set("ContentType", plain)
        pkg.ct_overrides[main.lower()] = plain
        pkg.mark("[Content_Types].xml")
        report.extension = extension_for(plain)
        report.notes.append(f"saved without macros as {report.extension}")
    else:
        report.extension = extension_for(ct)


def _drop_unused_defaults(pkg: Package) -> None:
    """Default content types no remaining part uses (bin -> vbaProject after the macros went)."""
    used = {posixpath.splitext(n)[1].lstrip(".").lower() for n in pkg.names()}
    root = pkg.tree("[Content_Types].xml")
    for el in list(root.iter(q("ct", "Default"))):
        ext = (el.get("Extension") or "").lower()
        rule = rule_for(el.get("ContentType") or "", set())
        if ext not in used and ext not in ("rels", "xml") and rule and rule.keep is Keep.REMOVE:
            root.remove(el)
            pkg.mark("[Content_Types].xml")


def audit(data: bytes) -> list[str]:
    """Parts of a written package that no rule explains, one sentence each (empty: closed).

    Used by the tests on every output: a REMOVE part, an unknown or unreferenced part, a
    relationships part without its source, or an external relationship that is not a link.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist() if not i.is_dir()}
    pkg = _AuditPackage(parts)
    problems = []
    reachable, incoming = pkg.reachable(), incoming_rel_types(pkg)
    for name in pkg.names():
        if name == "[Content_Types].xml":
            continue
        if name.endswith(".rels"):
            source = source_of_rels(name)
            if source and source not in parts:
                problems.append(f"{name}: relationships of a part that is not there")
            elif rels_part_name(source) != name:
                problems.append(f"{name}: not where a relationships part belongs")
            for rel in pkg.rels(source):
                if rel.external and rel.type not in KEPT_EXTERNAL:
                    problems.append(f"{name}: external {rel.type} relationship")
            continue
        rule = classify(pkg, name, reachable, incoming)
        if rule.keep is Keep.REMOVE:
            problems.append(f"{name}: {rule.why} ({pkg.content_type(name) or 'no type'})")
        elif parts[name][:2] == b"PK":  # an embedded Office file: closed in turn
            problems += [f"{name}/{p}" for p in audit(parts[name])]
    return problems


class _AuditPackage(Package):
    """A package from parts already unzipped (the audit needs no limits or labels)."""

    def __init__(self, parts: dict[str, bytes]) -> None:  # noqa: D107 - no super(): no zip
        self.parts = parts
        self.order = list(parts)
        self._lower = {n.lower(): n for n in parts}
        self.trees, self.dirty, self.removed = {}, set(), set()
        self.read, self.rewritten = set(), set()
        self.damaged = "damaged"
        self._load_content_types()
