"""docs/performance.md is rewritten by `make bench` without losing or copying other blocks."""

from __future__ import annotations

from tests.bench.report import BEGIN, END, keep_unmeasured, write_marked

HAND = "<!-- hotspots:begin (by hand) -->\n## Hot spots\n\nwritten by hand\n<!-- hotspots:end -->"
SHEETS = "<!-- sheets:begin (by hand) -->\n## Spreadsheets\n\nsheet notes\n<!-- sheets:end -->"


def page(body: str) -> str:
    return f"{BEGIN}\n# Performance\n\n{body}\n{END}\n\n{HAND}\n\n{SHEETS}\n"


def test_a_skipped_section_keeps_the_previous_text_and_hand_blocks_are_not_copied_in():
    old = page("## Latency\n\n12 ms\n\n## Engine\n\nold engine numbers\n")
    report = keep_unmeasured("# Performance\n\n## Latency\n\nskipped\n\n## Engine\n\nnew\n", old)
    assert "12 ms" in report and "Not measured in this run" in report
    assert "new" in report and "old engine numbers" not in report
    assert "written by hand" not in report and "sheet notes" not in report


def test_rewriting_keeps_each_hand_block_once(tmp_path):
    path = tmp_path / "performance.md"
    path.write_text(page("## Engine\n\nold\n"), encoding="utf-8")
    for _ in range(2):
        old = path.read_text(encoding="utf-8")
        write_marked(path, keep_unmeasured("# Performance\n\n## Engine\n\nnew\n", old))
    text = path.read_text(encoding="utf-8")
    assert text.count("written by hand") == 1 and text.count("sheet notes") == 1
    assert text.count(BEGIN) == 1 and "new" in text
