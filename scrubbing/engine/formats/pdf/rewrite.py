"""Content-stream rewriting: the edited glyphs are removed from the page's text-showing
operators and the replacement is drawn in their place.

Every text-showing operator (Tj TJ ' ") of the page content stream is decoded (simple fonts via
ToUnicode or the encoding; Type0 Identity-H fonts with a ToUnicode map), the edited strings are
found in the decoded glyph sequence, those glyphs are dropped (a TJ kerning number keeps the
following text in place) and the replacement is drawn in Helvetica squeezed into the removed
width. The glyph codes are gone from the file.
"""

from __future__ import annotations

import difflib
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
    pdf: pikepdf.Pdf, page: pikepdf.Page, hits: list[Hit], page_text: str
) -> str | None:
    """Rewrite one page's content stream; return None on success or why it cannot be done.

    `page_text` is pdfium's text of the page, one character per char index (`Hit.first` and
    `Hit.last` index into it)."""
    try:
        return _rewrite_page_inner(pdf, page, hits, page_text)
    except Unsupported as exc:
        return str(exc)
    except Exception:
        return "its content could not be parsed"


def _rewrite_page_inner(
    pdf: pikepdf.Pdf, page: pikepdf.Page, hits: list[Hit], page_text: str
) -> str | None:
    resources = _inherited(page, "/Resources")
    resources = resources if isinstance(resources, Dictionary) else Dictionary()
    instructions = list(pikepdf.parse_content_stream(page))
    glyphs, states = _collect_glyphs(instructions, resources)
    matches = _match_hits(glyphs, hits, page_text)
    new_instructions = _apply_matches(instructions, glyphs, matches, states)
    page_res = _own_resources(pdf, page, resources)
    if any(m.replacement for m in matches):
        page_res.Font[PLACEHOLDER_FONT] = helvetica(pdf)
    page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(new_instructions))
    return None


def _collect_glyphs(
    instructions: list, resources: Dictionary
) -> tuple[list[_Glyph], dict[int, _TextState]]:
    """Every glyph the page's text-showing operators draw, in stream order, and the text state
    in effect for each show instruction."""
    font_res = resources.get("/Font")
    font_res = font_res if isinstance(font_res, Dictionary) else Dictionary()
    ext_gs = resources.get("/ExtGState")
    fonts: dict[str, Font] = {}
    state = _TextState()
    stack: list[_TextState] = []
    states: dict[int, _TextState] = {}
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
                raise Unsupported("a font is set through a graphics state")
        elif op in _SHOW_OPS:
            if op == '"' and len(ops) == 3:
                state.tw, state.tc = _num(ops[0]), _num(ops[1])
            if state.font is None:
                raise Unsupported("text is drawn without a font")
            key = str(state.font)
            if key not in fonts:
                fdict = font_res.get(state.font)
                if not isinstance(fdict, Dictionary):
                    raise Unsupported("a font resource is missing")
                fonts[key] = Font(fdict)
            font = fonts[key]
            states[i] = state.copy()
            parts = list(ops[0]) if op == "TJ" else [ops[-1]]
            for e, part in enumerate(parts):
                if isinstance(part, String):
                    for g, (code, text, width, space) in enumerate(font.glyphs(bytes(part))):
                        glyphs.append(_Glyph(i, e, g, code, text, width, space))
    return glyphs, states


#: pages whose stream text and pdfium text differ are aligned with difflib up to this size
_ALIGN_MAX_CHARS = 60_000


def _match_hits(glyphs: list[_Glyph], hits: list[Hit], page_text: str) -> list[_Match]:
    """The glyphs of exactly the occurrences that were edited (occurrence by occurrence: an
    occurrence the contractor kept, or the same letters inside a longer word, stay).

    pdfium's text and the stream's decoded glyphs are the same characters in the same order
    once whitespace is dropped (pdfium adds spaces and line breaks of its own); where they
    differ (a glyph pdfium decodes differently, text in a Form XObject) the two are aligned
    and an edit must fall entirely inside text both read the same."""
    stream: list[str] = []
    owner: list[int] = []  # stream char -> glyph
    for gi, g in enumerate(glyphs):
        for ch in norm(g.text):
            stream.append(ch)
            owner.append(gi)
    seen: list[str] = []
    index_of: dict[int, int] = {}  # pdfium char index -> position in `seen`
    for ci, ch in enumerate(page_text):
        if norm(ch):
            index_of[ci] = len(seen)
            seen.append(ch)
    to_stream = _alignment("".join(seen), "".join(stream))
    matches: list[_Match] = []
    for h in sorted(hits, key=lambda h: h.first):
        positions = [index_of[ci] for ci in range(h.first, h.last + 1) if ci in index_of]
        if not positions:
            continue  # whitespace only: nothing a reader sees
        mapped = [to_stream(pos) for pos in positions]
        if any(m is None for m in mapped):
            raise Unsupported("the edited text was not found in the page content")
        first, last = owner[min(mapped)], owner[max(mapped)]  # type: ignore[type-var]
        span = glyphs[first : last + 1]
        if any(g.match >= 0 for g in span):
            raise Unsupported("two edits share a glyph")
        for g in span:
            g.match = len(matches)
        matches.append(_Match(h.replacement, span))
    return matches


def _alignment(seen: str, stream: str):
    """position in `seen` -> position in `stream` (None where the two texts differ)."""
    if seen == stream:
        return lambda pos: pos
    if len(seen) + len(stream) > 2 * _ALIGN_MAX_CHARS:
        raise Unsupported("the page text is too long to align with its content")
    table: dict[int, int] = {}
    matcher = difflib.SequenceMatcher(None, seen, stream, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            table[a + k] = b + k
    return table.get


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
    raw, width, _shown = encode_placeholder(replacement) if replacement else (b"", 0.0, "")
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
