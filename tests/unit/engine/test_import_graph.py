"""No import circle inside scrubbing/engine, counting imports inside functions too.

A lazy import that only dodges a circle still ties the two modules together; formats reach
each other through `registry.module_for` (a module path as a string) instead. Imports under
`if TYPE_CHECKING:` never run and are left out.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ENGINE = Path(__file__).resolve().parents[3] / "scrubbing" / "engine"


def module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root.parents[1]).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_names(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement that can run: module level, in functions and classes."""
    out: list[ast.Import | ast.ImportFrom] = []

    def visit(nodes: list[ast.stmt]) -> None:
        for node in nodes:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                visit(node.orelse)
                continue
            if isinstance(node, ast.Import | ast.ImportFrom):
                out.append(node)
            for field in ("body", "orelse", "finalbody", "handlers"):
                sub = getattr(node, field, None)
                if isinstance(sub, list):
                    visit(sub)

    visit(tree.body)
    return out


def import_graph(root: Path) -> dict[str, dict[str, int]]:
    """module -> {engine module it imports: line}; importing a.b.c imports a and a.b too."""
    files = {module_name(p, root): p for p in root.rglob("*.py")}
    graph: dict[str, dict[str, int]] = {}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        deps: dict[str, int] = {}
        for node in imported_names(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(anchor + ([node.module] if node.module else []))
                targets = [base] + [f"{base}.{a.name}" for a in node.names]
            for target in targets:
                parts = target.split(".")
                for k in range(1, len(parts) + 1):
                    dep = ".".join(parts[:k])
                    # a module's own packages are loaded before it: no edge back to them
                    if dep in files and dep != name and not name.startswith(dep + "."):
                        deps.setdefault(dep, node.lineno)
        graph[name] = deps
    return graph


def find_cycle(graph: dict[str, dict[str, int]]) -> list[str] | None:
    """One import circle as [a, b, ..., a], or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def walk(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for dep in sorted(graph[node]):
            if state.get(dep) == 1:
                return path[path.index(dep) :] + [dep]
            if dep not in state and (found := walk(dep)):
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := walk(node)):
            return found
    return None


def describe(graph: dict[str, dict[str, int]], cycle: list[str]) -> str:
    return (
        " -> ".join(f"{a} (line {graph[a][b]})" for a, b in zip(cycle, cycle[1:], strict=False))
        + f" -> {cycle[-1]}"
    )


def test_engine_has_no_import_cycle() -> None:
    graph = import_graph(ENGINE)
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
    assert (find_cycle(import_graph(root)) is not None) is circle
