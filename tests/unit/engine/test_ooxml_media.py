"""Pictures and embedded objects inside .docx/.xlsx/.pptx: OCR, boxes, metadata, removal."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont
from PIL.PngImagePlugin import PngInfo

from scrubbing.engine.base import Limits
from scrubbing.engine.formats import docx as docx_format
from scrubbing.engine.formats import image as image_format
from scrubbing.engine.formats import pptx as pptx_format
from scrubbing.engine.formats import xlsx as xlsx_format
from scrubbing.engine.pipeline import Scrubber, TermLists
from scrubbing.engine.pseudonyms import Pseudonymizer
from tests.builders import ooxml as ooxml_builders

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
NAME = "Jane Doe"
EMAIL = "jane.doe@acme-corp.com"
ARTIST = "Photographer Zebulon Quimby"
GPS_NOTE = "GPSLatitudeRef"

pytestmark = pytest.mark.skipif(not FONT.exists(), reason="DejaVuSans not installed")


def picture(kind: str = "png", size=(1400, 300), text=f"{NAME} {EMAIL}") -> bytes:
    im = Image.new("RGB", size, "white")
    if text:
        ImageDraw.Draw(im).text(
            (30, 40), text, fill="black", font=ImageFont.truetype(str(FONT), 52)
        )
    exif = Image.Exif()
    exif[0x013B] = ARTIST  # Artist
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (48.0, 51.0, 24.0)
    out = io.BytesIO()
    if kind == "png":
        info = PngInfo()
        info.add_text("Author", ARTIST)
        im.save(out, "PNG", pnginfo=info, exif=exif.tobytes())
    else:
        im.save(out, "JPEG", exif=exif.tobytes(), quality=95)
    return out.getvalue()


def docx_with(*pictures: bytes) -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("Quarterly notes with a screenshot below.")
    for pic in pictures:
        d.add_picture(io.BytesIO(pic))
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def xlsx_with(pic: bytes) -> bytes:
    import openpyxl
    from openpyxl.drawing.image import Image as XlImage

    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "Budget"
    ws.add_image(XlImage(io.BytesIO(pic)), "C3")
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def pptx_with(pic: bytes) -> bytes:
    import pptx
    from pptx.util import Inches

    prs = pptx.Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    slide.shapes.add_picture(io.BytesIO(pic), Inches(0.5), Inches(0.5))
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def media(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist() if "/media/" in n}


def ocr(blob: bytes) -> str:
    lines, _ = image_format.ocr_lines(Image.open(io.BytesIO(blob)))
    return "\n".join(t for t, _w in lines)


def scrub(name: str, data: bytes, limits: Limits | None = None):
    scrubber = Scrubber(limits=limits) if limits else Scrubber()
    return scrubber.scrub(name, data, TermLists(), Pseudonymizer())


@pytest.mark.parametrize("kind", ["png", "jpeg"])
def test_docx_picture_ocr_segments_and_boxed_output(kind):
    src = docx_with(picture(kind))
    doc = docx_format.open_document(src, Limits())
    ocr_segs = [s for s in doc.segments if s.kind == "ocr"]
    assert any(NAME in s.text for s in ocr_segs)
    ext = "png" if kind == "png" else "jpg"
    assert ocr_segs[0].locator == f"image media/image1.{ext}, line 1"

    result = scrub("memo.docx", src)
    assert result.status == "done", result.report["residual"]
    before, after = media(src), media(result.output)
    assert before.keys() == after.keys()
    for name, blob in after.items():
        assert ARTIST.encode() not in blob and b"Exif" not in blob
        old, new = Image.open(io.BytesIO(before[name])), Image.open(io.BytesIO(blob))
        assert (new.format, new.size) == (old.format, old.size)
        text = ocr(blob).lower()
        assert "jane" not in text and "acme" not in text
    import docx

    docx.Document(io.BytesIO(result.output))  # still opens


def test_xlsx_and_pptx_pictures_are_scrubbed():
    import openpyxl
    import pptx

    for name, src, opener in (
        ("sheet.xlsx", xlsx_with(picture()), lambda b: openpyxl.load_workbook(io.BytesIO(b))),
        ("deck.pptx", pptx_with(picture("jpeg")), lambda b: pptx.Presentation(io.BytesIO(b))),
    ):
        result = scrub(name, src)
        assert result.status == "done", (name, result.report["residual"])
        after = media(result.output)
        assert after
        for blob in after.values():
            assert ARTIST.encode() not in blob
            assert "jane" not in ocr(blob).lower()
        opener(result.output)


def test_xlsx_pptx_readers_expose_picture_lines():
    for mod, src in ((xlsx_format, xlsx_with(picture())), (pptx_format, pptx_with(picture()))):
        doc = mod.open_document(src, Limits())
        assert any(s.kind == "ocr" and NAME in s.text for s in doc.segments), mod.__name__


def test_small_picture_not_ocrd_but_metadata_stripped():
    tiny = picture(size=(40, 40), text="")
    src = docx_with(tiny)
    assert ARTIST.encode() in b"".join(media(src).values())
    doc = docx_format.open_document(src, Limits())
    assert not [s for s in doc.segments if s.kind == "ocr"]
    out, report = doc.render({})
    blob = next(iter(media(out).values()))
    assert ARTIST.encode() not in blob
    assert Image.open(io.BytesIO(blob)).size == (40, 40)
    assert any("EXIF" in m for m in report.metadata_removed)


def test_more_pictures_than_limit_is_residual():
    src = docx_with(picture(), picture(text="Second picture plain words"))
    result = scrub("two.docx", src, Limits(max_ocr_images=1))
    assert result.status == "residual"
    reasons = [r["reason"] for r in result.report["residual"]]
    assert any("more than 1 pictures" in r for r in reasons)


# --- embedded objects that cannot be scrubbed ----------------------------------------------

OLE_SECRET = b"Confidential merger memo for Zebulon Quimby"
OLE_CT = "application/vnd.openxmlformats-officedocument.oleObject"
EMF_CT = "image/x-emf"
VML = 'xmlns:o="urn:schemas-microsoft-com:office:office"'


def docx_with_ole(preview: bytes = b" EMF fake preview " + OLE_SECRET, ext: str = "emf") -> bytes:
    src = docx_with()
    obj = (
        f"<w:p {ooxml_builders.WORD_NS_DECL} {VML}><w:r><w:object>"
        f'<v:shape id="_x0000_i1025" style="width:60pt;height:40pt">'
        f'<v:imagedata r:id="rIdPrev1" o:title=""/></v:shape>'
        f'<o:OLEObject Type="Embed" ProgID="Package" ShapeID="_x0000_i1025" '
        f'DrawAspect="Icon" ObjectID="_1" r:id="rIdOle1"/></w:object></w:r></w:p>'
    )
    ct = "image/png" if ext == "png" else EMF_CT
    return ooxml_builders.patch_zip(
        src,
        add={
            "word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + OLE_SECRET,
            f"word/media/preview1.{ext}": preview,
        },
        edit={
            "[Content_Types].xml": lambda x: ooxml_builders.add_default(
                ooxml_builders.add_default(x, "bin", OLE_CT), ext, ct
            ),
            "word/_rels/document.xml.rels": lambda x: ooxml_builders.add_rel(
                ooxml_builders.add_rel(
                    x,
                    "rIdOle1",
                    f"{ooxml_builders.OFFICE_REL}/oleObject",
                    "embeddings/oleObject1.bin",
                ),
                "rIdPrev1",
                f"{ooxml_builders.OFFICE_REL}/image",
                f"media/preview1.{ext}",
            ),
            "word/document.xml": lambda x: ooxml_builders.insert_before(x, b"<w:sectPr", obj),
        },
    )


def test_ole_object_and_emf_preview_removed_output_opens():
    import docx

    src = docx_with_ole()
    assert OLE_SECRET in b"".join(ooxml_builders.read_zip(src).values())
    result = scrub("with-object.docx", src)
    assert result.status == "done", result.report["residual"]
    parts = ooxml_builders.read_zip(result.output)
    assert not [n for n in parts if "embeddings" in n or n.endswith(".emf")]
    assert OLE_SECRET not in b"".join(parts.values())
    assert b"rIdOle1" not in parts["word/_rels/document.xml.rels"]
    assert b'Extension="bin"' not in parts["[Content_Types].xml"] or not any(
        n.endswith(".bin") for n in parts
    )
    assert any(
        "removed 1 embedded object that could not be scrubbed" in n for n in result.report["notes"]
    )
    docx.Document(io.BytesIO(result.output))


def test_ole_png_preview_stays_and_is_ocrd():
    src = docx_with_ole(preview=picture(), ext="png")
    result = scrub("with-object.docx", src)
    assert result.status == "done", result.report["residual"]
    parts = ooxml_builders.read_zip(result.output)
    assert not [n for n in parts if "embeddings" in n]
    # "preview1.png" is not a name Office gives: the part is renamed neutrally (partnames.py)
    assert "word/media/preview1.png" not in parts
    preview = parts["word/media/image1.png"]
    assert ARTIST.encode() not in preview and "jane" not in ocr(preview).lower()


def test_ole_in_xlsx_and_pptx_removed_and_files_open():
    import openpyxl
    import pptx

    cases = (
        (
            "book.xlsx",
            xlsx_with(picture()),
            "xl/worksheets/sheet1.xml",
            "xl/embeddings",
            lambda b: openpyxl.load_workbook(io.BytesIO(b)),
        ),
        (
            "deck.pptx",
            pptx_with(picture()),
            "ppt/slides/slide1.xml",
            "ppt/embeddings",
            lambda b: pptx.Presentation(io.BytesIO(b)),
        ),
    )
    for name, src, source, folder, opener in cases:
        rels = source.rsplit("/", 1)
        rels_name = f"{rels[0]}/_rels/{rels[1]}.rels"
        src = ooxml_builders.patch_zip(
            src,
            add={
                f"{folder}/oleObject1.bin": b"\xd0\xcf\x11\xe0" + OLE_SECRET,
                f"{folder}/Attached.pdf": b"%PDF-1.4 " + OLE_SECRET,
            },
            edit={
                "[Content_Types].xml": lambda x: ooxml_builders.add_default(
                    ooxml_builders.add_default(x, "bin", OLE_CT), "pdf", "application/pdf"
                ),
                rels_name: lambda x: ooxml_builders.add_rel(
                    ooxml_builders.add_rel(
                        x,
                        "rIdOle9",
                        f"{ooxml_builders.OFFICE_REL}/oleObject",
                        "../embeddings/oleObject1.bin",
                    ),
                    "rIdPkg9",
                    f"{ooxml_builders.OFFICE_REL}/package",
                    "../embeddings/Attached.pdf",
                ),
            },
        )
        result = scrub(name, src)
        assert result.status == "done", (name, result.report["residual"])
        parts = ooxml_builders.read_zip(result.output)
        assert not [n for n in parts if "embeddings" in n], name
        assert OLE_SECRET not in b"".join(parts.values()), name
        assert any("removed 2 embedded objects" in n for n in result.report["notes"]), name
        opener(result.output)


def test_unreadable_picture_format_is_residual():
    # EMF/WMF are drawn and OCR'd now (test_ooxml_metafiles.py); a GIF is still unread here
    src = ooxml_builders.patch_zip(
        docx_with(),
        add={"word/media/chart9.gif": b"GIF89a" + OLE_SECRET},
        edit={"[Content_Types].xml": lambda x: ooxml_builders.add_default(x, "gif", "image/gif")},
    )
    result = scrub("gif.docx", src)
    assert result.status == "residual"
    assert any("media/chart9.gif" in r["reason"] for r in result.report["residual"])
