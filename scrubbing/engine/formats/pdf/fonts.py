"""Fonts: enough decoding of a font resource to find glyphs and know their widths, and the
Helvetica the placeholders are drawn in."""

from __future__ import annotations

import io

import pikepdf
from pdfminer.cmapdb import CMapParser, FileUnicodeMap
from pdfminer.encodingdb import EncodingDB, name2unicode
from pdfminer.fontmetrics import FONT_METRICS
from pdfminer.pdfexceptions import PDFException
from pikepdf import Array, Dictionary, Name

PLACEHOLDER_FONT = Name("/ScrubHelv")
#: more code -> text entries than this in one ToUnicode map: a hostile map, not a font
MAX_CMAP_ENTRIES = 1 << 17


class Unsupported(Exception):
    """The page cannot be rewritten safely; the message says why (goes into the report)."""


class _BoundedUnicodeMap(FileUnicodeMap):
    """pdfminer's ToUnicode map with a bound on the entries it is fed (ranges expand entry by
    entry, so a few bytes of CMap could otherwise cost minutes)."""

    added = 0

    def add_cid2unichr(self, cid: int, code: object) -> None:
        self.added += 1
        if self.added > MAX_CMAP_ENTRIES:
            raise Unsupported("font map too large")
        super().add_cid2unichr(cid, code)


def _parse_tounicode(data: bytes) -> dict[int, str]:
    """Code -> text of a ToUnicode CMap (pdfminer.six's parser: bfchar, bfrange, arrays)."""
    cmap = _BoundedUnicodeMap()
    CMapParser(cmap, io.BytesIO(data)).run()
    return dict(cmap.cid2unichr)


def _glyph_to_unicode(name: str) -> str | None:
    try:
        return name2unicode(name)
    except (PDFException, KeyError, ValueError):
        return None


class Font:
    """Decoder for one font resource: codes, their Unicode text and widths (1/1000 em)."""

    def __init__(self, font: Dictionary) -> None:
        subtype = font.get("/Subtype")
        self.two_byte = False
        self.tounicode: dict[int, str] = {}
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
        if isinstance(base_enc, Name) and str(base_enc)[1:] in EncodingDB.encodings:
            table = EncodingDB.get_encoding(str(base_enc)[1:])
        elif base in ("Symbol", "ZapfDingbats"):
            raise Unsupported(f"{base} font")  # built-in symbol encodings: not decoded here
        elif isinstance(font.get("/FontDescriptor"), Dictionary) and font.get("/Subtype") == (
            "/TrueType"
        ):
            table = EncodingDB.get_encoding("WinAnsiEncoding")  # what pdfium assumes
        else:
            table = EncodingDB.get_encoding("StandardEncoding")
        self.code_text = dict(table)
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
            metrics = FONT_METRICS.get(base)
            if metrics is None:
                raise Unsupported(f"font {base or '?'} without widths")
            cw = metrics[1]
            for code, ch in self.code_text.items():
                self.widths[code] = float(cw.get(ch, self.default_width))

    def glyphs(self, raw: bytes) -> list[tuple[bytes, str, float, bool]]:
        """(code, text, width, is_single_byte_space) per glyph of a shown string."""
        out = []
        if self.two_byte:
            if len(raw) % 2:
                raise Unsupported("odd-length string in a two-byte font")
            for i in range(0, len(raw), 2):
                code = raw[i : i + 2]
                cid = int.from_bytes(code, "big")
                text = self.tounicode.get(cid)
                if text is None:
                    raise Unsupported("glyph without Unicode mapping")
                out.append((code, text, self.widths.get(cid, self.default_width), False))
            return out
        for b in raw:
            code = bytes([b])
            text = self.tounicode.get(b)
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


_HELV_WIDTHS = FONT_METRICS["Helvetica"][1]


def encode_placeholder(text: str) -> tuple[bytes, float, str]:
    """The placeholder in the Helvetica we draw it in: bytes, width (1/1000 em), text shown."""
    raw = text.encode("cp1252", "replace")
    shown = raw.decode("cp1252", "replace")
    width = sum(float(_HELV_WIDTHS.get(ch, 556)) for ch in shown)
    return raw, width, shown
