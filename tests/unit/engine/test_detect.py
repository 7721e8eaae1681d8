"""detect.py against the real analyzer: secrets, patterns, names, lists, false positives."""

from __future__ import annotations

import socket

import pytest

from scrubbing.engine.detect import (
    SOURCES,
    Hit,
    get_detector,
    is_false_positive,
    merge_hits,
    recase_for_ner,
)
from scrubbing.engine.terms import Term, TermLists


def hits(detector, text, terms=None):
    return detector.detect([text], terms or TermLists())[0]


def found(detector, text, terms=None):
    return {(h.entity_type, h.text) for h in hits(detector, text, terms)}


def texts(detector, text, terms=None):
    return {h.text for h in hits(detector, text, terms)}


def test_singleton(detector):
    assert get_detector() is detector
    assert detector.nlp.pipe_names == ["ner"]


def test_every_hit_is_well_formed(detector):
    text = (
        "From: Jane Doe <jane.doe@acme.com>\ntoken = ghp_" + "a1B2" * 9 + "\nCall +44 20 7946 0958."
    )
    hs = hits(detector, text, TermLists(deny=(Term("acme"),)))
    assert hs
    for h in hs:
        assert h.source in SOURCES
        assert text[h.start : h.end] == h.text
        assert 0 < h.score <= 1


# ---------------------------------------------------------------- secrets
SECRETS = [
    ("AWS_ACCESS_KEY", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"),
    (
        "AWS_SECRET_KEY",
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    ),
    (
        "GITHUB_TOKEN",
        "use ghp_abcdefghijklmnopqrstuvwxyz0123456789 here",
        "ghp_abcdefghijklmnopqrstuvwxyz0123456789",
    ),
    (
        "GITHUB_TOKEN",
        "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEF",
        "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEF",
    ),
    (
        "SLACK_TOKEN",
        "SLACK=xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
        "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
    ),
    (
        "STRIPE_KEY",
        "stripe.api_key = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'",
        "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
    ),
    (
        "SENDGRID_KEY",
        "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",
        "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",
    ),
    (
        "GOOGLE_API_KEY",
        "key=AIzaSyA1234567890abcdefghijklmnopqrstuv",
        "AIzaSyA1234567890abcdefghijklmnopqrstuv",
    ),
    (
        "JWT",
        "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
    ),
    ("PASSWORD", "db_password = 'Tr0ub4dor&3'", "Tr0ub4dor&3"),
    ("PASSWORD", "DB_PASSWORD=hunter2secret", "hunter2secret"),
    ("PASSWORD", "password: correcthorse", "correcthorse"),
    ("PASSWORD", "the wifi password is Summer2024!", "Summer2024!"),
    ("API_KEY", 'api_key: "9f8e7d6c5b4a39281726354a"', "9f8e7d6c5b4a39281726354a"),
]


@pytest.mark.parametrize(("etype", "text", "secret"), SECRETS)
def test_secrets(detector, etype, text, secret):
    hs = [h for h in hits(detector, text) if h.source == "secret"]
    assert any(secret in h.text for h in hs), hs
    assert any(h.entity_type == etype or h.entity_type in ("JWT", "PASSWORD") for h in hs)


def test_connection_string_password(detector):
    text = "DATABASE_URL=postgres://admin:S3cretPass@db.acme.internal:5432/prod"
    hs = hits(detector, text)
    joined = " ".join(h.text for h in hs)
    assert "S3cretPass" in joined and "db.acme.internal" in joined
    assert any(h.source == "secret" for h in hs)


def test_pem_private_key(detector):
    pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\nabcDEF==\n-----END RSA PRIVATE KEY-----"
    hs = hits(detector, "key below\n" + pem + "\nafter")
    assert any(h.entity_type == "PRIVATE_KEY" and h.text == pem for h in hs)


@pytest.mark.parametrize(
    "text",
    [
        "password = get_password()",
        "password = settings.DB_PASSWORD",
        "token = os.environ['TOKEN']",
        'password: "${DB_PASSWORD}"',
        "api_key = None",
    ],
)
def test_code_references_are_not_secrets(detector, text):
    assert not [h for h in hits(detector, text) if h.source == "secret"]


# ---------------------------------------------------------------- patterns
def test_internal_hosts_and_urls(detector):
    f = found(detector, "See http://intranet/wiki and wiki.acme.corp or build01.local for logs.")
    assert ("URL", "http://intranet/wiki") in f
    assert ("DOMAIN", "wiki.acme.corp") in f
    assert ("DOMAIN", "build01.local") in f


def test_public_reference_urls_kept(detector):
    assert not hits(detector, "Docs: https://docs.python.org/3/library/re.html")


def test_unc_path(detector):
    assert ("UNC_PATH", "\\\\fileserver01\\finance\\Q3") in found(
        detector, "Saved at \\\\fileserver01\\finance\\Q3 today"
    )


@pytest.mark.parametrize(
    "phone",
    ["+44 20 7946 0958", "(212) 555-0143", "+49 30 901820", "+1-812-730-6653x6484", "07700 900123"],
)
def test_international_phones(detector, phone):
    assert ("PHONE_NUMBER", phone) in found(detector, f"Call me on {phone} tomorrow.")


def test_dates_and_amounts_are_not_phones(detector):
    f = found(detector, "Invoice dated 2024-01-15, total 1,250,000 units, ref 2023-2024.")
    assert not [x for x in f if x[0] == "PHONE_NUMBER"]


def test_structured_identifiers(detector):
    text = (
        "IBAN GB82 WEST 1234 5698 7654 32, card 4111 1111 1111 1111, "
        "host 10.20.30.40, mail jane@acme.com"
    )
    types = {t for t, _ in found(detector, text)}
    assert {"IBAN_CODE", "CREDIT_CARD", "IP_ADDRESS", "EMAIL_ADDRESS"} <= types


def test_ssn_and_nino(detector):
    f = found(detector, "SSN: 536-90-4399. NI number: AB 12 34 56 C.")
    assert any(t == "US_SSN" or "536-90-4399" in x for t, x in f)
    assert any(t == "UK_NINO" for t, _ in f)


def test_loopback_ip_kept(detector):
    # FP tune: 127.0.0.1/0.0.0.0 identify nobody
    assert not found(detector, "bind to 127.0.0.1 or 0.0.0.0")


# ---------------------------------------------------------------- names
def test_all_caps_signature(detector):
    assert ("PERSON", "JOHN SMITH") in found(detector, "Thanks,\n\nJOHN SMITH\nSENIOR ANALYST")


def test_recase_keeps_length_and_prose():
    text = "JOHN SMITH\nThe KPI for ACME rose."
    out = recase_for_ner(text)
    assert len(out) == len(text)
    assert out.startswith("John Smith\n")
    assert out.endswith("The KPI for ACME rose.")


def test_recase_counts_letters_only():
    """Non-letters that are upper case (roman numerals, circled letters) do not make a line
    'mostly capitals': the same lines are recased as when only letters were counted."""
    assert (
        recase_for_ner("\u2167\u2167\u2167 John Smith met us\n")
        == "\u2167\u2167\u2167 John Smith met us\n"
    )
    assert (
        recase_for_ner("\u24b6\u24b7\u24b8\u24b9 JANE Doe\n")
        == "\u24b6\u24b7\u24b8\u24b9 JANE Doe\n"
    )
    assert recase_for_ner("MARY JANE SMITH, \u2167\n") == "Mary Jane Smith, \u2167\n"
    assert (
        recase_for_ner("JOHN SMITH ok\nmostly lower Case\n") == "John Smith ok\nmostly lower Case\n"
    )


def test_initial_and_surname(detector):
    assert "J. Smith" in texts(detector, "The memo was approved by J. Smith yesterday.")


def test_possessive_redacts_name_only(detector):
    t = texts(detector, "We reviewed Smith's proposal with the board.")
    assert "Smith" in t and "Smith's" not in t


def test_email_header(detector):
    f = found(detector, "From: Jane Doe <jane.doe@acme.com>\nTo: Bob Stone, Alice Wu")
    assert ("PERSON", "Jane Doe") in f
    assert ("EMAIL_ADDRESS", "jane.doe@acme.com") in f
    assert ("PERSON", "Bob Stone") in f and ("PERSON", "Alice Wu") in f


def test_signoff_name(detector):
    assert "Priya Raman" in texts(detector, "Kind regards,\nPriya Raman")


# ---------------------------------------------------------------- lists
def test_deny_list_case_whitespace_and_line_breaks(detector):
    terms = TermLists(deny=(Term("Project Falcon", "CODENAME"),))
    hs = hits(detector, "Status of project  falcon and PROJECT\nFALCON.", terms)
    deny = [h for h in hs if h.source == "deny-list"]
    assert [h.text for h in deny] == ["project  falcon", "PROJECT\nFALCON"]
    assert all(h.entity_type == "CODENAME" for h in deny)


def test_deny_list_not_inside_words(detector):
    terms = TermLists(deny=(Term("Ace", "CLIENT"),))
    assert not [
        h for h in hits(detector, "Surface and Acer laptops", terms) if h.source == "deny-list"
    ]


def test_deny_listed_domain_covers_subdomains(detector):
    terms = TermLists(deny=(Term("acme-corp.com", "DOMAIN"),))
    f = found(detector, "Portal at portal.acme-corp.com, mail sue@acme-corp.com", terms)
    assert ("DOMAIN", "portal.acme-corp.com") in f
    assert ("EMAIL_ADDRESS", "sue@acme-corp.com") in f  # the whole address, not half of it


def test_allow_list_suppresses(detector):
    text = "Bob Stone met Alice Wu in London."
    assert "Alice Wu" in texts(detector, text)
    assert "Alice Wu" not in texts(detector, text, TermLists(allow=("alice   wu",)))


def test_deny_beats_allow(detector):
    terms = TermLists(deny=(Term("Falcon", "CODENAME"),), allow=("Falcon",))
    assert "Falcon" in texts(detector, "Falcon launches soon.", terms)


# ---------------------------------------------------------------- false-positive tunes
@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Q3", "ORGANIZATION"),
        ("FY24", "ORGANIZATION"),
        ("Monday", "PERSON"),
        ("September", "PERSON"),
        ("Senior Analyst", "PERSON"),
        ("Dear", "PERSON"),
        ("Regards", "PERSON"),
        ("Best regards", "PERSON"),
        ("Executive Summary", "ORGANIZATION"),
        ("Action Items", "ORGANIZATION"),
        ("Excel", "ORGANIZATION"),
        ("HR", "ORGANIZATION"),
        ("DB_PASSWORD", "ORGANIZATION"),
        ("Vice President of Sales", "PERSON"),
        ("EMEA", "LOCATION"),
    ],
)
def test_false_positive_vocabulary(text, etype):
    assert is_false_positive(text, etype)


@pytest.mark.parametrize(
    ("text", "etype"), [("Jane Doe", "PERSON"), ("Globex Industries", "ORGANIZATION")]
)
def test_real_names_are_not_false_positives(text, etype):
    assert not is_false_positive(text, etype)


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        (
            "Revenue grew in Q3 and we expect more on Monday in September.",
            {"Q3", "Monday", "September"},
        ),
        (
            "Dear Sarah,\nthe Senior Analyst will send the Executive Summary.\nRegards",
            {"Dear", "Senior Analyst", "Executive Summary", "Regards", "Dear Sarah"},
        ),
        ("Export it to Excel and share with HR before Friday.", {"Excel", "HR", "Friday"}),
        ("A. Background\nB. Scope of work", {"A. Background", "B. Scope"}),
    ],
)
def test_false_positives_in_context(detector, text, bad):
    assert not (texts(detector, text) & bad)


def test_greeting_stripped_from_name(detector):
    t = texts(detector, "Dear Sarah Connor,\nplease find attached.")
    assert "Sarah Connor" in t or "Sarah" in t
    assert not any(x.startswith("Dear") for x in t)


# ---------------------------------------------------------------- merging
def H(etype, s, e, source, text="x" * 40):
    return Hit(etype, s, e, 0.5, source, text[s:e])


def test_merge_priority_and_remainder():
    text = "Jane Doe Falcon Project kickoff"
    merged = merge_hits(
        [H("PERSON", 0, 15, "model", text), H("CODENAME", 9, 23, "deny-list", text)], text
    )
    assert [(h.entity_type, h.text, h.source) for h in merged] == [
        ("PERSON", "Jane Doe", "model"),
        ("CODENAME", "Falcon Project", "deny-list"),
    ]


def test_merge_container_absorbs():
    text = "mail sue@acme-corp.com now"
    merged = merge_hits(
        [H("EMAIL_ADDRESS", 5, 22, "pattern", text), H("DOMAIN", 9, 22, "deny-list", text)], text
    )
    assert [(h.entity_type, h.text, h.source) for h in merged] == [
        ("EMAIL_ADDRESS", "sue@acme-corp.com", "deny-list")
    ]


def test_merge_company_suffix_joins_winner():
    text = "the Acme Corp deal"
    merged = merge_hits(
        [H("ORGANIZATION", 4, 13, "model", text), H("CLIENT", 4, 8, "deny-list", text)], text
    )
    assert [(h.entity_type, h.text) for h in merged] == [("CLIENT", "Acme Corp")]


def test_merge_never_leaves_overlaps(detector):
    text = "From: Jane Doe <jane.doe@acme.com> re Project Falcon at acme.com"
    terms = TermLists(
        deny=(Term("acme.com", "DOMAIN"), Term("Falcon", "CODENAME"), Term("Doe", "PERSON"))
    )
    hs = sorted(hits(detector, text, terms), key=lambda h: h.start)
    for a, b in zip(hs, hs[1:]):
        assert a.end <= b.start


# ---------------------------------------------------------------- offline
def test_no_network_during_detection(detector, monkeypatch):
    import tldextract.tldextract as tldextract_module

    assert tldextract_module.TLD_EXTRACTOR.suffix_list_urls == ()
    assert detector.tld.suffix_list_urls == ()

    def refuse(*a, **k):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    f = found(detector, "write to someone@brand-new-domain.co.uk or visit shop.example.io")
    assert ("EMAIL_ADDRESS", "someone@brand-new-domain.co.uk") in f


def test_model_name_is_configurable(monkeypatch):
    from scrubbing.engine import detect

    monkeypatch.setattr(detect, "_model_name", detect.DEFAULT_MODEL)  # restored afterwards
    detect.use_model("no_such_model_xyz")
    with pytest.raises(RuntimeError, match="not installed"):
        detect.Detector()


def test_merge_same_type_takes_the_union():
    # the model saw "Jane", the task sweep knows "Jane Doe": one person, one span
    text = "Memo from Jane Doe today"
    sweep = Hit("PERSON", 10, 18, 0.7, "pattern", text[10:18], sweep=True)
    merged = merge_hits([H("PERSON", 10, 14, "model", text), sweep], text)
    assert [(h.entity_type, h.text) for h in merged] == [("PERSON", "Jane Doe")]


# --- person spans do not swallow the words around a name --------------------------------


@pytest.mark.parametrize(
    ("text", "name", "kept"),
    [
        (
            "Hi team, Project Falcon kicks off Monday. Call Bob Smith at +44 20 7946 0958.",
            "Bob Smith",
            "Call",
        ),
        ("Ask Maria Gonzalez about the invoice.", "Maria Gonzalez", "Ask"),
        ("Ping Tom Baker when the build is done.", "Tom Baker", "Ping"),
        ("Email Sarah Connor today about the contract.", "Sarah Connor", "Email"),
        ("Dear Mr. John Williams, please find attached.", "John Williams", "Mr."),
        ("Hi Dr. Emily Clarke, thanks for the notes.", "Emily Clarke", "Dr."),
        ("Thanks Peter Parker for the help.", "Peter Parker", "Thanks"),
        ("cc Laura Palmer", "Laura Palmer", "cc"),
        ("Prepared by Jane Doe", "Jane Doe", "Prepared by"),
    ],
)
def test_person_span_trims_verbs_greetings_and_honorifics(detector, text, name, kept):
    persons = [h for h in hits(detector, text) if h.entity_type == "PERSON"]
    assert [h.text for h in persons] == [name]
    h = persons[0]
    assert text[h.start : h.end] == name
    assert kept not in h.text


def test_trailing_verb_not_in_person_span(detector):
    from scrubbing.engine.guards import tidy_model_span

    text = "Bob Smith said the budget is fine."
    ((s, e),) = tidy_model_span(text, 0, len("Bob Smith said"))
    assert text[s:e] == "Bob Smith"
    text = "Call Dr. Jane Doe"
    ((s, e),) = tidy_model_span(text, 0, len(text))
    assert text[s:e] == "Jane Doe"


def test_end_to_end_call_verb_stays_text(detector):
    from scrubbing.engine.pipeline import Scrubber, TermLists
    from scrubbing.engine.pseudonyms import Pseudonymizer

    text = "Hi team, Project Falcon kicks off Monday. Call Bob Smith at +44 20 7946 0958.\n"
    result = Scrubber().scrub("note.txt", text.encode(), TermLists(), Pseudonymizer())
    out = result.output.decode()
    assert "Call [PERSON_" in out and "Bob" not in out and "7946" not in out
