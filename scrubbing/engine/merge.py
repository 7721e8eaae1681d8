"""Overlapping hits become one non-overlapping list per text."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from .guards import is_false_positive
from .hits import CONTAINERS, PRIORITY, Hit
from .lexicon import CORP_SUFFIXES
from .technical import is_technical
from .terms import normalize

#: hits joined into one group only by ", " gaps (a list of addresses) are cut into groups of
#: at most this many: merging a group costs its size squared
GROUP_MAX = 64


def merge_hits(hits: Iterable[Hit], text: str) -> list[Hit]:
    """`merge_groups` over each group of hits that can affect one another (overlapping, or
    apart by nothing but spaces and commas: a company suffix joins its neighbour), in time
    linear in the number of hits for any input (a 1 MB cell of 100,000 addresses)."""
    spans = sorted((h for h in hits if h.start < h.end), key=lambda h: (h.start, h.end))
    out: list[Hit] = []
    group: list[Hit] = []
    end = -1
    for h in spans:
        if group and (
            h.start < end or (len(group) < GROUP_MAX and not text[end : h.start].strip(" ,"))
        ):
            group.append(h)
            end = max(end, h.end)
            continue
        if group:
            out += merge_groups(group, text) if len(group) > 1 else group
        group, end = [h], h.end
    if group:
        out += merge_groups(group, text) if len(group) > 1 else group
    out.sort(key=lambda h: h.start)
    return out


def merge_groups(hits: Iterable[Hit], text: str) -> list[Hit]:
    """Resolve overlaps so every detected character is covered exactly once.

    Higher priority wins (deny-list > secret > pattern > model), then the longer span; a
    loser keeps only the part outside the winner, so "Jane Doe Falcon" (model) next to the
    deny-listed "Falcon Project" still yields "Jane Doe". Remainders that are only a company
    suffix ("Acme" deny-listed, model said "Acme Corp") join the winner instead. E-mail
    addresses and URLs absorb whatever lies inside them (a deny-listed domain inside an
    address): the whole address is replaced, keeping the strongest source.
    """
    hits = [h for h in hits if h.start < h.end]
    order = sorted(
        hits,
        key=lambda h: (
            h.entity_type not in CONTAINERS,
            h.sweep,
            -PRIORITY[h.source],
            -(h.end - h.start),
            h.start,
        ),
    )
    accepted: list[Hit] = []
    for h in order:
        # Same type overlapping: one entity seen two ways ("Jane" by the model, "Jane Doe"
        # from elsewhere in the task) -> the union, keeping the strongest source.
        same = [
            a
            for a in accepted
            if a.entity_type == h.entity_type
            and a.entity_type not in CONTAINERS
            and a.start < h.end
            and h.start < a.end
        ]
        if same:
            s0 = min([h.start] + [a.start for a in same])
            e0 = max([h.end] + [a.end for a in same])
            src = max([h] + same, key=lambda x: PRIORITY[x.source]).source
            accepted = [a for a in accepted if a not in same]
            h = replace(h, start=s0, end=e0, source=src, text=text[s0:e0], sweep=False)
        pieces = [(h.start, h.end)]
        absorbed = False
        for i, a in enumerate(accepted):
            if a.entity_type in CONTAINERS and a.start <= h.start and h.end <= a.end:
                if PRIORITY[h.source] > PRIORITY[a.source]:
                    accepted[i] = replace(a, source=h.source)
                absorbed = True
                break
            nxt = []
            for s, e in pieces:
                if e <= a.start or s >= a.end:
                    nxt.append((s, e))
                    continue
                if s < a.start:
                    nxt.append((s, a.start))
                if e > a.end:
                    nxt.append((a.end, e))
            pieces = nxt
        if absorbed:
            continue
        for s, e in pieces:
            if (s, e) == (h.start, h.end):
                accepted.append(h)
                continue
            while s < e and not text[s].isalnum():
                s += 1
            while e > s and not text[e - 1].isalnum():
                e -= 1
            piece = text[s:e]
            if sum(c.isalnum() for c in piece) < 2:
                continue
            words = normalize(piece).split()
            if words and all(w in CORP_SUFFIXES for w in words):
                # extend the neighbouring winner over "Corp"/"Inc." rather than a new entity
                for i, a in enumerate(accepted):
                    if a.end <= s and not text[a.end : s].strip(" ,"):
                        accepted[i] = replace(a, end=e, text=text[a.start : e])
                        break
                    if a.start >= e and not text[e : a.start].strip(" ,"):
                        accepted[i] = replace(a, start=s, text=text[s : a.end])
                        break
                continue
            if h.source == "model" and (
                is_false_positive(piece, h.entity_type)
                or is_technical(text, s, e, h.entity_type, frozenset())
            ):
                continue  # what is left of "Beneficiary: Hanbit Precision" is a word
            accepted.append(replace(h, start=s, end=e, text=piece))
    accepted.sort(key=lambda h: h.start)
    return accepted
