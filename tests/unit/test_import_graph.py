"""No import circle between the modules of the Django apps.

Every import counts, the ones inside functions too: a lazy import that only dodges a circle at
load time still ties the two modules together, so it is reported like any other. The graph is
read from the source (ast), so nothing is imported to build it. The engine (scrubbing/engine/)
imports no Django and is left out; migrations are generated and left out too.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("portal", "submissions", "scrubbing", "reviews", "exports")


def app_modules(root: Path = ROOT) -> dict[str, Path]:
    modules = {}
    for app in APPS:
        for path in sorted((root / app).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if "migrations" in parts or parts[:2] == ["scrubbing", "engine"]:
                continue
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The app modules that `name` imports anywhere in its file."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]

    def known(dotted: str) -> str | None:
        while dotted and dotted not in modules:
            dotted = dotted.rpartition(".")[0]
        return dotted or None

    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found |= {known(alias.name) for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:  # `from pkg import module` names the module itself
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in modules else known(target))
    return {m for m in found if m and m != name}


def import_circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return circles


def graph_of(root: Path = ROOT) -> dict[str, set[str]]:
    modules = app_modules(root)
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def test_the_django_apps_have_no_import_circle():
    graph = graph_of()
    assert {"submissions.services", "scrubbing.services", "reviews.selectors"} <= set(graph)
    circles = import_circles(graph)
    detail = [
        f"{c}: " + "; ".join(f"{m} -> {sorted(graph[m] & set(c))}" for m in c) for c in circles
    ]
    assert circles == [], "\n".join(detail)


def test_a_lazy_import_that_closes_a_circle_is_found(tmp_path):
    """The control: a function-level import back into a module that imports us is a circle."""
    app = tmp_path / "submissions"
    app.mkdir()
    (app / "__init__.py").write_text("")
    (app / "services.py").write_text("from .workflow import task_transition\n")
    (app / "workflow.py").write_text(
        "def task_transition():\n    from submissions.services import x\n    return x\n"
    )
    (app / "models.py").write_text("from django.db import models\n")
    for other in APPS:
        (tmp_path / other).mkdir(exist_ok=True)
    assert import_circles(graph_of(tmp_path)) == [["submissions.services", "submissions.workflow"]]
