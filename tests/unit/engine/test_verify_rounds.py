"""Verification that settles: what the checks find in the output is redacted in another round.

Real files (python-docx, openpyxl, csv), the real analyzer, the real readers and writers.
"""

from __future__ import annotations

import io

import pytest

from scrubbing.engine import pipeline
from scrubbing.engine.base import Limits
from scrubbing.engine.formats import docx as docx_format
from scrubbing.engine.formats import text as text_format
from scrubbing.engine.pipeline import VERIFY_ROUNDS, Scrubber, TermLists
from scrubbing.engine.pseudonyms import Pseudonymizer
from scrubbing.engine.sniff import sniff
from scrubbing.engine.verify import Verifier
from tests.builders.files import make_docx, make_xlsx
from tests.builders.verify import contacts_csv, contacts_xlsx, report_docx

#: The model reads "Gina Glass" as a person here and nothing else; once she is "[PERSON_1]",
#: it reads "Dunmore" as an organisation. If detection changes so that analysis already finds
#: "Dunmore", these tests say so: pick another sentence where a name shows only after
#: replacement.
SONS = (
    "Gina Glass met the Dunmore and Partners team on Tuesday to review the e-enable "
    "leading-edge architectures proposal."
)


@pytest.fixture(scope="module")
def scrubber(detector):
    return Scrubber()


def output_text(name: str, data: bytes) -> str:
    """Everything a reader of the output sees, as the engine's own reader reads it."""
    doc = sniff(name, data).open(data, Limits())  # type: ignore[operator]
    return "\n".join(s.text for s in doc.segments)


def settled(result) -> None:
    assert result.status == "done", result.report["residual"]
    rounds = result.report["rounds"]
    assert 1 <= len(rounds) <= VERIFY_ROUNDS
    assert rounds[-1]["found"] == {"exact": 0, "pattern": 0, "model": 0}, rounds
    assert result.report["residual"] == [] and result.leftovers == []


# ---- big real files end done, with nothing planted left ---------------------------------------


@pytest.mark.slow
def test_a_20000_word_docx_ends_done_with_no_leak(scrubber):
    data, planted, words = report_docx(20_000)
    assert words >= 20_000
    r = scrubber.scrub("quarterly review.docx", data, TermLists(), Pseudonymizer())
    settled(r)
    import docx

    out = docx.Document(io.BytesIO(r.output))  # still a Word document
    text = "\n".join(p.text for p in out.paragraphs)
    assert planted.left_in(text) == {}
    assert planted.left_in(output_text("r.docx", r.output)) == {}
    # what later rounds added is counted in the report, never quoted
    for rnd in r.report["rounds"]:
        assert set(rnd) == {"round", "redacted", "checks", "found", "render", "verify"}
        assert all(isinstance(v, int) for v in rnd["redacted"].values())


@pytest.fixture(scope="module", params=["csv", "xlsx"])
def contact_sheet(request, scrubber):
    build = contacts_csv if request.param == "csv" else contacts_xlsx
    data, planted = build(1000)
    name = f"contacts.{request.param}"
    return name, planted, scrubber.scrub(name, data, TermLists(), Pseudonymizer())


@pytest.mark.slow
def test_a_1000_row_contact_sheet_ends_done(contact_sheet):
    name, planted, r = contact_sheet
    settled(r)
    text = output_text(name, r.output)
    left = planted.left_in(text)
    assert "email" not in left and "phone" not in left, left
    # no surface form found in any round is left anywhere (a fresh exact search)
    v = Verifier(sniff(name, r.output).open, Limits(), TermLists(), None)  # type: ignore[arg-type]
    v.know((f.text, f.entity_type, f.source) for f in r.findings)
    assert v.check(r.output, {f.replacement for f in r.findings}).leftovers == []
    if name.endswith(".xlsx"):
        import openpyxl

        ws = openpyxl.load_workbook(io.BytesIO(r.output)).active
        assert ws.max_row == 1001 and ws.max_column == 5


@pytest.mark.slow
def test_a_1000_row_contact_sheet_leaves_no_planted_value(contact_sheet):
    name, planted, r = contact_sheet
    assert planted.left_in(output_text(name, r.output)) == {}


def test_a_turkish_dotted_capital_in_a_workbook_is_replaced(scrubber):
    # "İ".lower() is two characters: the matcher used to overrun the cell and the writer
    # refused the edit, failing the whole workbook
    data = make_xlsx([["Company", "Contact"], ["GAP İnşaat", "Ayşe Yılmaz"], ["GAP İnşaat", ""]])
    r = scrubber.scrub("suppliers.xlsx", data, TermLists(), Pseudonymizer())
    settled(r)
    assert "İnşaat" not in output_text("suppliers.xlsx", r.output)


# ---- a hit that appears only after replacement ------------------------------------------------


def test_a_name_the_model_sees_only_after_replacement_is_redacted_in_round_2(scrubber):
    data = make_docx([SONS, "Budget notes follow.", SONS.replace("Tuesday", "Friday")])
    ps = Pseudonymizer()
    analysis = scrubber.analyze("notes.docx", data, TermLists())
    assert "Dunmore" not in {f.text for f in analysis.findings}, "pick another sentence"
    scrubber.assign(analysis, ps)
    r = scrubber.finish(analysis)
    settled(r)
    later = [f for f in r.findings if f.round == 2]
    assert [(f.text, f.entity_type) for f in later] == [("Dunmore", "ORGANIZATION")] * 2
    assert len({f.replacement for f in later}) == 1  # the same placeholder everywhere
    assert later[0].replacement == ps.replacement("ORGANIZATION", "Dunmore")
    rounds = r.report["rounds"]
    assert rounds[0]["found"]["model"] == 2 and rounds[1]["redacted"] == {"ORGANIZATION": 2}
    text = output_text("notes.docx", r.output)
    assert (
        "Dunmore" not in text and "Gina Glass" not in text and text.count(later[0].replacement) == 2
    )
    assert r.counts["ORGANIZATION"] == 2


def test_finish_with_an_assign_callback_names_later_findings(scrubber):
    """The Django side gives later rounds their placeholders through a callback (it takes
    the task's lock again for just that); the pseudonymizer given to assign() is not used."""
    analysis = scrubber.analyze("notes.txt", (SONS + "\n").encode(), TermLists())
    scrubber.assign(analysis, Pseudonymizer())
    task = Pseudonymizer(state={"counters": {"ORG": 41}})
    calls: list[list[str]] = []

    def assign(findings):
        calls.append([f.text for f in findings])
        pipeline.assign_replacements(findings, task)

    r = scrubber.finish(analysis, assign=assign)
    settled(r)
    assert calls == [["Dunmore"]]
    assert b"[ORG_42] and Partners team" in r.output


def test_an_error_in_the_callback_reaches_the_caller(scrubber):
    analysis = scrubber.analyze("notes.txt", (SONS + "\n").encode(), TermLists())
    scrubber.assign(analysis, Pseudonymizer())

    class DatabaseGone(Exception):
        pass

    def assign(findings):
        raise DatabaseGone()

    with pytest.raises(DatabaseGone):
        scrubber.finish(analysis, assign=assign)


def test_what_another_file_of_the_task_found_is_replaced_the_same_way(scrubber):
    files = [
        ("a.txt", b"The contract with Lindqvist Maritime was signed by Jane Doe in Oslo.\n"),
        ("b.txt", b"Invoice 4471: lindqvist maritime, net 30 days, freight included.\n"),
    ]
    a, b = scrubber.scrub_many(files, TermLists(), Pseudonymizer())
    settled(a)
    settled(b)
    assert b"[ORG_1]" in a.output and b.output.startswith(b"Invoice 4471: [ORG_1], net 30")
    # the task inventory sweeps b for what a found before any replacement: round 1
    assert [(f.text, f.round) for f in b.findings] == [("lindqvist maritime", 1)]


# ---- what no round can remove stays residual --------------------------------------------------


def _blank_png(colour: str) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (200, 80), colour).save(buf, "PNG")  # big enough to be read
    return buf.getvalue()


def test_text_the_writer_reports_it_could_not_read_stays_residual(detector):
    import docx

    d = docx.Document()
    d.add_paragraph(SONS)
    for colour in ("white", "yellow"):  # two pictures; OCR is allowed for one
        d.add_picture(io.BytesIO(_blank_png(colour)))
    buf = io.BytesIO()
    d.save(buf)
    r = Scrubber(limits=Limits(max_ocr_images=1)).scrub(
        "pictures.docx", buf.getvalue(), TermLists(), Pseudonymizer()
    )
    assert r.status == "residual"
    assert [x["locator"] for x in r.report["residual"]] == ["whole file"]
    assert "more than 1 pictures" in r.report["residual"][0]["reason"]
    # the rounds still removed what they could
    assert len(r.report["rounds"]) == 2 and b"Dunmore" not in _document_xml(r.output)


def _document_xml(data: bytes) -> bytes:
    import zipfile

    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")


def test_with_no_way_to_name_new_findings_what_is_found_stays_residual(scrubber):
    analysis = scrubber.analyze("notes.txt", (SONS + "\n").encode(), TermLists())
    ps = Pseudonymizer()
    for f in analysis.findings:  # replacements given by hand: no pseudonymizer for later rounds
        f.replacement = ps.replacement(f.entity_type, f.text)
    analysis.replacements = ps.replacements()
    r = scrubber.finish(analysis)
    assert r.status == "residual"
    assert [(x.text, x.reason) for x in r.leftovers] == [("Dunmore", "detected again (model)")]
    assert len(r.report["rounds"]) == 1


# ---- the checks themselves --------------------------------------------------------------------


def _verifier(detector, originals=()):
    v = Verifier(text_format.open_document, Limits(), TermLists(), detector.detect)
    v.know(originals)
    return v


def test_the_same_output_gets_the_same_verdict_twice(detector):
    out = (
        b"[PERSON_1] met the Dunmore and Partners team on Tuesday.\n"
        b"Mail jane.roe@example.org about JANE  DOE and the Falcon plan.\n"
    )
    originals = [("Jane Doe", "PERSON", "model"), ("Gina Glass", "PERSON", "model")]
    reps = ["[PERSON_1]", "[PERSON_2]"]
    v = _verifier(detector, originals)
    first = v.check(out, reps)
    again = v.check(out, reps)  # answers from the verifier's memory this time
    fresh = _verifier(detector, originals).check(out, reps)
    assert first.leftovers == again.leftovers == fresh.leftovers
    assert {(lo.text, lo.check) for lo in first.leftovers} == {
        ("Dunmore", "model"),
        ("jane.roe@example.org", "pattern"),
        ("JANE  DOE", "exact"),
    }
    assert first.as_residuals() == fresh.as_residuals()


def test_a_pattern_made_only_by_blanking_a_replacement_is_not_a_leftover(detector):
    # "3/16/501 [PERSON_1] 79" blanked reads "3/16/501            79": a phone, to a pattern
    out = "Số 3/16/501 [PERSON_1] 79 xã [LOCATION_1]\n".encode()
    assert _verifier(detector).check(out, ["[PERSON_1]", "[LOCATION_1]"]).leftovers == []
    real = b"Call [PERSON_1] on +44 20 7946 0958 today.\n"
    found = _verifier(detector).check(real, ["[PERSON_1]"]).leftovers
    assert [(lo.text, lo.check) for lo in found] == [("+44 20 7946 0958", "pattern")]


def test_a_known_name_around_a_replacement_leaves_its_parts(detector):
    v = _verifier(detector, [("Jane Doe", "PERSON", "model")])
    found = v.check(b"Signed: Jane [PERSON_9] Doe, 3 May.\n", ["[PERSON_9]"], model=False)
    assert [(lo.text, lo.check) for lo in found.leftovers] == [("Jane", "exact"), ("Doe", "exact")]


def test_a_later_round_reads_only_what_it_changed(detector):
    seen: list[tuple[str, bool]] = []

    def spy(texts, terms, use_model=True):
        seen.extend((t, use_model) for t in texts)
        return detector.detect(texts, terms, use_model=use_model)

    v = Verifier(text_format.open_document, Limits(), TermLists(), spy)
    body = "Filler about budgets and plans. " * 30
    v.check(f"{body}\n\nCall [PERSON_1] now.\n".encode(), ["[PERSON_1]"])
    first = len(seen)
    v.check(f"{body}\n\nCall [PERSON_1] now. Ask [ORG_1].\n".encode(), ["[PERSON_1]", "[ORG_1]"])
    later = seen[first:]
    assert later and all("Filler" not in t for t, _ in later)


def test_verification_reads_the_docx_output_with_the_docx_reader(detector):
    data = make_docx(["[PERSON_1] met the Dunmore and Partners team on Tuesday."])
    v = Verifier(docx_format.open_document, Limits(), TermLists(), detector.detect)
    check = v.check(data, ["[PERSON_1]", "[PERSON_2]"])
    assert check.document is not None
    where = {(lo.text, check.document.segments[lo.segment].kind) for lo in check.leftovers}
    assert where == {("Dunmore", "body"), ("Jane Doe", "metadata")}  # make_docx's author
