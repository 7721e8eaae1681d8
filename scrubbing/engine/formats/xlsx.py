"""Excel (.xlsx) reader/writer at the XML level.

Segments: sheet names (hidden and very hidden sheets too), each distinct shared string once
(locator names the first cells using it), inline strings, cached text results of formulas,
string literals inside formulas / defined names / data validation / conditional formats, header
and footer text, data-validation messages, hyperlink labels, comments (legacy and threaded) and
their authors, persons, drawing text boxes, chart text, table column names, pivot-cache strings,
external-link caches, defined names, properties.

Renaming a sheet (or defined name) rewrites every formula, defined name, validation, chart
reference and hyperlink that points at it, so the workbook keeps working.

Over 500 lines because a workbook has that many places text hides; what the three formats
share is in ooxml/ (live formulas in ooxml/live.py).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable

from lxml import etree

from scrubbing.engine.base import Limits, WriteReport
from scrubbing.engine.formats.ooxml import (
    AttrTarget,
    CallbackTarget,
    ElementTextTarget,
    OoxmlDocument,
    Piece,
    PiecesTarget,
    drawingml_paragraphs,
    live,
    q,
    read_shared,
    shape_names,
)

X = q("x", "")
X_C, X_V, X_F, X_IS, X_T, X_R, X_RPH = (X + n for n in ("c", "v", "f", "is", "t", "r", "rPh"))
XM_F = q("xm", "f")
TC = "{http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments}"

_MAIN_TYPES = (
    "spreadsheetml.sheet.main+xml",
    "spreadsheetml.template.main+xml",
    "ms-excel.sheet.macroEnabled.main+xml",
    "ms-excel.template.macroEnabled.main+xml",
)
_HEADER_FOOTER = (
    "oddHeader",
    "oddFooter",
    "evenHeader",
    "evenFooter",
    "firstHeader",
    "firstFooter",
)

_F_TOKENS = live.FORMULA_TOKENS
_UNQUOTED_REF = re.compile(r"(?<![\w.\]\\])([^\W\d][\w.]*)(?::([^\W\d][\w.]*))?!")
# Header/footer codes (&L, &"Arial,Bold", &12, &K00FF00, &&) around literal text.
_HF_TOKENS = re.compile(r"&\"[^\"]*\"|&K[0-9A-Fa-f]{6}|&K\d\d[+-]\d{3}|&\d+|&.|[^&]+", re.S)
_SHEET_BAD = str.maketrans({"[": "(", "]": ")", ":": "_", "*": "_", "?": "_", "/": "_", "\\": "_"})
_CELL_LIKE = re.compile(r"^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[Rr]|[Cc])$")


class TokenHolder:
    """A string made of tokens, some of which are segments; rewritten once after edits."""

    def __init__(self, element: etree._Element, attr: str | None, tokens: list[str]) -> None:
        self.element, self.attr, self.tokens, self.dirty = element, attr, tokens, False

    def setter(self, index: int, encode: Callable[[str], str]) -> Callable[[str], None]:
        def set_token(value: str) -> None:
            self.tokens[index] = encode(value)
            self.dirty = True

        return set_token

    def flush(self) -> None:
        if not self.dirty:
            return
        value = "".join(self.tokens)
        if self.attr:
            self.element.set(self.attr, value)
        else:
            self.element.text = value


def _quote_literal(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def _hf_literal(value: str) -> str:
    return value.replace("&", "&&")


class XlsxDocument(OoxmlDocument):
    kind = "xlsx"
    label = "an Excel workbook"

    def load(self) -> None:
        pkg = self.pkg
        self.workbook = wb = self.main_part(*_MAIN_TYPES)
        self.check_not_strict(wb)
        self.sheet_renames: dict[str, str] = {}
        self.name_renames: dict[str, str] = {}
        self.formula_parts: set[str] = {wb}
        root = pkg.xml(wb)
        rel_targets = pkg.rel_targets(wb)
        self.sheets: list[tuple[str, str | None, str]] = []  # (name, part, state)
        self._sheet_elements = list(root.iter(X + "sheet"))
        for number, el in enumerate(self._sheet_elements, 1):
            name = el.get("name") or f"Sheet{number}"
            state = el.get("state") or "visible"
            part = rel_targets.get(el.get(q("r", "id")) or "")
            self.sheets.append((name, part, state))
            if state in ("hidden", "veryHidden"):
                what = "very hidden" if state == "veryHidden" else "hidden"
                self.hidden_content.append(f"{what} sheet (sheet {number})")
            self.add(
                name,
                f"sheet {number} name",
                "name",
                CallbackTarget(wb, name, self._sheet_renamer(el, name)),
            )
        self._read_defined_names(wb, root)
        self.sheet_of_part = {part: name for name, part, _ in self.sheets if part}
        shared_uses = self._read_sheets()
        self._read_shared_strings(wb, shared_uses)
        self._read_comments()
        self._read_tables_and_pivots()
        read_shared(self)

    # -- workbook

    def _sheet_renamer(self, el: etree._Element, old: str) -> Callable[[str], None]:
        def rename(value: str) -> None:
            taken = {(s.get("name") or "").lower() for s in self._sheet_elements if s is not el}
            new = (value.translate(_SHEET_BAD).strip().strip("'") or "Sheet")[:31]
            base, n = new, 2
            while new.lower() in taken:
                suffix = f" ({n})"
                new, n = base[: 31 - len(suffix)] + suffix, n + 1
            el.set("name", new)
            self.sheet_renames[old.lower()] = new

        return rename

    def _read_defined_names(self, wb: str, root: etree._Element) -> None:
        names = list(root.iter(X + "definedName"))
        taken = {(n.get("name") or "").lower() for n in names}
        for number, el in enumerate(names, 1):
            name = el.get("name") or ""
            if not name.startswith("_xlnm."):
                self.add(
                    name,
                    f"defined name {number}",
                    "name",
                    CallbackTarget(wb, name, self._name_renamer(el, name, taken)),
                )
            self._formula(wb, el, None, f"defined name {number}")

    def _name_renamer(self, el: etree._Element, old: str, taken: set[str]) -> Callable[[str], None]:
        def rename(value: str) -> None:
            new = re.sub(r"[^\w.\\]", "_", value) or "_"
            if not re.match(r"[^\W\d]|\\", new) or _CELL_LIKE.match(new):
                new = "_" + new
            base, n = new, 2
            while new.lower() in taken and new.lower() != old.lower():
                new, n = f"{base}_{n}", n + 1
            taken.add(new.lower())
            el.set("name", new)
            self.name_renames[old.lower()] = new

        return rename

    def _formula(
        self, part: str, el: etree._Element, attr: str | None, locator: str, kind: str = "formula"
    ) -> None:
        """Every string literal of a formula becomes a segment."""
        text = el.get(attr) if attr else el.text
        if not text or '"' not in text:
            return
        tokens = _F_TOKENS.findall(text)
        holder = TokenHolder(el, attr, tokens)
        found = False
        for i, tok in enumerate(tokens):
            if tok.startswith('"') and len(tok) >= 2 and tok.endswith('"'):
                value = tok[1:-1].replace('""', '"')
                if value.strip():
                    found = True
                    self.add(
                        value,
                        f"{locator} (text in formula)",
                        kind,
                        CallbackTarget(part, value, holder.setter(i, _quote_literal)),
                    )
        if found:
            self.flushers.append(holder.flush)

    # -- sheets

    def _read_sheets(self) -> dict[int, list]:
        pkg = self.pkg
        shared_uses: dict[int, list] = {}  # shared string index -> [first cell, count, kind]
        for name, part, state in self.sheets:
            if part is None:
                continue
            self.formula_parts.add(part)
            root = pkg.xml(part)
            hidden = state != "visible"
            cell_kind = "hidden" if hidden else "cell"
            for c in root.iter(X_C):
                t = c.get("t")
                ref = c.get("r") or "?"
                # the first <v>, <is> and <f> child, as `find` gives them, in one pass over
                # the cell's children (three `find`s per cell were most of a big sheet's read)
                v = inline = f = None
                for child in c:
                    tag = child.tag
                    if tag == X_V:
                        v = child if v is None else v
                    elif tag == X_F:
                        f = child if f is None else f
                    elif tag == X_IS:
                        inline = child if inline is None else inline
                if t == "s":
                    if v is not None and v.text:
                        try:
                            index = int(v.text)
                        except ValueError:
                            continue
                        use = shared_uses.get(index)
                        if use is None:
                            shared_uses[index] = [f"{name}!{ref}", 1, cell_kind]
                        else:
                            use[1] += 1
                elif t == "inlineStr":
                    if inline is not None:
                        self._rich_text(part, inline, f"{name}!{ref}", cell_kind)
                elif t == "str" and v is not None and v.text:
                    self.add(
                        v.text,
                        f"{name}!{ref} (formula result)",
                        cell_kind,
                        ElementTextTarget(part, v, preserve_space=True),
                    )
                if f is not None and f.text:
                    self._formula(part, f, None, f"{name}!{ref}")
            self._read_sheet_extras(name, part, root)
        return shared_uses

    def _read_sheet_extras(self, name: str, part: str, root: etree._Element) -> None:
        for local in _HEADER_FOOTER:
            for el in root.iter(X + local):
                which, what = local[:-6], local[-6:].lower()
                self._header_footer(part, el, f"{name} {what} ({which} pages)")
        for dv in root.iter(X + "dataValidation", q("x14", "dataValidation")):
            for attr in ("promptTitle", "prompt", "errorTitle", "error"):
                if dv.get(attr):
                    self.add(
                        dv.get(attr),
                        f"{name} data validation {attr}",
                        "validation",
                        AttrTarget(part, dv, attr),
                    )
        for el in root.iter(X + "formula1", X + "formula2", X + "formula", XM_F):
            self._formula(part, el, None, f"{name} validation/format rule")
        for link in root.iter(X + "hyperlink"):
            for attr in ("display", "tooltip"):
                if link.get(attr):
                    self.add(
                        link.get(attr),
                        f"{name}!{link.get('ref')} hyperlink {attr}",
                        "hyperlink",
                        AttrTarget(part, link, attr),
                    )
        rows = sum(1 for r in root.iter(X + "row") if r.get("hidden") in ("1", "true"))
        cols = sum(1 for r in root.iter(X + "col") if r.get("hidden") in ("1", "true"))
        sheet_no = next(i for i, s in enumerate(self.sheets, 1) if s[1] == part)
        if rows:
            self.hidden_content.append(f"hidden rows ({rows}) in sheet {sheet_no}")
        if cols:
            self.hidden_content.append(f"hidden column ranges ({cols}) in sheet {sheet_no}")
        # Drawings (text boxes, shapes) anchored on this sheet.
        for _rel, drawing in self.pkg.related(part, "drawing"):
            droot = self.pkg.xml(drawing)
            drawingml_paragraphs(
                self,
                drawing,
                droot,
                lambda _p, n, name=name: (f"{name} drawing: text {n}", "shape"),
            )
            shape_names(self, drawing, droot, f"{name} drawing")

    def _header_footer(self, part: str, el: etree._Element, locator: str) -> None:
        text = el.text or ""
        tokens = _HF_TOKENS.findall(text)
        holder = TokenHolder(el, None, tokens)
        found = False
        for i, tok in enumerate(tokens):
            if not tok.startswith("&") and tok.strip():
                found = True
                kind = "footer" if "footer" in locator else "header"
                self.add(
                    tok, locator, kind, CallbackTarget(part, tok, holder.setter(i, _hf_literal))
                )
        if found:
            self.flushers.append(holder.flush)

    def _rich_text(self, part: str, container: etree._Element, locator: str, kind: str) -> None:
        """A shared string item or inline string: plain <t> or rich-text runs <r><t>."""
        pieces = []
        phonetic = []
        for child in container:
            if child.tag == X_T:
                pieces.append(Piece(child, child.text or "", True))
            elif child.tag == X_R:
                t = child.find(X_T)
                if t is not None:
                    pieces.append(Piece(t, t.text or "", True))
            elif child.tag == X_RPH:
                t = child.find(X_T)
                if t is not None:
                    phonetic.append(Piece(t, t.text or "", True))
        target = PiecesTarget(part, pieces, preserve_space=True)
        self.add(target.text, locator, kind, target)
        if phonetic:
            target = PiecesTarget(part, phonetic, preserve_space=True)
            self.add(target.text, locator + " (phonetic reading)", "hidden", target)

    def _read_shared_strings(self, wb: str, uses: dict[int, list]) -> None:
        for _rel, part in self.pkg.related(wb, "sharedStrings"):
            for index, si in enumerate(self.pkg.xml(part).iterchildren(X + "si")):
                use = uses.get(index)
                if use is None:
                    locator, kind = f"shared string {index + 1} (not used by any cell)", "hidden"
                else:
                    locator = use[0] + (f" (+{use[1] - 1} more)" if use[1] > 1 else "")
                    kind = use[2]
                self._rich_text(part, si, locator, kind)

    # -- comments

    def _read_comments(self) -> None:
        pkg = self.pkg
        for name, part, _state in self.sheets:
            if part is None:
                continue
            for _rel, cpart in pkg.related(part, "comments"):
                root = pkg.xml(cpart)
                for author in root.iter(X + "author"):
                    self.add(
                        author.text or "",
                        f"{name} comment author",
                        "metadata",
                        ElementTextTarget(cpart, author),
                    )
                for comment in root.iter(X + "comment"):
                    text = comment.find(X + "text")
                    if text is None:
                        continue
                    pieces = [
                        Piece(t, t.text or "", True)
                        for t in text.iter(X_T)
                        if t.getparent().tag != X_RPH
                    ]
                    target = PiecesTarget(cpart, pieces, preserve_space=True)
                    self.add(target.text, f"{name}!{comment.get('ref')} comment", "comment", target)
            for _rel, tpart in pkg.related(part, "threadedComment"):
                for tc in pkg.xml(tpart).iter(TC + "threadedComment"):
                    text = tc.find(TC + "text")
                    if text is not None and text.text:
                        self.add(
                            text.text,
                            f"{name}!{tc.get('ref')} threaded comment",
                            "comment",
                            ElementTextTarget(tpart, text),
                        )
        for part in pkg.parts_of_type("ms-excel.person+xml"):
            for person in pkg.xml(part).iter(TC + "person"):
                for attr in ("displayName", "userId"):
                    if person.get(attr):
                        self.add(
                            person.get(attr),
                            f"comment author list ({attr})",
                            "metadata",
                            AttrTarget(part, person, attr),
                        )

    # -- tables, pivots, external links

    def _read_tables_and_pivots(self) -> None:
        pkg = self.pkg
        for part in pkg.parts_of_type("spreadsheetml.table+xml"):
            root = pkg.xml(part)
            label = f"table '{root.get('displayName') or root.get('name')}'"
            for col in root.iter(X + "tableColumn"):
                for attr in ("name", "totalsRowLabel"):
                    if col.get(attr):
                        self.add(
                            col.get(attr),
                            f"{label} column {attr}",
                            "table",
                            AttrTarget(part, col, attr),
                        )
            for el in root.iter(X + "calculatedColumnFormula", X + "totalsRowFormula"):
                self._formula(part, el, None, label)
        for part in pkg.parts_of_type("pivotCacheDefinition+xml", "pivotCacheRecords+xml"):
            root = pkg.xml(part)
            self.formula_parts.add(part)
            label = "pivot cache " + posixpath.basename(part)
            for el in root.iter(X + "s", X + "cacheField"):
                attr = "v" if el.tag == X + "s" else "name"
                if el.get(attr):
                    self.add(el.get(attr), label, "pivot", AttrTarget(part, el, attr))
        for part in pkg.parts_of_type("pivotTable+xml"):
            root = pkg.xml(part)
            label = "pivot table " + posixpath.basename(part)
            for el in root.iter(
                X + "pivotTableDefinition", X + "dataField", X + "item", X + "pivotField"
            ):
                attr = "n" if el.tag == X + "item" else "name"
                if el.get(attr):
                    self.add(el.get(attr), label, "pivot", AttrTarget(part, el, attr))
        for part in pkg.parts_of_type("externalLink+xml"):
            root = pkg.xml(part)
            label = "external link " + posixpath.basename(part)
            for el in root.iter(X + "sheetName", X + "definedName"):
                for attr in ("val", "name"):
                    if el.get(attr):
                        self.add(el.get(attr), label, "name", AttrTarget(part, el, attr))
            for v in root.iter(X_V):
                if v.text and not _is_number(v.text):
                    self.add(v.text, f"{label} cached value", "cell", ElementTextTarget(part, v))

    # -- writing

    def finish(self, report: WriteReport) -> None:
        self._rewrite_references()
        pkg = self.pkg
        removed = report.metadata_removed
        count = 0
        for part in pkg.parts_of_type("spreadsheetml.comments+xml"):
            for author in pkg.tree(part).iter(X + "author"):
                # Threaded-comment placeholders ("tc={guid}") carry no name.
                if author.text and not author.text.startswith("tc="):
                    author.text = self.authors(author.text)
                    count += 1
                    pkg.mark(part)
        for part in pkg.parts_of_type("ms-excel.person+xml"):
            for person in pkg.tree(part).iter(TC + "person"):
                person.set("displayName", self.authors(person.get("displayName")))
                person.attrib.pop("userId", None)
                person.set("providerId", "None")
                count += 1
            pkg.mark(part)
        for part in pkg.parts_of_type("ms-excel.threadedcomments+xml"):
            for mentions in list(pkg.tree(part).iter(TC + "mentions")):
                mentions.getparent().remove(mentions)  # offsets into the edited text, to persons
                pkg.mark(part)
        if count:
            removed.append(f"comment authors ({len(self.authors)})")
        root = pkg.tree(self.workbook)
        for el in list(
            root.iter("{http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac}absPath")
        ):
            # <mc:AlternateContent><mc:Choice><x15ac:absPath url="C:\Users\jane\..."/>
            holder = el.getparent()
            while holder is not None and holder.tag != q("mc", "AlternateContent"):
                holder = holder.getparent()
            (holder if holder is not None else el).getparent().remove(
                holder if holder is not None else el
            )
            removed.append("file location (path)")
        for el in root.iter(X + "fileSharing"):
            if el.get("userName"):
                del el.attrib["userName"]
                removed.append("file sharing user name")
        for el in root.iter(X + "workbookPr"):
            el.set("filterPrivacy", "1")  # Excel's own "remove personal information on save"
        for el in root.iter(X + "calcPr"):
            el.set("fullCalcOnLoad", "1")  # cached results are recomputed from scrubbed text
        pkg.mark(self.workbook)
        revisions = [n for n in pkg.names() if n.lower().startswith("xl/revisions/")]
        for part in revisions:
            pkg.remove_part(part)
        if revisions:
            removed.append("shared workbook revision history")
        for part in pkg.parts_of_type("pivotCacheDefinition+xml"):
            pkg.tree(part).set("refreshOnLoad", "1")
            pkg.mark(part)
        live.excel(self, report, [part for _name, part, _state in self.sheets if part])

    def _rewrite_references(self) -> None:
        """After sheet/defined-name renames, fix every formula and reference that used them."""
        if not self.sheet_renames and not self.name_renames:
            return
        pkg = self.pkg
        names_re = None
        if self.name_renames:
            alternatives = "|".join(re.escape(n) for n in sorted(self.name_renames, key=len)[::-1])
            names_re = re.compile(rf"(?<![\w.\]\\])({alternatives})(?![\w.(!\[])", re.I)

        def fix(formula: str) -> str:
            return rewrite_formula(formula, self.sheet_renames, self.name_renames, names_re)

        parts = set(self.formula_parts) | set(pkg.parts_of_type("drawingml.chart+xml"))
        for part in parts:
            if pkg.find(part) is None:
                continue
            changed = False
            for el in pkg.tree(part).iter(
                X_F,
                XM_F,
                X + "formula1",
                X + "formula2",
                X + "formula",
                X + "definedName",
                q("c", "f"),
            ):
                if el.text:
                    new = fix(el.text)
                    if new != el.text:
                        el.text, changed = new, True
            for el in pkg.tree(part).iter(X + "hyperlink"):
                loc = el.get("location")
                if loc and fix(loc) != loc:
                    el.set("location", fix(loc))
                    changed = True
            for el in pkg.tree(part).iter(X + "worksheetSource"):
                sheet = el.get("sheet")
                if sheet and sheet.lower() in self.sheet_renames:
                    el.set("sheet", self.sheet_renames[sheet.lower()])
                    changed = True
            if changed:
                pkg.mark(part)


def rewrite_formula(
    formula: str,
    sheets: dict[str, str],
    names: dict[str, str],
    names_re: re.Pattern[str] | None,
) -> str:
    """Rename sheet references and defined names in a formula; string literals untouched."""
    out = []
    for tok in _F_TOKENS.findall(formula):
        if tok.startswith('"'):
            out.append(tok)
        elif tok.startswith("'"):
            if len(tok) > 1 and tok.endswith("'") and sheets:
                inner = tok[1:-1].replace("''", "'")
                if not inner.startswith("["):  # external workbook reference
                    parts = inner.split(":")
                    renamed = [sheets.get(p.lower(), p) for p in parts]
                    if renamed != parts:
                        tok = "'" + ":".join(renamed).replace("'", "''") + "'"
            out.append(tok)
        else:
            if sheets:

                def unquoted(m: re.Match[str]) -> str:
                    first, last = m.group(1), m.group(2)
                    if first.lower() not in sheets and (last or "").lower() not in sheets:
                        return m.group(0)
                    new = sheets.get(first.lower(), first)
                    if last:
                        new += ":" + sheets.get(last.lower(), last)
                    return "'" + new.replace("'", "''") + "'!"

                tok = _UNQUOTED_REF.sub(unquoted, tok)
            if names_re is not None:
                tok = names_re.sub(lambda m: names[m.group(1).lower()], tok)
            out.append(tok)
    return "".join(out)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def open_document(data: bytes, limits: Limits, *, depth: int = 0) -> XlsxDocument:
    """Open a .xlsx (also .xlsm/.xltx) and list its segments."""
    return XlsxDocument.open(data, limits, depth)
