"""A macro-enabled upload (.docm/.xlsm/.pptm) comes out macro-free under the new extension,
on the worker's path (scrubbing.services) and from the `scrub` command."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.management import call_command

from portal.storage import read_all
from tests.builders.closed_world import macro_enabled
from tests.builders.tasks import queued_file


def _names(data: bytes) -> list[str]:
    return zipfile.ZipFile(io.BytesIO(data)).namelist()


@pytest.mark.django_db
@pytest.mark.parametrize("kind,ext", [("docx", ".docm"), ("xlsx", ".xlsm"), ("pptx", ".pptm")])
def test_worker_names_the_macro_free_output_with_its_new_extension(contractor, kind, ext):
    from scrubbing import services as scrub_services

    f = queued_file(contractor, f"Budget model{ext}", macro_enabled(kind), kind)
    assert scrub_services.file_scrub(f.pk, f.generation) == "done"
    f.refresh_from_db()
    assert f.scrubbed_name == f"Budget model.{kind}"
    assert "macros removed" in f.report["notes"]
    assert f"saved without macros as .{kind}" in f.report["notes"]
    assert not [n for n in _names(read_all(f.scrubbed)) if "vba" in n.lower()]


@pytest.mark.django_db
def test_scrub_command_writes_the_docm_as_docx(tmp_path, capsys):
    src = tmp_path / "Minutes.docm"
    src.write_bytes(macro_enabled("docx"))
    out = tmp_path / "out"
    call_command("scrub", str(src), "--out", str(out))
    assert [p.name for p in out.iterdir()] == ["Minutes.docx"]
    assert "Minutes.docx\tdone" in capsys.readouterr().out
    assert not [n for n in _names((out / "Minutes.docx").read_bytes()) if "vba" in n.lower()]
