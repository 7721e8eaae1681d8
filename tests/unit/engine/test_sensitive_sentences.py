"""The local rule set: sentences about prices, pay, margins, forecasts, deals, disputes and
security weaknesses are flagged for the contractor, never redacted; ordinary prose is quiet."""

from __future__ import annotations

import pytest

from scrubbing.engine.context import flag_sentences
from scrubbing.engine.context.sentences import sentences
from scrubbing.engine.pipeline import Pseudonymizer, Scrubber, TermLists

SENSITIVE = [
    ("We priced the analytics module at $480 per seat for the renewal.", "pricing"),
    ("The attached price list is valid until the end of June.", "pricing"),
    ("Her salary goes up to 92,000 next year.", "salaries"),
    ("Our gross margin on the retrofit work fell to 31% in the third quarter.", "margins"),
    ("The revenue forecast for next year assumes 12% growth in the north.", "forecasts"),
    ("The board approved the merger with the regional distributor last week.", "acquisitions"),
    ("We are in arbitration with the supplier over the late deliveries.", "disputes"),
    ("The claim against us is for 2.4 million euros.", "disputes"),
    ("The VPN appliance is unpatched and the admin panel still uses a default password.",
     "security weaknesses"),
]  # fmt: skip

ORDINARY = """The committee met on Tuesday to review the new onboarding guide. Everyone agreed
that the first chapter reads well, although the diagrams need larger labels. Maria will ask the
design team for help with the icons. The weather forecast says rain for the site visit, so bring
a coat. The price of progress, as the old saying goes, is patience. We talked about how to claim
a meeting room and how to book travel. Profit from the experience of the senior staff: ask them
questions early. The deal with onboarding is that nobody learns it all in a week. In 2019 the
office moved to the third floor, and 40 people now work there. Version 2.0 of the handbook adds
a glossary and an index. The team lunch is at 12:30 on Friday; bring your own cup."""


@pytest.mark.parametrize(("sentence", "topic"), SENSITIVE)
def test_sensitive_sentences_are_flagged_with_their_topic(sentence, topic):
    text = f"Some context first. {sentence} And a closing line here."
    [flag] = flag_sentences(text)
    assert text[flag.start : flag.end] == sentence
    assert flag.topic == topic and flag.reason


def test_ordinary_prose_is_not_flagged():
    assert flag_sentences(ORDINARY) == []


def test_sentences_keep_abbreviations_and_decimals_inside():
    text = "I met him at 3 p.m. on Monday. The rate rose 2.4 points.\nNext line"
    spans = [text[s:e] for s, e in sentences(text)]
    assert spans == ["I met him at 3 p.m. on Monday.", "The rate rose 2.4 points.", "Next line"]


def test_flags_change_neither_the_output_nor_the_status(detector):
    data = (
        b"Minutes of the planning meeting.\n"
        b"Our gross margin on the retrofit work fell to 31% in the third quarter.\n"
        b"The team will meet again next week."
    )
    [r] = Scrubber().scrub_many([("minutes.txt", data)], TermLists(), Pseudonymizer())
    assert r.status == "done" and not r.report["residual"]
    assert r.output.decode() == data.decode()  # flagged, not redacted
    [flag] = r.flags
    assert flag.text.startswith("Our gross margin") and flag.source == "sensitive"
    assert flag.reason.startswith("margins:") and flag.replacement == ""
    assert r.report["flagged"] == 1
    assert all(f.source != "sensitive" for f in r.findings)
