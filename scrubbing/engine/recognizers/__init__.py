"""The recognizer registry: every recognizer the detector runs, in order.

One small class per recognizer (presidio-analyzer's layout): what it finds (`ENTITIES` or
Presidio's `supported_entities`), its `SOURCE` and its `gate` are class attributes.
Per-text recognizers run inside Presidio (`build_recognizers`); document-level ones (a roster
spans segments) are listed in `DOCUMENT_RECOGNIZERS` and run on the detected hits.
"""

from __future__ import annotations

from typing import Any

from .address import ScrubAddressRecognizer
from .card import ScrubCardRecognizer
from .codename import ScrubCodenameRecognizer
from .context_names import ScrubNameRecognizer
from .known_names import ScrubKnownNameRecognizer
from .model import ScrubModelRecognizer
from .network import ScrubUrlRecognizer
from .orgs import ScrubOrgRecognizer
from .phone import ScrubPhoneRecognizer
from .presidio import (
    ScrubCryptoRecognizer,
    ScrubEmailRecognizer,
    ScrubIbanRecognizer,
    ScrubIpRecognizer,
    ScrubUkNinoRecognizer,
    ScrubUsSsnRecognizer,
)
from .roster import ScrubRosterRecognizer
from .secrets import ScrubSecretRecognizer
from .structure import ScrubStructureRecognizer

__all__ = [
    "DOCUMENT_RECOGNIZERS",
    "ScrubModelRecognizer",
    "ScrubRosterRecognizer",
    "build_recognizers",
    "source_of",
]

#: recognizers that read a whole document's segments and hits, after the per-text ones and
#: the columns (`recognizers.columns.column_hits`); each has `hits(doc, hits)`
DOCUMENT_RECOGNIZERS = (ScrubRosterRecognizer,)


def build_recognizers(tld: Any) -> list[Any]:
    """Fresh instances, model first; `tld` is the offline tldextract extractor."""
    return [
        ScrubModelRecognizer(),
        ScrubEmailRecognizer(tld),
        ScrubCardRecognizer(),
        ScrubIbanRecognizer(),
        ScrubIpRecognizer(),
        ScrubUsSsnRecognizer(),
        ScrubUkNinoRecognizer(),
        ScrubCryptoRecognizer(),
        ScrubSecretRecognizer(),
        ScrubPhoneRecognizer(),
        ScrubUrlRecognizer(),
        ScrubNameRecognizer(),
        ScrubKnownNameRecognizer(),
        ScrubAddressRecognizer(),
        ScrubCodenameRecognizer(),
        ScrubOrgRecognizer(),
        ScrubStructureRecognizer(),
    ]


def source_of(recognizer: Any) -> str:
    return getattr(type(recognizer), "SOURCE", "pattern")
