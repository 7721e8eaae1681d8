"""No import circle inside scrubbing/engine (tests/import_graph.py: lazy imports count).

Formats reach each other through `registry.module_for` (a module path as a string) instead.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.import_graph import ROOT, describe, find_cycle, import_graph, module_files


def engine_graph(root: Path = ROOT) -> dict[str, dict[str, int]]:
    return import_graph(module_files(root, ["scrubbing/engine"]))


def test_engine_has_no_import_cycle() -> None:
    graph = engine_graph()
    assert len(graph) > 50, "the walk found the engine's modules"
    cycle = find_cycle(graph)
    assert cycle is None, "import circle: " + describe(graph, cycle)


@pytest.mark.parametrize(
    ("files", "circle"),
    [
        ({"a.py": "from . import b\n", "b.py": "def f():\n    from .a import x\n"}, True),
        ({"a.py": "from .b import y\n", "b.py": "import os\n"}, False),
        (
            {
                "a.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .b import B\n",
                "b.py": "from .a import x\n",
            },
            False,
        ),
        (
            {
                "__init__.py": "from .a import x\n",
                "a.py": "from .sub.c import z\n",
                "sub/__init__.py": "",
                "sub/c.py": "from ..a import x\n",
            },
            True,
        ),
    ],
)
def test_the_check_sees_circles(tmp_path: Path, files: dict[str, str], circle: bool) -> None:
    """The walk itself: lazy and relative imports count, TYPE_CHECKING ones do not."""
    root = tmp_path / "scrubbing" / "engine"
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    assert (find_cycle(engine_graph(tmp_path)) is not None) is circle
