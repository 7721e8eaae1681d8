"""PDF benchmark: how many pages that have a text layer end rasterized, and what a PDF costs
against the same words as .docx. A benchmark, not a test: it prints figures and goals.

    .venv/bin/python tests/bench/bench_pdf.py [--tasks 7] [--words 10000] [--scan-pages 3]

Producers: the project's corpus (`tests/corpus/generator.py`, memo.pdf by reportlab);
LibreOffice's export (`soffice --headless --convert-to pdf`, own profile) of the corpus'
report.docx, model.xlsx and deck.pptx (python-docx, openpyxl, python-pptx); the docx PDFs
written again by Ghostscript's pdfwrite and by cairo (pdftocairo); Chromium's print-to-PDF
(Skia) of an HTML page; LibreOffice's export of the long .docx of the speed comparison. Each PDF goes through `Scrubber.scrub` with the task's
deny-list; a page counts as rasterized when the report lists it (scanned pages, which are
always re-rendered, are counted apart).
"""

from __future__ import annotations

import argparse
import html
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
import warnings
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "bench"))
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def libreoffice(sources: dict[str, bytes], tmp: Path) -> dict[str, bytes]:
    tmp.mkdir(parents=True, exist_ok=True)
    for name, data in sources.items():
        (tmp / name).write_bytes(data)
    profile = tmp / f"lo-{uuid.uuid4().hex}"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         "pdf", "--outdir", str(tmp / "pdf"), *(str(tmp / n) for n in sources)],
        capture_output=True, timeout=600, check=True,
    )  # fmt: skip
    out = {}
    for name in sources:
        pdf = tmp / "pdf" / (Path(name).stem + ".pdf")
        if pdf.exists():
            out[name] = pdf.read_bytes()
    return out


def rewrite_with(tool: str, data: bytes, tmp: Path) -> bytes | None:
    """The same PDF written again by Ghostscript's pdfwrite or by cairo (poppler)."""
    src, dst = tmp / f"in-{uuid.uuid4().hex}.pdf", tmp / f"out-{uuid.uuid4().hex}.pdf"
    src.write_bytes(data)
    cmd = (
        ["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", f"-o{dst}", str(src)]
        if tool == "gs"
        else ["pdftocairo", "-pdf", str(src), str(dst)]
    )
    subprocess.run(cmd, capture_output=True, timeout=120, check=False)
    return dst.read_bytes() if dst.exists() else None


def chromium(paragraphs: list[str], tmp: Path) -> bytes | None:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        return None
    page = tmp / "page.html"
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    page.write_text(f"<html><body><h1>Operations review</h1>{body}</body></html>", "utf-8")
    out = tmp / "chromium.pdf"
    subprocess.run(
        [exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--user-data-dir={tmp / 'chromium-profile'}", f"--print-to-pdf={out}",
         page.as_uri()],
        capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    return out.read_bytes() if out.exists() else None


def scanned_pdf(pages: int) -> bytes:
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 34)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for p in range(pages):
        im = Image.new("L", (1654, 2339), 255)  # A4 at 200 dpi
        draw = ImageDraw.Draw(im)
        for i in range(25):
            draw.text((150, 150 + 80 * i), f"Line {i} of page {p + 1}: Jane Doe, jane.doe@acme.example",
                      fill=0, font=font)  # fmt: skip
        png = io.BytesIO()
        im.save(png, "PNG")
        c.drawImage(ImageReader(png), 0, 0, width=A4[0], height=A4[1])
        c.showPage()
    c.save()
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="PDF rasterized share and cost")
    ap.add_argument("--tasks", type=int, default=7)
    ap.add_argument("--words", type=int, default=10000)
    ap.add_argument("--scan-pages", type=int, default=3)
    args = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    import logging

    logging.disable(logging.WARNING)
    from run import engine_scrubber, make_docx, prose

    from scrubbing.engine.formats import pdf as pdf_format
    from scrubbing.engine.formats.pdf.ocr import PageKind
    from scrubbing.engine.pipeline import Term, TermLists
    from scrubbing.engine.pseudonyms import Pseudonymizer
    from tests.corpus.generator import generate

    scrubber = engine_scrubber()
    corpus = generate(tasks=args.tasks, kinds=("docx", "xlsx", "pptx", "pdf"))
    deny = {
        t.id: TermLists(deny=tuple(Term(d["text"], d["type"]) for d in t.deny))
        for t in corpus.tasks
    }
    inputs: list[tuple[str, str, bytes, TermLists]] = []  # producer, name, pdf, terms
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        office = {}
        for rel, data in corpus.files.items():
            task = rel.split("/")[0]
            if rel.endswith(".pdf"):
                inputs.append(("reportlab (corpus memo.pdf)", rel, data, deny[task]))
            else:
                office[rel.replace("/", "__")] = data
        t0 = time.perf_counter()
        converted = libreoffice(office, tmp)
        convert_s = time.perf_counter() - t0
        for name, data in sorted(converted.items()):
            kind = name.rsplit(".", 1)[1]
            task = name.split("__")[0]
            inputs.append((f"LibreOffice ({kind})", name, data, deny[task]))
        for tool, label in (("gs", "Ghostscript (pdfwrite)"), ("pdftocairo", "cairo (pdftocairo)")):
            if not shutil.which(tool):
                continue
            for name, data in sorted(converted.items()):
                if name.endswith(".docx"):
                    task = name.split("__")[0]
                    again = rewrite_with(tool, data, tmp)
                    if again:
                        inputs.append((f"{label} of LibreOffice (docx)", name, again, deny[task]))
        paragraphs = prose(3000, seed=7)
        chrome = chromium(paragraphs, tmp)
        if chrome:
            inputs.append(("Chromium (HTML)", "page.html", chrome, TermLists()))
        docx, words = make_docx(args.words, seed=11)
        pdf_of_docx = libreoffice({"same-words.docx": docx}, tmp / "same").get("same-words.docx")
        if pdf_of_docx:
            inputs.append((f"LibreOffice (docx, {words} words)", "same", pdf_of_docx, TermLists()))
            for tool in ("gs", "pdftocairo"):
                again = rewrite_with(tool, pdf_of_docx, tmp) if shutil.which(tool) else None
                if again:
                    inputs.append((f"{tool} of the {words}-word PDF", "same", again, TermLists()))

    print(f"inputs: {len(inputs)} PDFs; LibreOffice converted {len(converted)} files in "
          f"{convert_s:.1f} s")  # fmt: skip
    totals: Counter = Counter()
    reasons: Counter = Counter()
    per: dict[str, Counter] = {}
    statuses: Counter = Counter()
    for producer, name, data, terms in inputs:
        doc = pdf_format.open_document(data, scrubber.limits)
        text_pages = sum(k in (PageKind.TEXT, PageKind.SCAN_WITH_TEXT) for k in doc.page_kinds)
        result = scrubber.scrub(name + ".pdf", data, terms, Pseudonymizer())
        statuses[result.status] += 1
        raster = [r for r in result.report.get("rasterized", []) if "scanned page" not in r]
        c = per.setdefault(producer, Counter())
        c["files"] += 1
        c["pages"] += len(doc.page_kinds)
        c["text pages"] += text_pages
        c["rasterized"] += len(raster)
        for r in raster:
            reasons[r.split("(", 1)[-1].rstrip(")")] += 1
    print(f"{'producer':44} {'files':>5} {'pages':>6} {'text':>6} {'raster':>7} {'share':>7}")
    for producer, c in per.items():
        totals.update(c)
        share = c["rasterized"] / max(c["text pages"], 1)
        print(f"{producer:44} {c['files']:>5} {c['pages']:>6} {c['text pages']:>6} "
              f"{c['rasterized']:>7} {share:>7.1%}")  # fmt: skip
    share = totals["rasterized"] / max(totals["text pages"], 1)
    print(f"{'all':44} {totals['files']:>5} {totals['pages']:>6} {totals['text pages']:>6} "
          f"{totals['rasterized']:>7} {share:>7.1%}")  # fmt: skip
    print(f"rasterized share of pages with a text layer = {share:.1%}   (goal <= 5%)")
    print(f"statuses: {dict(statuses)}")
    for reason, n in reasons.most_common():
        print(f"  rasterized because {reason}: {n}")

    if pdf_of_docx:
        from scrubbing.engine.detect import get_detector

        def timed(name: str, data: bytes) -> tuple[float, dict, list]:
            get_detector().cache.clear()  # the .pdf does not read the .docx's answers
            t = time.perf_counter()
            r = scrubber.scrub(name, data, TermLists(), Pseudonymizer())
            return time.perf_counter() - t, r.report.get("timings", {}), r.report["notes"]

        d_s, d_t, _ = timed("same.docx", docx)
        p_s, p_t, p_notes = timed("same.pdf", pdf_of_docx)
        print(f"same {words} words: .docx {d_s:.2f} s ({words / d_s:,.0f} words/s), "
              f".pdf {p_s:.2f} s ({words / p_s:,.0f} words/s)")  # fmt: skip
        print("  .pdf stages: " + ", ".join(f"{k} {v:.2f} s" for k, v in p_t.items()))
        print(f"pdf/docx time = {p_s / d_s:.2f}x   (goal <= 2)")
        print("  per page (the file's report): " + _pages_note(p_notes))
    if args.scan_pages:
        t = time.perf_counter()
        r = scrubber.scrub("scan.pdf", scanned_pdf(args.scan_pages), TermLists(), Pseudonymizer())
        s = time.perf_counter() - t
        tm = r.report.get("timings", {})
        print(f"scanned PDF, {args.scan_pages} pages (A4 at 200 dpi, OMP_THREAD_LIMIT="
              f"{os.environ.get('OMP_THREAD_LIMIT')}): {s:.1f} s, {s / args.scan_pages:.1f} s/page; "
              f"open (OCR) {tm.get('open', 0):.1f} s, verify (one OCR pass) {tm.get('verify', 0):.1f} s; "
              f"status {r.status}")  # fmt: skip
        print("  per page (the file's report): " + _pages_note(r.report["notes"]))
    return 0


def _pages_note(notes: list[str]) -> str:
    return next((n for n in notes if n.startswith("pages: ")), "(no page summary)")


if __name__ == "__main__":
    sys.exit(main())
