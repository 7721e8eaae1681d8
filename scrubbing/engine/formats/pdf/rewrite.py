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
from .reading import Hit, is_blank


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
    stream: int  # index in the page's list of content streams (0: the page itself)
    instr: int  # index in that stream's instruction list
    elem: int  # index of the string in the TJ array (0 for Tj ' ")
    pos: int  # glyph position inside that string
    code: bytes
    text: str
    width: float
    space: bool
    match: int = -1  # index of the match removing it, -1 = kept


@dataclass
class _Stream:
    """The page's content stream or a Form XObject it draws (once per Do, in drawing order)."""

    owner: object  # the pikepdf Page or the form's Stream
    resources: Dictionary
    instructions: list
    parent: int | None = None
    name: Name | None = None  # the form's name in its parent's /XObject resources
    states: dict[int, _TextState] = field(default_factory=dict)
    written: object = None  # the form's rewritten copy


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
    streams = [_Stream(page, resources, list(pikepdf.parse_content_stream(page)))]
    glyphs: list[_Glyph] = []
    _collect_glyphs(streams, 0, _TextState(), glyphs)
    matches = _match_hits(glyphs, hits, page_text)
    touched = {g.stream for m in matches for g in m.glyphs}
    drawn: dict[tuple[int, int], int] = {}
    for st in streams[1:]:
        drawn[st.owner.objgen] = drawn.get(st.owner.objgen, 0) + 1  # type: ignore[attr-defined]
    if any(si and drawn[streams[si].owner.objgen] > 1 for si in touched):  # type: ignore[attr-defined]
        raise Unsupported("the edited text is in a form drawn more than once on the page")
    changed = set(touched)
    for si in touched:  # a rewritten form needs rewritten parents to point at it
        parent = streams[si].parent
        while parent is not None and parent not in changed:
            changed.add(parent)
            parent = streams[parent].parent
    placeholder_in = {m.glyphs[0].stream for m in matches if m.replacement}
    helv = helvetica(pdf) if placeholder_in else None
    for si in sorted(changed, reverse=True):  # forms come after the stream that draws them
        st = streams[si]
        instructions = st.instructions
        if si in touched:
            own = [g for g in glyphs if g.stream == si]
            instructions = _apply_matches(instructions, own, matches, st.states)
        res = _copy_resources(st.resources)
        if si in placeholder_in:
            res.Font[PLACEHOLDER_FONT] = helv
        for child in streams:
            if child.written is not None and child.parent == si:
                res.XObject[child.name] = child.written
        data = pikepdf.unparse_content_stream(instructions)
        if si == 0:
            page.obj.Resources = pdf.make_indirect(res)
            page.obj.Contents = pdf.make_stream(data)
        else:
            form = st.owner
            copy = pdf.make_stream(data)
            for key, value in form.items():  # type: ignore[attr-defined]
                if key not in ("/Length", "/Filter", "/DecodeParms", "/Resources"):
                    copy[key] = value
            copy.Resources = res
            st.written = copy
    return None


def _copy_resources(resources: Dictionary) -> Dictionary:
    """A copy of Resources with its own Font and XObject dicts (they may be shared)."""
    res = Dictionary({k: v for k, v in resources.items()})
    for key in ("/Font", "/XObject"):
        sub = resources.get(key)
        res[key] = (
            Dictionary({k: v for k, v in sub.items()})
            if isinstance(sub, Dictionary)
            else Dictionary()
        )
    return res


_MAX_FORM_DEPTH = 8


def _collect_glyphs(
    streams: list[_Stream], si: int, state: _TextState, glyphs: list[_Glyph], depth: int = 0
) -> None:
    """Every glyph stream `si` draws, in drawing order, with the Form XObjects it draws read
    where they are drawn (pdfium reads them there too); the text state in effect for each
    show instruction goes into the stream's `states`."""
    st = streams[si]
    font_res = st.resources.get("/Font")
    font_res = font_res if isinstance(font_res, Dictionary) else Dictionary()
    ext_gs = st.resources.get("/ExtGState")
    xobjects = st.resources.get("/XObject")
    fonts: dict[str, Font] = {}
    stack: list[_TextState] = []
    for i, ins in enumerate(st.instructions):
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
        elif op == "Do" and ops and isinstance(xobjects, Dictionary):
            form = xobjects.get(ops[0])
            if not isinstance(form, pikepdf.Stream) or form.get("/Subtype") != "/Form":
                continue
            if depth >= _MAX_FORM_DEPTH:
                raise Unsupported("forms are nested too deeply")
            form_res = form.get("/Resources")
            form_res = form_res if isinstance(form_res, Dictionary) else st.resources
            child = _Stream(form, form_res, list(pikepdf.parse_content_stream(form)), si, ops[0])
            streams.append(child)
            _collect_glyphs(streams, len(streams) - 1, state.copy(), glyphs, depth + 1)
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
            st.states[i] = state.copy()
            parts = list(ops[0]) if op == "TJ" else [ops[-1]]
            for e, part in enumerate(parts):
                if isinstance(part, String):
                    for g, (code, text, width, space) in enumerate(font.glyphs(bytes(part))):
                        glyphs.append(_Glyph(si, i, e, g, code, text, width, space))


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
        for ch in g.text:
            if is_blank(ch):
                continue
            stream.append(ch)
            owner.append(gi)
    seen: list[str] = []
    index_of: dict[int, int] = {}  # pdfium char index -> position in `seen`
    for ci, ch in enumerate(page_text):
        if not is_blank(ch):
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
    touched = {g.instr for g in glyphs if g.match >= 0}
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
