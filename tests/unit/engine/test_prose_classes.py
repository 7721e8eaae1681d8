"""Over-redaction on real technical prose (issue 18), second round: failure classes seen when
our engine read manual pages and the standard library's help topics
(tests/corpus/independent/probe.py --source man / pydoc). Sentences, programs and names are
written here; each class has the case that must still be found beside it."""

from __future__ import annotations

import pytest

from scrubbing.engine.recognizers.codename import code_words, coined_words
from scrubbing.engine.technical import is_ordinary_place_phrase, is_technical
from scrubbing.engine.terms import TermLists


def _span(text: str, part: str) -> tuple[int, int]:
    s = text.index(part)
    return s, s + len(part)


# ------------------------------------------------------------------ programs run at a prompt
@pytest.mark.parametrize(
    "text,words",
    [
        ("To list them, run:\n\n  $ zentrix muteconfigs list --limit=5\n", {"zentrix", "muteconfigs"}),
        ("$ sudo quarzctl restart\n", {"quarzctl", "restart"}),
        ("    $ tundrafox deploy prod\n", {"tundrafox", "deploy", "prod"}),
    ],
)  # fmt: skip
def test_a_program_run_at_a_shell_prompt_is_code(text, words):
    assert words <= code_words(text)


def test_a_program_run_at_a_prompt_is_no_code_name_in_its_own_manual():
    text = (
        "ZENTRIX_MUTECONFIGS(1)\n\nNAME\n    zentrix muteconfigs - manage mute rules\n\n"
        "EXAMPLES\n    $ zentrix muteconfigs list\n\nZENTRIX WIDE FLAGS\n"
        "MUTECONFIGS apply to ZENTRIX projects. See ZENTRIX docs.\n"
    )
    assert not {"zentrix", "muteconfigs"} & set(coined_words(text))


def test_a_dollar_amount_or_a_prompt_in_prose_is_no_command():
    # a price is no prompt, and a code name in prose beside a prompt still counts
    text = "It costs $ 500.\n\n$ deploy --env prod\n\nTundraFox goes live. TundraFox owners sign."
    assert coined_words(text)["tundrafox"] == 2
    assert "500" not in code_words(text)


# ------------------------------------------------------------------ manual page references
@pytest.mark.parametrize(
    "text,words",
    [
        ("PG_ZENCHECK(1)      PostgreSQL Client Applications", {"pg_zencheck", "zencheck"}),
        ("QUARZ-CURSES(1)     General Commands Manual", {"quarz-curses", "quarz", "curses"}),
        ("one of the zenline(3edit) builtin commands", {"zenline"}),
        ("OPENZEN-OCSPX(1SSL)", {"openzen", "ocspx"}),
    ],
)
def test_a_manual_page_reference_names_a_program(text, words):
    assert words <= code_words(text)


def test_a_manual_title_is_no_code_name_but_a_ticket_is():
    text = (
        "PG_ZENCHECK(1)\n\nNAME\n  pg_zencheck - check the server\n\n"
        "ZENCHECK exits 0. ZENCHECK prints nothing.\n"
        "Ticket BLUEHERON-2026-07 tracks blueheron_model.xlsx; BLUEHERON ships in May.\n"
    )
    found = coined_words(text)
    assert "zencheck" not in found
    assert found["blueheron"] >= 3


def test_a_parenthesised_number_after_prose_is_no_manual_reference():
    assert "blueheron" not in code_words("Phase BLUEHERON (1) starts; BLUEHERON (2) ends.")


# ------------------------------------------------------------------ ordinary words read as places
@pytest.mark.parametrize(
    "span,ordinary",
    [
        ("Classes", True),  # "Classes without a base inherit from object."
        ("Argument", True),  # a table header
        ("Exit", True),
        ("Unary", True),
        ("Slicings", True),
        ("BUG FIXES", True),  # a heading in capitals
        ("Conditional", True),
        # places stay, also when their words are ordinary words
        ("Reading", False),
        ("Bath", False),
        ("Nice", False),
        ("Mobile", False),
        ("Salt Lake City", False),
        ("Long Beach", False),
        ("Green Bay", False),
        ("Jersey", False),
        ("Australia", False),
        ("New Zealand", False),
        ("Oslo", False),
        ("Montoya", False),  # a known surname
        ("Tel-Aviv", False),  # not letters only
        ("Zürich", False),
    ],
)
def test_ordinary_words_that_name_no_place(span, ordinary):
    assert is_ordinary_place_phrase(span) is ordinary


def test_only_a_place_span_is_judged_as_a_place():
    text = "Classes without a base class inherit from object."
    s, e = _span(text, "Classes")
    assert is_technical(text, s, e, "LOCATION", frozenset())
    assert not is_technical("She moved to Reading.", 13, 20, "LOCATION", frozenset())


def test_a_topic_keeps_its_terms_and_the_place_and_person_are_found(detector):
    text = (
        "Unary arithmetic and bitwise operations\n"
        "***************************************\n\n"
        "All unary arithmetic and bitwise operations have the same priority.\n\n"
        "The workshop on these operators is in Reading on 12 May; Wanjiru Kamau will "
        "present it.\n"
    )
    hits = {(h.entity_type, h.text) for h in detector.detect([text], TermLists())[0]}
    texts = {t for _e, t in hits}
    assert "Unary" not in texts
    assert "Wanjiru Kamau" in texts


# ------------------------------------------------------------------ recall beside the new prose
@pytest.mark.parametrize(
    "text,name",
    [
        ("Status: Draft for review by Ana Lima and Bjørnstad\n", "Bjørnstad"),
        ("Approved by Wanjiru Kamau & Okonkwo on Monday.", "Okonkwo"),
    ],
)
def test_a_family_name_joined_to_a_named_reviewer_is_a_person(text, name):
    from scrubbing.engine.recognizers.context_names import handoff_hits

    found = {text[s:e] for s, e, _t in handoff_hits(text)}
    assert name in found


def test_an_ordinary_word_joined_to_a_reviewer_is_no_person():
    from scrubbing.engine.recognizers.context_names import handoff_hits

    text = "Reviewed by Ana Lima and Finance before the audit."
    assert "Finance" not in {text[s:e] for s, e, _t in handoff_hits(text)}


# ------------------------------------------------------------------ shell and environment variables
@pytest.mark.parametrize(
    "text,words",
    [
        ("If $ZENCOMPOSEFILE is set, its value is used.", {"zencomposefile"}),
        ("Set ${QUARZRC} first.", {"quarzrc"}),
        ("Use the QUARZCONF and QUARZRC environment variables.", {"quarzconf", "quarzrc"}),
        ("The environment variable ZENTOOL_CONFIG overrides it.", {"zentool_config"}),
    ],
)
def test_a_shell_or_environment_variable_is_code(text, words):
    assert words <= code_words(text)
    assert not words & set(coined_words(text + " " + text))


def test_a_code_name_beside_a_variable_or_a_price_still_counts():
    text = "It costs $500 a seat. Set $QUARZRC. Operation QUARZELL starts; QUARZELL is late."
    assert coined_words(text)["quarzell"] == 2


# ------------------------------------------------------------------ a sentence before an address
@pytest.mark.parametrize(
    "text,names",
    [
        ("Report bugs to <bug-zentool@example.org>.", set()),
        ("This manual page was written by Jeff Bailey <jb@example.org>.", {"Jeff Bailey"}),
        ("Send patches to Wanjiru Kamau <wk@example.org>.", {"Wanjiru Kamau"}),
        # names stay whole, with their particles and joiners
        ("Ana de la Cruz <ana@example.org>", {"Ana de la Cruz"}),
        ("Ahmad bin Ismail <ahmad@example.my>", {"Ahmad bin Ismail"}),
        ("Jane Doe <jane@example.com> wrote:", {"Jane Doe"}),
    ],
)
def test_a_display_name_is_the_name_at_the_end_of_a_sentence(text, names):
    from scrubbing.engine.recognizers.context_names import name_hits

    found = {text[s:e] for s, e, _t in name_hits(text)}
    assert names <= found
    assert not {f for f in found if f.startswith(("Report", "This"))}


# ------------------------------------------------------------------ role and list mailboxes
@pytest.mark.parametrize(
    "address,names",
    [
        ("bug-tar@example.org", []),
        ("help-desk@example.com", []),
        ("security-team@example.com", []),
        ("jane.doe@example.com", ["Jane Doe"]),
        ("li.wei@example.cn", ["Li Wei"]),
        ("ngoc.lan@example.vn", ["Ngoc Lan"]),
        ("will.young@example.com", ["Will Young"]),
        ("wanjiru.kamau@example.ke", ["Wanjiru Kamau"]),
        ("sri.mulyanihadi@example.co.id", ["Sri Mulyanihadi"]),
    ],
)
def test_a_role_mailbox_names_nobody(address, names):
    from scrubbing.engine.names import names_from_email

    assert names_from_email(address) == names


def test_a_manual_keeps_its_headings_and_finds_its_author(detector):
    from scrubbing.engine.pipeline import Pseudonymizer
    from scrubbing.scrubber import get_scrubber

    text = (
        "ZENTOOL(1)          GNU TAR Manual          ZENTOOL(1)\n\n"
        "BUGS\n       Using this utility as a general file tool is discouraged.\n\n"
        "BUG REPORTS\n       Report bugs to <bug-tar@example.org>.\n\n"
        "AUTHOR\n       This manual page was written by Wanjiru Kamau <wk@example.org>.\n"
    )
    scrubber = get_scrubber()
    analysis = scrubber.analyze("README.txt", text.encode(), TermLists())
    scrubber.assign(analysis, Pseudonymizer(mode="placeholder"))
    out = scrubber.finish(analysis).output.decode()
    for kept in ("GNU TAR Manual", "BUGS", "BUG REPORTS", "Report bugs", "This manual page"):
        assert kept in out
    assert "Wanjiru" not in out and "Kamau" not in out


# ------------------------------------------------------------------ the language's own names
def test_python_built_in_names_are_no_code_names():
    text = (
        'It should return "NotImplemented". Raising "StopIteration" ends it; '
        '"NotImplemented" again, "StopIteration" again, and a RecursionError, RecursionError.'
    )
    assert not {"notimplemented", "stopiteration", "recursionerror"} & set(coined_words(text))
    assert coined_words(text + " QuartzLine ships; QuartzLine is late.")["quartzline"] == 2


def test_place_names_hold_every_english_name_of_the_geodata_and_each_of_its_parts():
    """`place_names` splits each distinct name once: every name of a geodata module, and each
    part of one written "Jersey City, NJ" or "A/B", is still there."""
    import phonenumbers.geodata.data0 as data0

    from scrubbing.engine.lexicon import country_names, place_names

    places = place_names()
    names = {n["en"] for n in data0.data.values() if n.get("en")}
    assert any("," in n for n in names)  # the module holds names with parts
    for name in names:
        assert name.casefold() in places, name
        for part in name.replace("/", ",").split(","):
            assert not part.strip() or part.strip().casefold() in places, (name, part)
    assert country_names() <= places
