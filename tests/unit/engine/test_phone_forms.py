"""Phones in every common national, international and extension form, alone, labelled, and
as a cell of a tab-separated row (the plain text of a spreadsheet), where the next cell must
not join the number."""

import pytest

from scrubbing.engine.recognizers.phone import phone_hits

FORMS = [
    "+48 22 438 33 29",
    "+44 20 7331 1140",
    "+55 11 91539-4631",
    "+33 1 42 74 14 86",
    "020 8999 5151",
    "07806 941185",
    "1-860-339-8449",
    "+81 3-5776-2006",
    "+971 4 245 2871",
    "069 23534-61",
    "+49 (0)89 2180-7966",
    "+33 (0)7 72 34 93 60",
    "0171 9348350",
    "080-2224 1791",
    "(283) 518-2080",
    "+1 (636) 207-5678, ext 273",
    "(589)364-9829x9152",
    "001-203-484-8441x83190",
    "+44 (0)161 496 0321 ext 214",
    "+7 495 123-45-67",
    "8 (495) 123-45-67",
    "010-2345-6789",
]


def _found(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in phone_hits(text)]


@pytest.mark.parametrize("phone", FORMS)
def test_phone_as_a_cell_between_tabs(phone):
    row = f"Chen Jing\tKettunen Oy\tjing.chen@kettunen.fi\t{phone}\t9 Camac Street, Kolkata 700017"
    assert phone in _found(row)


@pytest.mark.parametrize("phone", FORMS)
def test_phone_alone_and_labelled(phone):
    assert _found(f"Tel. {phone}") == [phone]


def test_next_cell_starting_with_digits_is_not_part_of_the_number():
    row = "0906 067 193\t2-11-16 Sonezaki, Kita-ku, Osaka 530-0057"
    assert "0906 067 193" in _found(row)


@pytest.mark.parametrize("text,phone", [
    ("Tel. 411 30 054 · someone@example.no", "411 30 054"),  # Norwegian mobile
    ("Telefon: 22 81 45 60", "22 81 45 60"),  # Norwegian landline
    ("Tel. 08-123 456 78", "08-123 456 78"),  # Swedish
])  # fmt: skip
def test_labelled_national_numbers_of_more_countries(text, phone):
    assert _found(text) == [phone]


@pytest.mark.parametrize("text", ["Room 411 30 054", "Order 411 30 054 shipped"])
def test_unlabelled_short_groups_stay_data(text):
    assert _found(text) == []


@pytest.mark.parametrize("text,phone", [
    ("Key Account Manager, Zeeland Koel BV – +7 495\r\n007-47-99, o.o@x.nl", "+7 495\r\n007-47-99"),
    ("Dial-in: +44 20 7331\n1140 (conference)", "+44 20 7331\n1140"),
])  # fmt: skip
def test_an_international_number_wrapped_at_a_line_end(text, phone):
    assert phone in _found(text)


@pytest.mark.parametrize("text", ["Total +7 495\n2024 rows", "Offset +12\n34"])
def test_numbers_on_two_lines_that_are_no_phone_stay_data(text):
    assert not any("\n" in f for f in _found(text))


@pytest.mark.parametrize(
    "text,phone",
    [
        # a CV's header: name, number, e-mail (Polish mobile, 3-3-3)
        ("Anna Wiśniewska\n601 272 611\nanna.w@example.com\nGdańsk", "601 272 611"),
        # a mail signature (Norwegian mobile, 3-2-3), the domain points at Norway
        ("Med vennlig hilsen\nKari Nordmann\n411 28 840\nkari@firma.no", "411 28 840"),
        # Czech, beside a web address
        ("Jan Novák · 777 123 456 · www.firma.cz", "777 123 456"),
    ],
)
def test_unlabelled_national_numbers_in_a_contact_block(text, phone):
    assert _found(text) == [phone]


@pytest.mark.parametrize(
    "text",
    [
        # amounts and ids in prose or a row of figures are no phones, even near an address
        "Total 411 28 840 NOK was paid; write to kari@firma.no",
        "Q1\t411 28 840\t411 30 054\nsee www.firma.no",
        "The grant of 411 28 840 was approved last week by the board, see www.firma.no",
        # a grouped number with no contact cue near it
        "Reference\n411 28 840\nPlease keep it.",
    ],
)
def test_grouped_numbers_outside_a_contact_block_are_no_phones(text):
    assert _found(text) == []


@pytest.mark.parametrize(
    "text,phone",
    [
        ("The contractor's supervisor can be called on 411 28 840.", "411 28 840"),
        ("If the line drops, reach me at 411 28 840 tonight.", "411 28 840"),
    ],
)
def test_a_verb_of_calling_vouches_for_a_number_like_a_label(text, phone):
    assert _found(text) == [phone]


def test_a_national_number_a_pdf_wrapped_in_a_contact_line():
    text = (
        "References\r\nYaroslav Dementyev, HR Business Partner, Tocantins Agropecuária Eireli"
        " – 601 272\r\n611, yaroslav.dementyev@tocantins-agro.com.br"
    )
    assert _found(text) == ["601 272\r\n611"]


def test_figures_on_two_lines_are_no_wrapped_phone():
    assert _found("Budget 2026: 601 272\n611 units, see www.example.com") == []


def test_the_phone_gate_lets_a_wrapped_national_number_through():
    from scrubbing.engine.recognizers.phone import ScrubPhoneRecognizer

    assert ScrubPhoneRecognizer.gate("Eireli – 601 272\r\n611, y.d@example.com.br")


def test_a_number_written_like_one_needs_no_full_validity_check(monkeypatch):
    """The length check comes first where it decides (a number written like one: the same
    answer, both checks are pure); other numbers still get the full check."""
    import phonenumbers

    calls: list[str] = []
    real = phonenumbers.is_valid_number

    def spy(num):
        calls.append(str(num.national_number))
        return real(num)

    monkeypatch.setattr(phonenumbers, "is_valid_number", spy)
    # an unassigned NANP area code: possible, not valid, found for its shape, as before
    assert _found("(589)364-9829") == ["(589)364-9829"]
    assert _found("+1-545-880-7302") == ["+1-545-880-7302"]
    assert calls == []
    # a national number of another shape is still checked for validity
    assert _found("020 8999 5151") == ["020 8999 5151"]
    assert calls
