"""Over-redaction on professional and technical prose (issue 18), third round: classes seen on
the independent slice's new dev documents (licence headers, protocol texts, statistics,
accounting, law, nursing) and on the probe. Sentences and names are written here; each class
has the case that must still be found beside it."""

from __future__ import annotations

import pytest

from scrubbing.engine.lexicon.dictionary import in_dictionary_inflected
from scrubbing.engine.pipeline import Pseudonymizer, TermLists
from scrubbing.engine.recognizers.orgs import (
    has_legal_suffix,
    in_licence_notice,
    names_a_firm,
    org_hits,
)
from scrubbing.engine.technical import is_ordinary_phrase, is_technical, product_words


def _span(text: str, part: str) -> tuple[int, int]:
    s = text.index(part)
    return s, s + len(part)


def _clients(text: str) -> set[str]:
    return {text[s:e] for s, e, t in org_hits(text) if t == "CLIENT"}


# ------------------------------------------------------------------ spelt-out acronyms
@pytest.mark.parametrize(
    "text,client",
    [
        # a modern word web2 (1934) lacks, frequent in wordfreq
        ("The Online Certificate Status Protocol (OCSP) lets a client ask.", False),
        # a company word inside a term, not at its head
        ("Keys are sent with Transport Layer Security (TLS) only.", False),
        ("Boto3 is the Software Development Kit (SDK) for Python.", False),
        ("A Service Level Objective (SLO) is a target.", False),
        ("Clauses of the Master Services Agreement (MSA) apply.", False),
        # a British spelling of a dictionary word
        ("Stated at Net Realisable Value (NRV) at year end.", False),
        # a public body or a service, named with ordinary words
        ("Approval from the Health Research Authority (HRA) is needed.", False),
        ("The Data Safety Monitoring Board (DSMB) meets twice a year.", False),
        ("Keys live in the Key Management Service (KMS) of the account.", False),
        # still clients: a firm's head noun, a coined word, words no list calls ordinary
        ("Signed with Northwind Maritime Services (NMS) today.", True),
        ("We chartered Blue Ocean Shipping (BOS) again.", True),
        ("Advised by Goldman Sachs (GS) on the deal.", True),
        ("Funded by the Bluewater Harbour Authority (BHA) in May.", True),
        ("Audited by Atlantic Energy Partners (AEP) last year.", True),
    ],
)
def test_an_acronym_spelt_out_in_ordinary_words_is_no_client(text, client):
    acronym = text[text.index("(") + 1 : text.index(")")]
    assert (acronym in _clients(text)) is client


@pytest.mark.parametrize(
    "parts,firm",
    [
        (["Blue", "Ocean", "Shipping"], True),
        (["Bank", "of", "Valletta"], True),
        (["Acme", "Group", "Research"], True),  # a legal form's word anywhere
        (["Royal", "College", "of", "Physicians"], False),
        (["Transport", "Layer", "Security"], False),
        (["Care", "Quality", "Commission"], False),
    ],
)
def test_the_head_of_a_name_says_firm(parts, firm):
    assert names_a_firm(parts) is firm


def test_a_firm_word_anywhere_says_firm_only_when_asked():
    assert not names_a_firm(["MIDC", "Industrial", "Area"])
    assert names_a_firm(["MIDC", "Industrial", "Area"], anywhere=True)
    assert not names_a_firm(["Data", "Safety", "Monitoring", "Board"], anywhere=True)
    assert not names_a_firm(["Health", "Research", "Authority"], anywhere=True)
    assert names_a_firm(["Atlantic", "Health", "Partners"], anywhere=True)


@pytest.mark.parametrize(
    "text,span,ordinary",
    [
        ("Monitoring follows Good Clinical Practice (GCP) in full.", "Good Clinical Practice",
         True),
        ("The eTMF is the Trial Master File of the study.", "Trial Master File", True),
        # names: two words, or more than one name among them
        ("Ask Will Young about it.", "Will Young", False),
        ("Minutes by Rose White Smith.", "Rose White Smith", False),
    ],
)  # fmt: skip
def test_a_frequent_word_that_is_also_a_name_in_a_long_term(text, span, ordinary):
    s, e = _span(text, span)
    assert is_ordinary_phrase(text, s, e, "ORGANIZATION") is ordinary


def test_a_product_before_a_plural_technical_noun():
    words = product_words("PostgreSQL and SQL Server connectors; Priya builds the images.")
    assert "server" in words
    assert "priya" not in words


@pytest.mark.parametrize(
    "word,known",
    [
        ("Harmonisation", True),
        ("Realisable", True),
        ("Behaviour", True),
        ("Centre", True),
        ("Organising", True),
        ("Catalogue", True),
        ("Seymour", False),  # a surname with "our" is no "seymor"
        ("Okonkwo", False),
    ],
)
def test_a_british_spelling_is_a_dictionary_word(word, known):
    assert in_dictionary_inflected(word) is known


# ------------------------------------------------------------------ a bracketed acronym
def test_an_acronym_in_brackets_that_spells_the_initials_is_no_legal_form():
    text = "adjusted for the American Society of Anesthesiologists (ASA) grade"
    assert not has_legal_suffix(text, *_span(text, "American Society of Anesthesiologists"))
    s, e = _span(text, "the American Society of Anesthesiologists")
    assert is_ordinary_phrase(text, s, e, "ORGANIZATION")
    # a legal form after a name stays one, in brackets or not
    text2 = "Fuel from Hansen Bunkering (AS) and from Kvist Marine AS."
    assert has_legal_suffix(text2, *_span(text2, "Hansen Bunkering"))
    assert has_legal_suffix(text2, *_span(text2, "Kvist Marine"))


# ------------------------------------------------------------------ public bodies and the article
@pytest.mark.parametrize(
    "text,span,ordinary",
    [
        ("Call the Critical Care Outreach Team for a lactate above 4.", "the Critical Care "
         "Outreach Team", True),
        ("Reviewed by the Royal College of Physicians in 2021.", "Royal College of Physicians",
         True),
        ("The Data Safety Monitoring Board meets every six months.", "Data Safety Monitoring "
         "Board", True),
        # a firm stays one; a person introduced by a lead word stays one
        ("We chartered Blue Ocean Shipping again.", "Blue Ocean Shipping", False),
        ("Call Grace Hopper about the outage.", "Grace Hopper", False),
        # a word firms are named with anywhere in a model organisation keeps it (an estate
        # of an address: "Plot 7, MIDC Industrial Area")
        ("There was a near miss at Plot 7, MIDC Industrial Area, Pune.", "MIDC Industrial Area",
         False),
    ],
)  # fmt: skip
def test_a_public_body_of_ordinary_words_is_no_organisation_to_redact(text, span, ordinary):
    s, e = _span(text, span)
    assert is_ordinary_phrase(text, s, e, "ORGANIZATION") is ordinary


@pytest.mark.parametrize(
    "text,span,technical",
    [
        ("priced on relative Stand-Alone Selling Prices", "Stand-Alone", True),
        ("The Intention-to-Treat set includes everyone.", "Intention-to-Treat", True),
        ("Contact Pemberton-Hale for access.", "Pemberton-Hale", False),
    ],
)
def test_a_hyphenated_compound_of_words_is_no_organisation(text, span, technical):
    s, e = _span(text, span)
    assert is_technical(text, s, e, "ORGANIZATION", frozenset()) is technical


# ------------------------------------------------------------------ methods named after authors
@pytest.mark.parametrize(
    "text, methods",
    [
        ("Curves are drawn with Kaplan-Meier curves; the Bonferroni correction and Schoenfeld "
         "residuals follow, combined by Rubin's rules and the Mann-Whitney U test.\n"
         "Priya tests the models; Okoro reviews the method.",
         {"kaplan-meier", "bonferroni", "schoenfeld", "rubin", "mann-whitney"}),
        # nouns only: a question to a person ("Can Priya estimate ...?") keeps the name
        ("Expand it as a Taylor series, invert the Hessian matrix by Cholesky decomposition "
         "and report the Sharpe ratio and the Mahalanobis distance.\n"
         "Can Priya estimate the cost? Will Okoro test the model?",
         {"taylor", "hessian", "cholesky", "sharpe", "mahalanobis"}),
    ],
)  # fmt: skip
def test_a_method_named_after_its_author_is_a_term(text, methods):
    words = product_words(text)
    assert methods <= words
    assert not {"priya", "okoro"} & words


# ------------------------------------------------------------------ copyright holders in a licence
@pytest.mark.parametrize(
    "text,holder,kept",
    [
        ("/*\n   Copyright (c) 2019 MySQL AB\n\n   This program is free software; you can "
         "redistribute it under the GNU General Public License.\n*/\n", "MySQL AB", True),
        ("| Qt | 6.7 | LGPL-3.0 | Copyright (C) 2024 The Qt Company Ltd. |\n", "Qt Company Ltd.",
         True),
        ("OpenJDK: \u00a9 Oracle Corporation, GPLv2 with the Classpath Exception.\n",
         "Oracle Corporation", True),
        # a client's own footer, with no licence near: the client
        ("Fuel report, May.\n\n\u00a9 2026 Northwind Maritime AS. All rights reserved. "
         "Confidential.\n", "Northwind Maritime AS", False),
        # a licence fee in a letter is no licence notice, and no copyright line
        ("The licence fee for Northwind Maritime AS is due.\n", "Northwind Maritime AS", False),
    ],
)  # fmt: skip
def test_the_holder_of_a_software_licence_is_no_client(text, holder, kept):
    assert (holder in _clients(text)) is not kept
    assert in_licence_notice(text, text.index(holder)) is kept


def test_a_licence_header_keeps_its_product_in_code_and_a_client_is_still_found():
    from scrubbing.engine.pipeline import Scrubber

    text = (
        "/*\n   Copyright (c) 2019 MySQL AB\n\n   This program is free software; you can\n"
        "   redistribute it under the GNU General Public License, version 2.0.\n*/\n\n"
        "/* Links against the MySQL 5.7 client library. */\n#include <mysql.h>\n\n"
        "MYSQL *conn = mysql_init(NULL);\n\n"
        "/* Written for Brückner Antriebstechnik GmbH under contract. */\n"
    )
    r = Scrubber().scrub("compat.c", text.encode(), TermLists(), Pseudonymizer("placeholder"))
    out = r.output.decode()
    assert out.count("mysql") == text.count("mysql")
    assert "MySQL AB" in out
    assert "Brückner" not in out


def test_an_author_on_a_copyright_line_is_still_a_person():
    from scrubbing.engine.hits import Hit
    from scrubbing.engine.recognizers.orgs import drop_licence_holders

    texts = ["Copyright (c) 2017-2023, Artur Maciag, All rights reserved.", "Apache v2 licence"]
    s, e = _span(texts[0], "Artur Maciag")
    author = Hit("ORGANIZATION", s, e, 0.85, "model", "Artur Maciag")
    assert drop_licence_holders(texts, [[author], []]) == [[author], []]
    # the firm on the same kind of line is dropped
    texts = ["Copyright (c) 2019 Oracle Corporation.", "Licensed under the GNU GPL."]
    s, e = _span(texts[0], "Oracle Corporation")
    holder = Hit("CLIENT", s, e, 0.75, "pattern", "Oracle Corporation")
    assert drop_licence_holders(texts, [[holder], []]) == [[], []]
