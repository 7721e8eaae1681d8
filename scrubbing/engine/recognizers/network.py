"""Internal URLs, host names and UNC paths. Public reference hosts (python.org...) stay."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..lexicon import CODE_OBJECTS, INTERNAL_TLDS, PUBLIC_HOSTS, PUBLIC_TLDS
from .base import ScrubRecognizer

_URL = re.compile(
    r"(?i)\b(?:[a-z][a-z0-9+.\-]{1,20}://|www\.)"
    r"[^\s<>\"'`\])}|]+"
)
_HOST = re.compile(
    r"(?i)(?<![\w.\-/])((?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+"
    r"(?P<tld>[a-z]{2,24}))(?![\w\-]|\.[a-z0-9])"
)
_UNC = re.compile(r"\\\\[A-Za-z0-9._$\-]+\\[^\s\"'<>|]+")


def host_is_public(host: str) -> bool:
    host = host.lower().rstrip(".")
    return any(host == h or host.endswith("." + h) for h in PUBLIC_HOSTS)


class ScrubUrlRecognizer(ScrubRecognizer):
    ENTITIES = ("URL", "DOMAIN", "UNC_PATH")
    SCORE = 0.6

    @staticmethod
    def gate(text: str) -> bool:
        return "." in text or ":" in text or "\\\\" in text

    def find(self, text: str) -> Iterable[tuple[int, int, str]]:
        for m in _URL.finditer(text):
            s, e = m.start(), m.end()
            while e > s and text[e - 1] in ".,;:!?'\"":
                e -= 1
            url = text[s:e]
            host = re.sub(r"(?i)^[a-z0-9:+.\-]*://|^www\.", "", url).split("/")[0].split("@")[-1]
            host = host.split(":")[0]
            if host_is_public(host) and "@" not in url.split("/")[2 if "://" in url else 0]:
                continue
            yield s, e, "URL"
        for m in _HOST.finditer(text):
            tld = m.group("tld").lower()
            host = m.group(1)
            if tld in INTERNAL_TLDS:
                yield m.start(1), m.end(1), "DOMAIN"
            elif tld in PUBLIC_TLDS and not host_is_public(host):
                if host.split(".")[0].lower() in CODE_OBJECTS:
                    continue  # attribute access in code, not a host
                yield m.start(1), m.end(1), "DOMAIN"
        for m in _UNC.finditer(text):
            yield m.start(), m.end(), "UNC_PATH"
