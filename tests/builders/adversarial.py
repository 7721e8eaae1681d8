"""Adversarial strings for the linear-time guard (tests/unit/engine/test_linear_time.py) and
`make bench`'s "time per MB" section: long runs that make a backtracking pattern go
super-linear (one 10,000-character workbook cell took 19 s, 20,000 took 68 s; a
1 MB shared string did not finish in 300 s).

Each builder takes a length in characters and returns a string of about that length.
"""

from __future__ import annotations

from collections.abc import Callable


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda n: (unit * (n // len(unit) + 1))[:n]


def _cells(cell: str) -> Callable[[int], str]:
    """10,000-character cells of one kind, one per line (a workbook exported as text)."""
    return lambda n: "\n".join([(cell * (10_000 // len(cell) + 1))[:10_000]] * (n // 10_001 + 1))[
        :n
    ]


ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "digits": _repeat("7"),
    "digits and spaces": _repeat("1 "),
    "digits and dots": _repeat("1."),
    "digit groups": _repeat("12-"),
    "numbers with separators": _repeat("1 (2) 3-4/5."),
    "letters": _repeat("a"),
    "capitals": _repeat("A"),
    "capitalised words": _repeat("Word "),
    "CamelCase": _repeat("Ab"),
    "spaces": _repeat(" "),
    "tabs and newlines": _repeat(" \t\n"),
    "= assignments": _repeat("a="),
    ": assignments": _repeat("a:"),
    "key= assignments": _repeat("key="),
    "repeated a@": _repeat("a@"),
    "repeated a.": _repeat("a."),
    "dashes": _repeat("-"),
    "nested brackets": lambda n: "[" * (n // 2) + "]" * (n - n // 2),
    "nested parentheses": lambda n: "(" * (n // 2) + ")" * (n - n // 2),
    "quotes": _repeat("\"'"),
    "JSON pairs": _repeat('"a": "b", '),
    "markup": _repeat("<a href='x'>"),
    "base64": _repeat("QUJD"),
    "hex": _repeat("0123456789abcdef"),
    "host labels": _repeat("a-"),
    "e-mail-like": _repeat("a.a@"),
    "header lines": _repeat("From: "),
    "bullets": _repeat("- a\n"),
    "Cyrillic words": _repeat("Анна "),
    "CJK": _repeat("王"),
    "10,000-character cell: letters then key": _cells("a" * 9_997 + "key"),
    "10,000-character cell: token_token_": _cells("token_"),
    "10,000-character cell: password=": _cells("password="),
    "10,000-character cell: sk- runs": _cells("sk-" + "a" * 40 + "-"),
    "10,000-character cell: eyJ-": _cells("eyJabcdefghij-"),
    "10,000-character cell: AKIA": _cells("AKIA"),
}


def shared_string(n: int) -> str:
    """A POI-style giant shared string: one cell of prose-like text with numbers, no names."""
    unit = (
        "The quick brown fox jumps over the lazy dog 1234567890 times; "
        "sheet row 42 column B value 3.14159 = total. "
    )
    return (unit * (n // len(unit) + 1))[:n]


def poi_workbook(text: str, *cells: str) -> bytes:
    """An .xlsx whose first shared string is `text` (any length: Excel and openpyxl stop at
    32,767 characters, Apache POI's fixtures do not), then one row per cell in `cells`."""
    import io
    import zipfile
    from xml.sax.saxutils import escape

    strings = [text, *cells]
    rows = "".join(
        f'<row r="{i}"><c r="A{i}" t="s"><v>{i - 1}</v></c></row>'
        for i in range(1, len(strings) + 1)
    )
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006"
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    parts = {
        "[Content_Types].xml": f'<Types xmlns="{pkg}/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{ct}.worksheet+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{ct}.sharedStrings+xml"/>'
        "</Types>",
        "_rels/.rels": f'<Relationships xmlns="{pkg}/relationships"><Relationship Id="rId1" '
        f'Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet '
        'name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{pkg}/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>",
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{main}"><sheetData>{rows}</sheetData>'
        "</worksheet>",
        "xl/sharedStrings.xml": f'<sst xmlns="{main}" count="{len(strings)}" '
        f'uniqueCount="{len(strings)}">'
        + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
        + "</sst>",
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:  # repetitive: not a bomb
        for name, body in parts.items():
            zf.writestr(name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + body)
    return buf.getvalue()
