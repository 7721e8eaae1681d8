"""The dev / held-out split of the independent slice's hand-written sources.

Every person, address, company, code name and technical-prose document belongs to exactly one
part, decided by a hash of its own text (not its position, so adding an item never moves
another). The two parts build two separate sets of documents from their own items. Detection
may be tuned by looking at the DEV part's failures; the HELD-OUT part is only ever reported
as numbers (docs/quality.md shows no examples from it), and it is the headline: tuning
against it would make the measure meaningless.
"""

from __future__ import annotations

import hashlib

DEV, HELD_OUT = "dev", "held-out"
PARTS = (DEV, HELD_OUT)


def part_of(kind: str, text: str) -> str:
    """The part an item belongs to: `kind` is "person", "address", "company", "codename" or
    "prose"; `text` is the item as written in its list (a name, an address line, a file name)."""
    digest = hashlib.sha256(f"{kind}\x00{text}".encode()).digest()
    return DEV if digest[0] % 2 == 0 else HELD_OUT
