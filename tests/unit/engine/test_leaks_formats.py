"""Leaks the evaluation corpus found in format readers/writers: person names in zip member
paths, and document properties (description, subject, ...) that survived the metadata strip."""

from __future__ import annotations

import io
import zipfile

import pytest

from scrubbing.engine.base import Edit, Limits
from scrubbing.engine.formats import archive
from scrubbing.engine.pipeline import Scrubber, TermLists
from scrubbing.engine.pseudonyms import Pseudonymizer


def _zip(members: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, text in members.items():
            zf.writestr(name, text)
    return buf.getvalue()


# ------------------------------------------------------------------ 3. names in member paths
@pytest.mark.parametrize(
    "path,name",
    [
        ("project-lumen-export/notes/Adam_Johnson_1on1.md", "Adam_Johnson"),
        ("export/notes/Pauline_Le_Gall_1on1.md", "Pauline_Le_Gall"),
        ("export/notes/EmmiWeinhold-notes.md", "EmmiWeinhold"),
    ],
)
def test_person_name_in_member_path_is_renamed(detector, path, name):
    data = _zip({path: "Nothing personal here.\n", "export/README.md": "# Export\n"})
    result = Scrubber().scrub("repo.zip", data, TermLists(), Pseudonymizer())
    assert result.output is not None
    names = zipfile.ZipFile(io.BytesIO(result.output)).namelist()
    assert not any(name.split("_")[0][:4] in n for n in names), names
    assert "export/README.md" in names
    assert any(n.endswith("_1on1.md") or n.endswith("-notes.md") for n in names), names


def test_readable_path_maps_back_to_the_path():
    path = "repo/notes/AdamJohnson_1on1.md"
    view, back = archive.readable_path(path)
    assert view == "repo\tnotes\tAdam Johnson 1on1   "
    s = view.index("Adam Johnson")
    e = s + len("Adam Johnson")
    assert path[back[s] : back[e]] == "AdamJohnson"


def test_member_rename_through_the_readable_name_segment():
    data = _zip({"notes/Adam_Johnson_1on1.md": "x\n"})
    doc = archive.open_document(data, Limits())
    seg = next(s for s in doc.segments if s.kind == "name")
    assert seg.text == "notes\tAdam Johnson 1on1   "
    assert seg.locator == "member notes/Adam_Johnson_1on1.md: file name"
    s = seg.text.index("Adam Johnson")
    out, report = doc.render({seg.index: [Edit(s, s + len("Adam Johnson"), "[PERSON_1]")]})
    assert zipfile.ZipFile(io.BytesIO(out)).namelist() == ["notes/[PERSON_1]_1on1.md"]


# ------------------------------------------------------------------ 4. document properties
docx = pytest.importorskip("docx")


def test_docx_document_properties_blanked_without_edits():
    from scrubbing.engine.formats import docx as docx_format

    d = docx.Document()
    d.add_paragraph("Quarterly review.")
    cp = d.core_properties
    cp.title = "Plan for Edelgard Siering"
    cp.subject = "Edelgard Siering"
    cp.keywords = "Siering; review"
    cp.comments = "Reviewed by Edelgard Siering"
    cp.category = "Siering team"
    cp.content_status = "Draft for Siering"
    buf = io.BytesIO()
    d.save(buf)
    doc = docx_format.open_document(buf.getvalue(), Limits())
    assert any(s.text == "Reviewed by Edelgard Siering" for s in doc.segments)  # still read
    out, report = doc.render({})
    assert b"Siering" not in out and b"Siering" not in _unzipped(out)
    cp2 = docx.Document(io.BytesIO(out)).core_properties
    assert (cp2.title, cp2.subject, cp2.keywords, cp2.comments, cp2.category) == ("",) * 5
    for what in ("title", "subject", "keywords", "comments", "category", "status"):
        assert what in report.metadata_removed


def _unzipped(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return b"".join(zf.read(n) for n in zf.namelist())
