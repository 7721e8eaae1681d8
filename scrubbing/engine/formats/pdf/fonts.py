"""Fonts: enough decoding of a font resource to find glyphs and know their widths, and the
Helvetica the placeholders are drawn in."""

from __future__ import annotations

import re

import pikepdf
from pikepdf import Array, Dictionary, Name

# pypdf ships the Adobe glyph list, the standard encodings and the core-14 AFM widths; pypdf is
# pinned in pyproject.toml, so these private tables are stable for us.
from pypdf._codecs import adobe_glyphs, charset_encoding
from pypdf._codecs.core_font_metrics import CORE_FONT_METRICS

PLACEHOLDER_FONT = Name("/ScrubHelv")


class Unsupported(Exception):
    """The page cannot be rewritten safely; the message says why (goes into the report)."""


_HEX = re.compile(rb"<([0-9A-Fa-f\s]*)>")


def _hex(token: bytes) -> bytes:
    return bytes.fromhex(re.sub(rb"\s", b"", token).decode())


def _utf16(b: bytes) -> str:
    return b.decode("utf-16-be", "replace")


def _parse_tounicode(data: bytes) -> dict[bytes, str]:
    cmap: dict[bytes, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        tokens = _HEX.findall(block)
        for src, dst in zip(tokens[0::2], tokens[1::2]):
            cmap[_hex(src)] = _utf16(_hex(dst))
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for m in re.finditer(
            rb"<([0-9A-Fa-f\s]+)>\s*<([0-9A-Fa-f\s]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f\s]*>)", block
        ):
            lo, hi = _hex(m.group(1)), _hex(m.group(2))
            n_lo, n_hi = int.from_bytes(lo, "big"), int.from_bytes(hi, "big")
            if n_hi < n_lo or n_hi - n_lo > 65535:
                raise Unsupported("font map too large")
            width = len(lo)
            dst = m.group(3)
            if dst.startswith(b"["):
                for i, tok in enumerate(_HEX.findall(dst)):
                    if n_lo + i > n_hi:
                        break
                    cmap[(n_lo + i).to_bytes(width, "big")] = _utf16(_hex(tok))
            else:
                base = _hex(dst[1:-1])
                if not base:
                    continue
                head, last = base[:-2], int.from_bytes(base[-2:], "big")
                for i in range(n_hi - n_lo + 1):
                    cmap[(n_lo + i).to_bytes(width, "big")] = _utf16(
                        head + ((last + i) & 0xFFFF).to_bytes(2, "big")
                    )
    return cmap


def _glyph_to_unicode(name: str) -> str | None:
    if ("/" + name) in adobe_glyphs:
        return adobe_glyphs["/" + name]
    m = re.fullmatch(r"uni([0-9A-Fa-f]{4})+", name)
    if m:
        return "".join(chr(int(name[i : i + 4], 16)) for i in range(3, len(name), 4))
    m = re.fullmatch(r"u([0-9A-Fa-f]{4,6})", name)
    if m:
        return chr(int(m.group(1), 16))
    return None


class Font:
    """Decoder for one font resource: codes, their Unicode text and widths (1/1000 em)."""

    def __init__(self, font: Dictionary) -> None:
        subtype = font.get("/Subtype")
        self.two_byte = False
        self.tounicode: dict[bytes, str] = {}
        tu = font.get("/ToUnicode")
        if isinstance(tu, pikepdf.Stream):
            try:
                self.tounicode = _parse_tounicode(tu.read_bytes())
            except Unsupported:
                raise
            except Exception:
                raise Unsupported("unreadable font map") from None
        if subtype == "/Type0":
            self._init_type0(font)
        elif subtype in ("/Type1", "/MMType1", "/TrueType"):
            self._init_simple(font)
        else:
            raise Unsupported(f"{str(subtype)[1:] or 'unknown'} font")

    def _init_type0(self, font: Dictionary) -> None:
        if font.get("/Encoding") != "/Identity-H":
            raise Unsupported("CID font with a non-identity encoding")
        if not self.tounicode:
            raise Unsupported("CID font without a Unicode map")
        self.two_byte = True
        desc = font.get("/DescendantFonts")
        cid = desc[0] if isinstance(desc, Array) and len(desc) else Dictionary()
        self.default_width = float(cid.get("/DW", 1000))
        self.widths: dict[int, float] = {}
        w = cid.get("/W")
        if isinstance(w, Array):
            items = list(w)
            i = 0
            while i < len(items):
                first = int(items[i])
                nxt = items[i + 1] if i + 1 < len(items) else None
                if isinstance(nxt, Array):
                    for k, val in enumerate(nxt):
                        self.widths[first + k] = float(val)
                    i += 2
                elif i + 2 < len(items):
                    last, val = int(items[i + 1]), float(items[i + 2])
                    if last - first > 65535:
                        raise Unsupported("font widths too large")
                    for c in range(first, last + 1):
                        self.widths[c] = val
                    i += 3
                else:
                    break

    def _init_simple(self, font: Dictionary) -> None:
        base = str(font.get("/BaseFont", "/"))[1:]
        base = base.split("+", 1)[-1]
        enc = font.get("/Encoding")
        table: list[str] | None = None
        diffs: dict[int, str] = {}
        base_enc = enc
        if isinstance(enc, Dictionary):
            base_enc = enc.get("/BaseEncoding")
            d = enc.get("/Differences")
            if isinstance(d, Array):
                code = 0
                for item in d:
                    if isinstance(item, Name):
                        u = _glyph_to_unicode(str(item)[1:])
                        if u is not None:
                            diffs[code] = u
                        code += 1
                    else:
                        code = int(item)
        if isinstance(base_enc, Name) and str(base_enc) in charset_encoding:
            table = charset_encoding[str(base_enc)]
        elif base in ("Symbol", "ZapfDingbats"):
            table = charset_encoding["/" + base]
        elif isinstance(font.get("/FontDescriptor"), Dictionary) and font.get("/Subtype") == (
            "/TrueType"
        ):
            table = charset_encoding["/WinAnsiEncoding"]  # what pdfium assumes for TrueType
        else:
            table = charset_encoding["/StandardEncoding"]
        self.code_text = {i: table[i] for i in range(256)}
        self.code_text.update(diffs)
        # Widths: /Widths, else the core-14 metrics by glyph text.
        self.widths = {}
        self.default_width = 0.0
        fd = font.get("/FontDescriptor")
        if isinstance(fd, Dictionary):
            self.default_width = float(fd.get("/MissingWidth", 0))
        widths = font.get("/Widths")
        if isinstance(widths, Array):
            first = int(font.get("/FirstChar", 0))
            for k, val in enumerate(widths):
                self.widths[first + k] = float(val)
        else:
            metrics = CORE_FONT_METRICS.get(base)
            if metrics is None:
                raise Unsupported(f"font {base or '?'} without widths")
            cw = metrics.character_widths
            dflt = float(cw.get("default", 0) or 0)
            for code, ch in self.code_text.items():
                self.widths[code] = float(cw.get(ch, dflt))

    def glyphs(self, raw: bytes) -> list[tuple[bytes, str, float, bool]]:
        """(code, text, width, is_single_byte_space) per glyph of a shown string."""
        out = []
        if self.two_byte:
            if len(raw) % 2:
                raise Unsupported("odd-length string in a two-byte font")
            for i in range(0, len(raw), 2):
                code = raw[i : i + 2]
                cid = int.from_bytes(code, "big")
                text = self.tounicode.get(code)
                if text is None:
                    raise Unsupported("glyph without Unicode mapping")
                out.append((code, text, self.widths.get(cid, self.default_width), False))
            return out
        for b in raw:
            code = bytes([b])
            text = self.tounicode.get(code)
            if text is None:
                text = self.code_text.get(b, "")
            out.append((code, text, self.widths.get(b, self.default_width), b == 32))
        return out


def helvetica(pdf: pikepdf.Pdf) -> Dictionary:
    return pdf.make_indirect(
        Dictionary(
            Type=Name.Font,
            Subtype=Name.Type1,
            BaseFont=Name.Helvetica,
            Encoding=Name.WinAnsiEncoding,
        )
    )


_HELV_WIDTHS = CORE_FONT_METRICS["Helvetica"].character_widths


def encode_placeholder(text: str) -> tuple[bytes, float]:
    raw = text.encode("cp1252", "replace")
    shown = raw.decode("cp1252", "replace")
    width = sum(float(_HELV_WIDTHS.get(ch, 556)) for ch in shown)
    return raw, width
