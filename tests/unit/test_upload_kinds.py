"""The upload form takes every kind the engine reads beyond OOXML, PDF and text (legacy Office, OpenDocument, RTF, notebooks,
HTML, pictures): the picker offers them and staging sniffs their real type."""

import io

import nbformat
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from nbformat import v4
from PIL import Image

from scrubbing.engine.sniff import KINDS
from submissions.forms import ACCEPT
from tests.builders.mail import ole_file


def test_the_file_picker_offers_every_kind_we_read():
    offered = set(ACCEPT.split(","))
    assert sorted(ext for ext, _type in KINDS.values() if ext not in offered) == []
    for (
        ext
    ) in ".doc .xls .ppt .rtf .odt .ods .odp .ipynb .htm .html .gif .tif .webp .heic .svg".split():
        assert ext in offered, ext


def _image(fmt: str) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (40, 20), "white").save(buf, fmt)
    return buf.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "make", "kind"),
    [
        ("memo.doc", lambda: ole_file({"WordDocument": b"\x00" * 600}), "doc"),
        ("notes.rtf", lambda: b"{\\rtf1\\ansi Quarterly notes}", "rtf"),
        ("nb.ipynb", lambda: nbformat.writes(v4.new_notebook()).encode(), "ipynb"),
        ("page.htm", lambda: b"<!DOCTYPE html><html><body>x</body></html>", "html"),
        ("scan.gif", lambda: _image("GIF"), "gif"),
        ("scan.tif", lambda: _image("TIFF"), "tiff"),
        ("logo.svg", lambda: b'<svg xmlns="http://www.w3.org/2000/svg"/>', "svg"),
    ],
)
def test_staging_takes_the_new_kinds(client, contractor, name, make, kind):
    client.force_login(contractor)
    response = client.post(
        reverse("submissions:stage_upload"),
        {"part": "deliverable", "file": SimpleUploadedFile(name, make())},
    )
    assert response.status_code == 200, response.content
    assert response.json()["type"] == kind
