"""Jupyter notebooks (.ipynb) read as notebooks with nbformat, written back as valid ones.

Kind "ipynb". A closed world over the notebook's JSON:

- **cells**: every source is read by the text module (so encoded payloads in Markdown are too);
  cell ids are renumbered (`cell-1`, ...); cell metadata keeps only the documented display keys
  (collapsed, scrolled, editable, deletable, jupyter.source_hidden/outputs_hidden,
  slideshow.slide_type) and tags, which are scrubbed; the rest (ExecuteTime, papermill, vscode,
  colab, ...) is removed and listed in the report;
- **attachments** of Markdown cells: pictures through the image modules (OCR, boxes; other
  picture types come back as PNG), text through the text module, the rest removed; attachment
  names are scrubbed (and the references to a renamed one follow it);
- **outputs**: stream text and tracebacks through the text module; rich outputs by type:
  text/plain, text/markdown, text/latex and JSON as text, text/html through the HTML module
  (scripts, event handlers and remote images removed), PNG/JPEG/GIF/SVG pictures through the
  picture modules (beyond `Limits.max_ocr_images` they are removed); every other type
  (JavaScript, widget views, vendor JSON) is removed; output metadata keeps only picture sizes;
- **notebook metadata**: the kernelspec (name and display name scrubbed) and language_info
  stay; everything else (widget state, authors, interpreter paths, vscode, colab...) is removed.
"""

from __future__ import annotations

import base64
import binascii
import copy
import json
import re
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from scrubbing.engine.kinds import IMAGE_KINDS
from scrubbing.engine.registry import module_for
from scrubbing.engine.sniff import sniff

from ..base import CorruptFile, Document, Edit, Limits, ScrubError, WriteReport
from . import text as text_mod
from .composite import Parts, apply_edits

_CELL_META = frozenset({"collapsed", "scrolled", "editable", "deletable", "jupyter", "slideshow"})
_NB_META = frozenset({"kernelspec", "language_info"})
_KERNELSPEC_TEXT = ("name", "display_name")
_SIZE_KEYS = frozenset({"width", "height", "needs_background", "unconfined"})
_TEXT_MIMES = frozenset({"text/plain", "text/markdown", "text/latex", "text/x-python"})
_IMAGE_MIMES = frozenset({"image/png", "image/jpeg", "image/gif", "image/svg+xml"})


@dataclass
class _Field:
    """One value of the notebook written back from a child document's output."""

    path: tuple[Any, ...]  # keys from the notebook root to the value
    encode: Callable[[bytes], Any]  # the child's output -> the value to store
    slot: int  # the child's slot in `parts`; -1 for a segment of the notebook's own
    segment: int = -1  # that own segment


class NotebookDocument(Document):
    kind = "ipynb"

    def __init__(self, nb: Any, limits: Limits) -> None:
        super().__init__()
        self.nb = nb
        self.limits = limits
        self.parts = Parts(self.segments, limits.max_segments)
        self.fields: list[_Field] = []
        self.names: list[tuple[int, int, str]] = []  # (segment, cell index, attachment name)
        self.removed: dict[str, int] = {}
        self.images = 0
        self._read()

    # -- reading ------------------------------------------------------------------------------

    def _removed(self, what: str) -> None:
        self.removed[what] = self.removed.get(what, 0) + 1

    def _text(self, path: tuple[Any, ...], value: str, where: str, decode: Any = None) -> None:
        child = text_mod.open_document(value.encode("utf-8"), self.limits)
        slot = self.parts.adopt(child, where, where)
        self.fields.append(_Field(path, decode or (lambda b: b.decode("utf-8")), slot))

    def _read(self) -> None:
        meta = self.nb.setdefault("metadata", {})
        for key in sorted(set(meta) - _NB_META):
            self._removed(f"notebook metadata '{key}'")
            del meta[key]
        spec = meta.get("kernelspec")
        if isinstance(spec, dict):
            for key in _KERNELSPEC_TEXT:
                if isinstance(spec.get(key), str) and spec[key]:
                    self._own(("metadata", "kernelspec", key), spec[key], f"kernelspec {key}")
        for n, cell in enumerate(self.nb.get("cells", []), 1):
            self._cell(n, cell)

    def _own(self, path: tuple[Any, ...], value: str, locator: str) -> None:
        idx = self.parts.own(value, locator, "metadata")
        self.fields.append(_Field(path, str, -1, idx))

    def _cell(self, n: int, cell: Any) -> None:
        kind = cell.get("cell_type", "code")
        where = f"cell {n} ({kind})"
        path = ("cells", n - 1)
        if "id" in cell:
            cell["id"] = f"cell-{n}"
        meta = cell.setdefault("metadata", {})
        for key in sorted(set(meta) - _CELL_META - {"tags"}):
            self._removed(f"cell metadata '{key}'")
            del meta[key]
        for t, tag in enumerate(meta.get("tags") or []):
            if isinstance(tag, str) and tag:
                self._own((*path, "metadata", "tags", t), tag, f"{where} tag {t + 1}")
        if cell.get("source"):
            self._text((*path, "source"), cell["source"], where)
        for name in list(cell.get("attachments") or {}):
            self._attachment(n, cell, name, where)
        for o, output in enumerate(cell.get("outputs") or []):
            self._output((*path, "outputs", o), output, f"{where} output {o + 1}")

    def _attachment(self, n: int, cell: Any, name: str, where: str) -> None:
        bundle = cell["attachments"][name]
        path = ("cells", n - 1, "attachments", name)
        kept = self._bundle(path, bundle, f"{where} attachment")
        if not kept:
            del cell["attachments"][name]
            return
        idx = self.parts.own(name, f"{where} attachment name", "name")
        self.names.append((idx, n - 1, name))

    def _output(self, path: tuple[Any, ...], output: Any, where: str) -> None:
        kind = output.get("output_type")
        if kind == "stream":
            if output.get("text"):
                self._text((*path, "text"), output["text"], where)
        elif kind == "error":
            for key in ("ename", "evalue"):
                if output.get(key):
                    self._text((*path, key), output[key], f"{where} {key}")
            lines = output.get("traceback") or []
            if lines:
                self._text(
                    (*path, "traceback"),
                    "\n".join(lines),
                    f"{where} traceback",
                    lambda b: b.decode("utf-8").split("\n"),
                )
        elif kind in ("display_data", "execute_result"):
            self._bundle((*path, "data"), output.setdefault("data", {}), where)
            meta = output.get("metadata") or {}
            output["metadata"] = {
                mime: {k: v for k, v in sizes.items() if k in _SIZE_KEYS}
                for mime, sizes in meta.items()
                if mime in output["data"] and isinstance(sizes, dict)
            }

    def _bundle(self, path: tuple[Any, ...], bundle: dict[str, Any], where: str) -> int:
        """Read a mime bundle (output data, an attachment); returns how many entries stay."""
        for mime in list(bundle):
            value = bundle[mime]
            if mime in _TEXT_MIMES and isinstance(value, str):
                self._text((*path, mime), value, f"{where} {mime}")
            elif mime == "text/html" and isinstance(value, str):
                self._html((*path, mime), value, f"{where} HTML")
            elif mime == "application/json":
                self._text((*path, mime), json.dumps(value, indent=1), f"{where} JSON", _json)
            elif mime in _IMAGE_MIMES and isinstance(value, str):
                if not self._image(path, bundle, mime, value, where):
                    del bundle[mime]
            else:
                self._removed(f"output of type {mime}")
                del bundle[mime]
        return len(bundle)

    def _html(self, path: tuple[Any, ...], value: str, where: str) -> None:
        from .html import HtmlDocument

        child = HtmlDocument(value, {}, self.limits)
        slot = self.parts.adopt(child, where, where)
        fragment = not re.search(r"<html[\s>]", value, re.I)
        self.fields.append(_Field(path, lambda b: _html_out(b, fragment), slot))

    def _image(
        self, path: tuple[Any, ...], bundle: dict, mime: str, value: str, where: str
    ) -> bool:
        if self.images >= self.limits.max_ocr_images:
            self._removed(f"picture beyond the first {self.limits.max_ocr_images}")
            return False
        try:
            raw = value.encode("utf-8") if mime == "image/svg+xml" else _b64(value)
            info = sniff("picture", raw, self.limits)
            if info.kind not in IMAGE_KINDS:
                raise ValueError("not a picture")
            child = module_for(info.kind).open_document(raw, self.limits)
        except (ScrubError, binascii.Error, ValueError):
            self._removed(f"picture that cannot be read ({mime})")
            return False
        self.images += 1
        target = mime
        if child.output_kind == "png":  # GIF, TIFF...: comes back as PNG
            if "image/png" in bundle:
                self._removed(f"second picture format ({mime})")
                return False
            target = "image/png"
        slot = self.parts.adopt(child, f"{where} picture", f"{where} picture")
        if target != mime:
            del bundle[mime]
            bundle[target] = value
        out = _svg_out if target == "image/svg+xml" else _b64_out  # SVG is text in a notebook
        self.fields.append(_Field((*path, target), out, slot))
        return True

    # -- writing ------------------------------------------------------------------------------

    def admits(self, index: int, start: int, end: int, source: str) -> bool:
        return self.parts.admits(index, start, end, source)

    def render(self, edits: Mapping[int, Sequence[Edit]]) -> tuple[bytes, WriteReport]:
        report = WriteReport()
        mine, theirs = self.parts.split(edits)
        outputs = self.parts.render_children(theirs, report)
        nb = copy.deepcopy(self.nb)
        for f in self.fields:
            if f.slot >= 0:
                _set(nb, f.path, f.encode(outputs[f.slot]))
            elif f.segment in mine:
                _set(nb, f.path, apply_edits(self.segments[f.segment].text, mine[f.segment]))
        for idx, cell_no, name in self.names:
            if idx in mine:
                self._rename(nb["cells"][cell_no], name, apply_edits(name, mine[idx]))
        if self.removed:
            what = "; ".join(f"{what} \u00d7{n}" for what, n in sorted(self.removed.items()))
            report.metadata_removed.append(f"notebook: {what}")
        import nbformat

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            out = nbformat.writes(nbformat.from_dict(nb))
        return out.encode("utf-8"), report

    @staticmethod
    def _rename(cell: dict, old: str, new: str) -> None:
        new = re.sub(r"[\s()]+", "_", new) or "attachment"
        while new in cell["attachments"] and new != old:
            new = "_" + new
        cell["attachments"][new] = cell["attachments"].pop(old)
        cell["source"] = cell.get("source", "").replace(f"attachment:{old}", f"attachment:{new}")


def _set(nb: Any, path: tuple[Any, ...], value: Any) -> None:
    node = nb
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


def _json(data: bytes) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except ValueError:
        return {"removed": "JSON output that did not survive scrubbing"}


def _b64(value: str) -> bytes:
    return base64.b64decode(re.sub(r"\s+", "", value), validate=True)


def _b64_out(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii") + "\n"


def _svg_out(data: bytes) -> str:
    return data.decode("utf-8")


def _html_out(data: bytes, fragment: bool) -> str:
    out = data.decode("utf-8")
    if fragment:  # the HTML module writes a whole document; the output was a fragment
        out = re.sub(r"\A<html><body>|</body></html>\Z", "", out)
    return out


def open_document(data: bytes, limits: Limits) -> NotebookDocument:
    import nbformat

    source = text_mod.decode(data)[0]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            nb = nbformat.reads(source, as_version=4)
    except Exception:  # noqa: BLE001 - nbformat raises JSON, schema and version errors alike
        raise CorruptFile(
            "This notebook is not valid notebook JSON and cannot be read; save it again from "
            "Jupyter and upload it."
        ) from None
    return NotebookDocument(json.loads(json.dumps(nb)), limits)
