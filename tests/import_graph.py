"""The import graph of the project's own modules, read from the source (ast: nothing is
imported to build it), and the circles in it.

Every import that can run counts, the ones inside functions and classes too: a lazy import
that only dodges a circle at load time still ties the two modules together. Imports under
`if TYPE_CHECKING:` never run and are left out. Used by the engine's and the Django apps'
no-circle tests.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def module_files(
    root: Path, packages: Iterable[str], skip: Callable[[tuple[str, ...]], bool] = lambda p: False
) -> dict[str, Path]:
    """Dotted module name -> file, for every .py under `root/<package>` (a package path such as
    "scrubbing/engine"), except those whose path parts `skip` refuses."""
    files: dict[str, Path] = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            if skip(parts):
                continue
            files[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return files


def _imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    out: list[ast.Import | ast.ImportFrom] = []

    def visit(nodes: list[ast.stmt]) -> None:
        for node in nodes:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                visit(node.orelse)
                continue
            if isinstance(node, ast.Import | ast.ImportFrom):
                out.append(node)
            for name in ("body", "orelse", "finalbody", "handlers"):
                sub = getattr(node, name, None)
                if isinstance(sub, list):
                    visit(sub)

    visit(tree.body)
    return out


def import_graph(files: dict[str, Path]) -> dict[str, dict[str, int]]:
    """module -> {module of `files` it imports: line}; importing a.b.c imports a and a.b too
    (except a module's own packages, loaded before it)."""
    graph: dict[str, dict[str, int]] = {}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        deps: dict[str, int] = {}
        for node in _imports(ast.parse(path.read_text(encoding="utf-8"), str(path))):
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
