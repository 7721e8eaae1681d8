"""Live content: what would make a reviewer's Office application run something or contact a
host when the file is opened. Removed at render, or replaced by its cached value:

- Word: DDE/DDEAUTO, INCLUDEPICTURE, INCLUDETEXT, LINK, IMPORT, DATABASE and RD fields are
  unlinked (the field code goes, the last result stays, as Word's Ctrl+Shift+F9 does); mail
  merge data sources and frames go.
- Excel: formulas with DDE (=cmd|' /C calc'!A0), links to other workbooks ([1]Sheet1!A1,
  'C:\\x\\[b.xlsx]S'!A1) or functions that fetch or call out (WEBSERVICE, RTD, IMAGE, CALL,
  REGISTER, EXEC) become their cached values; defined names with them become #REF!; macro and
  dialog sheets, linked OLE objects and form-control macro bindings go; tables lose their
  query bindings when the connections go. A pivot table fed by an external connection cannot
  survive without it: the file fails with a sentence.
- PowerPoint: action buttons that run a program or a macro go.
External relationships, macro parts and data connection parts go in closed.py (rules.py).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from lxml import etree

from scrubbing.engine.base import ScrubError, WriteReport

from .oxml import q
from .package import drop_element

if TYPE_CHECKING:
    from .document import OoxmlDocument

W = q("w", "")
X = q("x", "")
A = q("a", "")
XV = "{urn:schemas-microsoft-com:office:excel}"
DATA_MASHUP = "{http://schemas.microsoft.com/DataMashup}DataMashup"

#: field types that fetch, include or run something when Word updates them
LIVE_FIELDS = frozenset(
    {
        "DDE",
        "DDEAUTO",
        "INCLUDEPICTURE",
        "INCLUDETEXT",
        "INCLUDE",
        "IMPORT",
        "LINK",
        "DATABASE",
        "RD",
    }
)

# A formula as tokens: string literals, quoted sheet references, everything else.
FORMULA_TOKENS = re.compile(r"\"(?:[^\"]|\"\")*\"?|'(?:[^']|'')*'?|[^\"']+")
_LIVE_FUNCTION = re.compile(
    r"(?<![\w.])(?:_xlfn\.|_xludf\.)?(?:WEBSERVICE|RTD|IMAGE|CALL|REGISTER(?:\.ID)?|EXEC"
    r"|SQL\.REQUEST)\s*\(",
    re.I,
)
# [1]Sheet1!A1, [1]!Name, [Book.xlsx]Sheet1!A1 (not a table's Table1[[#This Row],[Amount]])
_EXTERNAL_BOOK = re.compile(r"(?<![\w.\]\\\[])\[(?:\d+|[^\[\]]+\.xl\w*)\][^\[\]!(),]*!")


def is_live_formula(formula: str) -> bool:
    """True if a formula reaches outside the workbook (DDE, another workbook, a service)."""
    for tok in FORMULA_TOKENS.findall(formula):
        if tok.startswith('"'):
            continue
        if tok.startswith("'"):
            if "[" in tok and "]" in tok:  # '[1]Sheet 1'!A1, 'C:\dir\[Book.xlsx]Sheet1'!A1
                return True
            continue
        if "|" in tok or _EXTERNAL_BOOK.search(tok) or _LIVE_FUNCTION.search(tok):
            return True
    return False


# ----------------------------------------------------------------------------- Word

_STORIES = ("main+xml", "glossary+xml", "header+xml", "footer+xml", "notes+xml", "comments+xml")


def word(doc: OoxmlDocument, report: WriteReport) -> None:
    pkg = doc.pkg
    fields: Counter[str] = Counter()
    for part in pkg.names():
        ct = pkg.content_type(part)
        word_story = ("wordprocessingml" in ct or "ms-word" in ct) and ct.endswith(_STORIES)
        if word_story and _unlink_fields(pkg.tree(part), fields):
            pkg.mark(part)
    if fields:
        names = ", ".join(sorted(fields))
        report.notes.append(f"{sum(fields.values())} field(s) replaced by their results ({names})")
    for part_type, tag, note in (
        ("wordprocessingml.settings+xml", "mailMerge", "mail-merge data source removed"),
        ("wordprocessingml.webSettings+xml", "frameset", "frames removed"),
    ):
        for part in pkg.parts_of_type(part_type):
            for el in list(pkg.tree(part).iter(W + tag)):
                el.getparent().remove(el)
                pkg.mark(part)
                report.notes.append(note)


def _unlink_fields(root: etree._Element, found: Counter[str]) -> bool:
    changed = False
    for simple in list(root.iter(W + "fldSimple")):
        name = _field_name(simple.get(W + "instr") or "")
        if name in LIVE_FIELDS and simple.getparent() is not None:
            parent = simple.getparent()
            index = parent.index(simple)
            for offset, child in enumerate(list(simple)):
                parent.insert(index + offset, child)
            parent.remove(simple)
            found[name] += 1
            changed = True
    stack: list[dict] = []
    live: list[dict] = []
    for el in root.iter(W + "fldChar", W + "instrText"):
        if el.tag == W + "instrText":
            if stack and stack[-1]["sep"] is None:
                stack[-1]["instr"].append(el.text or "")
            continue
        kind = el.get(W + "fldCharType")
        if kind == "begin":
            stack.append({"begin": el, "instr": [], "sep": None})
        elif kind == "separate" and stack:
            stack[-1]["sep"] = el
        elif kind == "end" and stack:
            field = stack.pop()
            name = _field_name("".join(field["instr"]))
            if name in LIVE_FIELDS:
                field["end"] = el
                live.append(field)
                found[name] += 1
    if not live:
        return changed
    order = {el: i for i, el in enumerate(root.iter(W + "r"))}
    runs = list(order)
    for field in live:
        first = order.get(field["begin"].getparent())
        last = order.get((field["sep"] if field["sep"] is not None else field["end"]).getparent())
        if first is None or last is None:
            continue
        for run in runs[first : last + 1]:  # the field code: begin marker to separator
            if run.getparent() is not None:
                run.getparent().remove(run)
        end, end_run = field["end"], field["end"].getparent()
        if end.getparent() is not None:
            end_run.remove(end)
            if end_run.getparent() is not None and all(c.tag == W + "rPr" for c in end_run):
                end_run.getparent().remove(end_run)
    return True


def _field_name(instr: str) -> str:
    words = instr.split()
    return words[0].upper().lstrip("\\") if words else ""


# ----------------------------------------------------------------------------- Excel


def excel(doc: OoxmlDocument, report: WriteReport, sheet_parts: list[str]) -> None:
    pkg = doc.pkg
    if _excel_macro_sheets(doc):
        report.notes.append("macros removed")
    formulas = 0
    for part in sheet_parts:
        if pkg.find(part) is None:
            continue
        root = pkg.tree(part)
        shared_live = set()
        for f in list(root.iter(X + "f")):
            if f.text and is_live_formula(f.text):
                if f.get("t") == "shared" and f.get("si") is not None:
                    shared_live.add(f.get("si"))
                f.getparent().remove(f)  # the cell keeps its cached value <v>
                formulas += 1
        for f in list(root.iter(X + "f")):
            if f.get("t") == "shared" and f.get("si") in shared_live:
                f.getparent().remove(f)
                formulas += 1
        links = [o for o in root.iter(X + "oleObject") if o.get("link")]
        for ole in links:
            drop_element(ole)
        if formulas or links or shared_live:
            pkg.mark(part)
        if links:
            report.notes.append(f"{len(links)} OLE link(s) removed")
    if formulas:
        report.notes.append(
            f"{formulas} formula(s) reaching outside the workbook replaced by values"
        )
    wb = pkg.tree(doc.main_name)
    names = 0
    for dn in wb.iter(X + "definedName"):
        if dn.text and is_live_formula(dn.text):
            dn.text = "#REF!"
            names += 1
    if names:
        pkg.mark(doc.main_name)
        report.notes.append(f"{names} defined name(s) reaching outside the workbook cleared")
    _excel_connections(doc)
    for part in pkg.parts_of_type("officedocument.vmlDrawing"):
        root = pkg.tree(part)
        bound = list(root.iter(XV + "FmlaMacro"))
        for el in bound:
            el.getparent().remove(el)
        if bound:
            report.notes.append(f"{len(bound)} macro binding(s) of form controls removed")


def _excel_connections(doc: OoxmlDocument) -> None:
    pkg = doc.pkg
    for part in pkg.parts_of_type("pivotCacheDefinition+xml"):
        for src in pkg.tree(part).iter(X + "cacheSource"):
            if src.get("type") == "external" or src.get("connectionId"):
                raise ScrubError(
                    "This workbook has a pivot table fed by an external data connection, which "
                    "cannot be removed without breaking it; paste the pivot table as values "
                    "and upload the workbook again."
                )
    for part in pkg.parts_of_type("application/xml"):
        if part.lower().startswith("customxml/") and pkg.tree(part).tag == DATA_MASHUP:
            pkg.remove_part(part)  # Power Query: queries and their sources, base64-packed
    if not pkg.parts_of_type("spreadsheetml.connections+xml", "spreadsheetml.queryTable+xml"):
        return
    for part in pkg.parts_of_type("spreadsheetml.table+xml"):
        root = pkg.tree(part)
        for el in root.iter():
            for attr in ("connectionId", "queryTableFieldId"):
                if attr in el.attrib:
                    del el.attrib[attr]
                    pkg.mark(part)
        if root.get("tableType") == "queryTable":
            del root.attrib["tableType"]
            pkg.mark(part)


def _excel_macro_sheets(doc: OoxmlDocument) -> bool:
    """Macro and dialog sheets go with their <sheet> entry; sheet-local names and the active
    tab follow the sheets that stay."""
    pkg = doc.pkg
    macro = {
        p
        for p in pkg.parts_of_type(
            "ms-excel.macrosheet+xml", "ms-excel.intlmacrosheet+xml", "dialogsheet+xml"
        )
    }
    if not macro:
        return False
    wb = pkg.tree(doc.main_name)
    targets = pkg.rel_targets(doc.main_name)
    sheets = list(wb.iter(X + "sheet"))
    rid = q("r", "id")
    gone = [i for i, s in enumerate(sheets) if targets.get(s.get(rid) or "") in macro]
    if len(gone) == len(sheets):
        raise ScrubError(
            "This workbook holds only macro sheets, which are removed for safety; nothing "
            "would be left of it."
        )
    for dn in list(wb.iter(X + "definedName")):
        local = dn.get("localSheetId")
        if local is None or not local.isdigit():
            continue
        index = int(local)
        if index in gone:
            dn.getparent().remove(dn)
        else:
            dn.set("localSheetId", str(index - sum(1 for g in gone if g < index)))
    for view in wb.iter(X + "workbookView"):
        for attr in ("activeTab", "firstSheet"):
            view.attrib.pop(attr, None)
    pkg.mark(doc.main_name)
    for part in macro:
        pkg.remove_part(part)  # removes the <sheet> too (package.REQUIRES_REFERENCE)
    return True


# ----------------------------------------------------------------------------- PowerPoint

_RUNS_SOMETHING = ("ppaction://program", "ppaction://macro", "ppaction://ole")


def powerpoint(doc: OoxmlDocument, report: WriteReport) -> None:
    pkg = doc.pkg
    count = 0
    for part in pkg.parts_of_type("presentationml.slide+xml", "slideLayout+xml", "slideMaster+xml"):
        root = pkg.tree(part)
        for el in list(root.iter(A + "hlinkClick", A + "hlinkHover")):
            if (el.get("action") or "").lower().startswith(_RUNS_SOMETHING):
                el.getparent().remove(el)
                count += 1
                pkg.mark(part)
    if count:
        report.notes.append(f"{count} action(s) that run a program or macro removed")
