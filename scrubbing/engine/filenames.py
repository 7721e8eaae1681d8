"""File names: read as words for detection, and scrubbed with what the task replaced.

A file name is detected with its file's text ("JaneDoe_Acme-v2.docx" reads "Jane Doe Acme
v2"), so the names in it join the task inventory; `scrub_name` writes the name back with
every known name, client and code name replaced and the extension kept.
"""

from __future__ import annotations

import os
import re

from .pseudonyms import PLACEHOLDER_RE, Pseudonymizer
from .terms import KnownStrings, TermLists, normalize

_SEP = re.compile(r"[_\-.]")


def _spaced(stem: str) -> str:
    """Separators read as spaces and CamelCase split ("JaneDoe_Acme" -> "Jane Doe Acme")."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", _SEP.sub(" ", stem))


def name_for_detection(name: str) -> str:
    """A file name as words ("JaneDoe_Acme-v2.docx" -> "Jane Doe Acme v2"): detected with the
    file's text, so names in file names join the task inventory."""
    return _spaced(os.path.splitext(os.path.basename(name.replace("\\", "/")))[0])


def project_in_name(name: str) -> str | None:
    """The project a working file is named after ("magpie" of "magpie_q2_close.xlsx",
    `codename.workfile_lead`): a code name of its own task, also where its text never says
    it; None if the name is not built so."""
    from .recognizers.codename import workfile_lead

    stem = os.path.splitext(os.path.basename(name.replace("\\", "/")))[0]
    span = workfile_lead(stem)
    return stem[span[0] : span[1]] if span else None


def scrub_name(name: str, terms: TermLists, pseudonymizer: Pseudonymizer) -> str:
    """A file name with names/clients/codenames replaced, extension kept.

    "JaneDoe_Acme_Falcon_v2.docx" style names are matched against everything the task has
    already replaced (so call this after the files' contents were assigned), the deny-list,
    and the detector run on the name with separators read as spaces.
    """
    from .detect import get_detector

    base = os.path.basename(name.replace("\\", "/"))
    stem, ext = os.path.splitext(base)
    if base.startswith(".") and base.count(".") == 1:
        stem, ext = base, ""
    spaced = _spaced(stem)  # JaneDoe -> Jane Doe (length +n)
    # map spaced offsets back to stem offsets
    back: list[int] = []
    i = 0
    for ch in spaced:
        back.append(i)
        if i < len(stem) and (ch == stem[i] or (ch == " " and _SEP.match(stem[i]))):
            i += 1
    back.append(len(stem))

    spans: list[tuple[int, int, str, str]] = []  # (start, end, type, original) in `spaced`
    hits = get_detector().detect([spaced], terms)[0]
    spans += [(h.start, h.end, h.entity_type, h.text) for h in hits]
    allow = terms.allow_keys()
    inv = pseudonymizer.inventory
    items = [
        (o, lab, "pattern")
        for lab, table in pseudonymizer.originals.items()
        for o in table.values()
    ]
    known = KnownStrings(
        [i for i in [*inv.sweep_items(allow), *items] if normalize(i[0]) not in allow]
    )
    spans += [(s, e, t, spaced[s:e]) for s, e, t, _src in known.finditer(spaced)]
    if not spans:
        return base
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    out: list[str] = []
    pos = 0
    for s, e, etype, original in spans:
        if s < pos:
            continue
        entity = inv.lookup(original, etype)
        if entity is not None and entity.type:
            rep = pseudonymizer.entity_replacement(entity.type, entity.text, original)
        else:
            rep = pseudonymizer.replacement(etype, original)
        if PLACEHOLDER_RE.fullmatch(rep):
            rep = rep.strip("[]")
        rep = re.sub(r"\s+", "_", rep)
        out.append(stem[back[pos] : back[s]])
        out.append(rep)
        pos = e
    out.append(stem[back[pos] :])
    return "".join(out) + ext
