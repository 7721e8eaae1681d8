"""The task inventory: who and what is confidential across all of a task's files, before any
replacement.

Every file's detections (its *mentions*: text, type, source) go in; mentions that name the same
thing become one *entity*: "Priya Raman", "RAMAN, Priya", "Raman", "P. Raman" and
"priya.raman@" are one person; "Bluefin Bunkering AS" and "Bluefin Bunkering" one client;
"Northwind Maritime Services" and "NMS" one client. Each entity gets one type by precedence
(deny-list > patterns > document structure > model vote, the vote counted in files), hence one
placeholder everywhere; every surface form of every entity is then swept for in every file.
Coined words ("BLUEHERON") are counted across the task and become code names when they recur
or appear in the title.

The inventory is JSON-serialisable and lives with the task's pseudonym state. `version` grows
whenever an entity is created, gains a form or changes type; `stale(version, atoms)` tells
whether a file scrubbed at `version` (whose text has `atoms`) could read differently now.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .lexicon import CODENAME_MIN_REPEATS, LEGAL_SUFFIXES, ORG_LABELS, PARTICLES
from .names import name_parts, names_from_email, short_parts
from .terms import SHORT, is_common_word, lone_common, normalize

#: how much a mention's source counts when types disagree
RANK = {"deny-list": 4, "secret": 4, "pattern": 3, "structure": 2, "model": 1}
_SUFFIX_RX = re.compile(
    r"(?:,?\s+(?:"
    + "|".join(re.escape(s.casefold()) for s in sorted(LEGAL_SUFFIXES, key=len, reverse=True))
    + r"))+$"
)
_ATOM = re.compile(r"[^\W_]+")
_INITIAL_LAST = re.compile(r"^([^\W\d_])\.?\s+([^\W\d_][\w'\u2019\-]+)$")


def kind_of(entity_type: str) -> str:
    if entity_type == "PERSON":
        return "person"
    if entity_type.upper() in ORG_LABELS:
        return "org"
    return "other"


def key_of(text: str) -> str:
    # the same forms are keyed again and again (400k times on a 100k-cell sheet)
    return _key_short(text) if len(text) <= SHORT else _key(text)


_POSSESSIVE = re.compile(r"'s$")


def _key(text: str) -> str:
    # "Temitope_Balogun" (a file name's form) is the entity "Temitope Balogun"
    k = normalize(text.replace("_", " ")).replace("\u2019", "'")
    k = _POSSESSIVE.sub("", k)
    return k.strip(" .,;:\"'()[]")


_key_short = lru_cache(maxsize=1 << 16)(_key)


def org_core(key: str) -> str:
    return _SUFFIX_RX.sub("", key).strip(" ,") or key


def atoms_of(texts: Iterable[str]) -> set[int]:
    """Hashes of every run of letters/digits (casefolded): the units the sweep matches on."""
    out: set[int] = set()
    for t in texts:
        for a in _ATOM.findall(t):
            out.add(zlib.crc32(a.casefold().encode()))
    return out


def _form_atoms(form: str) -> tuple[list[int], int]:
    parts = [a.casefold() for a in _ATOM.findall(form)]
    return [zlib.crc32(p.encode()) for p in parts], zlib.crc32("".join(parts).encode())


@dataclass
class Entity:
    text: str  # the fullest form seen: what the placeholder is keyed on
    kind: str
    votes: dict[str, dict[str, int]] = field(default_factory=dict)  # type -> file -> rank
    forms: list[str] = field(default_factory=list)
    changed: int = 0
    type: str = ""

    def resolve(self) -> str:
        def weight(t: str) -> tuple[int, int]:
            files = self.votes[t]
            return (max(files.values()), len(files))

        return max(sorted(self.votes), key=weight) if self.votes else self.type

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "kind": self.kind, "votes": self.votes, "forms": self.forms,
                "changed": self.changed, "type": self.type}  # fmt: skip


class Inventory:
    def __init__(self, state: dict[str, Any] | None = None) -> None:
        st = state or {}
        self.version: int = st.get("version", 0)
        self.entities: list[Entity] = [Entity(**e) for e in st.get("entities", [])]
        # coined word -> file -> count; words seen in a title
        self.coined: dict[str, dict[str, int]] = {
            k: dict(v) for k, v in st.get("coined", {}).items()
        }
        self.titles: set[str] = set(st.get("titles", []))
        self._before: dict[int, tuple[str, int]] = {}  # during `contribute`: see `_touch`
        self._existing = 0
        self.index: dict[str, int] = {}  # key of every form -> entity
        self.acronyms: dict[str, int] = {}  # initials of an organisation -> entity
        for i, e in enumerate(self.entities):
            for f in e.forms:
                self.index.setdefault(key_of(f), i)
                self._index_acronym(i, f)

    def _index_acronym(self, i: int, form: str) -> None:
        if self.entities[i].kind == "org":
            core = org_core(key_of(form)).split()
            if 2 <= len(core) <= 7:
                self.acronyms.setdefault("".join(w[0] for w in core), i)

    def state(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "entities": [e.as_dict() for e in self.entities],
            "coined": self.coined,
            "titles": sorted(self.titles),
        }

    # ------------------------------------------------------------------ building
    def contribute(
        self,
        file_key: str,
        mentions: Iterable[tuple[str, str, str]],
        coined: dict[str, int] | None = None,
        is_title: bool = False,
    ) -> bool:
        """Add one file's mentions (text, type, source); True if anything changed."""
        # what each entity this call touches was before it (`_touch`): the others cannot change
        # (a snapshot of every entity took a second per call on a 60,000-row sheet)
        self._before = {}
        self._existing = len(self.entities)
        for text, etype, source in mentions:
            self._add(file_key, text.strip(), etype.upper(), source)
            if etype == "EMAIL_ADDRESS":
                for name in names_from_email(text):
                    self._add(file_key, name, "PERSON", "pattern")
        for word, n in (coined or {}).items():
            seen = self.coined.setdefault(word, {})
            seen[file_key] = n
            if is_title:
                self.titles.add(word)
            if sum(seen.values()) >= CODENAME_MIN_REPEATS or word in self.titles:
                self._add(file_key, word, "CODENAME", "pattern")
        before, self._before = self._before, {}
        touched = [*sorted(before), *range(self._existing, len(self.entities))]
        changed = [
            i
            for i in touched
            if before.get(i) != (self.entities[i].resolve(), len(self.entities[i].forms))
        ]
        if not changed:
            return False
        self.version += 1
        for i in changed:
            self.entities[i].changed = self.version
            self.entities[i].type = self.entities[i].resolve()
        return True

    def _add(self, file_key: str, text: str, etype: str, source: str) -> None:
        key = key_of(text)
        if len(key) < 2:
            return
        i = self._find(key, etype)
        if i is None:
            i = len(self.entities)
            self.entities.append(Entity(text=text, kind=kind_of(etype), type=etype))
            self._add_forms(i, text)
            self._absorb(i)
        else:
            self._touch(i)
            e = self.entities[i]
            if len(key.split()) > len(key_of(e.text).split()) and kind_of(etype) == e.kind:
                e.text = text  # "Priya Raman" after "Raman": the fuller form names the entity
            self._add_forms(i, text)
        rank = RANK.get(source, 1)
        e = self.entities[i]
        files = e.votes.setdefault(etype, {})
        files[file_key] = max(files.get(file_key, 0), rank)
        kind = kind_of(e.resolve())
        if kind != e.kind and kind == "person":
            # the model's ORG on "Soo-ah Baek", then a roster's PERSON: a person's forms now
            e.kind = kind
            for form in list(e.forms):
                self._add_forms(i, form)

    def _touch(self, i: int) -> None:
        """Entity `i` is about to change: remember what it was, once per `contribute`."""
        if i < self._existing and i not in self._before:
            e = self.entities[i]
            self._before[i] = (e.resolve(), len(e.forms))

    def _absorb(self, i: int) -> None:
        """A new full name takes over the entities of its parts seen alone before it
        ("Oksana" in a salutation, then "Oksana Melnychuk"; "José Luis" and "García Márquez",
        then "José Luis García Márquez"): one person, one placeholder."""
        e = self.entities[i]
        words = key_of(e.text).split()
        if e.kind != "person" or len(words) < 2:
            return
        # its words, and its runs of words ("José Luis", "García Márquez" of "José Luis García
        # Márquez": the given names and the family names seen alone)
        n = len(words)
        runs = [" ".join(words[a:b]) for a in range(n) for b in range(a + 2, n + 1)]
        for part in [*words, *(r for r in runs if r.count(" ") < n - 1)] if n <= 6 else words:
            j = self.index.get(part)
            if j is None or j == i:
                continue
            other = self.entities[j]
            if other.kind != "person" or key_of(other.text) != part:
                continue
            self._touch(j)
            for t, files in other.votes.items():
                mine = e.votes.setdefault(t, {})
                for fk, r in files.items():
                    mine[fk] = max(mine.get(fk, 0), r)
            for f in other.forms:
                self.index[key_of(f)] = i
                if f not in e.forms:
                    e.forms.append(f)
            other.forms, other.votes, other.text = [], {}, ""

    def _find(self, key: str, etype: str) -> int | None:
        for k in (key, org_core(key)):
            if k in self.index:
                return self.index[k]
        if "," in key:  # "raman, priya"
            last, first = (p.strip() for p in key.split(",", 1))
            if f"{first} {last}" in self.index:
                return self.index[f"{first} {last}"]
        words = key.split()
        if len(words) == 2 and etype in ("PERSON", "") and f"{words[1]} {words[0]}" in self.index:
            j = self.index[f"{words[1]} {words[0]}"]  # "VISSER Roos" is "Roos Visser"
            if self.entities[j].kind == "person":
                return j
        m = _INITIAL_LAST.match(key)
        if m and f"{m.group(1)}. {m.group(2)}" in self.index:  # "p raman" -> "p. raman"
            return self.index[f"{m.group(1)}. {m.group(2)}"]
        if (etype in ORG_LABELS or etype == "ORGANIZATION") and key in self.acronyms:
            return self.acronyms[key]  # "nms" for "northwind maritime services"
        return None

    def _add_forms(self, i: int, text: str) -> None:
        e = self.entities[i]
        key = key_of(text)
        forms = [text]
        if e.kind == "person" or kind_of(e.resolve() or e.type) == "person":
            words = key.split()
            if "," in key:
                last, first = (p.strip() for p in text.split(",", 1))
                forms.append(f"{first} {last}")
                # "Romero Delgado, Ana Belén": her given names alone are her ("Thanks, Ana
                # Belén"), so are her two family names
                forms += [p for p in (first, last) if len(p.split()) >= 2]
                forms += [p for p in name_parts([text]) if not is_common_word(p)]
                forms += short_parts(text)
            elif len(words) >= 2:
                orig = text.split()
                if len(orig) == 2 and orig[0].isupper() and not orig[1].isupper():
                    orig = [orig[1], orig[0]]  # "VISSER Roos": the family name in capitals
                forms += [f"{orig[-1]}, {' '.join(orig[:-1])}", f"{orig[0][0]}. {orig[-1]}"]
                if len(orig) == 2:
                    forms.append(f"{orig[1]} {orig[0]}")  # family first: "Visser Roos"
                # "JOOST VAN OOSTERHOUT", then "Mr van Oosterhout": the family name with its
                # particles is the person too
                lead = next((k for k, w in enumerate(words) if k and w in PARTICLES), 0)
                if lead and lead < len(orig) - 1:
                    forms.append(" ".join(orig[lead:]))
                forms += [p for p in name_parts([text]) if not is_common_word(p)]
                forms += short_parts(text)
        elif e.kind == "org":
            core = org_core(key)
            if core != key:
                forms.append(text[: len(core)].strip(" ,"))
        for f in forms:
            fk = key_of(f)
            if len(fk) < 2:
                continue
            if fk not in self.index:
                self.index[fk] = i
                self._index_acronym(i, f)
            if f not in e.forms and not any(key_of(x) == fk for x in e.forms):
                e.forms.append(f)

    # ------------------------------------------------------------------ using
    def lookup(self, text: str, etype: str = "") -> Entity | None:
        i = self._find(key_of(text), etype.upper())
        return self.entities[i] if i is not None else None

    def sweep_items(self, allow: frozenset[str]) -> list[tuple[str, str, str]]:
        """(form, type, source) of every form worth searching every file for."""
        out = []
        for e in self.entities:
            if not e.text or (allow and (normalize(e.text) in allow or key_of(e.text) in allow)):
                continue  # a kept entity is kept everywhere (an absorbed one has no text)
            src = (
                "deny-list"
                if any(r >= 4 for v in e.votes.values() for r in v.values())
                else ("pattern")
            )
            person = e.kind == "person"
            etype = e.type or e.resolve()
            for f in e.forms:
                # (an empty allow-list, the usual case, needs no key per form)
                if not (allow and normalize(f) in allow) and not (person and lone_common(f)):
                    out.append((f, etype, src))
        return out

    def stale(self, version: int, atoms: set[int]) -> bool:
        """Could a file scrubbed at `version`, whose text has `atoms`, read differently now?"""
        if version >= self.version:
            return False
        for e in self.entities:
            if e.changed <= version:
                continue
            for f in e.forms:
                parts, joined = _form_atoms(f)
                if parts and (all(p in atoms for p in parts) or joined in atoms):
                    return True
        return False
