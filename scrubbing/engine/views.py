"""Same-length views of a text for the readers of detection: offsets map back 1:1."""

from __future__ import annotations

import re

_UPPER_WORD = re.compile(r"\b[A-Z][A-Z'\u2019\-]+\b")
_CAPITAL = re.compile("[A-Z]")
# Markdown links: "[Steve Taylor](mailto:...)" -> " Steve Taylor (mailto:...)", same length.
_MD_LINK = re.compile(r"(?<![\w\]\)])(!?\[)([^\[\]\n]{1,200})(\]\()(?=[^\s()]*\))")
# a letter and the combining marks written after it ("ọ" + U+0300 in Yoruba "Adébáyọ̀", a
# Vietnamese name typed decomposed): `\w` does not match a combining mark
_MARKS = r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
_MARKED = re.compile(rf"([^\W\d_])({_MARKS}+)")
_MARK = re.compile(_MARKS)


def recase_for_ner(text: str) -> str:
    """Title-case lines written in capitals ("JOHN SMITH") so the NER model sees names.

    Same length as the input, so offsets map back 1:1. Only lines whose letters are mostly
    upper case are touched: acronyms inside normal prose stay as they are.
    """
    if not _CAPITAL.search(text):
        return text
    out = []
    changed = False
    for line in text.splitlines(keepends=True):
        # counted with C loops: an upper-case letter is a letter that `isupper`, and `isupper`
        # alone (true for a few non-letters too) bounds their number from above
        n_letters = sum(map(str.isalpha, line))
        if (
            n_letters >= 4
            and sum(map(str.isupper, line)) >= 0.8 * n_letters
            and sum(c.isupper() for c in line if c.isalpha()) >= 0.8 * n_letters
        ):
            new = _UPPER_WORD.sub(lambda m: m.group(0)[0] + m.group(0)[1:].lower(), line)
            if len(new) == len(line):
                changed = changed or new != line
                line = new
        out.append(line)
    return "".join(out) if changed else text


def unmarked(text: str) -> str:
    """`text`, same length, with each combining mark after a letter written as that letter
    in lower case ("Adébáyọ̀" -> "Adébáyọọ"): a word stays one run of letters for the name
    patterns and keeps its capitalisation. Offsets map 1:1."""
    if text.isascii() or not _MARK.search(text):
        return text
    return _MARKED.sub(lambda m: m.group(1) + m.group(1).lower() * len(m.group(2)), text)


def detection_view(text: str) -> str:
    """The text as a reader sees it, same length: markup around link text becomes spaces so
    the model and the name heuristics read "Ask  Steve Taylor (mailto:...)"; combining marks
    are letters (`unmarked`). Offsets map 1:1."""
    text = unmarked(text)
    if "](" not in text:
        return text
    return _MD_LINK.sub(
        lambda m: " " * len(m.group(1)) + m.group(2) + " (",
        text,
    )


#: a run without spaces this long is never a name, and spaCy's tokenizer slows down on it
LONG_RUN = 100
_LONG_RUN = re.compile(rf"\S{{{LONG_RUN},}}")


def model_view(view: str, limit: int) -> str:
    """What the NER model reads of a detection view: its first `limit` characters (cut at a
    space when there is one in the last tenth), recased (`recase_for_ner`), runs of more than
    `LONG_RUN` characters without a space blanked. Offsets map 1:1 into the view."""
    if len(view) > limit:
        cut = view.rfind(" ", limit - limit // 10, limit)
        view = view[: cut if cut > 0 else limit]
    view = recase_for_ner(view)
    if len(view) >= LONG_RUN and _LONG_RUN.search(view):
        view = _LONG_RUN.sub(lambda m: " " * len(m.group(0)), view)
    return view
