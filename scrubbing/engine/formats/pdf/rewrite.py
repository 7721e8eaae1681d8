"""Content-stream rewriting: the edited glyphs are removed from the page's text-showing
operators and the replacement is drawn in their place.

Every text-showing operator (Tj TJ ' ") of the page content stream is decoded (simple fonts via
ToUnicode or the encoding; Type0 Identity-H fonts with a ToUnicode map), the edited strings are
found in the decoded glyph sequence, those glyphs are dropped (a TJ kerning number keeps the
following text in place) and the replacement is drawn in Helvetica squeezed into the removed
width. The glyph codes are gone from the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import pikepdf
from pikepdf import Array, Dictionary, Name, Operator, String

from .fonts import PLACEHOLDER_FONT, Font, Unsupported, encode_placeholder, helvetica
from .reading import Hit, norm


@dataclass
class _TextState:
    font: Name | None = None
    size: float = 0.0
    tc: float = 0.0
    tw: float = 0.0
    tz: float = 100.0

    def copy(self) -> _TextState:
        return _TextState(self.font, self.size, self.tc, self.tw, self.tz)


@dataclass
class _Glyph:
    instr: int  # index in the instruction list
    elem: int  # index of the string in the TJ array (0 for Tj ' ")
    pos: int  # glyph position inside that string
    code: bytes
    text: str
    width: float
    space: bool
    match: int = -1  # index of the match removing it, -1 = kept


@dataclass
class _Match:
    replacement: str
    glyphs: list[_Glyph] = field(default_factory=list)


def _inherited(page: pikepdf.Page, key: str) -> object:
    node = page.obj
    for _ in range(64):
        if key in node:
            return node[key]
        node = node.get("/Parent")
        if not isinstance(node, Dictionary):
            return None
    return None


def _num(x: object) -> float:
    return float(x) if isinstance(x, int | float | Decimal) else float(str(x))


_SHOW_OPS = {"Tj", "TJ", "'", '"'}


def rewrite_page(
    pdf: pikepdf.Pdf, page: pikepdf.Page, hits: list[Hit], pdfium_text: str
) -> str | None:
    """Rewrite one page's content stream; return None on success or why it cannot be done."""
    try:
        return _rewrite_page_inner(pdf, page, hits, pdfium_text)
    except Unsupported as exc:
        return str(exc)
    except Exception:
        return "content could not be parsed"


def _rewrite_page_inner(
    pdf: pikepdf.Pdf, page: pikepdf.Page, hits: list[Hit], pdfium_text: str
) -> str | None:
    resources = _inherited(page, "/Resources")
    resources = resources if isinstance(resources, Dictionary) else Dictionary()
    font_res = resources.get("/Font")
    font_res = font_res if isinstance(font_res, Dictionary) else Dictionary()
    ext_gs = resources.get("/ExtGState")
    fonts: dict[str, Font] = {}

    instructions = list(pikepdf.parse_content_stream(page))
    state = _TextState()
    stack: list[_TextState] = []
    states: dict[int, _TextState] = {}  # text state in effect for each show instruction
    glyphs: list[_Glyph] = []
    for i, ins in enumerate(instructions):
        if isinstance(ins, pikepdf.ContentStreamInlineImage):
            continue
        op = str(ins.operator)
        ops = ins.operands
        if op == "q":
            stack.append(state.copy())
        elif op == "Q":
            state = stack.pop() if stack else _TextState()
        elif op == "Tf" and len(ops) == 2:
            state.font, state.size = ops[0], _num(ops[1])
        elif op == "Tc" and ops:
            state.tc = _num(ops[0])
        elif op == "Tw" and ops:
            state.tw = _num(ops[0])
        elif op == "Tz" and ops:
            state.tz = _num(ops[0])
        elif op == "gs" and ops and isinstance(ext_gs, Dictionary):
            gs = ext_gs.get(ops[0])
            if isinstance(gs, Dictionary) and "/Font" in gs:
                raise Unsupported("font set through a graphics state")
        elif op in _SHOW_OPS:
            if op == '"' and len(ops) == 3:
                state.tw, state.tc = _num(ops[0]), _num(ops[1])
            if state.font is None:
                raise Unsupported("text without a font")
            key = str(state.font)
            if key not in fonts:
                fdict = font_res.get(state.font)
                if not isinstance(fdict, Dictionary):
                    raise Unsupported("missing font resource")
                fonts[key] = Font(fdict)
            font = fonts[key]
            states[i] = state.copy()
            parts = list(ops[0]) if op == "TJ" else [ops[-1]]
            for e, part in enumerate(parts):
                if isinstance(part, String):
                    for g, (code, text, width, space) in enumerate(font.glyphs(bytes(part))):
                        glyphs.append(_Glyph(i, e, g, code, text, width, space))

    # Whitespace-free text of the stream, mapped back to glyphs.
    chars: list[str] = []
    owner: list[int] = []
    for gi, g in enumerate(glyphs):
        for ch in norm(g.text):
            chars.append(ch)
            owner.append(gi)
    stream_text = "".join(chars)

    wanted: dict[str, list[Hit]] = {}
    for h in hits:
        key = norm(h.original)
        if key:
            wanted.setdefault(key, []).append(h)
    matches: list[_Match] = []
    # Longest first, so "Jane Doe" wins over a separate edit of "Jane".
    for key in sorted(wanted, key=len, reverse=True):
        if pdfium_text.count(key) > len(wanted[key]):
            raise Unsupported("an occurrence is kept")
        found = 0
        pos = stream_text.find(key)
        while pos >= 0:
            first, last = owner[pos], owner[pos + len(key) - 1]
            span = glyphs[first : last + 1]
            if all(g.match < 0 for g in span):
                m = _Match(wanted[key][min(found, len(wanted[key]) - 1)].replacement)
                for g in span:
                    g.match = len(matches)
                m.glyphs = span
                matches.append(m)
                found += 1
            pos = stream_text.find(key, pos + len(key))
        if not found:
            raise Unsupported("text not found in the page content")

    new_instructions = _apply_matches(instructions, glyphs, matches, states)
    page_res = _own_resources(pdf, page, resources)
    if any(m.replacement for m in matches):
        page_res.Font[PLACEHOLDER_FONT] = helvetica(pdf)
    page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(new_instructions))
    return None


def _own_resources(pdf: pikepdf.Pdf, page: pikepdf.Page, resources: Dictionary) -> Dictionary:
    """A page-local copy of Resources and its Font dict (they may be shared or inherited)."""
    res = Dictionary({k: v for k, v in resources.items()})
    fonts = resources.get("/Font")
    res.Font = (
        Dictionary({k: v for k, v in fonts.items()})
        if isinstance(fonts, Dictionary)
        else (Dictionary())
    )
    page.obj.Resources = pdf.make_indirect(res)
    return page.obj.Resources


def _ins(operands: list, op: str) -> pikepdf.ContentStreamInstruction:
    return pikepdf.ContentStreamInstruction(operands, Operator(op))


def _apply_matches(
    instructions: list,
    glyphs: list[_Glyph],
    matches: list[_Match],
    states: dict[int, _TextState],
) -> list:
    """Rebuild the instruction list with matched glyphs removed and replacements drawn."""
    by_instr: dict[int, list[_Glyph]] = {}
    for g in glyphs:
        by_instr.setdefault(g.instr, []).append(g)
    touched = {g.instr for m in matches for g in m.glyphs}
    first_of_match = {id(m.glyphs[0]) for m in matches}

    out: list = []
    for i, ins in enumerate(instructions):
        if i not in touched:
            out.append(ins)
            continue
        op = str(ins.operator)
        ops = list(ins.operands)
        st = states[i]
        if op == "'":
            out.append(_ins([], "T*"))
        elif op == '"':
            out.extend([_ins([ops[0]], "Tw"), _ins([ops[1]], "Tc"), _ins([], "T*")])
        parts = list(ops[0]) if op == "TJ" else [ops[-1]]
        # Flatten to glyphs and kerning numbers, in showing order.
        tokens: list[_Glyph | float] = []
        by_elem: dict[int, list[_Glyph]] = {}
        for g in by_instr[i]:
            by_elem.setdefault(g.elem, []).append(g)
        for e, part in enumerate(parts):
            if isinstance(part, String):
                tokens.extend(by_elem.get(e, []))
            else:
                tokens.append(_num(part))
        array: list = []
        kept = b""
        k = 0
        while k < len(tokens):
            tok = tokens[k]
            if not isinstance(tok, _Glyph):
                if kept:
                    array.append(String(kept))
                    kept = b""
                array.append(tok)
                k += 1
                continue
            if tok.match < 0:
                kept += tok.code
                k += 1
                continue
            # A removed run: glyphs of this match plus kerning numbers between them.
            run: list[_Glyph] = []
            nums: list[float] = []
            pending: list[float] = []
            j = k
            end = k
            while j < len(tokens):
                t = tokens[j]
                if isinstance(t, _Glyph):
                    if t.match != tok.match:
                        break
                    run.append(t)
                    nums.extend(pending)
                    pending = []
                    end = j + 1
                else:
                    pending.append(t)
                j += 1
            if kept:
                array.append(String(kept))
                kept = b""
            replacement = matches[tok.match].replacement if id(run[0]) in first_of_match else ""
            array = _emit_run(run, nums, replacement, array, out, st)
            k = end
        if kept:
            array.append(String(kept))
        if array:
            out.append(_ins([Array(array)], "TJ"))
    return out


def _emit_run(
    run: list[_Glyph],
    nums: list[float],
    replacement: str,
    array: list,
    out: list,
    st: _TextState,
) -> list:
    """Replace removed glyphs by a kerning offset of the same advance, or by the placeholder.

    Returns the TJ array to keep filling (a new one if the placeholder had to be drawn).
    """
    if st.size == 0:
        raise Unsupported("zero font size")
    th = st.tz / 100.0
    n_space = sum(1 for g in run if g.space)
    # Advance of the removed glyphs and kerning in text space (PDF 32000-1 9.4.4).
    advance = (
        sum(g.width for g in run) * st.size / 1000.0 + st.tc * len(run) + st.tw * n_space
    ) * th - sum(nums) / 1000.0 * st.size * th
    raw, width = encode_placeholder(replacement) if replacement else (b"", 0.0)
    if raw and width > 0 and advance > 0 and st.font is not None:
        tz = 100.0 * advance / (width * st.size / 1000.0)
        if array:
            out.append(_ins([Array(array)], "TJ"))
        out.extend(
            [
                _ins([PLACEHOLDER_FONT, st.size], "Tf"),
                _ins([round(tz, 4)], "Tz"),
                _ins([0], "Tc"),
                _ins([0], "Tw"),
                _ins([String(raw)], "Tj"),
                _ins([st.font, st.size], "Tf"),
                _ins([round(st.tz, 4)], "Tz"),
                _ins([round(st.tc, 6)], "Tc"),
                _ins([round(st.tw, 6)], "Tw"),
            ]
        )
        return []
    if advance != 0:
        # TJ number n moves by -n/1000 * size * Th; solve for the removed advance.
        array.append(round(-advance * 1000.0 / (st.size * th), 4))
    return array
