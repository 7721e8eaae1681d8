"""What needs no scrubbing comes out intact: numbers stay numbers, syntax and
well-known names are never entities, and code and data files stay valid in their language."""

from __future__ import annotations

import io
import json
import random
import re
import shutil
import subprocess
import tomllib
import zipfile

import pytest
import yaml

from scrubbing.engine.formats.code import Syntax, identifier, language_for
from scrubbing.engine.pipeline import Scrubber, TermLists
from scrubbing.engine.pseudonyms import Pseudonymizer
from scrubbing.engine.recognizers.phone import phone_hits

NAMES = ("Priya Raman", "Jonas Eriksson")
EMAIL = "priya.raman@northwind.example.com"
KEY = "AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY"


# ---------------------------------------------------------------------------- numbers
@pytest.mark.parametrize(
    "text",
    [
        "0.70710678,61.536232",  # a .csv row of decimals
        "RATIO = 0.70710678",  # a Python constant
        "ORIGIN = (61.536232, -149.900284)",  # coordinates
        "M 61.536232,0.70710678 L 10.7522454 59.9138688 C 1.5 2.25 3.14 2.71 Z",  # SVG path
        "version 10.0.19045 and 2.14.3",
        "1234567.89;987654321;20240315104217;31415926535;1700000000",  # a numeric column
        "2023-12-31 23:59:59 and 10:42:17",
        "1.234.567,89 EUR and 12.345.678",
        "sha 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "1 2 3 4 5 6 7 8 9",
    ],
)
def test_numbers_are_not_phones(text):
    assert list(phone_hits(text)) == []


@pytest.mark.parametrize(
    "text,phone",
    [
        ("Call +47 912 34 567 tomorrow", "+47 912 34 567"),
        ("Phone: 352017238", "352017238"),
        ("office 020 7946 0958", "020 7946 0958"),
        ("cell 06.12.34.56.78", "06.12.34.56.78"),
        ("desk 589.364.9829", "589.364.9829"),
        ("Tel:+4791234567", "+4791234567"),
        ("ring 01134960123 after six", "01134960123"),
        ("(212) 555-0199 x12", "(212) 555-0199 x12"),
    ],
)
def test_phones_written_as_phones_are_found(text, phone):
    assert [text[s:e] for s, e, _t in phone_hits(text)] == [phone]


def test_every_phone_format_of_the_independent_slice_is_still_found():
    """Recall: each country format the eval writes (valid numbers) in a plain sentence."""
    from tests.corpus.independent.contacts import PHONE_PATTERNS, make_phone

    rnd = random.Random(20)
    missed = []
    for region, kind, pattern in PHONE_PATTERNS:
        for _ in range(3):
            phone = make_phone(rnd, region, kind, pattern)
            text = f"You can reach the site office on {phone.value} until noon."
            found = "".join(text[s:e] for s, e, _t in phone_hits(text))
            if phone.main_digits not in "".join(c for c in found if c.isdigit()):
                missed.append(phone.value)
    assert missed == []


# ---------------------------------------------------------------------------- syntax
@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html>",
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "xhtml1-strict.dtd">',
        '<?xml-stylesheet type="text/xsl" href="style.xsl"?>',
        "fish &amp; chips &nbsp; &copy; &#8212; &lt;META-INF/MANIFEST.MF&gt;",
        '<svg xmlns="http://www.northwind-internal.corp/ns/drawing" viewBox="0 0 10 10">',
        "The jar keeps META-INF/MANIFEST.MF first and the EPUB keeps mimetype first.",
        "Put helpers in src/__init__.py, never commit node_modules, keep CI in .github/workflows.",
        "Set the font to Calibri or Segoe UI and the property font-family in CSS.",
        "Return None, True or False; use async and await; SELECT id FROM orders.",
        "The checksum is in the sha column.",
    ],
)
def test_syntax_and_well_known_names_are_never_entities(detector, text):
    assert [(h.entity_type, h.text) for h in detector.detect([text])[0]] == []


def test_a_deny_listed_word_is_still_redacted_in_markup(detector):
    from scrubbing.engine.terms import Term

    terms = TermLists(deny=(Term("Calibri", "CLIENT"),))
    assert [h.text for h in detector.detect(["font: Calibri"], terms)[0]] == ["Calibri"]


# ---------------------------------------------------------------------------- code stays valid
PY = f'''"""Geometry helpers by {NAMES[0]} <{EMAIL}>."""
import math

RATIO = 0.70710678
ORIGIN = (61.536232, -149.900284)
VERSION = "2.14.3"
API_KEY = "{KEY}"
AUTHOR = "{NAMES[0]}"
MAINTAINER = '{NAMES[1]}'
PHONE = 4791234567  # phone of {NAMES[1]}


def send_to_priya_raman(k: float = RATIO) -> float:
    # Reviewed by {NAMES[1]} on 2024-03-15
    return math.hypot(k, 20240315104217)
'''
JSON = json.dumps(
    {
        "version": "2.14.3",
        "author": f"{NAMES[0]} <{EMAIL}>",
        "coordinates": [61.536232, -149.900284],
        "ratio": 0.70710678,
        "build": 20240315104217,
        "owner": NAMES[1],
        "api_key": KEY,
        "phone": 4791234567,
        "notes": f'{NAMES[1]} said "ship it"',
    },
    indent=2,
)
YAML = f"""# Deployment by {NAMES[1]}
apiVersion: apps/v1
metadata:
  labels:
    owner: {NAMES[0]}
    reviewer: "{NAMES[1]}"
spec:
  replicas: 3
  ratio: 0.70710678
  env:
    - name: API_KEY
      value: '{KEY}'
contact: {EMAIL}
"""
TOML = f"""[project]
name = "geometry-tools"
version = "2.14.3"
authors = [{{ name = "{NAMES[0]}", email = "{EMAIL}" }}]
maintainers = [{{ name = "{NAMES[1]}" }}]

[tool.geometry]
ratio = 0.70710678
origin = [61.536232, -149.900284]
api_key = "{KEY}"
created = 2024-03-15T10:42:17Z
"""
XML = f"""<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet type="text/xsl" href="style.xsl"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <version>2.14.3</version>
  <developer name="{NAMES[0]}"><email>{EMAIL}</email></developer>
  <!-- maintained by {NAMES[1]} -->
  <ratio>0.70710678</ratio>
  <note>Ask {NAMES[1]} &amp; check &lt;META-INF/MANIFEST.MF&gt;</note>
</project>
"""
JS = f"""// Map widget by {NAMES[0]} ({EMAIL})
const RATIO = 0.70710678;
const ORIGIN = [61.536232, -149.900284];
const API_KEY = "{KEY}";
export function scale(p, k = RATIO) {{
  return {{ x: p.x * k, y: p.y * k, owner: "{NAMES[1]}" }};
}}
/* reviewed by {NAMES[1]} */
const who = `${{RATIO}} for {NAMES[0]}`;
"""
HTML = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Report by {NAMES[0]}</title>
<style>body {{ font-family: Calibri, sans-serif; }}</style></head>
<body><p>Contact {NAMES[1]} at {EMAIL}. Ratio 0.70710678 &amp; more.</p>
<p>Files in META-INF/MANIFEST.MF and node_modules.</p></body></html>
"""
SURVIVES = ("0.70710678", "2.14.3", "61.536232", "20240315104217", "META-INF/MANIFEST.MF")


def _node_check(source: str, tmp_path) -> None:
    if shutil.which("node") is None:
        pytest.skip("node is not installed")
    path = tmp_path / "out.mjs"
    path.write_text(source)
    proc = subprocess.run(["node", "--check", str(path)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def _html_check(source: str, tmp_path) -> None:
    import html5lib

    html5lib.HTMLParser(strict=True).parse(source)  # raises on a parse error


PARSERS = {
    "geometry.py": lambda s, tmp: compile(s, "geometry.py", "exec"),
    "config.json": lambda s, tmp: json.loads(s),
    "deploy.yaml": lambda s, tmp: yaml.safe_load(s),
    "pyproject.toml": lambda s, tmp: tomllib.loads(s),
    "pom.xml": lambda s, tmp: __import__("lxml.etree").etree.fromstring(s.encode()),
    "widget.js": _node_check,
    "page.html": _html_check,
}
SOURCES = {
    "geometry.py": PY,
    "config.json": JSON,
    "deploy.yaml": YAML,
    "pyproject.toml": TOML,
    "pom.xml": XML,
    "widget.js": JS,
    "page.html": HTML,
}


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_scrubbed_code_still_parses_and_keeps_its_data(name, tmp_path):
    source = SOURCES[name]
    PARSERS[name](source, tmp_path)  # the input is valid to begin with
    result = Scrubber().scrub(name, source.encode(), TermLists(), Pseudonymizer())
    assert result.status == "done", (result.error, result.report["residual"])
    out = result.output.decode("utf-8")
    PARSERS[name](out, tmp_path)
    for planted in (*NAMES, EMAIL, KEY):
        assert planted not in out, (planted, out)
    for kept in (k for k in SURVIVES if k in source):
        assert kept in out, (kept, out)
    assert not any("no longer parses" in n for n in result.report["notes"])


def test_python_identifiers_and_numbers_get_valid_replacements():
    result = Scrubber().scrub("geometry.py", PY.encode(), TermLists(), Pseudonymizer())
    out = result.output.decode()
    assert re.search(r"def send_to_PERSON_\d+\(", out)  # the sweep found the name in it
    assert "RATIO = 0.70710678" in out and "ORIGIN = (61.536232, -149.900284)" in out
    assert 'PHONE = "[PHONE_' in out  # a bare number became a string literal


def test_json_number_that_is_a_phone_becomes_a_string():
    data = json.dumps({"contact_phone": 4791234567, "ratio": 0.5})
    result = Scrubber().scrub("c.json", data.encode(), TermLists(), Pseudonymizer())
    parsed = json.loads(result.output)
    assert parsed["ratio"] == 0.5
    assert isinstance(parsed["contact_phone"], str) and "PHONE" in parsed["contact_phone"]


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("clock.py", 'EPOCH_MS = {ms}\nCARD = "{card}"  # the corporate card\n'),
        ("clock.json", '{{"generatedMs": {ms}, "card": "{card}"}}'),
    ],
)
def test_millisecond_timestamps_are_not_cards_and_cards_still_are(name, source):
    # 1709286000000 passes Luhn; 13 digits after a "1" is no issuer's card (UATP has 15)
    data = source.format(ms=1709286000000, card="4111 1111 1111 1111").encode()
    result = Scrubber().scrub(name, data, TermLists(), Pseudonymizer())
    assert b"1709286000000" in result.output and b"4111 1111 1111 1111" not in result.output
    assert [f.entity_type for f in result.findings].count("CREDIT_CARD") == 1


def test_svg_stays_svg_and_its_path_data_stays_numbers():
    from lxml import etree

    path = '<path d="M 61.536232,0.70710678 L 10.75 59.91 Z"/>'
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60">'
        f'<text x="5" y="40" font-size="20">{NAMES[0]}</text>{path}</svg>'
    )
    result = Scrubber().scrub("logo.svg", svg.encode(), TermLists(), Pseudonymizer())
    assert result.status == "done"
    etree.fromstring(result.output)
    assert path.encode() in result.output and NAMES[0].encode() not in result.output
    assert not [f for f in result.findings if f.entity_type == "PHONE_NUMBER"]


@pytest.mark.parametrize(
    "name,language",
    [("a.py", "python"), ("b.JSON", "json"), ("c.yml", "yaml"), ("d.toml", "toml"),
     ("e.xml", "xml"), ("f.ts", "clike"), (".env", "ini"), ("g.md", None), ("h.csv", None)],
)  # fmt: skip
def test_language_comes_from_the_extension(name, language):
    assert language_for(name) == language


def test_replacements_per_region():
    text = "x = 'it' # note\nname = \"A\"\n"
    syn = Syntax(text, "python")
    assert syn.rewrite(text, 5, 7, "O'Brien") == "O\u2019Brien"  # inside '...'
    assert syn.rewrite(text, 11, 15, "a\nb") == "a b"  # a comment stays one line
    assert syn.rewrite(text, 16, 20, "[PERSON_1]") == "PERSON_1"  # an identifier
    assert identifier("Jane Doe") == "Jane_Doe" and identifier("[1]") == "_1"
    xml = '<a title="T">x &amp; y</a>'
    syn = Syntax(xml, "xml")
    assert syn.rewrite(xml, 10, 11, 'A "B" & <C>') == "A &quot;B&quot; &amp; &lt;C&gt;"
    assert syn.rewrite(xml, 13, 14, "<b>") == "&lt;b&gt;"


def test_detection_reads_comments_without_marks_and_xml_leaves_as_keys():
    text = "x = 1  # Owner: Ana Lima\n/* not a comment in Python */\n"
    reading = Syntax(text, "python").reading(text)
    assert reading == "x = 1    Owner: Ana Lima\n/* not a comment in Python */\n"
    xml = "<a><!-- by Ana --><name>Ana &amp; Bo</name><dc:creator>Bo</dc:creator></a>"
    reading = Syntax(xml, "xml").reading(xml)
    assert len(reading) == len(xml)
    assert "name: Ana &     Bo       " in reading and "dc.creator: Bo" in reading
    assert "     by Ana    " in reading


def test_names_in_a_ci_comment_and_a_pom_are_removed_and_the_files_stay_valid():
    # both were left whole by the code slice (docs/quality.md) before detection read
    # comments without their marks and XML elements as keys
    ci = "# Owner: Siobhán O\u2019Connor <siobhan.oconnor@example.ie>\nname: ci\non: [push]\n"
    out = Scrubber().scrub("ci.yml", ci.encode(), TermLists(), Pseudonymizer()).output.decode()
    assert "Siobhán" not in out and "O\u2019Connor" not in out
    assert yaml.safe_load(out) == yaml.safe_load(ci)
    pom = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<project><name>Survey grid &amp; tracks</name>'
        "<description>Tracks &lt;lat,lon&gt; onto a grid &#8211; see &quot;docs&quot;.</description>"
        "<developers><developer><name>Anna-Lena Schröder-Weiß</name></developer></developers>"
        "</project>\n"
    )
    out = Scrubber().scrub("pom.xml", pom.encode(), TermLists(), Pseudonymizer()).output.decode()
    assert "Anna-Lena" not in out and "Schröder" not in out
    assert "<name>Survey grid &amp; tracks</name>" in out
    assert "Tracks &lt;lat,lon&gt; onto a grid &#8211; see &quot;docs&quot;." in out
    from defusedxml import ElementTree

    ElementTree.fromstring(out.encode())


def test_a_jar_manifest_keeps_its_names():
    manifest = (
        "Manifest-Version: 1.0\nCreated-By: 17.0.2 (Eclipse Adoptium)\nBuilt-By: Priya Raman\n"
        "Implementation-Version: 3.12.1\nImplementation-Vendor: Northwind Traders Ltd\n"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("app/META-INF/MANIFEST.MF", manifest)
    result = Scrubber().scrub("app.zip", buf.getvalue(), TermLists(), Pseudonymizer())
    with zipfile.ZipFile(io.BytesIO(result.output)) as zf:
        out = zf.read("app/META-INF/MANIFEST.MF").decode()
    for kept in ("Manifest-Version: 1.0", "Created-By: 17.0.2", "Implementation-Version: 3.12.1",
                 "Implementation-Vendor: "):  # fmt: skip
        assert kept in out, out
    assert "Priya" not in out and "Raman" not in out
    assert language_for("META-INF/MANIFEST.MF") == "manifest"
