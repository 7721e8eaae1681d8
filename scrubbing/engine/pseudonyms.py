"""Consistent replacements across a whole task (request and deliverable, every file).

The same entity gets the same replacement everywhere: "Jane Doe", "JANE  DOE" and "jane doe"
are one key; a bare "Doe" or "J. Doe" after "Jane Doe" reuses Jane Doe's number (and, in fake
mode, her fake surname). The state is JSON-serialisable and the Django side stores it per
task, so a re-scrub continues the numbering instead of reshuffling every placeholder.

The state holds original texts: it belongs with the task's private data, like the originals.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from .inventory import Inventory
from .lexicon import CORP_KEY_SUFFIXES, ORG_LABELS
from .names import POSSESSIVE
from .terms import normalize

STATE_VERSION = 1

#: entity type -> short label used in placeholders
LABELS = {
    "EMAIL_ADDRESS": "EMAIL",
    "PHONE_NUMBER": "PHONE",
    "ORGANIZATION": "ORG",
    "IP_ADDRESS": "IP",
    "CREDIT_CARD": "CARD",
    "IBAN_CODE": "IBAN",
    "US_SSN": "SSN",
    "UK_NINO": "NINO",
    "CRYPTO": "WALLET",
}
SECRET_TYPES = frozenset(
    [
        "PRIVATE_KEY",
        "AWS_ACCESS_KEY",
        "AWS_SECRET_KEY",
        "GITHUB_TOKEN",
        "GITLAB_TOKEN",
        "SLACK_TOKEN",
        "SLACK_WEBHOOK",
        "STRIPE_KEY",
        "SENDGRID_KEY",
        "GOOGLE_API_KEY",
        "OPENAI_KEY",
        "NPM_TOKEN",
        "PYPI_TOKEN",
        "JWT",
        "TWILIO_KEY",
        "PASSWORD",
        "API_KEY",
        "SECRET",
    ]
)
#: "[PERSON_3]": the placeholder this module writes; group 1 is its entity type
PLACEHOLDER_RE = re.compile(r"\[([A-Z][A-Z0-9_]*)_\d+\]")


def _words(key: str) -> list[str]:
    return key.replace(".", ". ").split()


_NOT_LABEL = re.compile(r"[^A-Z0-9_]")


def label(entity_type: str) -> str:
    t = _NOT_LABEL.sub("_", entity_type.upper()) or "REDACTED"
    return LABELS.get(t, t)


_CORP = re.compile(r"(?:[\s,]+(?:" + "|".join(CORP_KEY_SUFFIXES) + r")\.?)+$")


def _key(text: str, lab: str = "") -> str:
    # case/whitespace-insensitive, possessive and stray punctuation dropped
    k = normalize(text)
    k = POSSESSIVE.sub("", k)
    k = k.strip(" .,;:\"'()[]")
    if lab in ORG_LABELS:
        k = _CORP.sub("", k) or k  # "Acme Corp" and "Acme, Inc." are the same client as "Acme"
    return k


class Pseudonymizer:
    """`replacement(entity_type, text)` -> "[PERSON_1]" or a consistent synthetic value."""

    def __init__(self, mode: str = "placeholder", state: dict[str, Any] | None = None) -> None:
        if mode not in ("placeholder", "fake"):
            raise ValueError("mode must be 'placeholder' or 'fake'")
        st = state or {}
        self.mode = st.get("mode", mode) if state else mode
        self.seed: str = st.get("seed", "superstar-scrubbing")
        self.counters: dict[str, int] = dict(st.get("counters", {}))
        # label -> normalised key -> replacement
        self.entities: dict[str, dict[str, str]] = {
            k: dict(v) for k, v in st.get("entities", {}).items()
        }
        # label -> normalised key -> original text (first spelling seen)
        self.originals: dict[str, dict[str, str]] = {
            k: dict(v) for k, v in st.get("originals", {}).items()
        }
        # who and what the task's files name, resolved into entities (inventory.py)
        self.inventory = Inventory(st.get("inventory"))
        self._faker: Any = None
        self._index_cache: dict[str, tuple[dict[str, str], int, dict[str, Any]]] = {}

    # ------------------------------------------------------------------ state
    def state(self) -> dict[str, Any]:
        return {
            "version": STATE_VERSION,
            "mode": self.mode,
            "seed": self.seed,
            "counters": dict(self.counters),
            "entities": {k: dict(v) for k, v in self.entities.items()},
            "originals": {k: dict(v) for k, v in self.originals.items()},
            "inventory": self.inventory.state(),
        }

    def replacements(self) -> set[str]:
        """Every value handed out (verification must not flag them as leftovers)."""
        return {r for m in self.entities.values() for r in m.values()}

    def known_texts(self, entity_label: str | None = None) -> list[str]:
        """Originals seen so far in this task (for file names and cross-file sweeps)."""
        out: list[str] = []
        for lab, m in self.originals.items():
            if entity_label is None or lab == entity_label:
                out.extend(m.values())
        return out

    # ------------------------------------------------------------------ mapping
    def replacement(self, entity_type: str, text: str) -> str:
        lab = label(entity_type)
        key = _key(text, lab) or normalize(text) or text
        table = self.entities.setdefault(lab, {})
        if key in table:
            return table[key]
        rep = self._linked(lab, key) if lab == "PERSON" else None
        if rep is None:
            rep = self._new(lab, key)
        table[key] = rep
        self._indexed(lab, table, key)
        self.originals.setdefault(lab, {}).setdefault(key, text.strip())
        return rep

    def entity_replacement(self, entity_type: str, canonical: str, surface: str) -> str:
        """The replacement of `surface`, one form of the entity named `canonical`: the same
        placeholder for every form; in fake mode the matching part of the fake name."""
        rep = self.replacement(entity_type, canonical)
        lab = label(entity_type)
        key = _key(surface, lab) or normalize(surface)
        if key == (_key(canonical, lab) or normalize(canonical)):
            return rep
        if self.mode == "fake" and lab == "PERSON" and not PLACEHOLDER_RE.fullmatch(rep):
            words, cwords = _words(key), _words(_key(canonical, lab))
            parts = rep.split()
            if len(words) == 1 and words[0] in cwords:
                rep = self._part(rep, cwords.index(words[0]), len(cwords))
            elif "," in surface and len(parts) >= 2:
                rep = f"{parts[-1]}, {' '.join(parts[:-1])}"
        table = self.entities.setdefault(lab, {})
        if table.get(key) != rep:
            new = key not in table
            table[key] = rep
            self.originals.setdefault(lab, {}).setdefault(key, surface.strip())
            # the word index holds keys in table order, not replacements: a new key is
            # appended to it, a changed replacement leaves it as it is (rebuilding it here
            # made a sheet of ten thousand people quadratic)
            if new:
                self._indexed(lab, table, key)
        return rep

    def _linked(self, lab: str, key: str) -> str | None:
        """Reuse a known person's replacement for "Doe", "J. Doe", "Jane" or "Jane Doe".

        The first known key (in the order they were made) that links wins. Candidates come
        from a word index rather than a scan of every known person, so a workbook with ten
        thousand people stays linear.
        """
        table = self.entities.get(lab, {})
        words = _words(key)
        if not words or not table:
            return None
        initial = len(words) == 2 and len(words[0].rstrip(".")) == 1
        if len(words) > 1 and not initial:
            # a full name ("jane doe") links only to the one-word key of its last word, and
            # the only key whose words are ["doe"] is "doe" (keys are trimmed and single-
            # spaced): one lookup instead of a scan of every namesake in a sheet of people
            return table.get(words[-1])
        index = self._word_index(lab, table)
        # entries are in table order, so the first that links wins
        for _order, known, kw in index.get(words[-1] if len(words) > 1 else words[0], ()):
            rep = table[known]
            if len(words) == 1 and len(kw) > 1 and words[0] in kw:
                return self._part(rep, kw.index(words[0]), len(kw))
            if len(words) > 1 and len(kw) == 1 and kw[0] == words[-1]:
                return rep  # "Doe" seen first, then "Jane Doe": same person, same number
            if (
                initial
                and len(kw) >= 2
                and words[-1] == kw[-1]
                and words[0].rstrip(".") == kw[0][:1]
            ):
                return rep  # "J. Doe" -> "Jane Doe"
        return None

    def _word_index(
        self, lab: str, table: dict[str, str]
    ) -> dict[str, list[tuple[int, str, list[str]]]]:
        """word -> [(position in `table`, known key, its words)] in table order, for every word
        of every known key. Kept in step by `replacement`; rebuilt if `table` changed
        otherwise."""
        entry = self._index_cache.get(lab)
        if entry is None or entry[0] is not table or entry[1] != len(table):
            index: dict[str, list[tuple[int, str, list[str]]]] = {}
            for order, known in enumerate(table):
                kw = _words(known)
                for w in dict.fromkeys(kw):
                    index.setdefault(w, []).append((order, known, kw))
            entry = self._index_cache[lab] = (table, len(table), index)
        return entry[2]

    def _indexed(self, lab: str, table: dict[str, str], key: str) -> None:
        """`key` was just added to `table`: add it to the word index too (if there is one)."""
        entry = self._index_cache.get(lab)
        if entry is not None and entry[0] is table and entry[1] == len(table) - 1:
            kw = _words(key)
            for w in dict.fromkeys(kw):
                entry[2].setdefault(w, []).append((len(table) - 1, key, kw))
            self._index_cache[lab] = (table, len(table), entry[2])

    def _part(self, rep: str, index: int, n: int) -> str:
        if self.mode == "placeholder" or PLACEHOLDER_RE.fullmatch(rep):
            return rep
        parts = rep.split()
        if len(parts) == n:
            return parts[index]
        return parts[-1] if index == n - 1 else parts[0]

    def _new(self, lab: str, key: str) -> str:
        n = self.counters.get(lab, 0) + 1
        self.counters[lab] = n
        if self.mode == "fake":
            fake = self._fake(lab, n)
            if fake is not None:
                return fake
        return f"[{lab}_{n}]"

    # ------------------------------------------------------------------ fake values
    def _fake(self, lab: str, n: int) -> str | None:
        if lab in {label(t) for t in SECRET_TYPES}:
            return None  # a realistic-looking fake secret would be flagged as a real one
        if self._faker is None:
            from faker import Faker

            self._faker = Faker("en_US")
        used = self.replacements()
        for attempt in range(20):
            digest = hashlib.sha256(f"{self.seed}|{lab}|{n}|{attempt}".encode()).digest()
            self._faker.seed_instance(int.from_bytes(digest[:8], "big"))
            value = self._fake_value(lab, n)
            if value is None:
                return None
            if value not in used:
                return value
        return None

    def _fake_value(self, lab: str, n: int) -> str | None:
        f = self._faker
        # Synthetic values stay in reserved or obviously fictional ranges where one exists.
        if lab == "PERSON":
            return f"{f.first_name()} {f.last_name()}"
        if lab == "EMAIL":
            return f"{f.first_name().lower()}.{f.last_name().lower()}@example.com"
        if lab == "PHONE":
            return f"+1-555-01{n % 100:02d}"
        if lab in ("ORG", "CLIENT", "COMPANY", "ORGANIZATION"):
            return f.company()
        if lab == "LOCATION":
            return f.city()
        if lab == "URL":
            return f"https://example.com/{f.slug()}"
        if lab == "DOMAIN":
            return f"example{n}.com"
        if lab == "IP":
            return f"192.0.2.{n % 254 + 1}"
        if lab == "CODENAME":
            return f"Project {f.color_name()}"
        if lab == "ADDRESS":
            return f.address().replace("\n", ", ")
        return None
