"""Issue 20's slice, the archives: a zip of a small repository and an EPUB-like zip.

Their member names are must-survive tokens (`survey_grid/__init__.py`, `node_modules/...`,
`.github/workflows/ci.yml`, `META-INF/MANIFEST.MF`, `mimetype`), and the EPUB's layout is
checked too: `mimetype` first and stored (checks.py). A reader sees an archive as its member
names followed by each member's text (`archive_text`).
"""

from __future__ import annotations

import io
import json
import zipfile

from tests.builders.epub import CONTAINER

from .code_files import COMMON, COORDS, GIT_REV, PAIR, SHA256, STAMP, UUID, VERSION
from .plant import Case, KindWriter, Token, tokens

REPO = "survey-grid"


def zip_bytes(members: list[tuple[str, bytes]], stored: tuple[str, ...] = ()) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members:
            kind = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            zf.writestr(zipfile.ZipInfo(name, (2024, 3, 1, 9, 40, 0)), data, compress_type=kind)
    return buf.getvalue()


def archive_text(data: bytes) -> str:
    """Member names, then `== name ==` and each member's text (nested zips recursively)."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        return data.decode("utf-8", "replace")
    with zf:
        names = zf.namelist()
        out = ["\n".join(names)]
        for name in names:
            blob = zf.read(name)
            body = archive_text(blob) if blob[:2] == b"PK" else blob.decode("utf-8", "replace")
            out.append(f"== {name} ==\n{body}")
    return "\n".join(out)


def build_repo(w: KindWriter) -> Case:
    a, b, c = w.people(3)
    org = w.company()
    k = w.codename()
    p = f"{REPO}/"
    members = [
        (p + "README.md", f"""# {REPO} {VERSION}

Resamples survey tracks onto a regular grid ({w.code(k, 0)}).

Layout: `survey_grid/__init__.py` (the package), `web/` (the chart, its `node_modules/`),
`.github/workflows/ci.yml` (CI), `src/main/resources/META-INF/MANIFEST.MF` (the jar).

Maintainer: {w.name(a, "full")} <{w.email(a, org)}>
"""),
        (p + "survey_grid/__init__.py", f'''"""survey-grid: tracks onto grids."""

from .grid import RATIO, resample

__all__ = ["RATIO", "resample"]
__version__ = "{VERSION}"
'''),
        (p + "survey_grid/grid.py", f'''# author: {w.name(b, "full")}
RATIO = {COORDS[0]}
ORIGIN = ({COORDS[0]}, {COORDS[1]})
SHA256 = "{SHA256}"


def resample(points, step=0.25):
    return [p for p in points[::max(1, int(1 / step))]]
'''),
        (p + ".github/workflows/ci.yml", f"""name: ci
on: [push]
jobs:
  test:
    runs-on: ubuntu-22.04
    steps:
      - uses: actions/checkout@v4
      - run: python -m pytest -q
        env:
          GH_TOKEN: {w.secret("github")}
          GRID_ORIGIN: "{PAIR}"
"""),
        (p + "web/package.json", json.dumps({
            "name": "survey-grid-web", "version": VERSION, "private": True,
            "author": f"{w.name(c, 'full')} <{w.email(c)}>",
            "dependencies": {"left-pad": "1.3.0"}}, indent=2) + "\n"),
        (p + "web/node_modules/left-pad/package.json", json.dumps({
            "name": "left-pad", "version": "1.3.0", "main": "index.js", "license": "WTFPL"},
            indent=2) + "\n"),
        (p + "web/node_modules/left-pad/index.js",
         "'use strict';\nmodule.exports = function leftPad(str, len, ch) {\n"
         "  str = String(str);\n  while (str.length < len) str = (ch || ' ') + str;\n"
         "  return str;\n};\n"),
        (p + "src/main/resources/META-INF/MANIFEST.MF",
         f"Manifest-Version: 1.0\nCreated-By: 17.0.2 (Eclipse Adoptium)\n"
         f"Built-By: {w.name(a, 'latin')}\nImplementation-Version: {VERSION}\n"
         f"Implementation-Vendor: {w.org(org)}\n"),
        (p + "data/points.csv",
         f"lat,lon,recorded_at\n{PAIR},{STAMP}\n-33.8688,151.2093,2024-03-01T09:41:00Z\n"),
        (p + "config/settings.toml",
         f'[api]\nendpoint = "https://api.example.org/v2"\nkey = "{w.any_secret()}"\n'
         f'# support: {w.phone()}\nuuid = "{UUID}"\n'),
    ]  # fmt: skip
    data = zip_bytes([(n, t.encode()) for n, t in members])
    text = archive_text(data)
    survive = [Token(name) for name, _t in members] + tokens(
        *COMMON, PAIR, "__init__.py", "node_modules", ".github", "META-INF", "MANIFEST.MF",
        "Manifest-Version: 1.0", "Created-By: 17.0.2 (Eclipse Adoptium)", "1.3.0", "left-pad",
        "'use strict';", "module.exports", "__all__", "__version__", "def resample", "return",
        "actions/checkout@v4", "ubuntu-22.04", "-33.8688", "151.2093", UUID,
    )  # fmt: skip
    return Case(w.name_, "zip (repository)", data, w.doc(text, text), "repo", "zipfile", survive)


EPUB_MIMETYPE = b"application/epub+zip"


def build_epub(w: KindWriter) -> Case:
    a, b = w.people(2)
    org = w.company()
    opf = f"""<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="uid">urn:uuid:{UUID}</dc:identifier>
    <dc:title>Field guide to survey grids, edition {VERSION}</dc:title>
    <dc:creator>{w.name(a, "full")}</dc:creator>
    <dc:publisher>{w.org(org)}</dc:publisher>
    <dc:language>en</dc:language>
    <meta property="dcterms:modified">{STAMP}</meta>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="ch1" href="chapter1.xhtml" media-type="application/xhtml+xml"/>
    <item id="css" href="style.css" media-type="text/css"/>
  </manifest>
  <spine><itemref idref="ch1"/></spine>
</package>
"""
    head = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
    ns = 'xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"'
    nav = (f'{head}<html {ns}><head><title>Contents</title></head><body>'
           '<nav epub:type="toc"><ol><li><a href="chapter1.xhtml">1. The grid</a></li></ol></nav>'
           "</body></html>\n")  # fmt: skip
    chapter = f"""{head}<html {ns} xml:lang="en">
<head><title>1. The grid</title><link rel="stylesheet" type="text/css" href="style.css"/></head>
<body>
<h1>1. The grid</h1>
<p>by {w.name(b, "full")} &#8211; {w.email(b, org)}</p>
<p>The grid starts at <code>{PAIR}</code> and steps by 0.25&#176; &amp; keeps every
sample whose checksum matches <code>{SHA256}</code>.</p>
<table><tr><th>lat</th><th>lon</th></tr><tr><td>{COORDS[1]}</td><td>{COORDS[0]}</td></tr></table>
<p>Rev. <code>{GIT_REV}</code>, {STAMP}.</p>
</body>
</html>
"""
    members = [
        ("mimetype", EPUB_MIMETYPE),
        ("META-INF/container.xml", CONTAINER.encode()),
        ("OEBPS/content.opf", opf.encode()),
        ("OEBPS/nav.xhtml", nav.encode()),
        ("OEBPS/chapter1.xhtml", chapter.encode()),
        ("OEBPS/style.css", b"body { font-family: serif; line-height: 1.4; }\n"),
    ]
    data = zip_bytes(members, stored=("mimetype",))
    text = archive_text(data)
    survive = [Token(name) for name, _b in members] + tokens(
        EPUB_MIMETYPE.decode(), "urn:oasis:names:tc:opendocument:xmlns:container",
        "application/oebps-package+xml", 'xmlns="http://www.idpf.org/2007/opf"',
        'xmlns:dc="http://purl.org/dc/elements/1.1/"', 'xmlns="http://www.w3.org/1999/xhtml"',
        'xmlns:epub="http://www.idpf.org/2007/ops"', '<?xml version="1.0" encoding="UTF-8"?>',
        "<!DOCTYPE html>", f"urn:uuid:{UUID}", "dcterms:modified", *COMMON, PAIR, GIT_REV,
        "&amp;", 'epub:type="toc"', "application/xhtml+xml",
    )  # fmt: skip
    # an XML writer may write a character reference as the character, as in the HTML page
    survive += [Token("&#8211;", ("\u2013",)), Token("&#176;", ("\xb0",))]
    return Case(w.name_, "epub (zip)", data, w.doc(text, text), "epub", "zipfile", survive)


BUILDERS = (("survey-grid.zip", build_repo), ("field-guide.epub", build_epub))
