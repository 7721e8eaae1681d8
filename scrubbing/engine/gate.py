"""Which texts the NER model reads (issue 19: no model where no name can be).

    needs_model(view) -> False when no sentence of the text holds a name candidate

A sentence is read when it has a name candidate:
  * a word of two or more letters with a capital letter (not part of a code: "INV-00017"),
    other than the sentence's first word when that one is an ordinary English word and no
    known first name or surname ("Please", "Whatever"; not "Baker", "Rose"), and other than
    a weekday or month ("Thursday", "October", "June"): a model span of that word alone is
    never kept (`guards.is_false_positive`: `lexicon.STOP_SPANS`), and one with another
    word holds a candidate or is lower-case beside it;
  * a letter outside ASCII (other scripts, accented names: the capital rule does not hold);
  * two lower-case words in a row that are a known first name and a first name or surname
    ("ask jane doe"): the model only keeps a lower-case name of two or more words.
A text with none ("The budget covers 40 units.", "Paid", "INV-00017") is not read: a
lower-case single word is no name to the guards (`guards.is_false_positive`), and the pattern
recognizers, deny-lists and the task's sweep read the whole text anyway.
"""

from __future__ import annotations

import re

from .lexicon import CALENDAR
from .recognizers.known_names import name_lists
from .recognizers.name_shape import is_common_word

#: a sentence ends at ".", "!" or "?" before white space, at a line break or a tab
_END = re.compile(r"[.!?]+(?=\s|$)|[\n\r\t]")
#: "INV-00017", "A12B", "v2.1": one spaCy token with a digit, which no kept model span has
_CODE = re.compile(r"(?=[^\d\s]*\d)[\w\-/.]+")
_WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)?")


def _has_candidate(sentence: str) -> bool:
    if not sentence.isascii() and any(c.isalpha() and not c.isascii() for c in sentence):
        return True
    words = [
        w for chunk in sentence.split() if not _CODE.fullmatch(chunk) for w in _WORD.findall(chunk)
    ]
    if not words:
        return False
    first, last, _common = name_lists()
    for n, w in enumerate(words):
        if (
            (len(w) >= 2 and not w.islower())
            and (n or not w[0].isupper() or not w[1:].islower() or not is_common_word(w))
            and w.casefold() not in CALENDAR
        ):
            return True
    low = [w.casefold() for w in words]
    return any(a in first and (b in first or b in last) for a, b in zip(low, low[1:]))


def needs_model(view: str) -> bool:
    """Whether one sentence of `view` holds a name candidate (then the model reads it whole).

    Whole or not at all: blanking the sentences without a candidate and reading the rest
    changed what the model found in the sentences kept (their context), and the independent
    slice lost names that way; a text the model reads is read as before.
    """
    pos = 0
    for m in _END.finditer(view):
        if _has_candidate(view[pos : m.end()]):
            return True
        pos = m.end()
    return _has_candidate(view[pos:])
