"""Every member of every Office and zip output of the project's corpus (tests/corpus) is there
because a rule of the engine's one table explains it (ooxml/rules.py, via the audits)."""

from __future__ import annotations

import pytest

from scrubbing.engine.formats import archive
from scrubbing.engine.formats.ooxml.closed import audit
from scrubbing.engine.pipeline import Scrubber, TermLists
from scrubbing.engine.pseudonyms import Pseudonymizer
from tests.corpus.generator import generate

pytestmark = pytest.mark.slow

CONTAINERS = ("docx", "xlsx", "pptx", "zip")


@pytest.fixture(scope="module")
def outputs(detector):
    corpus = generate(kinds=CONTAINERS)
    scrubber = Scrubber()
    out = {}
    for info in corpus.tasks:
        ps = Pseudonymizer()
        for name in info.files:
            result = scrubber.scrub(name, corpus.files[f"{info.id}/{name}"], TermLists(), ps)
            out[f"{info.id}/{name}"] = result
    return out


def test_the_corpus_has_every_container_kind(outputs):
    kinds = {key.rsplit(".", 1)[1] for key in outputs}
    assert kinds == set(CONTAINERS) and len(outputs) >= 4 * len(CONTAINERS)


def test_every_output_member_is_explained_by_a_rule(outputs):
    unexplained = {}
    for key, result in outputs.items():
        assert result.output is not None, (key, result.status, result.error)
        problems = archive.audit(result.output) if key.endswith(".zip") else audit(result.output)
        if problems:
            unexplained[key] = problems
    assert not unexplained, unexplained
