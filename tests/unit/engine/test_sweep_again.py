"""A second sweep of a file (after `learn_widened`) given the first sweep's spans (`swept=`):
the same findings as sweeping every segment again, with only the segments where something new
is found merged again."""

from __future__ import annotations

from dataclasses import replace

from scrubbing.engine.base import Document, Segment
from scrubbing.engine.detect import Hit
from scrubbing.engine.pipeline import TermLists
from scrubbing.engine.sweep import sweep


class _Doc(Document):
    kind = "text"

    def render(self, edits):  # pragma: no cover - never rendered here
        raise NotImplementedError


TEXTS = [
    "Priya Raman",
    "priya.raman@example.com",
    "Raman signed it",
    "Finance",
    "Priya Raman",  # the same text twice: searched once
    "Call Tsvetelina Stoyanova today",
    "Stoyanova wrote back",
    "nothing to see here",
]


def _doc() -> Document:
    return _Doc([Segment(i, t, f"A{i + 1}", "table") for i, t in enumerate(TEXTS)])


def _hits(doc: Document) -> list[list[Hit]]:
    hits: list[list[Hit]] = [[] for _ in doc.segments]
    hits[0] = [Hit("PERSON", 0, 11, 0.85, "model", "Priya Raman")]
    hits[1] = [Hit("EMAIL_ADDRESS", 0, 23, 1.0, "pattern", "priya.raman@example.com")]
    return hits


def _plain(hits: list[list[Hit]]) -> list[list[Hit]]:
    # what findings carry: the `sweep` mark (a repeat found elsewhere) is not among it
    return [[replace(h, sweep=False) for h in seg] for seg in hits]


FIRST = [("Priya Raman", "PERSON", "pattern"), ("Raman", "PERSON", "pattern")]
# what the task learnt since: a new person, and an old form with another type
SECOND = [*FIRST, ("Stoyanova", "PERSON", "pattern"), ("Finance", "ORGANIZATION", "pattern")]


def test_second_sweep_with_the_first_sweeps_spans_finds_the_same():
    doc = _doc()
    swept: dict = {}
    once = sweep(doc, _hits(doc), TermLists(), (), FIRST, swept=swept)
    assert swept["Raman signed it"] == [(0, 5, "PERSON", "pattern")]
    assert [h.text for h in once[2]] == ["Raman"]
    again = sweep(doc, once, TermLists(), (), SECOND, swept=dict(swept))
    full = sweep(doc, once, TermLists(), (), SECOND)
    assert _plain(again) == _plain(full)
    # the new person is found, the old form with its new type
    assert [h.text for h in again[5]] == ["Stoyanova"]
    assert [h.text for h in again[6]] == ["Stoyanova"]
    assert [(h.entity_type, h.text) for h in again[3]] == [("ORGANIZATION", "Finance")]
    assert again[7] == []


def test_segments_where_nothing_new_is_found_are_left_as_the_first_sweep_left_them():
    doc = _doc()
    swept: dict = {}
    once = sweep(doc, _hits(doc), TermLists(), (), FIRST, swept=swept)
    again = sweep(doc, once, TermLists(), (), SECOND, swept=swept)
    for i in (0, 1, 2, 4):  # the same spans found again: the very same hit lists
        assert again[i] is once[i]
    assert again[3] is not once[3]  # a string found there now: merged again
    # and the dict now holds the second sweep's spans
    assert swept["Stoyanova wrote back"] == [(0, 9, "PERSON", "pattern")]


def test_without_the_first_sweeps_spans_every_segment_is_merged_again():
    doc = _doc()
    once = sweep(doc, _hits(doc), TermLists(), (), FIRST)
    again = sweep(doc, once, TermLists(), (), FIRST)
    assert again[2] is not once[2]
    assert _plain(again) == _plain(once)


def test_a_string_gone_from_the_second_sweep_leaves_the_first_sweeps_hit():
    doc = _doc()
    swept: dict = {}
    once = sweep(doc, _hits(doc), TermLists(), (), FIRST, swept=swept)
    only_full = [("Priya Raman", "PERSON", "pattern")]
    again = sweep(doc, once, TermLists(), (), only_full, swept=swept)
    full = sweep(doc, once, TermLists(), (), only_full)
    assert _plain(again) == _plain(full)
    assert [h.text for h in again[2]] == ["Raman"]  # found before, kept


def test_repeated_items_are_searched_once_and_the_first_type_of_a_string_wins():
    doc = _Doc([Segment(0, "Acme signed with Raman", "A1", "table")])
    hits: list[list[Hit]] = [[]]
    items = [
        ("Acme", "ORGANIZATION", "pattern"),
        ("Raman", "PERSON", "pattern"),
        ("Acme", "PERSON", "model"),  # the same string, another type: the first one wins
        ("Acme", "ORGANIZATION", "pattern"),  # the very same item again
        ("Raman", "PERSON", "pattern"),
    ]
    out = sweep(doc, hits, TermLists(), (), items)
    assert [(h.entity_type, h.text) for h in out[0]] == [
        ("ORGANIZATION", "Acme"),
        ("PERSON", "Raman"),
    ]


def test_assign_lists_the_task_entities_of_the_inventory_as_assign_leaves_it(detector):
    from scrubbing.engine.pipeline import Scrubber
    from scrubbing.engine.pseudonyms import Pseudonymizer
    from scrubbing.engine.sweep import task_entities

    scrubber, ps = Scrubber(), Pseudonymizer()
    text = b"Minutes: Priya Raman met Oksana.\nOksana Melnychuk signed.\nRaman agreed.\n"
    analysis = scrubber.analyze("minutes.txt", text, TermLists())
    scrubber.assign(analysis, ps)
    assert analysis.task_entities == task_entities(ps, frozenset())
    assert ("Oksana Melnychuk", "PERSON", "pattern") in analysis.task_entities


# --- a second sweep with `Swept`: only the texts a new or changed string can occur in are
# searched again, with the same findings as searching every text


def _texts_doc(texts: list[str]) -> Document:
    return _Doc([Segment(i, t, f"A{i + 1}", "table") for i, t in enumerate(texts)])


def test_a_second_sweep_with_swept_finds_what_a_full_search_finds():
    from scrubbing.engine.sweep import Swept

    doc = _doc()
    memo = Swept()
    once = sweep(doc, _hits(doc), TermLists(), (), FIRST, swept=memo)
    assert memo.known is not None and memo["Raman signed it"] == [(0, 5, "PERSON", "pattern")]
    again = sweep(doc, once, TermLists(), (), SECOND, swept=memo)
    full = sweep(doc, once, TermLists(), (), SECOND)
    assert _plain(again) == _plain(full)
    assert [h.text for h in again[6]] == ["Stoyanova"]
    assert [(h.entity_type, h.text) for h in again[3]] == [("ORGANIZATION", "Finance")]


def test_swept_searches_again_only_where_a_changed_string_can_occur(monkeypatch):
    from scrubbing.engine import terms
    from scrubbing.engine.sweep import Swept

    doc = _doc()
    memo = Swept()
    once = sweep(doc, _hits(doc), TermLists(), (), FIRST, swept=memo)
    searched: list[str] = []
    real = terms.KnownStrings.finditer

    def spy(self, text):
        searched.append(text)
        return real(self, text)

    monkeypatch.setattr(terms.KnownStrings, "finditer", spy)
    sweep(doc, once, TermLists(), (), SECOND, swept=memo)
    # "Stoyanova" and "Finance" are new or changed; "Priya Raman" is not
    assert set(searched) == {"Finance", "Call Tsvetelina Stoyanova today", "Stoyanova wrote back"}


def test_a_changed_type_of_a_word_inside_other_texts_is_found_there_again():
    from scrubbing.engine.sweep import Swept

    texts = ["Raman met Finance", "Finance team", "Raman", "RAMAN in capitals", "finance"]
    doc = _texts_doc(texts)
    hits: list[list[Hit]] = [[] for _ in texts]
    first = [("Raman", "PERSON", "pattern"), ("Finance", "ORGANIZATION", "pattern")]
    second = [("Finance", "CLIENT", "deny-list"), *first, ("Raman met", "PERSON", "model")]
    memo = Swept()
    once = sweep(doc, hits, TermLists(), (), first, swept=memo)
    again = sweep(doc, once, TermLists(), (), second, swept=memo)
    full = sweep(doc, once, TermLists(), (), second)
    assert _plain(again) == _plain(full)
    assert ("CLIENT", "Finance") in [(h.entity_type, h.text) for h in again[1]]


def test_a_new_common_word_name_is_looked_for_in_every_text_again():
    from scrubbing.engine.sweep import Swept

    # "Grace" is an ordinary word: swept only where it stands as a name (common_name_finder)
    texts = ["Grace Hopper", "Could Grace check it?", "a grace period", "Hopper agreed"]
    doc = _texts_doc(texts)
    hits: list[list[Hit]] = [[] for _ in texts]
    memo = Swept()
    once = sweep(doc, hits, TermLists(), (), [("Hopper", "PERSON", "pattern")], swept=memo)
    second = [("Hopper", "PERSON", "pattern"), ("Grace Hopper", "PERSON", "pattern")]
    again = sweep(doc, once, TermLists(), (), second, swept=memo)
    full = sweep(doc, once, TermLists(), (), second)
    assert _plain(again) == _plain(full)
    assert [h.text for h in again[1]] == ["Grace"]
    assert again[2] == []


def test_known_strings_may_differ_names_the_texts_holding_a_changed_key():
    from scrubbing.engine.terms import KnownStrings

    items = [("Priya Raman", "PERSON", "pattern"), ("Raman", "PERSON", "pattern")]
    a = KnownStrings(items)
    same = KnownStrings(items).may_differ(a)
    assert same is not None and not same("Priya Raman signed") and not same("Raman")
    b = KnownStrings([*items, ("Finance", "ORGANIZATION", "pattern")])
    differs = b.may_differ(a)
    assert differs is not None
    assert differs("FINANCE report") and differs("Finance")
    # a key only as part of a longer run of letters is no occurrence of it
    assert not differs("Refinanced") and not differs("Priya Raman")
    # a string with no letter or digit in its first word is matched by a regex: no answer
    c = KnownStrings([*items, ("(+) Raman", "PERSON", "pattern")])
    assert c.may_differ(a) is None


def test_within_a_memo_every_build_of_known_strings_shares_its_entries():
    """`known_strings_memo`: a big sheet's strings outnumber `_prepared`'s LRU, so each build
    evicted what the next needed; within the memo they are made once, and a second sweep
    (`may_differ`) sees the same entries, not changed ones."""
    from scrubbing.engine import terms

    items = [("Priya Raman", "PERSON", "pattern"), ("Finance", "ORGANIZATION", "pattern")]
    with terms.known_strings_memo():
        terms._prepared.cache_clear()
        first = terms.KnownStrings(items)
        terms._prepared.cache_clear()  # as if the LRU had evicted them
        with terms.known_strings_memo():  # nested: the outer memo serves
            second = terms.KnownStrings(items)
    assert first._index2 == second._index2 and first._index1 == second._index1
    same = second.may_differ(first)
    assert same is not None and not same("Priya Raman of Finance")
    # outside a memo, an evicted string is made again: a new entry, seen as changed
    terms._prepared.cache_clear()
    third = terms.KnownStrings(items)
    differs = third.may_differ(first)
    assert differs is not None and differs("Priya Raman of Finance")
    # and the memo is gone once the `with` ends
    assert terms._PREPARED.get() is None
    assert list(third.finditer("Priya Raman of Finance")) == list(
        first.finditer("Priya Raman of Finance")
    )
