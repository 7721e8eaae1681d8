"""Person recall in real document shapes: rosters (attendee lists, references, separated
lists), surface forms ("Family, Given", initials, sign-offs), one entity per person.

Every name here is written for these tests (no list a recognizer reads, no evaluation slice);
each test also checks that the ordinary words around the names stay.
"""

from __future__ import annotations

import io
import json

from scrubbing.engine.inventory import Inventory
from scrubbing.engine.pipeline import Scrubber
from scrubbing.engine.pseudonyms import Pseudonymizer
from scrubbing.engine.recognizers.roster import entry_head, roster_shape
from scrubbing.engine.terms import TermLists


def scrub(name: str, data: bytes) -> tuple[str, list]:
    r = Scrubber().scrub(name, data, TermLists(), Pseudonymizer())
    assert r.status in ("done", "residual"), r.error
    return r.output.decode("utf-8"), r.findings


def placeholders_of(findings: list, *texts: str) -> set[str]:
    return {f.replacement for f in findings if f.text in texts}


# ------------------------------------------------------------------ rosters
MINUTES = """Operation KESTREL - steering committee

Minutes of the meeting held on 4 May 2026 by video call.

Present

- Priya Raman (chair)

- Tomasz Wiśniewski (minutes)

- Oyunbileg Tserendorj - Harbour Freight Ltd

- Jonas Lindqvist - Harbour Freight Ltd

Apologies: Amelia Hughes

1. Status

Oyunbileg opened the meeting. The revised plan is in the shared folder.

Next steps

- Update the budget

- Book the site visit
"""


def test_unfound_entry_of_an_attendee_list_is_a_person_and_its_parts_are_swept():
    out, _ = scrub("minutes.txt", MINUTES.encode())
    assert "Oyunbileg" not in out and "Tserendorj" not in out, out
    assert "Priya" not in out and "Lindqvist" not in out
    # the list's roles, the company and the plain bullets of the agenda stay
    for word in ("(chair)", "(minutes)", "Update the budget", "Book the site visit", "Present"):
        assert word in out, word
    assert "opened the meeting" in out


def test_reference_lines_of_a_cv_in_a_docx_name_family_first_and_initialled_people():
    import docx

    d = docx.Document()
    d.add_paragraph("Profile")
    d.add_paragraph("Operations manager with twelve years in logistics.")
    d.add_paragraph("References")
    d.add_paragraph("Margaret Ellison, Finance Director, Brightwater Holdings – 0113 496 0000")
    d.add_paragraph("Adeyemi-Cole, Folake, Senior Legal Counsel – 020 7946 0018")
    d.add_paragraph("Hae-won K Seo, Key Account Manager – 07700 900123")
    buf = io.BytesIO()
    d.save(buf)
    r = Scrubber().scrub("cv.docx", buf.getvalue(), TermLists(), Pseudonymizer())
    assert r.status in ("done", "residual"), r.error
    people = {f.text for f in r.findings if f.entity_type == "PERSON"}
    assert "Adeyemi-Cole, Folake" in people, people
    assert "Hae-won K Seo" in people, people
    titles = {f.text for f in r.findings if "Counsel" in f.text or "Manager" in f.text}
    assert not titles, titles  # the job titles after the names are no part of them


def test_comma_separated_list_with_most_names_found():
    text = (
        "Thanks all. Distribution: Priya Raman, Jonas Lindqvist, Amelia Hughes, "
        "Oyunbileg Tserendorj\nThe budget, the plan and the schedule are attached.\n"
    )
    out, _ = scrub("note.txt", text.encode())
    assert "Tserendorj" not in out, out
    assert "The budget, the plan and the schedule are attached." in out


def test_roster_entry_shape_and_head():
    text = "Ng, Hoi-lam, HR Business Partner – 0300 123"
    a, b = entry_head(text, 0, len(text))
    assert text[a:b] == "Ng, Hoi-lam"
    text = "Margaret Ellison, Finance Director"
    assert text[slice(*entry_head(text, 0, len(text)))] == "Margaret Ellison"
    assert roster_shape("Lý H. N.") and roster_shape("Okafor, J. R.")
    for words in ("Next Steps", "Update the budget", "Harbour Freight Ltd", "Action Items"):
        assert not roster_shape(words), words


def test_a_list_of_things_is_no_roster():
    text = "Present\n\n- Budget review\n\n- Hiring plan\n\n- Office move\n"
    out, findings = scrub("agenda.txt", text.encode())
    assert out == text, out
    assert not findings


# ------------------------------------------------------------------ surface forms
MAIL = """From: Tse Hoi-lam <hoilam.tse@example-freight.com>
To: Jonas Lindqvist <jonas.lindqvist@example-freight.com>
Subject: Berth schedule

Jonas, the berth schedule is attached.

Tse Hoi-lam

-----Original Message-----
From: Lindqvist, Jonas
Sent: Tuesday, 3 March 2026 09:14
To: Tse, Hoi-lam
Subject: Berth schedule

> Could you send the berth schedule?
>
> Thanks,
> Sun K.
"""


def test_family_given_headers_and_a_quoted_initialled_sign_off():
    out, findings = scrub("thread.txt", MAIL.encode())
    for left in ("Tse", "Hoi-lam", "Sun K.", "Lindqvist"):
        assert left not in out, (left, out)
    for kept in ("Original Message", "Thanks,", "Tuesday, 3 March 2026", "berth schedule"):
        assert kept in out, kept
    # the header's "Family, Given" and the display name are one person
    assert len(placeholders_of(findings, "Tse, Hoi-lam", "Tse Hoi-lam")) == 1


def test_two_letter_family_name_is_swept_once_the_whole_name_is_known():
    text = (
        "Attendees: Ng Pui-shan, Jonas Lindqvist\n\n"
        "Ng agreed to send the berth plan. He will also call the port.\n"
    )
    out, _ = scrub("notes.txt", text.encode())
    assert "Ng" not in out, out
    assert "He will also call the port." in out  # "He" is a word, never a name part


def test_calendar_word_given_name_beside_a_found_name():
    text = (
        "References\nMargaret Ellison, Finance Director\nSun Weiqiang, Chartering Manager\n"
        "May Okonkwo-Bell, Operations Lead\nReply by Sun 14 June please. May we meet?\n"
    )
    out, _ = scrub("refs.txt", text.encode())
    for left in ("Okonkwo-Bell", "Weiqiang", "Sun Weiqiang", "May Okonkwo"):
        assert left not in out, (left, out)
    assert "Reply by Sun 14 June please. May we meet?" in out
    assert "Chartering Manager" in out and "Operations Lead" in out


def test_widening_takes_a_calendar_word_only_where_it_starts_the_field():
    from scrubbing.engine.hits import Hit
    from scrubbing.engine.widen import widen_names

    def widened(text: str, name: str) -> str:
        i = text.rindex(name)
        return widen_names(text, [Hit("PERSON", i, i + len(name), 0.8, "model", name)])[0].text

    assert widened("Cc:\nSun Lihong, Chartering Manager", "Lihong") == "Sun Lihong"
    assert widened("We met on Sun Lihong said", "Lihong") == "Lihong"


def test_initials_and_family_given_values_under_name_keys_in_json():
    data = {
        "records": [
            {"name": "Raghunathan, K.", "initials": "K.R.", "team": "ops"},
            {"owner": {"displayName": "诸葛明远"}, "status": "open"},
        ]
    }
    out, _ = scrub("export.json", json.dumps(data, ensure_ascii=False).encode())
    for left in ("Raghunathan", "K.R.", "诸葛明远"):
        assert left not in out, (left, out)
    assert '"team": "ops"' in out and '"status": "open"' in out


# ------------------------------------------------------------------ one entity
def test_upper_family_first_and_given_first_are_one_entity():
    inv = Inventory()
    inv.contribute("a.txt", [("VISSER Maartje", "PERSON", "pattern")])
    inv.contribute("b.txt", [("Maartje Visser", "PERSON", "pattern")])
    assert inv.lookup("VISSER Maartje") is inv.lookup("Maartje Visser")
    assert inv.lookup("Visser, Maartje") is inv.lookup("Maartje Visser")


def test_a_model_org_vote_does_not_make_a_found_person_an_org():
    inv = Inventory()
    inv.contribute("a.txt", [("Hae-won Seo", "ORGANIZATION", "model")])
    inv.contribute("a.txt", [("Hae-won Seo", "PERSON", "structure")])
    inv.contribute("b.txt", [("Seo", "ORGANIZATION", "model")])
    inv.contribute("c.txt", [("Seo", "ORGANIZATION", "model")])
    entity = inv.lookup("Hae-won Seo")
    assert entity is not None and entity.type == "PERSON"
    assert inv.lookup("Seo") is entity  # the part is the person's form, and stays a person
    assert any(f == "Seo" for f in entity.forms)


def test_minutes_in_a_docx_give_one_placeholder_to_a_person_written_two_ways():
    import docx

    d = docx.Document()
    d.add_paragraph("Present")
    for item in ("Priya Raman (chair)", "VISSER Maartje – Harbour Freight Ltd",
                 "Jonas Lindqvist – Harbour Freight Ltd"):  # fmt: skip
        d.add_paragraph(item, style="List Bullet")
    d.add_paragraph("Maartje Visser reported that the rig is late.")
    buf = io.BytesIO()
    d.save(buf)
    r = Scrubber().scrub("minutes.docx", buf.getvalue(), TermLists(), Pseudonymizer())
    assert r.status in ("done", "residual"), r.error
    reps = {f.replacement for f in r.findings if "isser" in f.text or "ISSER" in f.text}
    assert len(reps) == 1, [(f.text, f.replacement) for f in r.findings]


# ------------------------------------------------------------------ letters
def test_letter_salutation_after_an_honorific_and_a_sign_off_in_its_own_paragraph():
    import docx

    d = docx.Document()
    for para in (
        "Harbour Freight Ltd\nTel. 0113 496 0000",
        "KOWALCZYK Mirela\nHead of Procurement\nBrightwater Holdings",
        "Dear Dr Kowalczyk,",
        "Dear Mr van 't Veld,",
        "Dear Ms Sun,",
        "Further to our call last week, we confirm the variation. Reply by Sun 14 June.",
        "Yours sincerely,",
        "T. Oyelaran-Brooks\nOperations Lead, Harbour Freight Ltd",
    ):
        d.add_paragraph(para)
    buf = io.BytesIO()
    d.save(buf)
    r = Scrubber().scrub("letter.docx", buf.getvalue(), TermLists(), Pseudonymizer())
    assert r.status in ("done", "residual"), r.error
    people = {f.text for f in r.findings if f.entity_type == "PERSON"}
    for name in ("Kowalczyk", "van 't Veld", "Sun", "T. Oyelaran-Brooks", "KOWALCZYK Mirela"):
        assert name in people, (name, people)
    # the weekday "Sun" is no name in the body: a one-word name that is a word is not swept
    body = [f for f in r.findings if "Reply by" in f.locator or f.text == "Sun"]
    assert all(f.text == "Sun" for f in body)
    assert sum(f.text == "Sun" for f in r.findings) == 1
    assert not {"Yours sincerely", "Operations Lead"} & people


def test_family_name_in_capitals_widens_over_the_given_name_and_initials_close_a_line():
    from scrubbing.engine.hits import Hit
    from scrubbing.engine.widen import widen_names

    def widened(text: str, name: str) -> str:
        i = text.index(name)
        return widen_names(text, [Hit("PERSON", i, i + len(name), 0.8, "model", name)])[0].text

    assert widened("3\tBook the site visit\tKOWALCZYK Mirela\t3 April", "KOWALCZYK") == (
        "KOWALCZYK Mirela"
    )
    assert widened("TSE HOILAM\r\nIT Service Owner", "TSE") == "TSE HOILAM"
    assert widened("Tel. 0113\nOyelaran E.\nSite Manager", "Oyelaran") == "Oyelaran E."
    assert widened("the NASA Report was late", "NASA") == "NASA"
    assert widened("We met Oyelaran E. Smith", "Oyelaran") == "Oyelaran"


def test_references_with_a_double_family_name_first_and_an_address_book_mailbox():
    text = (
        "References\n"
        "Marie-Hélène Duval-Roux, Finance Director, Brightwater Holdings – "
        "mariehelene.duval-roux@brightwater.example\n"
        "Navarro Iglesias, Guadalupe, Site Manager – 0300 123 456\n"
    )
    out, _ = scrub("cv.txt", text.encode())
    for left in ("Duval-Roux", "Marie-Hélène", "Navarro", "Iglesias", "Guadalupe"):
        assert left not in out, (left, out)
    assert "Finance Director" in out and "Site Manager" in out
