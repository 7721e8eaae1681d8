"""Notebooks (.ipynb) made by nbformat: sources, outputs, attachments and metadata scrubbed or
removed, written back as a notebook nbformat validates."""

from __future__ import annotations

import base64
import io
import json

import nbformat
import pytest
from nbformat import v4
from PIL import Image, ImageDraw, ImageFont

from scrubbing.engine.base import CorruptFile, Limits
from scrubbing.engine.pipeline import Scrubber, Term, TermLists
from scrubbing.engine.pseudonyms import Pseudonymizer
from scrubbing.engine.registry import open_document
from scrubbing.engine.sniff import sniff

NAME = "Ottilie Wrexham"
USER = "owrexham"
TERMS = TermLists(deny=(Term(NAME, "PERSON"), Term(USER, "PERSON")))


def png_of(text: str) -> str:
    im = Image.new("RGB", (900, 200), "white")
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 44)
    ImageDraw.Draw(im).text((20, 70), text, fill="black", font=font)
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return base64.b64encode(buf.getvalue()).decode() + "\n"


def planted_notebook() -> bytes:
    nb = v4.new_notebook()
    nb.metadata = {
        "kernelspec": {"name": "python3", "display_name": f"Python ({NAME})", "language": "python"},
        "language_info": {"name": "python", "version": "3.11.7"},
        "widgets": {
            "application/vnd.jupyter.widget-state+json": {
                "state": {"m1": {"model_name": "Text", "state": {"value": f"{NAME} secret"}}},
                "version_major": 2,
                "version_minor": 0,
            }
        },
        "authors": [{"name": NAME}],
        "vscode": {"interpreter": {"hash": "ab12"}},
        "interpreter": {"path": f"/home/{USER}/.venv/bin/python"},
    }
    md = v4.new_markdown_cell(
        f"# Analysis by {NAME}\n![chart](attachment:{USER}_chart.png)",
        attachments={f"{USER}_chart.png": {"image/png": png_of(f"Owner {NAME}")}},
    )
    code = v4.new_code_cell(
        f"df = load('/home/{USER}/clients.csv')  # checked by {NAME}",
        execution_count=1,
        metadata={"tags": [f"{NAME} review"], "collapsed": False, "ExecuteTime": {"by": USER}},
    )
    code.outputs = [
        v4.new_output("stream", name="stdout", text=f"Loaded for {NAME}\n"),
        v4.new_output(
            "display_data",
            data={
                "text/plain": f"<Figure of {NAME}>",
                "image/png": png_of(f"Plot by {NAME}"),
                "text/html": f"<b>{NAME}</b><script>track('{NAME}')</script>",
                "application/vnd.jupyter.widget-view+json": {"model_id": "m1", "version_major": 2},
                "application/javascript": f"alert('{NAME}')",
            },
            metadata={"image/png": {"width": 300}, "tracking": f"{NAME}"},
        ),
        v4.new_output(
            "execute_result",
            execution_count=1,
            data={"application/json": {"owner": NAME, "rows": 3}},
        ),
        v4.new_output(
            "error",
            ename="PermissionError",
            evalue=f"user {NAME} may not read this",
            traceback=["Traceback (most recent call last)", f'  File "/home/{USER}/x.py", line 3'],
        ),
    ]
    nb.cells = [md, code]
    return nbformat.writes(nb).encode()


def test_notebook_is_scrubbed_everywhere_and_stays_valid():
    data = planted_notebook()
    assert sniff("analysis.ipynb", data).kind == "ipynb"
    assert sniff("analysis", data).kind == "ipynb"  # from the bytes
    result = Scrubber().scrub("analysis.ipynb", data, TERMS, Pseudonymizer())
    assert result.status == "done", (result.error, result.report["residual"])
    out = result.output.decode()
    for value in (NAME, USER, "Ottilie", "Wrexham"):
        assert value not in out
    nb = nbformat.reads(out, as_version=4)
    nbformat.validate(nb)
    assert set(nb.metadata) == {"kernelspec", "language_info"}
    md, code = nb.cells
    assert [c.id for c in nb.cells] == ["cell-1", "cell-2"]
    (name,) = md.attachments
    assert f"attachment:{name}" in md.source  # the renamed attachment is still referenced
    assert md.attachments[name]["image/png"].startswith("iVBOR")
    assert set(code.metadata) == {"tags", "collapsed"}
    display = code.outputs[1]
    assert set(display.data) == {"text/plain", "image/png", "text/html"}
    assert "<script" not in display.data["text/html"] and "<b>" in display.data["text/html"]
    assert display.metadata == {"image/png": {"width": 300}}
    assert code.outputs[2].data["application/json"]["rows"] == 3
    assert code.outputs[3].traceback[0] == "Traceback (most recent call last)"
    removed = " ".join(result.report["metadata_removed"])
    for what in ("widgets", "authors", "ExecuteTime", "widget-view+json", "javascript"):
        assert what in removed
    # the pictures were OCR'd and boxed: the name is found in them and gone from them
    assert sum(f.location_kind == "ocr" and f.text == NAME for f in result.findings) == 2
    again = open_document("ipynb", result.output, Limits())
    assert NAME not in " ".join(s.text for s in again.segments)


def test_pictures_beyond_the_ocr_cap_are_removed():
    nb = v4.new_notebook()
    outputs = [v4.new_output("display_data", data={"image/png": png_of("x")}) for _ in range(3)]
    nb.cells = [v4.new_code_cell("plot()", outputs=outputs)]
    doc = open_document("ipynb", nbformat.writes(nb).encode(), Limits(max_ocr_images=2))
    out, report = doc.render({})
    kept = nbformat.reads(out.decode(), as_version=4).cells[0].outputs
    assert [("image/png" in o.data) for o in kept] == [True, True, False]
    assert any("picture beyond the first 2" in m for m in report.metadata_removed)


def test_invalid_notebook_fails_with_a_sentence():
    with pytest.raises(CorruptFile, match="not valid notebook JSON"):
        open_document("ipynb", b'{"cells": [], "nbformat": 4, "oops"', Limits())
    # a .json that happens to be a notebook stays a JSON text file
    assert sniff("export.json", planted_notebook()).kind == "text"


def test_notebook_v3_is_upgraded_and_written_as_v4():
    v3 = {
        "metadata": {"name": NAME},
        "nbformat": 3,
        "nbformat_minor": 0,
        "worksheets": [
            {
                "cells": [
                    {
                        "cell_type": "code",
                        "input": f"print('{NAME}')",
                        "outputs": [],
                        "language": "python",
                    }
                ]
            }
        ],
        "cells": [],
    }
    result = Scrubber().scrub("old.ipynb", json.dumps(v3).encode(), TERMS, Pseudonymizer())
    assert result.status == "done", result.error
    nb = nbformat.reads(result.output.decode(), as_version=4)
    nbformat.validate(nb)
    assert nb.nbformat == 4 and NAME not in result.output.decode()
