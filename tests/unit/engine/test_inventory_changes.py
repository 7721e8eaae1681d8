"""`Inventory.contribute` marks exactly the entities whose type or forms changed (it tracks the
entities it touches instead of comparing every entity before and after)."""

from __future__ import annotations

from scrubbing.engine.inventory import Inventory

STEPS = [
    ("a", [("Oksana", "PERSON", "model"), ("Globex Corp", "ORGANIZATION", "model")]),
    ("a", [("Oksana", "PERSON", "model")]),  # nothing new
    ("b", [("Oksana Melnychuk", "PERSON", "pattern")]),  # absorbs "Oksana"
    ("b", [("Globex", "ORGANIZATION", "model"), ("BLUEHERON", "CODENAME", "pattern")]),
    ("c", [("Globex Corp", "LOCATION", "deny-list")]),  # another type, stronger source
    ("c", [("oksana.melnychuk@example.com", "EMAIL_ADDRESS", "pattern")]),
    ("d", [("Melnychuk, Oksana", "PERSON", "model"), ("Jane Doe", "PERSON", "model")]),
    ("d", [("Jane Doe", "PERSON", "model")]),
]


def _snapshot(inv: Inventory) -> list[tuple[str, int]]:
    return [(e.resolve(), len(e.forms)) for e in inv.entities]


def test_contribute_marks_exactly_the_entities_that_changed():
    inv = Inventory()
    for file_key, mentions in STEPS:
        before, version = _snapshot(inv), inv.version
        changed = inv.contribute(file_key, mentions)
        after = _snapshot(inv)
        expected = {i for i, now in enumerate(after) if i >= len(before) or before[i] != now}
        assert changed == bool(expected)
        assert inv.version == version + (1 if expected else 0)
        marked = {i for i, e in enumerate(inv.entities) if expected and e.changed == inv.version}
        assert marked == expected
        for i in expected:
            assert inv.entities[i].type == inv.entities[i].resolve()


def test_a_repeated_contribution_changes_nothing():
    inv = Inventory()
    assert inv.contribute("a", [("Priya Raman", "PERSON", "model")])
    version = inv.version
    assert not inv.contribute("a", [("Priya Raman", "PERSON", "model")])
    assert inv.version == version


def test_an_absorbed_part_counts_as_changed():
    inv = Inventory()
    inv.contribute("a", [("Oksana", "PERSON", "model")])
    (alone,) = [i for i, e in enumerate(inv.entities) if e.text == "Oksana"]
    assert inv.contribute("b", [("Oksana Melnychuk", "PERSON", "pattern")])
    assert inv.entities[alone].changed == inv.version  # its forms moved to the full name
    assert inv.entities[alone].forms == []
