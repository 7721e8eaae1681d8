"""EPUB files for the tests, written part by part the way e-book tools lay them out (OCF:
`mimetype` stored first, META-INF/container.xml, an OPF package document, XHTML pages)."""

from __future__ import annotations

import io
import zipfile

from PIL import Image, ImageDraw, ImageFont

NAME = "Jane Doe"
EMAIL = "jane.doe@acme-corp.com"
FONT_PATH = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""

OPF = f"""<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="BookId">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
    <dc:title>Field notes of {NAME}</dc:title>
    <dc:creator opf:file-as="Doe, Jane" opf:role="aut">{NAME}</dc:creator>
    <dc:publisher>{NAME} Consulting</dc:publisher>
    <dc:rights>Copyright {NAME}, {EMAIL}</dc:rights>
    <dc:identifier id="BookId">urn:uuid:0b7c1d7e-6c55-4f5e-9a1c-3f1e2d9a4b10</dc:identifier>
    <dc:language>en</dc:language>
    <meta name="calibre:author_link_map" content='{{"{NAME}": ""}}'/>
    <meta name="cover" content="cover"/>
  </metadata>
  <manifest>
    <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
    <item id="css" href="Styles/style.css" media-type="text/css"/>
    <item id="intro" href="Text/Jane_Doe_intro.xhtml" media-type="application/xhtml+xml"/>
    <item id="ch2" href="Text/ch2.xhtml" media-type="application/xhtml+xml"/>
    <item id="cover" href="Images/cover.png" media-type="image/png"/>
    <item id="font" href="Fonts/Body.otf" media-type="application/vnd.ms-opentype"/>
  </manifest>
  <spine toc="ncx">
    <itemref idref="intro"/>
    <itemref idref="ch2"/>
  </spine>
  <guide><reference type="text" title="Start" href="Text/Jane_Doe_intro.xhtml"/></guide>
</package>
"""

NCX = f"""<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
  <head><meta name="dtb:uid" content="urn:uuid:0b7c1d7e-6c55-4f5e-9a1c-3f1e2d9a4b10"/></head>
  <docTitle><text>Field notes of {NAME}</text></docTitle>
  <docAuthor><text>{NAME}</text></docAuthor>
  <navMap>
    <navPoint id="n1" playOrder="1">
      <navLabel><text>Meeting {NAME}</text></navLabel>
      <content src="Text/Jane_Doe_intro.xhtml#start"/>
    </navPoint>
  </navMap>
</ncx>
"""

INTRO = f"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
  <title>Notes by {NAME}</title>
  <meta name="author" content="{NAME}"/>
  <link href="../Styles/style.css" rel="stylesheet" type="text/css"/>
  <script type="text/javascript">var owner = "{NAME}";</script>
</head>
<body>
  <!-- drafted by {NAME} -->
  <h1 id="start">Chapter&nbsp;one</h1>
  <p onclick="alert('{NAME}')">We met <b>Jane</b> Doe at <a href="mailto:{EMAIL}">her address</a>.</p>
  <p><img src="../Images/cover.png" alt="Portrait of {NAME}"/></p>
  <p><img src="https://tracker.example.com/pixel.gif?reader=1" alt=""/>Read on in
    <a href="ch2.xhtml#part2">the next chapter</a>.</p>
</body>
</html>
"""

CH2 = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
<head><title>Part two</title><link href="../Styles/style.css" rel="stylesheet"/></head>
<body>
  <p id="part2">Back to <a href="Jane_Doe_intro.xhtml#start">the start</a>.
  Ratio 0.70710678 stays a number.</p>
</body>
</html>
"""

CSS = """@font-face { font-family: Body; src: url(../Fonts/Body.otf); }
body { font-family: Body, serif; margin: 1em; }
"""

ENCRYPTION = """<?xml version="1.0" encoding="UTF-8"?>
<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
            xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
  <enc:EncryptedData>
    <enc:EncryptionMethod Algorithm="http://www.idpf.org/2008/embedding"/>
    <enc:CipherData><enc:CipherReference URI="OEBPS/Fonts/Body.otf"/></enc:CipherData>
  </enc:EncryptedData>
</encryption>
"""


def cover_png(text: str = f"Portrait of {NAME}") -> bytes:
    im = Image.new("RGB", (1400, 260), "white")
    ImageDraw.Draw(im).text((40, 80), text, fill="black", font=ImageFont.truetype(FONT_PATH, 64))
    out = io.BytesIO()
    im.save(out, "PNG")
    return out.getvalue()


def parts(**override: bytes | str | None) -> dict[str, bytes | str]:
    """The book's members (a value None in `override` leaves that member out)."""
    members: dict[str, bytes | str | None] = {
        "META-INF/container.xml": CONTAINER,
        "META-INF/encryption.xml": ENCRYPTION,
        "META-INF/calibre_bookmarks.txt": f"bookmark by {NAME}",
        "OEBPS/content.opf": OPF,
        "OEBPS/toc.ncx": NCX,
        "OEBPS/Text/Jane_Doe_intro.xhtml": INTRO,
        "OEBPS/Text/ch2.xhtml": CH2,
        "OEBPS/Styles/style.css": CSS,
        "OEBPS/Images/cover.png": cover_png(),
        "OEBPS/Fonts/Body.otf": b"OTTO\x00\x0a" + f"Designed for {NAME}".encode() + bytes(64),
    }
    members.update(override)
    return {k: v for k, v in members.items() if v is not None}


def build_epub(
    members: dict[str, bytes | str] | None = None, mimetype: bytes | None = None
) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            zipfile.ZipInfo("mimetype", (2024, 1, 1, 0, 0, 0)),
            mimetype or b"application/epub+zip",
            zipfile.ZIP_STORED,
        )
        for name, data in (members if members is not None else parts()).items():
            zf.writestr(zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return buf.getvalue()
