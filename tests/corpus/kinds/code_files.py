"""Issue 20's slice: code, data and markup files whose numbers and syntax must survive.

Each builder writes one ordinary file of its kind (here a module, a script, a data export, a
workflow, a pyproject, a CSV, a POM; `code_markup` the page, the logo and the notebook;
`code_archives` the zips) full of what a scrubber must leave alone: decimals,
coordinates (`0.70710678,61.536232`), version numbers, hashes, epoch and ISO timestamps,
numeric columns, `<!DOCTYPE html>`, XML declarations and processing instructions, namespace
URIs, entity references, SVG path data, language keywords and well-known names
(`node_modules`, `.github`, `__init__.py`, `META-INF/MANIFEST.MF`). Each also holds a few
personal values where people put them: a name in a comment, an e-mail in a config, an API key,
a phone number. Every planted value sits inside a string or a comment, so a scrubber that
replaces exactly those values keeps the file valid (tests/unit/test_kinds_slices.py checks it).
"""

from __future__ import annotations

import json

from .plant import Case, KindWriter, Token, tokens

VERSION = "3.12.1"
COORDS = ("0.70710678", "61.536232")
PAIR = ",".join(COORDS)
SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
GIT_REV = "3f786850e387550fdab836ed7e6dc881de23001b"
STAMP = "2024-03-01T09:40:00Z"
EPOCH_MS = "1709286000000"
UUID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
#: what every file of the slice shares
COMMON = (VERSION, *COORDS, SHA256, STAMP)


def build_python(w: KindWriter) -> Case:
    a, b = w.people(2)
    k = w.codename()
    text = f'''#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Resample survey tracks onto a regular grid (survey-grid {VERSION}).

Maintainer: {w.name(a, "full")} <{w.email(a)}>
"""

from __future__ import annotations

import hashlib
import math
import os
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Sample", "resample", "checksum"]
__version__ = "{VERSION}"

RATIO = {COORDS[0]}
ORIGIN = ({COORDS[0]}, {COORDS[1]})
BOUNDS = [-0.125, 1e-06, 6.02214076e23, 0x1F, 0o755, 0b1010]
EPOCH_MS = {EPOCH_MS}
STAMP = "{STAMP}"
SHA256 = "{SHA256}"
GIT_REV = "{GIT_REV}"
CACHE_DIR = Path("node_modules") / ".cache" / "survey-grid"
PROJECT = "{w.code(k, 0)}"
API_KEY = os.environ.get("SURVEY_API_KEY", "{w.any_secret()}")
SUPPORT = "{w.phone()}"  # out-of-hours line, ask for {w.name(b, "call")}


@dataclass(frozen=True)
class Sample:
    lat: float
    lon: float
    tags: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not -90.0 <= self.lat <= 90.0:
            raise ValueError(f"latitude out of range: {{self.lat!r}}")


def resample(points: list[Sample], step: float = 0.25) -> list[Sample]:
    """A sample every `step` degrees along the track; [] when the track is empty."""
    if not points:
        return []
    out: list[Sample] = []
    for a, b in zip(points, points[1:]):
        n = max(1, math.ceil(math.dist((a.lat, a.lon), (b.lat, b.lon)) / step))
        out.extend(
            Sample(a.lat + (b.lat - a.lat) * i / n, a.lon + (b.lon - a.lon) * i / n)
            for i in range(n)
        )
    out.append(points[-1])
    return out


def checksum(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 16):
            h.update(chunk)
    return h.hexdigest()


def lines(path: Path):
    with path.open(encoding="utf-8") as fh:
        yield from (line.rstrip("\\n") for line in fh)


async def upload(session, url: str = "https://api.example.org/v2/tracks") -> int:
    try:
        async with session.post(url, timeout=30.5) as resp:
            await resp.read()
            return resp.status
    except TimeoutError:
        return 504
    finally:
        pass


def scale(values, factor=RATIO):
    total = 0

    def add(v):
        nonlocal total
        total += v * factor

    for v in values:
        add(v)
    assert total is not None
    return lambda x: x * total if x else False


# reviewed by {w.name(b, "last_first")}
if __name__ == "__main__":
    print(resample([Sample(*ORIGIN), Sample({COORDS[1]}, {COORDS[0]})]))
'''
    survive = tokens(
        "#!/usr/bin/env python3", "# -*- coding: utf-8 -*-", "from __future__ import annotations",
        *COMMON, PAIR.replace(",", ", "), "-0.125", "1e-06", "6.02214076e23", "0x1F", "0o755",
        "0b1010", EPOCH_MS, GIT_REV, '"node_modules"', '".cache"', "__all__", "__version__",
        "__post_init__", "__name__", '"__main__"', "@dataclass(frozen=True)", "def", "class",
        "return", "yield from", "async def", "async with", "await", "nonlocal", "lambda", "try:",
        "except TimeoutError:", "finally:", "assert", "raise", "while", "None", "True", "False",
        "import", "30.5", "1 << 16", "-90.0 <= self.lat <= 90.0", "https://api.example.org/v2/tracks",
    )  # fmt: skip
    return Case(w.name_, "py", text.encode(), w.doc(text, text), "python", "", survive)


def build_javascript(w: KindWriter) -> Case:
    a, b = w.people(2)
    text = f"""'use strict';
// survey-grid web chart, v{VERSION}
// Author: {w.name(a, "full")} <{w.email(a)}>

const path = require('node:path');
const {{ readFile }} = require('node:fs/promises');

const VERSION = '{VERSION}';
const ORIGIN = [{COORDS[0]}, {COORDS[1]}];
const STEP = 0.25;
const MAX_SAFE = 9007199254740991;
const COLOR = 0xff8800;
const BUILD = 'sha1-{GIT_REV}';
const UPDATED = new Date('{STAMP}');
const INTEGRITY = 'sha256-{SHA256}';
const MAPS_KEY = '{w.secret("google")}';
const CACHE = path.join(__dirname, 'node_modules', '.cache', 'survey-grid');

class Track extends Array {{
  static of2(points) {{
    return Track.from(points, (p) => ({{ lat: +p[0], lon: +p[1] }}));
  }}

  get span() {{
    return this.length === 0 ? null : this[this.length - 1].lat - this[0].lat;
  }}
}}

async function load(file = 'data/points.csv') {{
  const text = await readFile(file, 'utf8');
  return text
    .split('\\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split(',').map(Number));
}}

function* steps(from, to, step = STEP) {{
  for (let x = from; x <= to; x += step) yield x;
}}

function describe(value) {{
  if (typeof value === 'undefined' || value instanceof Error) return 'n/a';
  switch (typeof value) {{
    case 'number':
      return value.toFixed(8);
    default:
      return String(value);
  }}
}}

// on call: {w.name(b, "full")}, {w.phone()}
module.exports = {{ VERSION, ORIGIN, MAX_SAFE, COLOR, BUILD, UPDATED, INTEGRITY, MAPS_KEY, CACHE, Track, load, steps, describe }};
"""
    survive = tokens(
        "'use strict';", *COMMON, f"[{COORDS[0]}, {COORDS[1]}]", "0.25", "9007199254740991",
        "0xff8800", GIT_REV, "'node:path'", "'node:fs/promises'", "__dirname", "'node_modules'",
        "'.cache'", "const", "let", "class Track extends Array", "static", "get", "async function",
        "await", "function*", "yield", "typeof", "instanceof", "switch", "case", "default:",
        "return", "null", "'undefined'", "=>", "===", "module.exports", "require", "new Date",
    )  # fmt: skip
    return Case(w.name_, "js", text.encode(), w.doc(text, text), "javascript", "", survive)


def build_json(w: KindWriter) -> Case:
    a = w.person()
    data = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "name": "survey-grid",
        "version": VERSION,
        "generated": STAMP,
        "generatedMs": int(EPOCH_MS),
        "crs": "EPSG:4326",
        "origin": [float(COORDS[0]), float(COORDS[1])],
        "step": 0.25,
        "sha256": SHA256,
        "uuid": UUID,
        "paths": {
            "cache": "node_modules/.cache/survey-grid",
            "ci": ".github/workflows/ci.yml",
            "package": "survey_grid/__init__.py",
            "manifest": "META-INF/MANIFEST.MF",
        },
        "maintainer": {"name": w.name(a, "full"), "email": w.email(a, w.company())},
        "api": {"endpoint": "https://api.example.org/v2", "key": w.any_secret()},
        "points": [
            [float(COORDS[0]), float(COORDS[1]), 12.5],
            [0.70710679, 61.536301, 12.75],
            [-33.8688, 151.2093, 58.0],
            [51.4778, -0.0015, 46.25],
        ],
        "counts": [1048576, 3221225472, 4294967295],
        "enabled": True,
        "fallback": None,
    }
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    survive = tokens(
        '"$schema"', "https://json-schema.org/draft/2020-12/schema", *COMMON, EPOCH_MS,
        "EPSG:4326", "0.25", UUID, "node_modules/.cache/survey-grid", ".github/workflows/ci.yml",
        "survey_grid/__init__.py", "META-INF/MANIFEST.MF", "0.70710679", "61.536301", "12.75",
        "-33.8688", "151.2093", "51.4778", "-0.0015", "1048576", "3221225472", "4294967295",
        "true", "null", "https://api.example.org/v2",
    )  # fmt: skip
    return Case(w.name_, "json", text.encode(), w.doc(text, text), "json", "json", survive)


def build_yaml(w: KindWriter) -> Case:
    a, b = w.people(2)
    text = f"""# .github/workflows/ci.yml of survey-grid
# Owner: {w.name(a, "full")} <{w.email(a)}>
name: ci
on:
  push:
    branches: [main, "release/**"]
  pull_request:
env:
  PYTHON_VERSION: "{VERSION}"
  GRID_ORIGIN: "{PAIR}"
  GRID_RATIO: {COORDS[0]}
  BUILD_SHA: {GIT_REV}
  PIP_CACHE_DIR: ~/.cache/pip
jobs:
  test:
    runs-on: ubuntu-22.04
    timeout-minutes: 15
    strategy:
      fail-fast: false
      matrix:
        python: ["3.11", "3.12", "3.13"]
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: ${{{{ matrix.python }}}}
      - uses: actions/cache@v4
        with:
          path: node_modules
          key: npm-${{{{ hashFiles('package-lock.json') }}}}
      - run: pip install -e .[dev] && pytest -q tests/
      - name: Check the data
        run: sha256sum -c <<< "{SHA256}  data/points.csv"
      - name: Notify
        if: failure()
        env:
          SLACK_TOKEN: {w.secret("slack")}
          SINCE: "{STAMP}"
        run: ./scripts/notify.sh  # on call: {w.name(b, "full")}, {w.phone()}
"""
    survive = tokens(
        ".github/workflows/ci.yml", "name: ci", "on:", "push:", "pull_request:", "env:", *COMMON,
        f'"{PAIR}"', GIT_REV, "ubuntu-22.04", "timeout-minutes: 15", '"3.11"', '"3.12"', '"3.13"',
        "actions/checkout@v4", "actions/setup-python@v5", "actions/cache@v4",
        "${{ matrix.python }}", "path: node_modules", "hashFiles('package-lock.json')",
        "fail-fast: false", "if: failure()", "~/.cache/pip", "pip install -e .[dev]",
    )  # fmt: skip
    return Case(w.name_, "yaml", text.encode(), w.doc(text, text), "yaml", "PyYAML", survive)


def build_toml(w: KindWriter) -> Case:
    a, b = w.people(2)
    text = f"""[build-system]
requires = ["setuptools>=68", "wheel"]
build-backend = "setuptools.build_meta"

[project]
name = "survey-grid"
version = "{VERSION}"
description = "Resample survey tracks onto a regular grid"
authors = [{{ name = "{w.name(a, "full")}", email = "{w.email(a, w.company())}" }}]
requires-python = ">=3.11"
dependencies = ["numpy==1.26.4", "pyproj>=3.6.1"]

[project.urls]
Homepage = "https://example.org/survey-grid"

[tool.setuptools.packages.find]
include = ["survey_grid*"]
exclude = ["node_modules", ".github", "tests"]

[tool.survey-grid]
origin = [{COORDS[0]}, {COORDS[1]}]
ratio = {COORDS[0]}
epoch = {STAMP}
max-bytes = 3_221_225_472
sha256 = "{SHA256}"
token = "{w.any_secret()}"  # ask {w.name(b, "full")} ({w.phone()}) before rotating
"""
    survive = tokens(
        "[build-system]", '"setuptools>=68"', "setuptools.build_meta", "[project]", *COMMON,
        '">=3.11"', '"numpy==1.26.4"', '"pyproj>=3.6.1"', "[project.urls]",
        "https://example.org/survey-grid", "[tool.setuptools.packages.find]", '"survey_grid*"',
        '"node_modules"', '".github"', "[tool.survey-grid]", "3_221_225_472",
        f"[{COORDS[0]}, {COORDS[1]}]",
    )  # fmt: skip
    return Case(w.name_, "toml", text.encode(), w.doc(text, text), "toml", "tomllib", survive)


def build_csv(w: KindWriter) -> Case:
    import csv
    import io

    people = w.people(3)
    rows = [["id", "lat", "lon", "elevation_m", "recorded_at", "epoch_ms", "bytes", "sha1",
             "version", "surveyor", "notes"]]  # fmt: skip
    lats = [COORDS[0], "0.70710679", "-33.8688", "51.4778", "35.6895", "-22.9068", "64.1466"]
    lons = [COORDS[1], "61.536301", "151.2093", "-0.0015", "139.6917", "-43.1729", "-21.9426"]
    for i, (lat, lon) in enumerate(zip(lats, lons)):
        surveyor = w.name(people[i % 3], ("full", "last_first", "initial")[i % 3]) if i < 3 else ""
        notes = ""
        if i == 3:
            notes = f"call {w.phone()}"
        elif i == 4:
            notes = w.email(people[0])
        elif i == 5:
            notes = "re-flown 2024-03-02"
        rows.append([
            str(4001 + i), lat, lon, f"{12.5 + 3.25 * i:.2f}", f"2024-03-01T09:{40 + i}:00Z",
            str(1709286000000 + 60000 * i), str(3221225472 + 4096 * i),
            f"{GIT_REV[: 40 - 2]}{i:02d}", f"3.12.{i}", surveyor, notes,
        ])  # fmt: skip
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    text = buf.getvalue()
    survive = [Token(PAIR), Token(",".join(rows[0]))]
    survive += [Token(cell) for row in rows[1:] for cell in row[:9]]
    return Case(w.name_, "csv", text.encode(), w.doc(text, text), "csv", "csv", survive)


def build_xml(w: KindWriter) -> Case:
    a, b = w.people(2)
    org = w.company()
    text = f"""<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet type="text/xsl" href="pom-style.xsl"?>
<!-- survey-grid build; maintained by {w.name(a, "full")} -->
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.example.survey</groupId>
  <artifactId>survey-grid</artifactId>
  <version>{VERSION}</version>
  <name>Survey grid &amp; tracks</name>
  <description>Resamples tracks &lt;lat,lon&gt; onto a grid &#8211; see &quot;docs&quot;.</description>
  <developers>
    <developer>
      <name>{w.name(b, "full")}</name>
      <email>{w.email(b, org)}</email>
      <organization>{w.org(org)}</organization>
    </developer>
  </developers>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <grid.origin>{PAIR}</grid.origin>
    <grid.ratio>{COORDS[0]}</grid.ratio>
    <build.timestamp>{STAMP}</build.timestamp>
    <data.sha256>{SHA256}</data.sha256>
    <sonar.token>{w.any_secret()}</sonar.token>
  </properties>
  <build>
    <resources>
      <resource>
        <directory>src/main/resources/META-INF</directory>
        <includes><include>MANIFEST.MF</include></includes>
      </resource>
    </resources>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-jar-plugin</artifactId>
        <version>3.3.0</version>
        <configuration>
          <archive><manifestFile>${{project.build.outputDirectory}}/META-INF/MANIFEST.MF</manifestFile></archive>
        </configuration>
      </plugin>
    </plugins>
  </build>
  <?m2e ignore?>
</project>
"""
    survive = tokens(
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<?xml-stylesheet type="text/xsl" href="pom-style.xsl"?>', "<?m2e ignore?>",
        'xmlns="http://maven.apache.org/POM/4.0.0"',
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
        "https://maven.apache.org/xsd/maven-4.0.0.xsd", "<modelVersion>4.0.0</modelVersion>",
        "org.example.survey", *COMMON, f"<grid.origin>{PAIR}</grid.origin>", "&amp;", "&lt;",
        "&gt;", "&#8211;", "&quot;", "<version>3.3.0</version>", "src/main/resources/META-INF",
        "<include>MANIFEST.MF</include>", "${project.build.outputDirectory}/META-INF/MANIFEST.MF",
        "org.apache.maven.plugins", "<maven.compiler.release>17</maven.compiler.release>",
    )  # fmt: skip
    return Case(w.name_, "xml", text.encode(), w.doc(text, text), "xml", "lxml", survive)


BUILDERS = (
    ("analysis.py", build_python),
    ("chart.js", build_javascript),
    ("survey.json", build_json),
    ("ci.yml", build_yaml),
    ("pyproject.toml", build_toml),
    ("survey.csv", build_csv),
    ("pom.xml", build_xml),
)
