"""Issue 15's slice, continued: pictures (Pillow, pillow-heif), mail (the `email` package,
`mailbox`, aspose-email-foss for Outlook .msg) and legacy Office, OpenDocument and RTF files
(LibreOffice itself converting the OOXML files of `format_files`).

Text in pictures is drawn with DejaVu Sans in ASCII (tesseract reads English here). A file
another program converted keeps the file it was made from in `Case.source`: the scorer reads
that twin for the input's side of the counts, as the independent readers cannot read .doc.
"""

from __future__ import annotations

import io
import mailbox
import tempfile
import zlib
from email import policy
from email.message import EmailMessage
from functools import cache
from pathlib import Path

from .format_files import Memo, docx_bytes, html_page, memo, memo_case, pptx_bytes, xlsx_bytes
from .plant import Case, KindWriter


# ---------------------------------------------------------------------- pictures
def picture_lines(w: KindWriter) -> list[str]:
    a, b = w.people(2)
    org, k = w.company(), w.codename()
    return [
        f"Site lead: {w.name(a, 'full')}",
        # no dot in the local part: tesseract reads "siti.rahmawati@" as "siti. rahmawati@"
        f"Mail: {w.email(a, org, style='initial')}",
        f"Phone: {w.phone()}",
        f"Project: {w.code(k, 0)}",
        f"Deputy: {w.name(b, 'last_first')}",
    ]


@cache
def _font(size: int):
    from PIL import ImageFont

    from tests.corpus.independent.render import FONT_DIRS

    for folder in FONT_DIRS:
        # bold: tesseract reads "albuquerque" in DejaVu Sans as "alouquerque"
        path = Path(folder, "DejaVuSans-Bold.ttf")
        if path.is_file():
            return ImageFont.truetype(str(path), size)
    raise RuntimeError("DejaVu Sans Bold not found (Debian package fonts-dejavu-core)")


def draw(lines: list[str]):
    from PIL import Image, ImageDraw

    # as wide as the reader's OCR scale (views._ocr): tesseract reads these pixels unscaled
    im = Image.new("RGB", (1600, 90 * len(lines) + 80), "white")
    pen = ImageDraw.Draw(im)
    for i, line in enumerate(lines):
        pen.text((50, 50 + 90 * i), line, fill="black", font=_font(44))
    return im


def build_picture(w: KindWriter) -> Case:
    from PIL import Image
    from PIL.PngImagePlugin import PngInfo

    kind = w.name_.rsplit(".", 1)[1]
    lines = picture_lines(w)
    pages = [draw(lines[:3]), draw(lines[3:])] if kind == "tiff" else [draw(lines)]
    buf = io.BytesIO()
    im = pages[0]
    lib = "Pillow"
    if kind == "png":
        info = PngInfo()
        lines.append(w.name(w.person(), "full"))
        info.add_itxt("Author", lines[-1])
        im.save(buf, format="PNG", pnginfo=info)
    elif kind == "jpg":
        exif = Image.Exif()
        lines.append(w.name(w.person(), "full"))
        exif[0x013B] = lines[-1]  # Artist
        im.save(buf, format="JPEG", quality=92, exif=exif)
    elif kind == "gif":
        im.convert("P", palette=Image.Palette.ADAPTIVE).save(buf, format="GIF")
    elif kind == "tiff":
        im.save(buf, format="TIFF", save_all=True, append_images=pages[1:], compression="tiff_lzw")
    elif kind == "webp":
        im.save(buf, format="WEBP", lossless=True)
    elif kind == "heic":
        import pillow_heif

        pillow_heif.from_pillow(im).save(buf, quality=92)
        lib = "pillow-heif"
    elif kind == "avif":
        im.save(buf, format="AVIF", quality=92)
    elif kind == "bmp":
        im.save(buf, format="BMP")
    elif kind == "ppm":
        im.save(buf, format="PPM")
    text = "\n".join(lines)
    kind = {"jpg": "jpeg"}.get(kind, kind)
    return Case(w.name_, kind, buf.getvalue(), w.doc(lines, text), "opens", lib)


def build_svg(w: KindWriter) -> Case:
    from xml.etree import ElementTree as ET

    lines = picture_lines(w)
    ns = "http://www.w3.org/2000/svg"
    ET.register_namespace("", ns)
    root = ET.Element(f"{{{ns}}}svg", width="1500", height=str(90 * len(lines) + 80),
                      viewBox=f"0 0 1500 {90 * len(lines) + 80}")  # fmt: skip
    ET.SubElement(root, f"{{{ns}}}rect", width="100%", height="100%", fill="#ffffff")
    for i, line in enumerate(lines):
        t = ET.SubElement(root, f"{{{ns}}}text", x="50", y=str(100 + 90 * i), fill="#000000")
        t.set("font-family", "DejaVu Sans")
        t.set("font-size", "44")
        t.text = line
    data = ET.tostring(root, xml_declaration=True, encoding="utf-8")
    return Case(w.name_, "svg", data, w.doc(lines, "\n".join(lines)), "opens", "xml.etree")


# ---------------------------------------------------------------------- mail
def _message(w: KindWriter, m: Memo, attach: bool = True, alternative: bool = True) -> EmailMessage:
    sender = w.person()
    msg = EmailMessage(policy=policy.default)
    msg["From"] = f"{w.name(sender, 'full')} <{w.email(sender)}>"
    msg["To"] = f"{m.rows[1][0]} <{m.rows[1][3]}>"
    msg["Subject"] = m.title
    msg["Date"] = "Fri, 01 Mar 2024 09:40:00 +0000"
    msg["Message-ID"] = f"<{zlib.crc32(m.title.encode())}.handover@mail.example>"
    table = "\n".join("  ".join(r) for r in m.rows)
    msg.set_content("\n\n".join([*m.paras, table, f"-- \n{m.author}"]) + "\n")
    if alternative:
        msg.add_alternative(html_page(m), subtype="html")
    if attach:
        msg.add_attachment(m.note.encode(), maintype="text", subtype="markdown",
                           filename=m.member)  # fmt: skip
    return msg


def build_eml(w: KindWriter) -> Case:
    m = memo(w)
    data = _message(w, m).as_bytes(policy=policy.default.clone(linesep="\r\n"))
    return memo_case(w, m, data, "email (EmailMessage)")


def build_mbox(w: KindWriter) -> Case:
    m = memo(w)
    first = _message(w, m, attach=False)
    reply = EmailMessage(policy=policy.default)
    reply["From"], reply["To"] = first["To"], first["From"]
    reply["Subject"] = f"Re: {m.title}"
    reply["Date"] = "Fri, 01 Mar 2024 10:05:00 +0000"
    reply.set_content(f"Noted. {m.note}\n\nAttached notes: {m.member}\n")
    with tempfile.TemporaryDirectory() as tmp:
        box = mailbox.mbox(Path(tmp, "box.mbox"))
        for msg in (first, reply):
            box.add(msg)
        box.flush()
        box.close()
        data = Path(tmp, "box.mbox").read_bytes()
    return memo_case(w, m, data, "mailbox.mbox")


def build_msg(w: KindWriter) -> Case:
    from aspose.email_foss import msg as mapi

    m = memo(w)
    twin = _message(w, m, alternative=False)  # what the .msg holds, as the reader reads mail
    sender = twin["From"]
    name, addr = sender.addresses[0].display_name, sender.addresses[0].addr_spec
    body = twin.get_body(("plain",)).get_content()
    out = mapi.MapiMessage.create(m.title, body)
    out.set_property(mapi.PropertyId.SENDER_NAME, name)
    out.set_property(mapi.PropertyId.SENDER_EMAIL_ADDRESS, addr)
    out.add_recipient(m.rows[1][3], display_name=m.rows[1][0])
    out.add_attachment(m.member, m.note.encode(), mime_type="text/markdown")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "m.msg")
        out.save(str(path))
        data = path.read_bytes()
    case = memo_case(w, m, data, "aspose-email-foss (MapiMessage)")
    case.source, case.source_name = twin.as_bytes(policy=policy.default), "twin.eml"
    return case


# ---------------------------------------------------------------------- legacy
#: kind -> (the OOXML twin's builder and suffix, soffice --convert-to filter)
LEGACY = {
    "doc": (docx_bytes, ".docx", "doc:MS Word 97"),
    "rtf": (docx_bytes, ".docx", "rtf"),
    "odt": (docx_bytes, ".docx", "odt"),
    "xls": (xlsx_bytes, ".xlsx", "xls:MS Excel 97"),
    "ods": (xlsx_bytes, ".xlsx", "ods"),
    "ppt": (pptx_bytes, ".pptx", "ppt:MS PowerPoint 97"),
    "odp": (pptx_bytes, ".pptx", "odp"),
}


def build_legacy(w: KindWriter) -> Case:
    from tests.builders.legacy import libreoffice

    kind = w.name_.rsplit(".", 1)[1]
    make, suffix, target = LEGACY[kind]
    m = memo(w)
    twin = make(m)
    case = memo_case(w, m, libreoffice(twin, suffix, target), "LibreOffice from " + suffix[1:])
    case.source, case.source_name = twin, "twin" + suffix
    return case
