"""No encoded payload passes unread: base64 blocks and data: URIs inside text, code, JSON,
notebooks and HTML are decoded and scrubbed by their type, or removed with a marker."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import json
import os
import re
from urllib.parse import quote

import pytest
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from scrubbing.engine.formats import payloads
from scrubbing.engine.formats.text import open_document
from scrubbing.engine.pipeline import Scrubber, TermLists
from scrubbing.engine.pseudonyms import Pseudonymizer
from tests.builders.files import make_png
from tests.builders.mail import EMAIL, NAME, PASSWORD, PHONE, b64

SECRET = f"Contact {NAME} at {EMAIL} or {PHONE}. password: {PASSWORD}"
ORIGINALS = (NAME, EMAIL, PHONE, PASSWORD)


@pytest.fixture(scope="module")
def scrubber(detector):
    return Scrubber()


def scrub(scrubber, name: str, text: str | bytes):
    data = text.encode() if isinstance(text, str) else text
    return scrubber.scrub(name, data, TermLists(), Pseudonymizer())


def every_base64_decoded(text: str) -> str:
    """The text plus every base64-looking run in it decoded (what a curious reader would do)."""
    out = [text]
    for m in re.finditer(r"[A-Za-z0-9+/]{16,}={0,2}", text.replace("\\n", "").replace("\n", "")):
        run = m.group(0)
        with contextlib.suppress(ValueError):
            out.append(base64.b64decode(run + "=" * (-len(run) % 4)).decode("utf-8", "replace"))
    return "\n".join(out)


def assert_clean(output: bytes) -> str:
    text = every_base64_decoded(output.decode())
    for original in ORIGINALS:
        assert original not in text, original
    return text


def png_with_metadata(text: str = "Quarterly chart") -> bytes:
    im = Image.open(io.BytesIO(make_png(text)))
    info = PngInfo()
    info.add_text("Author", f"{NAME} <{EMAIL}>")
    buf = io.BytesIO()
    im.save(buf, "PNG", pnginfo=info)
    return buf.getvalue()


def test_base64_text_in_a_txt_is_scrubbed_and_re_encoded(scrubber):
    blob = b64(SECRET)
    wrapped = "\n".join(blob[i : i + 40] for i in range(0, len(blob), 40))
    r = scrub(scrubber, "notes.txt", f"Record:\n{blob}\n\nWrapped:\n{wrapped}\n")
    assert r.status == "done", r.report["residual"]
    text = assert_clean(r.output)
    assert text.count("[PERSON_1]") >= 2
    lines = r.output.decode().split("\n")
    block = lines[lines.index("Wrapped:") + 1 :]
    assert len(block[0]) == 40 and len(block[1]) == 40  # the wrapping is kept
    assert any("decoded and scrubbed 2 encoded payload" in n for n in r.report["notes"])


def test_data_uris_in_json_text_and_percent_encoded(scrubber):
    doc = {
        "note": "data:text/plain;base64," + b64(SECRET),
        "html": "data:text/html," + quote(f"<p>{SECRET}</p>"),
        "logo": "data:image/png;base64," + base64.b64encode(png_with_metadata()).decode(),
    }
    r = scrub(scrubber, "export.json", json.dumps(doc, indent=2))
    assert r.status == "done", r.report["residual"]
    out = json.loads(r.output)
    assert_clean(r.output)
    assert NAME not in base64.b64decode(out["note"].split(",", 1)[1]).decode()
    assert out["html"].startswith("data:text/html,") and "%5BPERSON_" in out["html"]
    png = Image.open(io.BytesIO(base64.b64decode(out["logo"].split(",", 1)[1])))
    assert "Author" not in png.info  # through the image module: metadata gone


def test_html_img_data_uri_is_read_by_the_image_module(scrubber):
    png = base64.b64encode(make_png("Signed by Jane Doe")).decode()
    page = f'<html><body><p>Team</p><img src="data:image/png;base64,{png}"></body></html>\n'
    doc = open_document(page.encode())
    ocr = [s for s in doc.segments if s.kind == "ocr"]
    assert ocr and "Jane Doe" in ocr[0].text and ocr[0].locator.startswith("line 1: data: URI")
    r = scrub(scrubber, "page.html", page)
    assert r.status == "done", r.report["residual"]
    assert any(f.text == "Jane Doe" and f.location_kind == "ocr" for f in r.findings)
    out = r.output.decode()
    # an .html file is read by the HTML module, which declares the charset
    assert out.startswith(
        '<html><head><meta charset="utf-8"></head><body><p>Team</p>'
        '<img src="data:image/png;base64,iVBOR'
    )
    assert png not in out  # the picture was re-encoded with the name boxed out
    again = open_document(r.output)
    assert "Jane Doe" not in " ".join(s.text for s in again.segments)


def test_notebook_outputs_and_sources(scrubber):
    nb = {
        "cells": [
            {
                "cell_type": "code",
                "execution_count": 1,
                "metadata": {},
                "source": [f'payload = "{b64(SECRET)}"\n'],
                "outputs": [
                    {
                        "output_type": "display_data",
                        "metadata": {},
                        "data": {
                            "image/png": base64.b64encode(png_with_metadata()).decode() + "\n",
                            "text/plain": ["<Figure>"],
                        },
                    }
                ],
            }
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    r = scrub(scrubber, "analysis.ipynb", json.dumps(nb, indent=1))
    assert r.status == "done", r.report["residual"]
    assert_clean(r.output)
    out = json.loads(r.output)  # still a valid notebook JSON
    cell = out["cells"][0]
    png = base64.b64decode(cell["outputs"][0]["data"]["image/png"])
    assert png.startswith(b"\x89PNG") and "Author" not in Image.open(io.BytesIO(png)).info


def test_unknown_binary_is_removed_with_a_marker_and_reported(scrubber):
    blob = base64.b64encode(os.urandom(120) + NAME.encode()).decode()
    gz = base64.b64encode(b"\x1f\x8b\x08\x00" + os.urandom(60)).decode()
    code = f'BLOB = "{blob}"\nGZ = "{gz}"\nprint("ok")\n'
    r = scrub(scrubber, "tool.py", code)
    assert r.status == "done"
    out = r.output.decode()
    assert blob not in out and gz not in out
    assert out.count(payloads.REMOVED_MARKER) == 2 and 'print("ok")' in out
    assert any("removed 2 encoded payload(s)" in n for n in r.report["notes"])


def test_nesting_deeper_than_the_limit_is_removed(scrubber):
    three = b64(b64(b64(SECRET)))
    r = scrub(scrubber, "nested.txt", f"x = {three}\n")
    assert r.status == "done"
    assert_clean(r.output)
    assert any("nested too deeply" in n for n in r.report["notes"])


@pytest.mark.parametrize(
    "line",
    [
        '"integrity": "sha512-' + base64.b64encode(hashlib.sha512(b"lock").digest()).decode() + '"',
        "commit 0123456789abcdef0123456789abcdef01234567 and sha256 " + "ab12" * 16,
        "see src/main/java/com/example/service/InvoiceServiceImplementation.java",
        "token " + base64.b64encode(hashlib.sha256(b"t").digest()[:30]).decode().rstrip("="),
        "AVeryLongJavaIdentifierNameWithoutAnyDigitsOrSlashesInItAtAll = 1",
    ],
)
def test_things_that_only_look_like_base64_stay_as_they_are(line):
    data = (line + "\n").encode()
    doc = open_document(data)
    assert not doc.payloads
    assert doc.render({})[0] == data


def test_pem_private_keys_and_jwts_are_left_to_the_secret_recognizers(scrubber):
    key = base64.b64encode(os.urandom(300)).decode()
    body = "\n".join(key[i : i + 64] for i in range(0, len(key), 64))
    pem = f"-----BEGIN RSA PRIVATE KEY-----\n{body}\n-----END RSA PRIVATE KEY-----\n"
    jwt = "eyJhbGciOiJIUzI1NiJ9." + b64('{"sub":"' + NAME + '"}').rstrip("=") + ".c2lnbmF0dXJlMTIz"
    doc = open_document((pem + f"auth = {jwt}\n").encode())
    assert not doc.payloads
    r = scrub(scrubber, "secrets.txt", pem + f"auth = {jwt}\n")
    assert key[:64] not in r.output.decode() and jwt not in r.output.decode()


def test_unchanged_payload_keeps_its_exact_bytes():
    blob = b64("A plain sentence about the weather and nothing else at all.")
    data = f"x = {blob}\n".encode()
    doc = open_document(data)
    assert len(doc.payloads) == 1 and doc.payloads[0].doc is not None
    assert doc.render({})[0] == data


def test_runs_on_consecutive_lines_and_after_json_escapes_are_each_read():
    first = b64(f"The owner of this account is {NAME}")
    second = b64(f"Reach the owner at {EMAIL} or {PHONE} any weekday morning")
    text = f"{first}\n{second}\n" + json.dumps(
        {"v": "note\n" + b64(f"Signed and approved by {NAME}")}
    )
    doc = open_document(text.encode())
    assert len(doc.payloads) == 3
    decoded = [s.text for s in doc.segments if ": base64 text" in s.locator]
    assert any(NAME in t for t in decoded) and any(EMAIL in t for t in decoded)
