"""Pictures on text pages: found in the content (with where they are drawn), OCR'd from their
own pixels (each picture once, however often it is drawn), and boxed in their own pixels.

The page around them stays as it is: text and vectors. Boxes come from OCR words (pictures
that were read) or from the character boxes of an invisible text layer lying over a picture
(a scan with an OCR layer: the layer is the page's text, the picture shows the same words).
A picture that cannot be decoded is replaced by a grey pixel, and the report says so.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass

import pikepdf
from pikepdf import Dictionary, Name
from PIL import Image, ImageDraw

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
MIN_PIXELS = 32  # pictures smaller than this on a side are icons and rules, not text
MIN_POINTS = (36.0, 12.0)  # drawn smaller than half an inch by 1/6 inch: no readable text
_MAX_DEPTH = 12


@dataclass(frozen=True)
class Placement:
    stream: pikepdf.Stream
    ctm: Matrix  # maps the unit square (the picture) to page space

    @property
    def key(self) -> tuple[int, int]:
        return self.stream.objgen

    def bounds(self) -> tuple[float, float, float, float]:
        xs, ys = zip(*(_apply(self.ctm, u, v) for u, v in ((0, 0), (1, 0), (0, 1), (1, 1))))
        return min(xs), min(ys), max(xs), max(ys)

    def worth_reading(self) -> bool:
        s = self.stream
        if s.get("/ImageMask") is True:
            return False
        if int(s.get("/Width", 0)) < MIN_PIXELS or int(s.get("/Height", 0)) < MIN_PIXELS:
            return False
        x0, y0, x1, y1 = self.bounds()
        w, h = sorted((x1 - x0, y1 - y0), reverse=True)
        return w >= MIN_POINTS[0] and h >= MIN_POINTS[1]

    def to_pixels(self, rect: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
        """A page-space rectangle in the picture's pixels (left, top, right, bottom)."""
        inv = _invert(self.ctm)
        if inv is None:
            return (0, 0, 0, 0)
        w, h = int(self.stream.Width), int(self.stream.Height)
        x0, y0, x1, y1 = rect
        pts = [_apply(inv, x, y) for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1))]
        us, vs = [p[0] for p in pts], [p[1] for p in pts]
        # image space: u to the right, v up; pixel rows run top-down
        return (
            int(min(us) * w),
            int((1 - max(vs)) * h),
            int(max(us) * w + 0.999),
            int((1 - min(vs)) * h + 0.999),
        )


def _mul(m: Matrix, n: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (
        a * p + b * r,
        a * q + b * s,
        c * p + d * r,
        c * q + d * s,
        e * p + f * r + t,
        e * q + f * s + u,
    )


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _invert(m: Matrix) -> Matrix | None:
    a, b, c, d, e, f = m
    det = a * d - b * c
    if abs(det) < 1e-12:
        return None
    ia, ib, ic, id_ = d / det, -b / det, -c / det, a / det
    return (ia, ib, ic, id_, -(e * ia + f * ic), -(e * ib + f * id_))


def _matrix(values: object) -> Matrix | None:
    try:
        nums = tuple(float(v) for v in values)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        return None
    return nums if len(nums) == 6 else None  # type: ignore[return-value]


def _has_xobjects(res: object) -> bool:
    return isinstance(res, Dictionary) and isinstance(res.get("/XObject"), Dictionary)


def placements(page: pikepdf.Page) -> list[Placement]:
    """Every image XObject the page draws (directly or inside Form XObjects), in order."""
    res = page.obj.get("/Resources")
    if not _has_xobjects(res):
        return []
    return list(_walk(page, res, IDENTITY, 0))


def _walk(owner: object, res: Dictionary, ctm: Matrix, depth: int) -> Iterator[Placement]:
    if depth > _MAX_DEPTH:
        return
    xobjects = res.get("/XObject")
    stack: list[Matrix] = []
    for ins in pikepdf.parse_content_stream(owner):
        if isinstance(ins, pikepdf.ContentStreamInlineImage):
            continue
        op = str(ins.operator)
        if op == "q":
            stack.append(ctm)
        elif op == "Q":
            ctm = stack.pop() if stack else IDENTITY
        elif op == "cm":
            m = _matrix(ins.operands)
            if m is not None:
                ctm = _mul(m, ctm)
        elif op == "Do" and ins.operands and isinstance(xobjects, Dictionary):
            xobj = xobjects.get(ins.operands[0])
            if not isinstance(xobj, pikepdf.Stream):
                continue
            if xobj.get("/Subtype") == "/Image":
                yield Placement(xobj, ctm)
            elif xobj.get("/Subtype") == "/Form":
                form_res = xobj.get("/Resources")
                if not _has_xobjects(form_res):
                    continue
                m = _matrix(xobj.get("/Matrix", IDENTITY)) or IDENTITY
                yield from _walk(xobj, form_res, _mul(m, ctm), depth + 1)


def pixels(stream: pikepdf.Stream) -> Image.Image | None:
    """The picture as RGB or greyscale pixels, or None if it cannot be decoded."""
    try:
        im = pikepdf.PdfImage(stream).as_pil_image()
        im.load()
    except Exception:  # unsupported filter or colour space, damaged data
        return None
    return im if im.mode in ("L", "RGB") else im.convert("RGB")


def write_pixels(stream: pikepdf.Stream, im: Image.Image) -> None:
    """Replace the picture's data by `im` (same size; Flate, 8 bits, grey or RGB)."""
    im = im if im.mode in ("L", "RGB") else im.convert("RGB")
    stream.write(zlib.compress(im.tobytes(), 6), filter=Name.FlateDecode)
    stream.Width, stream.Height = im.size
    stream.ColorSpace = Name.DeviceGray if im.mode == "L" else Name.DeviceRGB
    stream.BitsPerComponent = 8
    for key in ("/Decode", "/DecodeParms", "/Mask", "/SMaskInData", "/ImageMask"):
        if key in stream:
            del stream[key]


def blank(stream: pikepdf.Stream) -> None:
    """An unreadable picture becomes one grey pixel (its place on the page stays)."""
    write_pixels(stream, Image.new("L", (1, 1), 192))
    if "/SMask" in stream:
        del stream["/SMask"]


def burn(im: Image.Image, boxes: list[tuple[int, int, int, int]], pad: int = 2) -> None:
    draw = ImageDraw.Draw(im)
    fill = 0 if im.mode == "L" else (0, 0, 0)
    for x0, y0, x1, y1 in boxes:
        if x1 > x0 and y1 > y0:
            draw.rectangle((x0 - pad, y0 - pad, x1 + pad, y1 + pad), fill=fill)
