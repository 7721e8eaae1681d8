""".html/.htm files read as HTML: text nodes and text attributes scrubbed, comments and scripts
removed, the DOCTYPE kept as it was, written back as a page that parses."""

from __future__ import annotations

import pytest
from lxml import html as lhtml

from scrubbing.engine.base import Limits
from scrubbing.engine.pipeline import Scrubber, Term, TermLists
from scrubbing.engine.pseudonyms import Pseudonymizer
from scrubbing.engine.registry import open_document
from scrubbing.engine.sniff import sniff

NAME = "Ottilie Wrexham"
CLIENT = "Bluefin Maritime"
TERMS = TermLists(deny=(Term(NAME, "PERSON"), Term(CLIENT, "CLIENT")))

PAGE = f"""<!DOCTYPE html>
<!-- draft by {NAME} -->
<html lang="en"><head><meta charset="utf-8"><meta name="author" content="{NAME}">
<title>Report for {CLIENT}</title>
<style>/* theme of {NAME} */ body {{ background: url(https://tracker.example/bg.png); }}
@import url("https://fonts.example/x.css"); h1 {{ color: #333; }}</style>
<script>track("{NAME}")</script></head>
<body><h1 id="top">Hello <b>Ottilie</b> Wrexham</h1>
<p onclick="steal()">Prepared for <a href="https://{CLIENT.split()[0].lower()}.example/{NAME.replace(" ", "%20")}"
 title="Site of {CLIENT}">the client</a>.</p>
<img src="photos/{NAME.replace(" ", "_")}.png" alt="Portrait of {NAME} at the office">
<img src="https://tracker.example/pixel.gif">
<a href="javascript:alert(1)">x</a><iframe src="https://evil.example/"></iframe>
</body></html>
"""


def scrub(name: str, data: bytes):
    result = Scrubber().scrub(name, data, TERMS, Pseudonymizer())
    assert result.status == "done", (result.error, result.report["residual"])
    return result


def test_page_is_scrubbed_and_stays_a_page():
    assert sniff("report.html", PAGE.encode()).kind == "html"
    result = scrub("report.html", PAGE.encode())
    assert result.kind == "html" and result.extension is None
    out = result.output.decode()
    assert out.startswith("<!DOCTYPE html>\n<html")
    for value in (NAME, "Ottilie", "Wrexham", CLIENT, "Ottilie_Wrexham", "bluefin"):
        assert value.lower() not in out.lower(), value
    for gone in (
        "<!--",
        "<script",
        "track(",
        "onclick",
        "javascript:",
        "<iframe",
        "tracker.example",
    ):
        assert gone not in out, gone
    assert "fonts.example" not in out and 'name="author"' not in out
    tree = lhtml.document_fromstring(out)
    assert tree.find("head/meta").get("charset") == "utf-8"
    assert tree.find(".//style").text.strip().endswith("h1 { color: #333; }")
    img = tree.findall(".//img")
    assert img[0].get("src").startswith("photos/") and img[0].get("alt").startswith("Portrait of [")
    assert img[1].get("src") is None
    assert tree.find(".//h1").get("id") == "top"
    notes = " ".join(result.report["notes"])
    assert "comment \u00d71" in notes and "<script> element \u00d71" in notes
    again = open_document("html", result.output, Limits())
    assert NAME not in " ".join(s.text for s in again.segments)


@pytest.mark.parametrize(
    "doctype",
    [
        "<!doctype html>",
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">',
    ],
)
def test_doctype_survives_verbatim(doctype):
    page = f"{doctype}\n<html><body><p>Notes from {NAME}</p></body></html>\n"
    out = scrub("notes.htm", page.encode())
    assert out.output.decode().startswith(doctype + "\n<html>")
    assert "[PERSON_" in out.output.decode()


def test_fragment_without_doctype_gets_none():
    out = scrub("snippet.html", f"<p>Call {NAME}</p>".encode()).output.decode()
    assert not out.startswith("<!") and "[PERSON_1]" in out


def test_legacy_charset_is_read_and_written_as_utf8():
    page = f'<html><head><meta charset="iso-8859-1"></head><body><p>The na\xefve plan by {NAME}</p></body></html>'
    data = page.encode("latin-1")
    out = scrub("cafe.html", data).output.decode("utf-8")
    assert "The naïve plan by [PERSON_1]" in out and 'charset="utf-8"' in out


def test_html_saved_as_text_stays_text():
    assert sniff("page.txt", PAGE.encode()).kind == "text"


def test_page_attributes_that_carry_meaning_are_read_not_dropped():
    page = (
        '<!DOCTYPE html>\n<html lang="en"><body><p>Released <time datetime="2024-03-01T09:40:00Z">'
        '1 March</time></p><table><tr><th id="lat">lat</th></tr><tr><td headers="lat">0.70710678'
        f'</td></tr></table><label for="q">Ask</label><span data-owner="{NAME}" role="note" '
        f'aria-description="kept by {NAME}">x</span></body></html>'
    )
    out = scrub("release.html", page.encode()).output.decode()
    for kept in ('<time datetime="2024-03-01T09:40:00Z">', 'headers="lat"', 'for="q"',
                 'role="note"', 'id="lat"', "0.70710678"):  # fmt: skip
        assert kept in out, kept
    assert NAME not in out and "Wrexham" not in out
    assert 'data-owner="[PERSON_' in out
    lhtml.document_fromstring(out)
