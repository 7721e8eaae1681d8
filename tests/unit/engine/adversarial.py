"""Adversarial strings for the linear-time guard (tests/unit/engine/test_linear_time.py) and
`make bench`'s "time per MB" section: long runs that make a backtracking pattern go
super-linear (issue 20: one 10,000-character workbook cell took 19 s, 20,000 took 68 s; a
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
