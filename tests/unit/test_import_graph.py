"""No import circle between the modules of the Django apps (tests/import_graph.py: lazy imports
count). The engine (scrubbing/engine/) imports no Django and has its own test; migrations are
generated and left out."""

from __future__ import annotations

from pathlib import Path

from tests.import_graph import ROOT, describe, find_cycle, import_graph, module_files

APPS = ("portal", "submissions", "scrubbing", "reviews", "exports")


def apps_graph(root: Path = ROOT) -> dict[str, dict[str, int]]:
    def skip(parts: tuple[str, ...]) -> bool:
        return "migrations" in parts or parts[:2] == ("scrubbing", "engine")

    return import_graph(module_files(root, APPS, skip))


def test_the_django_apps_have_no_import_circle():
    graph = apps_graph()
    assert {"submissions.services", "scrubbing.services", "reviews.selectors"} <= set(graph)
    cycle = find_cycle(graph)
    assert cycle is None, "import circle: " + describe(graph, cycle)


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
    graph = apps_graph(tmp_path)
    assert find_cycle(graph) == [
        "submissions.services",
        "submissions.workflow",
        "submissions.services",
    ]
