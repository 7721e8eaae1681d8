"""Marked content: hidden layers (optional content that is off) and alternate text.

Hidden layers go before anything is read: a layer the viewer does not show would still be in
the file, and a reader may or may not extract its text. Content marked with an optional
content group that is off in the default configuration (`/OC /name BDC ... EMC`, and Form
XObjects or images with an `/OC` entry) is removed: painting and text operators are dropped,
graphics- and text-state operators stay so what follows is drawn where it was. Content of
layers that are on stays, unmarked, and /OCProperties goes, so every viewer shows the same.
An optional-content expression (/VE) we do not evaluate counts as hidden (removed).

ActualText, Alt and E in marked-content property lists (inline or in /Properties) are
replacement texts for what is drawn: they are removed when the document is written.
"""

from __future__ import annotations

from collections.abc import Iterator

import pikepdf
from pikepdf import Array, Dictionary, Name

_MC_TEXT_KEYS = ("/ActualText", "/Alt", "/E")
#: operators kept inside removed content: they only change state later content depends on
_STATE_OPS = frozenset(
    "q Q cm BT ET Tf Td TD Tm T* TL Tc Tw Tz Ts Tr gs w J j M d ri i "
    "CS cs SC SCN sc scn G g RG rg K k".split()
)
_MAX_FORM_DEPTH = 12


def content_streams(pdf: pikepdf.Pdf) -> Iterator[tuple[object, Dictionary]]:
    """(page or Form XObject stream, its resources) for every page and every Form XObject
    reachable from one, each once."""
    seen: set[tuple[int, int]] = set()
    for page in pdf.pages:
        res = _resources(page.obj)
        yield page, res
        stack = [(res, 0)]
        while stack:
            res, depth = stack.pop()
            xobjects = res.get("/XObject")
            if not isinstance(xobjects, Dictionary) or depth > _MAX_FORM_DEPTH:
                continue
            for xobj in xobjects.values():
                if not isinstance(xobj, pikepdf.Stream) or xobj.get("/Subtype") != "/Form":
                    continue
                if xobj.objgen in seen:
                    continue
                seen.add(xobj.objgen)
                form_res = xobj.get("/Resources")
                form_res = form_res if isinstance(form_res, Dictionary) else res
                yield xobj, form_res
                stack.append((form_res, depth + 1))


def _resources(node: Dictionary) -> Dictionary:
    for _ in range(64):
        res = node.get("/Resources")
        if isinstance(res, Dictionary):
            return res
        node = node.get("/Parent")
        if not isinstance(node, Dictionary):
            break
    return Dictionary()


def _content_bytes(owner: object) -> bytes:
    if isinstance(owner, pikepdf.Page):
        contents = owner.obj.get("/Contents")
        if contents is None:
            return b""
        if isinstance(contents, Array):
            return b"".join(c.read_bytes() for c in contents if isinstance(c, pikepdf.Stream))
        return contents.read_bytes()
    return owner.read_bytes()  # type: ignore[attr-defined]


def _write(pdf: pikepdf.Pdf, owner: object, instructions: list) -> None:
    data = pikepdf.unparse_content_stream(instructions)
    if isinstance(owner, pikepdf.Page):
        owner.obj.Contents = pdf.make_stream(data)
    else:
        owner.write(data)  # type: ignore[attr-defined]


class _Visibility:
    def __init__(self, ocp: Dictionary) -> None:
        d = ocp.get("/D")
        d = d if isinstance(d, Dictionary) else Dictionary()
        groups = ocp.get("/OCGs")
        every = {g.objgen for g in groups if isinstance(g, Dictionary)} if groups else set()

        def ids(key: str) -> set[tuple[int, int]]:
            arr = d.get(key)
            return {g.objgen for g in arr if isinstance(g, Dictionary)} if arr else set()

        if d.get("/BaseState") == "/OFF":
            self.off = every - ids("/ON")
        else:
            self.off = ids("/OFF")

    def hidden(self, oc: object) -> bool:
        if not isinstance(oc, Dictionary):
            return False
        if oc.get("/Type") == "/OCMD":
            if "/VE" in oc:
                return True
            groups = oc.get("/OCGs")
            groups = groups if isinstance(groups, Array) else [groups]
            states = [g.objgen not in self.off for g in groups if isinstance(g, Dictionary)]
            if not states:
                return False
            policy = str(oc.get("/P", "/AnyOn"))
            visible = {
                "/AllOn": all(states),
                "/AnyOff": not all(states),
                "/AllOff": not any(states),
            }.get(policy, any(states))
            return not visible
        return oc.objgen in self.off


def remove_hidden_layers(pdf: pikepdf.Pdf) -> int:
    """Remove the content of hidden layers and the layer machinery; returns how many hidden
    marked-content sequences and XObjects were removed (0 when the PDF has no layers)."""
    ocp = pdf.Root.get("/OCProperties")
    if not isinstance(ocp, Dictionary):
        return 0
    vis = _Visibility(ocp)
    removed = 0
    for owner, res in list(content_streams(pdf)):
        props = res.get("/Properties")
        xobjects = res.get("/XObject")
        out: list = []
        depth = 0  # marked-content nesting; > 0 from a hidden BDC on
        changed = False
        for ins in pikepdf.parse_content_stream(owner):
            if isinstance(ins, pikepdf.ContentStreamInlineImage):
                changed |= depth > 0
                if not depth:
                    out.append(ins)
                continue
            op = str(ins.operator)
            ops = list(ins.operands)
            if op in ("BDC", "BMC"):
                if depth:
                    depth += 1
                    continue
                if op == "BDC" and len(ops) == 2 and ops[0] == "/OC":
                    oc = ops[1]
                    if isinstance(oc, Name) and isinstance(props, Dictionary):
                        oc = props.get(oc)
                    changed = True
                    if vis.hidden(oc):
                        depth = 1
                        removed += 1
                        continue
                    ins = pikepdf.ContentStreamInstruction([Name.OC], pikepdf.Operator("BMC"))
            elif op == "EMC" and depth:
                depth -= 1
                continue
            elif depth:
                changed = True
                if op == "'":
                    out.append(pikepdf.ContentStreamInstruction([], pikepdf.Operator("T*")))
                elif op == '"' and len(ops) == 3:
                    out += [
                        pikepdf.ContentStreamInstruction([ops[0]], pikepdf.Operator("Tw")),
                        pikepdf.ContentStreamInstruction([ops[1]], pikepdf.Operator("Tc")),
                        pikepdf.ContentStreamInstruction([], pikepdf.Operator("T*")),
                    ]
                elif op in _STATE_OPS:
                    out.append(ins)
                continue
            elif op == "Do" and ops and isinstance(xobjects, Dictionary):
                xobj = xobjects.get(ops[0])
                if isinstance(xobj, pikepdf.Stream) and "/OC" in xobj:
                    changed = True
                    if vis.hidden(xobj.get("/OC")):
                        removed += 1
                        continue
            out.append(ins)
        if changed:
            _write(pdf, owner, out)
        if isinstance(props, Dictionary):
            for key in list(props.keys()):
                value = props.get(key)
                if isinstance(value, Dictionary) and value.get("/Type") in ("/OCG", "/OCMD"):
                    del props[key]
    for obj in pdf.objects:
        if isinstance(obj, Dictionary | pikepdf.Stream) and "/OC" in obj:
            del obj["/OC"]
    del pdf.Root["/OCProperties"]
    return removed


def strip_marked_content_text(pdf: pikepdf.Pdf) -> bool:
    """Drop ActualText/Alt/E from marked-content property lists, inline and in resources."""
    changed_any = False
    for owner, res in list(content_streams(pdf)):
        props = res.get("/Properties")
        if isinstance(props, Dictionary):
            for value in props.values():
                if isinstance(value, Dictionary):
                    for k in _MC_TEXT_KEYS:
                        if k in value:
                            del value[k]
                            changed_any = True
        try:
            raw = _content_bytes(owner)
            if not any(k.encode() in raw for k in _MC_TEXT_KEYS):
                continue
            instructions = list(pikepdf.parse_content_stream(owner))
        except Exception:  # noqa: S112 - unreadable content renders as nothing anyway
            continue
        changed = False
        for ins in instructions:
            if isinstance(ins, pikepdf.ContentStreamInlineImage):
                continue
            if str(ins.operator) == "BDC" and len(ins.operands) == 2:
                inline = ins.operands[1]
                if isinstance(inline, Dictionary):
                    for k in _MC_TEXT_KEYS:
                        if k in inline:
                            del inline[k]
                            changed = True
        if changed:
            _write(pdf, owner, instructions)
            changed_any = True
    return changed_any
