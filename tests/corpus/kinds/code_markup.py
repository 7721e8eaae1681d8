"""Issue 20's slice, the markup: an HTML release page, an SVG logo and a notebook.

The page keeps `<!DOCTYPE html>`, entity references (`&ndash;` may come back as the character
it stands for) and a `<time datetime>`; the logo its XML declaration, namespaces and path
data; the notebook its code cells, outputs and kernel. `notebook_text` is what a reader of a
notebook sees: every string of its JSON.
"""

from __future__ import annotations

import json

from .code_files import COMMON, COORDS, PAIR, SHA256, STAMP, VERSION
from .plant import Case, KindWriter, Token, tokens


def build_html(w: KindWriter) -> Case:
    a, b = w.people(2)
    org = w.company()
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Survey grid {VERSION} &ndash; release notes</title>
</head>
<body>
<!-- page owner: {w.name(a, "full")} -->
<header><h1>Survey grid {VERSION}</h1><p>Released <time datetime="{STAMP}">1 March 2024</time></p></header>
<main>
<p>Grid origin: <code>{PAIR}</code>; ratio <code>{COORDS[0]}</code> &amp; step 0.25&nbsp;&deg;.</p>
<table>
<thead><tr><th>lat</th><th>lon</th><th>elevation (m)</th></tr></thead>
<tbody>
<tr><td>{COORDS[1]}</td><td>{COORDS[0]}</td><td>12.5</td></tr>
<tr><td>-33.8688</td><td>151.2093</td><td>58.0</td></tr>
</tbody>
</table>
<p>Install with <code>pip install survey-grid=={VERSION}</code>; the cache lives in
<code>node_modules/.cache</code>, the workflow in <code>.github/workflows/ci.yml</code>, the
package in <code>survey_grid/__init__.py</code>.</p>
<p>Checksum (SHA-256): <code>{SHA256}</code></p>
<pre><code>export SURVEY_API_KEY={w.any_secret()}</code></pre>
<p>Questions to <a href="mailto:{w.email(b, org)}">{w.name(b, "full")}</a>, {w.phone()}.</p>
</main>
<footer><p>&copy; 2024 {w.org(org)}</p></footer>
</body>
</html>
"""
    survive = [
        *tokens("<!DOCTYPE html>", '<html lang="en">', '<meta charset="utf-8">', *COMMON, PAIR,
                f'<time datetime="{STAMP}">', "&amp;", "-33.8688", "151.2093", "58.0", "12.5",
                "node_modules/.cache", ".github/workflows/ci.yml", "survey_grid/__init__.py",
                "<thead>", "<tbody>", "<code>", "<pre>"),
        Token("&ndash;", ("\u2013", "&#8211;")), Token("&nbsp;", ("\xa0", "&#160;")),
        Token("&deg;", ("\xb0", "&#176;")), Token("&copy;", ("\xa9", "&#169;")),
    ]  # fmt: skip
    return Case(w.name_, "html", page.encode(), w.doc(page, page), "html", "html5lib", survive)


def build_svg(w: KindWriter) -> Case:
    a, b = w.people(2)
    name, mail, phone = w.name(a, "full"), w.email(b), w.phone()
    creator = w.name(b, "full")
    text = f"""<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="1200" height="600" viewBox="0 0 1200 600">
  <title>survey-grid {VERSION}</title>
  <metadata>
    <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <rdf:Description><dc:creator>{creator}</dc:creator><dc:date>{STAMP}</dc:date></rdf:Description>
    </rdf:RDF>
  </metadata>
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="{COORDS[0]}"><stop offset="0.25" stop-color="#ff8800"/></linearGradient></defs>
  <rect width="1200" height="600" fill="#ffffff"/>
  <path d="M {PAIR} L 120.5,61.536232 C 150.25,10.125 200.75,90.875 240.0,40.5 Z" fill="url(#g)" stroke="#333333" stroke-width="1.5"/>
  <polyline points="10,580 61.536232,500.70710678 120,540 300,450" fill="none" stroke="#333333"/>
  <text x="40" y="220" font-family="DejaVu Sans" font-size="44" fill="#000000">{name}</text>
  <text x="40" y="300" font-family="DejaVu Sans" font-size="44" fill="#000000">{mail}</text>
  <text x="40" y="380" font-family="DejaVu Sans" font-size="44" fill="#000000">{phone}</text>
</svg>
"""
    survive = tokens(
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
        'xmlns="http://www.w3.org/2000/svg"', 'xmlns:xlink="http://www.w3.org/1999/xlink"',
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://purl.org/dc/elements/1.1/",
        'viewBox="0 0 1200 600"', VERSION, STAMP, f'd="M {PAIR} L 120.5,61.536232 C 150.25,10.125 '
        '200.75,90.875 240.0,40.5 Z"', 'points="10,580 61.536232,500.70710678 120,540 300,450"',
        f'y2="{COORDS[0]}"', 'stroke-width="1.5"', 'offset="0.25"', "url(#g)",
    )  # fmt: skip
    return Case(w.name_, "svg", text.encode(), w.doc(text, text), "svg", "lxml", survive)


def build_notebook(w: KindWriter) -> Case:
    import nbformat
    from nbformat import v4

    a, b = w.people(2)
    nb = v4.new_notebook()
    nb.metadata.update(
        kernelspec={
            "name": "python3",
            "display_name": "Python 3 (ipykernel)",
            "language": "python",
        },
        language_info={"name": "python", "version": VERSION, "file_extension": ".py"},
        authors=[{"name": w.name(a, "full")}],
    )
    source = (
        f"import math\nfrom survey_grid import Sample, resample\n\n"
        f'ORIGIN = ({COORDS[0]}, {COORDS[1]})\nAPI_KEY = "{w.any_secret()}"\n'
        f"points = [Sample(*ORIGIN), Sample({COORDS[1]}, {COORDS[0]})]\n"
        "len(resample(points, step=0.25))"
    )
    nb.cells = [
        v4.new_markdown_cell(
            f"# Track resampling (survey-grid {VERSION})\n\nAuthor: {w.name(a, 'latin')} "
            f"({w.email(a)})\n\nOrigin `{PAIR}`, data checked against `{SHA256}`."
        ),
        v4.new_code_cell(source, execution_count=1, outputs=[
            v4.new_output("stream", name="stdout", text=f"sha256 {SHA256}\n{STAMP}\n"),
            v4.new_output("execute_result", {"text/plain": "4"}, execution_count=1),
        ]),
        v4.new_code_cell(
            f"def scale(v, factor={COORDS[0]}):\n    return [x * factor for x in v]\n\n"
            f"# reviewed by {w.name(b, 'full')}, {w.phone()}\nscale([1, 2, 3])",
            execution_count=2,
            outputs=[v4.new_output("execute_result",
                                   {"text/plain": "[0.70710678, 1.41421356, 2.12132034]"},
                                   execution_count=2)],
        ),
    ]  # fmt: skip
    for i, cell in enumerate(nb.cells, 1):
        cell["id"] = f"cell-{i}"
    data = nbformat.writes(nb).encode()
    text = notebook_text(data)
    survive = tokens(
        *COMMON, PAIR, f"({COORDS[0]}, {COORDS[1]})", "import math", "from survey_grid import",
        "def scale", "return", "for x in v", "0.25", "1.41421356", "2.12132034", "python3",
        "Python 3 (ipykernel)", ".py",
    )  # fmt: skip
    return Case(w.name_, "ipynb", data, w.doc(text, text), "ipynb", "nbformat", survive)


def notebook_text(data: bytes) -> str:
    """Every string of a notebook's JSON, one per line (what a reader of the notebook sees);
    the raw text when it is not JSON."""
    try:
        obj = json.loads(data)
    except ValueError:
        return data.decode("utf-8", "replace")
    out: list[str] = []

    def walk(x: object) -> None:
        if isinstance(x, dict):
            for k, v in x.items():
                out.append(str(k))
                walk(v)
        elif isinstance(x, list):
            if x and all(isinstance(s, str) for s in x):
                out.append("".join(x))  # a multi-line source or text, as nbformat splits it
            else:
                for v in x:
                    walk(v)
        elif x is not None:
            out.append(str(x))

    walk(obj)
    return "\n".join(out)


BUILDERS = (
    ("index.html", build_html),
    ("logo.svg", build_svg),
    ("analysis.ipynb", build_notebook),
)
