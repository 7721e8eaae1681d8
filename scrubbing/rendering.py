"""Page images of a scrubbed file, for previews: LibreOffice headless -> PDF -> poppler.

Pure Python around subprocesses; nothing here imports Django. The caller passes the scrubbed
bytes only (never an original). LibreOffice runs through the engine's one sandboxed runner
(`scrubbing.engine.convert.run_soffice`: its own profile that runs no macros and updates no
links, no network, the converter's time limit, one run per process at a time) under a neutral
file name ("document.docx": a FILENAME field renders that, not the contractor's name). Poppler
runs in its own temporary folder, process group and time limit. A tool that hangs or crashes
is killed and the preview is "not available", never a stuck worker or a half-written page.
"""

from __future__ import annotations

import contextlib
import html
import io
import os
import re
import signal
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from scrubbing.engine import convert
from scrubbing.engine.magic import PNG_MAGIC

#: kinds LibreOffice turns into a PDF first, and the neutral name each is converted under
OFFICE_KINDS = {"docx": "document.docx", "xlsx": "workbook.xlsx", "pptx": "slides.pptx"}
PICTURE_KINDS = frozenset({"png", "jpeg"})
PAGE_KINDS = frozenset({"pdf", *OFFICE_KINDS, *PICTURE_KINDS})
#: a picture is shown as it is, only made smaller than this on its longest side
PICTURE_MAX_SIDE = 1600
PICTURE_MAX_PIXELS = 60_000_000

_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', re.S
)


class PreviewUnavailable(Exception):  # noqa: N818 - a state, not a crash
    """No page images for this file; the message is one sentence shown to people."""


@dataclass(frozen=True)
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


@dataclass
class Page:
    number: int
    png: bytes
    width: int  # pixels of the image
    height: int
    #: the page's words in PDF points, and the page size in points (empty for pictures)
    words: list[Word] = field(default_factory=list)
    page_width: float = 0.0
    page_height: float = 0.0


@dataclass
class Rendered:
    pages: list[Page]
    page_count: int


@dataclass(frozen=True)
class Box:
    """Where a replacement is on a page, as fractions of the page (0..1)."""

    x: float
    y: float
    w: float
    h: float
    text: str

    def as_dict(self, entity_type: str) -> dict:
        return {
            "x": round(self.x, 5),
            "y": round(self.y, 5),
            "w": round(self.w, 5),
            "h": round(self.h, 5),
            "type": entity_type,
            "text": self.text,
        }


def render(
    data: bytes,
    kind: str,
    *,
    max_pages: int = 30,
    dpi: int = 100,
    timeout: float = 90,
) -> Rendered:
    """Page images (PNG) of the first `max_pages` pages, with their words; pictures as they are.
    `timeout` is the limit of each poppler call (LibreOffice has the converter's own).

    Raises PreviewUnavailable with a sentence when there can be no page images.
    """
    if kind in PICTURE_KINDS:
        return _picture(data)
    if kind not in PAGE_KINDS:
        raise PreviewUnavailable("This kind of file has a text preview only.")
    with tempfile.TemporaryDirectory(prefix="preview-") as tmp:
        folder = Path(tmp)
        if kind == "pdf":
            pdf = folder / "document.pdf"
            pdf.write_bytes(data)
        else:
            pdf = _office_to_pdf(data, OFFICE_KINDS[kind], folder)
        count = _page_count(pdf, folder, timeout)
        if count == 0:
            raise PreviewUnavailable("The file has no pages to show.")
        shown = min(count, max_pages)
        _run(
            ["pdftoppm", "-r", str(dpi), "-png", "-l", str(shown), str(pdf), str(folder / "p")],
            folder,
            timeout,
            "Drawing the pages",
        )
        words = _words(pdf, shown, folder, timeout)
        pages = []
        for number, path in _page_files(folder, shown):
            png = path.read_bytes()
            width, height = _png_size(png)
            page_w, page_h, page_words = words.get(number, (0.0, 0.0, []))
            pages.append(Page(number, png, width, height, page_words, page_w, page_h))
        if not pages:
            raise PreviewUnavailable("The pages could not be drawn.")
        return Rendered(pages=pages, page_count=count)


def find_boxes(page: Page, pattern: re.Pattern[str]) -> list[Box]:
    """Boxes around every match of `pattern` (the replacements) among the page's words.

    The words are joined with single spaces; a match may cover parts of words ("([PERSON_1])")
    or several words ("Jane Roe" in fake mode), and gets one box per line it is on.
    """
    if not page.words or not page.page_width or not page.page_height:
        return []
    text_parts, spans, pos = [], [], 0
    for word in page.words:
        text_parts.append(word.text)
        spans.append((pos, pos + len(word.text)))
        pos += len(word.text) + 1
    text = " ".join(text_parts)
    boxes: list[Box] = []
    for match in pattern.finditer(text):
        lines: dict[float, list[tuple[float, float, float, float]]] = {}
        for word, (start, end) in zip(page.words, spans, strict=True):
            lo, hi = max(start, match.start()), min(end, match.end())
            if lo >= hi:
                continue
            length = max(end - start, 1)
            width = word.x1 - word.x0
            x0 = word.x0 + width * (lo - start) / length
            x1 = word.x0 + width * (hi - start) / length
            lines.setdefault(round(word.y0, 1), []).append((x0, word.y0, x1, word.y1))
        for parts in lines.values():
            x0 = min(p[0] for p in parts)
            y0 = min(p[1] for p in parts)
            x1 = max(p[2] for p in parts)
            y1 = max(p[3] for p in parts)
            boxes.append(
                Box(
                    x0 / page.page_width,
                    y0 / page.page_height,
                    (x1 - x0) / page.page_width,
                    (y1 - y0) / page.page_height,
                    match.group(0),
                )
            )
    return boxes


# ---- the tools ------------------------------------------------------------------------------


def _run(cmd: list[str], cwd: Path, timeout: float, what: str) -> bytes:
    """Run one tool in its own process group; on a timeout the whole group is killed."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(cwd), "LANG": "C.UTF-8"}
    try:
        proc = subprocess.Popen(
            cmd,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
    except FileNotFoundError:
        raise PreviewUnavailable("Poppler is not installed on the server.") from None
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc.pid)
        proc.communicate()
        raise PreviewUnavailable(f"{what} took longer than {timeout:.0f} seconds.") from None
    finally:
        _kill_group(proc.pid)  # helpers a converter left behind
    if proc.returncode != 0:
        raise PreviewUnavailable(f"{what} failed.")
    return out


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


def _office_to_pdf(data: bytes, name: str, folder: Path) -> Path:
    """The file as a PDF in `folder`, drawn by the engine's sandboxed LibreOffice runner."""
    try:
        run = convert.run_soffice({name: data}, "pdf")
    except convert.RunnerUnavailable as exc:
        raise PreviewUnavailable(f"{exc.args[0][:1].upper()}{exc.args[0][1:]}.") from None
    except convert.RunnerTimeout as exc:
        raise PreviewUnavailable(
            f"LibreOffice took longer than {exc.seconds:.0f} seconds."
        ) from None
    except convert.RunnerBusy as exc:
        raise PreviewUnavailable(
            f"LibreOffice was busy for longer than {exc.seconds:.0f} seconds; try again later."
        ) from None
    written = run.outputs.get(Path(name).stem + ".pdf", b"")
    if not written:
        raise PreviewUnavailable("LibreOffice could not turn this file into pages.")
    pdf = folder / "document.pdf"
    pdf.write_bytes(written)
    return pdf


def _page_count(pdf: Path, folder: Path, timeout: float) -> int:
    info = _run(["pdfinfo", str(pdf)], folder, timeout, "Reading the pages").decode(
        "utf-8", "replace"
    )
    match = re.search(r"^Pages:\s+(\d+)", info, re.M)
    return int(match.group(1)) if match else 0


def _words(pdf: Path, pages: int, folder: Path, timeout: float) -> dict:
    """page number -> (width, height, words) from `pdftotext -bbox` (PDF points)."""
    raw = _run(
        ["pdftotext", "-bbox", "-l", str(pages), str(pdf), "-"], folder, timeout, "Reading the text"
    ).decode("utf-8", "replace")
    out = {}
    for number, match in enumerate(_PAGE.finditer(raw), start=1):
        words = [
            Word(float(a), float(b), float(c), float(d), html.unescape(t))
            for a, b, c, d, t in _WORD.findall(match.group(3))
        ]
        out[number] = (float(match.group(1)), float(match.group(2)), words)
    return out


def _page_files(folder: Path, shown: int) -> list[tuple[int, Path]]:
    found = []
    for path in folder.glob("p-*.png"):
        digits = path.stem.rsplit("-", 1)[-1]
        if digits.isdigit() and 1 <= int(digits) <= shown:
            found.append((int(digits), path))
    return sorted(found)


def _png_size(png: bytes) -> tuple[int, int]:
    if not png.startswith(PNG_MAGIC) or len(png) < 24:
        raise PreviewUnavailable("The pages could not be drawn.")
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def _picture(data: bytes) -> Rendered:
    """The scrubbed picture itself (its boxes are burned in), re-encoded as a plain PNG."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as img:
            if img.width * img.height > PICTURE_MAX_PIXELS:
                raise PreviewUnavailable("The picture is too large to preview.")
            picture = img.convert("RGBA" if "A" in img.getbands() else "RGB")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        raise PreviewUnavailable("The picture could not be read.") from None
    picture.thumbnail((PICTURE_MAX_SIDE, PICTURE_MAX_SIDE))
    buf = io.BytesIO()
    picture.save(buf, format="PNG", optimize=True)
    return Rendered(pages=[Page(1, buf.getvalue(), picture.width, picture.height)], page_count=1)
