"""Names and code names where running text puts them (issue #18, the independent slice's
third round): a mail subject's tag, a two-word code name after "Project", a bracketed name
after "Project:", and the identifiers built from them; people named as the subject that opens
a sentence or in the middle of one, with no other form of the name in the file."""

from __future__ import annotations

import re

import pytest

from scrubbing.engine.pipeline import Scrubber
from scrubbing.engine.pseudonyms import Pseudonymizer
from scrubbing.engine.recognizers.sentence_names import sentence_name_spans
from scrubbing.engine.terms import TermLists


def scrub(text: str, name: str = "note.txt") -> str:
    r = Scrubber().scrub(name, text.encode(), TermLists(), Pseudonymizer(mode="placeholder"))
    assert r.status in ("done", "residual"), r.error
    return r.output.decode()


@pytest.mark.parametrize(
    "text,word",
    [
        # a subject's tag, then the code name in lower case in a file name
        ("Subject: Re: [Quillmere] handover\n\nThe tracker is quillmere_v2_final.xlsx.\n",
         "quillmere"),
        ("RE: [Larkspur] – next steps\n\nSee larkspur_q2_close.xlsx and OPS-LARKSPUR-14.\n",
         "larkspur"),
        # "Project:" then the name in brackets
        ("Project: [Wrenfield]. Open issues are tracked under OPS-WRENFIELD-14.\n", "wrenfield"),
        # a bracketed word that also begins an office file's name in the same text
        ("Led [Thornvale]: a fleet renewal.\nBuilt the thornvale_q2_close.xlsx reporting.\n",
         "thornvale"),
        ("Led [Brackenfold]: a fleet renewal.\nBuilt the BRACKENFOLD-TASK-301 reporting.\n",
         "brackenfold"),
    ],
)  # fmt: skip
def test_a_tagged_code_name_and_its_identifiers(text, word):
    out = scrub(text)
    assert word not in out.casefold(), out


@pytest.mark.parametrize(
    "text,words",
    [
        ("Led Project White Stag: a fleet renewal. Ref WHITESTAG-2027-02, file "
         "white_stag_synergies.xlsx.\n", ["stag"]),
        ("Project Half Moon is late; see HALFMOON-DD-6 and half_moon_closing_memo.docx.\n",
         ["moon"]),
        ("Advisory services – Project Arctic Tern (ARCTICTERN-IC-1).\n", ["tern", "arctic"]),
    ],
)  # fmt: skip
def test_a_two_word_code_name_after_project(text, words):
    out = scrub(text)
    assert not any(w in out.casefold() for w in words), out


@pytest.mark.parametrize(
    "text,kept",
    [
        ("The Project Status Update is due on Friday.\n", "Status Update"),
        ("Subject: [EXTERNAL] Re: invoice\n\nPlease see below.\n", "EXTERNAL"),
        ("Send it to the Project Nightjar Review board.\n", "Review"),
        ("[Service]\nUser=ops\n\nThe service_accounts.xlsx sheet lists them.\n", "[Service]"),
    ],
)  # fmt: skip
def test_ordinary_words_after_project_or_in_a_subject_tag_stay(text, kept):
    assert kept in scrub(text)


@pytest.mark.parametrize(
    "text,left",
    [
        # the subject that opens a sentence, nothing else in the file names her
        ("Yetunde Akinwale hands over the ledger on Friday.\n", ["Yetunde", "Akinwale"]),
        ("Maarten van 't Hof hands over the supplier file.\n", ["Maarten", "Hof"]),
        # mid-sentence objects, names in no list and in no dictionary
        ("Finance agreed with Venkatesh Raghunathan that the retention stays.\n",
         ["Venkatesh", "Raghunathan"]),
        ("If anything is unclear, please ask Prasanthi Vemulapalli or the desk.\n",
         ["Prasanthi", "Vemulapalli"]),
        ("Action: Siobhán O’Gorman and Filmon Tekeste to agree the cut-over date.\n",
         ["Siobhán", "Gorman", "Filmon", "Tekeste"]),
        # a particle joins names that are frequent in English text but in no dictionary
        ("The side letter was signed by Faisal bin Rashid al-Mazrouei on 2 March.\n",
         ["Faisal", "Rashid", "Mazrouei"]),
    ],
)  # fmt: skip
def test_a_name_in_running_text_with_no_other_form(text, left):
    out = scrub(text)
    assert not any(re.search(rf"(?i)\b{w}\b", out) for w in left), out


@pytest.mark.parametrize(
    "text",
    [
        "The Kubernetes Operator restarts the pods.",  # led by a determiner
        "Requests go through Nordvik Bunkering AS in Bergen.",  # a company
        "We moved from Grafana Loki to Prometheus last year.",  # a product
        "Call Foobar Quux --verbose after `pip install quux==2.1.0` in the venv.",  # technical
        "WEEKLY STATUS REPORT for the Board",  # capitals, vocabulary
        "Yesterday Kong Tower said no.",  # dictionary words
        "We met the broker in Rio de Janeiro last week.",  # a place
        "We've launched Pydantic Logfire today.\n\n    pip install pydantic\n",  # a package
    ],
)
def test_capitalised_terms_in_sentences_are_no_names(text):
    assert list(sentence_name_spans(text)) == []
