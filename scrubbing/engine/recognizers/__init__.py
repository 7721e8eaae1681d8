"""The recognizer registry: every recognizer the detector runs, in order.

One small class per recognizer (presidio-analyzer's layout): what it finds (`ENTITIES` or
Presidio's `supported_entities`), its `SOURCE` and its `gate` are class attributes.
Two read a whole document after the per-text ones (a column or a roster spans segments) and
are called by the pipeline, not Presidio: `columns.column_hits`, then `roster.roster_hits`
(`ScrubRosterRecognizer`); they are not imported here, as they use `merge` (no import circle).
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
from .script_names import ScrubScriptNameRecognizer
from .secrets import ScrubSecretRecognizer
from .sentence_names import ScrubSentenceNameRecognizer
from .structure import ScrubStructureRecognizer

__all__ = ["ScrubModelRecognizer", "build_recognizers", "source_of"]


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
        ScrubSentenceNameRecognizer(),
        ScrubScriptNameRecognizer(),
        ScrubAddressRecognizer(),
        ScrubCodenameRecognizer(),
        ScrubOrgRecognizer(),
        ScrubStructureRecognizer(),
    ]


def source_of(recognizer: Any) -> str:
    return getattr(type(recognizer), "SOURCE", "pattern")
