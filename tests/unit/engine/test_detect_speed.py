"""The shortcuts of the analyze loop (model gate, recognizer gates, own post-processing) change
nothing: every test compares against the slow path on the same texts."""

from __future__ import annotations

import re

import pytest

from scrubbing.engine import detect as detect_module
from scrubbing.engine.lexicon import STREET_PREFIXES, STREET_SUFFIXES, STREET_TYPES
from scrubbing.engine.recognizers import address, codename, model, presidio
from scrubbing.engine.recognizers.base import always
from scrubbing.engine.terms import Term, TermLists

MIXED = [
    "Jane Doe",
    "jane.doe@acme.com",
    "Contact: jane.doe@acme.com",
    "jane.doe@acme.com, bob@example.org",
    "https://intranet.acme.corp/people/jane",
    "555-123-4567x890",
    "(212) 555-0199 x12",
    "1.5e3",
    "2024-01-05",
    "$1,234.56",
    "+x 12",
    "J. S.",
    "Paid",
    "Phone: 020 7946 0958",
    "SSN 078-05-1120, NINO AB123456C, card 4111 1111 1111 1111",
    "server 10.0.4.17 and fe80::1ff:fe23:4567:890a",
    "btc 1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
    "Call Steve Taylor at +44 20 7946 0958 or steve.taylor@acme.co.uk.",
    "Meeting with Acme Corp in Berlin on Monday; ask Gerti Preiß.",
    "IBAN GB82 WEST 1234 5698 7654 32",
    "password = hunter2hunter2",
    "Ship to 1600 Pennsylvania Avenue NW, Washington, DC 20500; P.O. Box 12, Boise, ID 83702",
    "Lindenstraße 24, 10969 Berlin; 12 rue de Rivoli, 75001 Paris; 48 Tavistock Sq London WC1H 9EZ",
    "〒150-0002 東京都渋谷区渋谷2-21-1 and 2-21-1 Shibuya, Shibuya-ku, Tokyo 150-0002",
]


@pytest.mark.parametrize(
    "text,lone",
    [
        ("555-123-4567x890", True),
        ("(212) 555-0199 x12", True),
        ("1.5e3", True),
        ("12 (x) 4", True),
        ("+x 12", False),  # "+x" would not be rejected as a model span: the model reads it
        ("ab 12", False),
        ("J. S.", False),
        ("1ß2", False),  # casefolds to "ss"
        ("Jane 12", False),
        ("2024-01-05", True),
    ],
)
def test_lone_letters_only(text, lone):
    assert model.lone_letters_only(text) is lone


def test_model_gate(detector):
    def can(text, terms=TermLists()):
        view = detect_module.detection_view(text)
        raw = detector.pattern_results(view)
        return model.ScrubModelRecognizer.can_matter(text, view, raw, terms.allow_keys())

    assert not can("jane.doe@acme.com")
    assert not can("jane.doe@acme.com  bob.smith@acme.com")
    assert can("jane.doe@acme.com; bob.smith@acme.com")  # ";" is outside both: read it
    assert not can("555-123-4567x890")
    assert can("Jane Doe")
    assert can("Jane Doe <jane.doe@acme.com>")
    assert can("+x 12")
    # an allow-listed address is no container: the model reads the text
    assert can("jane.doe@acme.com", TermLists(allow=("jane.doe@acme.com",)))


@pytest.mark.parametrize("use_model", [True, False])
def test_gates_change_nothing(detector, monkeypatch, use_model):
    terms = TermLists(deny=(Term("Acme Corp", "CLIENT"),), allow=("bob@example.org",))
    detector.cache.clear()  # each run analyses the texts (no answers kept from the other)
    fast = detector.detect(MIXED, terms, use_model=use_model)
    monkeypatch.setattr(
        model.ScrubModelRecognizer,
        "can_matter",
        staticmethod(lambda t, *_a: any(map(str.isalpha, t))),
    )
    for rec in detector.recognizers:
        monkeypatch.setattr(type(rec), "gate", staticmethod(always), raising=False)
    anything = re.compile("")
    monkeypatch.setattr(address, "_PARTS", [(anything, rx) for _hint, rx in address._PARTS])
    monkeypatch.setattr(address, "CUES", None)
    detector.cache.clear()
    slow = detector.detect(MIXED, terms, use_model=use_model)
    detector.cache.clear()
    assert fast == slow


def test_same_as_presidio_analyze(detector):
    """pattern_results + postprocess == AnalyzerEngine.analyze on the same artifacts."""
    texts = [t for t in MIXED if any(c.isalpha() for c in t)]
    for text in texts:
        view = detect_module.detection_view(text)
        doc = detector.nlp(detect_module.recase_for_ner(view))
        want = detector.analyzer.analyze(
            text=view,
            language="en",
            nlp_artifacts=detector.artifacts(doc, tokens=True),
            score_threshold=detect_module.SCORE_THRESHOLD,
        )
        got = detector.postprocess(view, detector.pattern_results(view), doc, True)

        def key(r):
            return (r.entity_type, r.start, r.end, round(r.score, 6))

        assert sorted(map(key, got)) == sorted(map(key, want)), text


@pytest.mark.parametrize(
    "name,text",
    [
        ("ScrubEmailRecognizer", "a@b.co"),
        ("ScrubIpRecognizer", "10.0.0.1"),
        ("ScrubIpRecognizer", "::1"),
        ("ScrubUsSsnRecognizer", "536-90-4399"),
        ("ScrubUsSsnRecognizer", "53690-4399"),
        ("ScrubUsSsnRecognizer", "536-904399"),
        ("ScrubUsSsnRecognizer", "ssn 536904399"),
        ("ScrubUsSsnRecognizer", "536 90 4399"),
        ("ScrubUsSsnRecognizer", "536.90.4399"),
        ("ScrubUkNinoRecognizer", "AB123456C"),
        ("ScrubUkNinoRecognizer", "nino ab 12 34 56 c"),
        ("ScrubCryptoRecognizer", "1BoatSLRHtKNngkdXEeobR76b53LETtpyT"),
        ("ScrubIbanRecognizer", "IBAN GB82 WEST 1234 5698 7654 32"),
        ("ScrubIbanRecognizer", "DE89370400440532013000"),
    ],
)
def test_recognizer_gates_pass_real_matches(detector, name, text):
    rec = next(r for r in detector.recognizers if type(r).__name__ == name)
    assert type(rec).gate(text)
    assert rec.analyze(text=text, entities=detector._entities, nlp_artifacts=None)


@pytest.mark.parametrize("name", ["ScrubUsSsnRecognizer", "ScrubUkNinoRecognizer"])
def test_digit_gates_are_necessary(detector, name):
    """Whatever Presidio's SSN or NINO patterns find, the gate lets through: on matches of
    each form and near misses (random edits of them, a fixed seed)."""
    import random

    rec = next(r for r in detector.recognizers if type(r).__name__ == name)
    rnd = random.Random(19)
    forms = ["536-90-4399", "53690-4399", "536-904399", "536904399", "536 90 4399",
             "536.90.4399", "AB123456C", "ab 12 34 56 d", "QQ 123456 A", "JG12 34 56B",
             "5551234567", "555-123-4567", "(555) 123 4567"]  # fmt: skip
    alphabet = "0123456789 -.ABCDQZabcdqz\n"
    found = 0
    for _ in range(4000):
        text = list(f"x {rnd.choice(forms)} y")
        for _edit in range(rnd.randint(0, 3)):
            k = rnd.randrange(len(text))
            text[k : k + rnd.randint(0, 1)] = rnd.choice(alphabet) * rnd.randint(0, 1)
        text = "".join(text)
        if rec.analyze_passed(text, detector._entities, None):
            found += 1
            assert type(rec).gate(text), text
    assert found  # the texts hold matches: the check is not empty


# each cue word with an address that only it lets the recognizer find (ASCII texts)
_CUE_EXAMPLES = {
    "types": "Deliver to 12 Baker {w} tomorrow",
    "suffixes": "Meet at Haupt{w} 12 tomorrow",
    "prefixes": "Meet at {w} Roma 10 tomorrow",
}
_BOX_EXAMPLES = {
    "box": "Write to P.O. Box 1234 today",
    "postfach": "Write to Postfach 10 20 30 today",
    "apartado": "Write to Apartado de Correos 123 today",
    "postal": "Write to Caixa Postal 4521 today",
    "bp": "Write to BP 123 today",
    "cs": "Write to CS 70123 today",
    "bag": "Write to Private Bag 12 today",
    "pmb": "Write to P.M.B. 5112 today",
    "apdo": "Write to Apdo. 4521 today",
    "casilla": "Write to Casilla de Correo 4521 today",
    "postbus": "Write to Postbus 1000 today",
    "postboks": "Write to Postboks 1000 today",
    "skrytka": "Write to Skrytka pocztowa 42 today",
    "postilokero": "Write to Postilokero 42 today",
    "kutusu": "Write to Posta Kutusu 42 today",
}


def _cue_cases() -> list[tuple[str, str]]:
    cues = address.CUES
    cases = [(w, _BOX_EXAMPLES[w]) for w in (*cues.boxes, *sorted(cues.box_words))]
    lexicon = {"types": STREET_TYPES, "suffixes": STREET_SUFFIXES, "prefixes": STREET_PREFIXES}
    for field, template in _CUE_EXAMPLES.items():
        for w in sorted(getattr(cues, field)):
            written = w if w in lexicon[field] else w + "."  # "ul" is the cue of "ul."
            cases.append((w, template.format(w=written.title())))
    return cases


@pytest.mark.parametrize("word,text", _cue_cases())
def test_address_ascii_hints_are_necessary(word, text):
    """Every cue word is needed: without it, the address its example holds is not found; with
    it, the cues find what the hint regexes alone find."""
    found = address.address_spans(text)
    assert found, text
    assert found == address.address_spans(text, cues=None)
    assert address.address_spans(text, cues=address.CUES.without(word)) == [], text


def test_address_cues_change_nothing():
    """The cues only skip hints that could not match: same spans on addresses of many forms,
    near misses and a text that is not ASCII."""
    texts = [
        *MIXED,
        "Ship to 221B Baker Street\nLondon NW1 6XE, or our mailbox 12",
        "during the string 12 of it, ring 3 times",
        "the Avenue was closed in 2024; 12 Av. Foch",
        "p.m.b. 5112 and P.M.B 77, pmb 12",
        "Hauptstraße 12, 10115 Berlin",
        "ul. Długa 12, 80-958 Gdańsk",
        "St. Louis, MO 63101",
    ]
    for text in texts:
        assert address.address_spans(text) == address.address_spans(text, cues=None), text


def test_short_cells_are_read_in_bigger_batches_with_the_same_entities(detector, monkeypatch):
    cells = ["Jane Doe", "Berlin", "Acme Corp", "Gerti Preiß", "East Jason", "Sales"] * 40
    assert detect_module.batch_size(cells) == detect_module.SHORT_BATCH_SIZE
    assert detect_module.batch_size([" ".join(MIXED)] * 3) == detect_module.BATCH_SIZE
    assert detect_module.batch_size([]) == detect_module.BATCH_SIZE
    texts = [f"{c} {i}" if i % 3 else c for i, c in enumerate(cells)] + MIXED
    detector.cache.clear()
    big = detector.detect(texts)
    detector.cache.clear()
    monkeypatch.setattr(detect_module, "SHORT_BATCH_SIZE", 7)
    small = detector.detect(texts)
    detector.cache.clear()
    assert big == small


# ------------------------------------------------------------------ code names: read once
_CODE_TEXTS = [
    "Apache Kafka",  # a vendor's product: no punctuation, so alone it is not read for code
    "pip install sympy",
    "Run `SchemaPath` then HTTPClient.from_url(x)",
    "from httpx import Client",
    "import os",
    "`SENTS_P` ends here: `",
    "`TAG_ACC` and --config CONFIGPATH",
    "class HasTraits:",
    "see https://pypi.org/project/quartz-line/ and foo.readthedocs.io",
    "Kafka 3.7 and AWS CloudFormation.",
    "",
    "plain words only",
]


@pytest.mark.parametrize("k", range(len(_CODE_TEXTS)))
def test_code_words_of_texts_are_those_of_the_joined_text(k):
    # every window of the list, also one text that fails the first check beside one that
    # passes it ("Apache Kafka" with "pip install sympy"), duplicates and empty texts
    for n in range(1, len(_CODE_TEXTS) - k + 1):
        texts = _CODE_TEXTS[k : k + n]
        for group in (texts, [*texts, *texts], ["", *texts, ""]):
            assert codename.code_words_in(group) == codename.code_words("\n".join(group)), group
            with codename.code_words_memo():
                assert codename.code_words_in(group) == codename.code_words("\n".join(group))
    assert codename.code_words_in(["Apache Kafka"]) == frozenset()
    assert codename.code_words_in(["Apache Kafka", "pip install sympy"]) >= {"kafka", "sympy"}


def test_code_words_memo_lives_as_long_as_its_with():
    text = "Run `SchemaPath` now."
    assert codename._MEMO.get() is None
    with codename.code_words_memo():
        first = codename.code_words(text)
        with codename.code_words_memo():  # nested: the outer memo serves
            assert codename.code_words(text) is first
        assert text in codename._MEMO.get()
    assert codename._MEMO.get() is None
    assert codename.code_words(text) == first == {"schemapath"}


@pytest.mark.parametrize(
    "text",
    [
        "BLUEHERON and BLUEHERON again",  # capitals
        "Ship ZORBX_Q3 and ZORBX_Q4 today, ZORBX.",  # five capitals exactly
        "NightJar met NightJar",  # CamelCase
        "Ship QUARZELL_Q3 and QUARZELL_Q4 today.",  # capitals inside an identifier
        "Re: DuskMantle – variation\nOur ref: DM-DUSKMANTLE-4",
        "See Tundrafox_pmo.xlsx and tundrafox_plan.DOCX",  # file names, any case
        "Ref QL-QUARTZ-7 and QL-QUARTZ-8",
        "Open Bramblegate.pdf; bramblegate_contract.pdf",
        "A Bramblegate.p\u1e0bf, a Mc.do\u212a x",  # near misses, not ASCII
        "ABCD and AbCd and Ab and Abc-Def",  # four capitals, no CamelCase join
        "Set DBSNP_PATH, then check DBSNP_PATH.",
        "QuartzLine\nQUARTZLINE\nquartzline_term_sheet.docx",
    ],
)
def test_coined_words_first_check_is_necessary(monkeypatch, text):
    fast = codename.coined_words(text)
    monkeypatch.setattr(codename, "_MAY_COIN", re.compile(""))  # every text passes
    assert codename.coined_words(text) == fast


@pytest.mark.parametrize(
    "text",
    [
        *MIXED,
        "Mail jane.doe@acme.com, bob@example.org or a@b.co@c.com; x@@y.com and @ alone",
        "@start, end@, @@, a@b, a@b., .a@b.com., -a@b-c.com-, a@b.c_d.com",
        "émile@exämple.com <jane@acme.com> mailto:jo@x.io (ann@x.co.uk)",
        "\u00e9@\u00e9.fr \u2019o'neil@acme.com x\u0301y@acme.com a\u200db@acme.com",
        "first.last+tag@sub-domain.example.co.uk\nsecond@x.com\tthird@y.org",
        "a" * 500 + "@" + "b" * 300 + ".com and " + "@" * 50 + " a@b.com",
        "jane@acme.com" * 3 + " " + "x@y.z@w.com" * 4,
        "no address here at all",
    ],
)
def test_email_runs_give_presidios_results(detector, text):
    from presidio_analyzer import predefined_recognizers

    rec = next(r for r in detector._patterns if isinstance(r, presidio.ScrubEmailRecognizer))
    whole = predefined_recognizers.EmailRecognizer.analyze(rec, text, detector._entities)
    runs = rec.analyze(text, detector._entities)

    def key(results):
        return [(r.entity_type, r.start, r.end, r.score) for r in results]

    assert key(runs) == key(whole)
    for s, e in presidio.address_runs(text):
        assert "@" in text[s:e]


#: the secret recognizer's cues as single regexes (what `Cue` replaced)
_SPECIFIC_RX = re.compile(
    r"-----BEGIN|PuTTY-User|A3T|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA|"
    r"(?i:aws)|gh[opusr]_|github_pat_|gl(?:pat|dt|ft|soat|rt|cbt|imt|ptt)-|xox[abposr]-|"
    r"[sr]k_(?:live|test)_|SG\.|AIza|sk-|npm_|pypi-AgE|eyJ|SK[0-9a-fA-F]|://|"
    r"(?i:authorization|password|passwd|pwd|passphrase)"
)
_ASSIGN_RX = re.compile(r"(?i)pass|pwd|secret|key|token|bearer|credential|conn|dsn|salt")
_CUE_TEXTS = [
    *MIXED,
    "AWS_SECRET=abc",
    "aWs key",
    "Authorization: Bearer abcdefgh12345678",
    "ghp_" + "a" * 36,
    "gho_x glpat-abc xoxb-1 sk_live_1 rk_test_2 SKa SKg",
    "SG.x AIza npm_ pypi-AgE eyJ https://x",
    "PASSWORD is hunter2",
    "paſsword: x",  # long s: a case-insensitive "s"
    "KEY and \u212aey",  # the Kelvin sign: a case-insensitive "k"
    "\u0130D token, dsn, ıd",
    "Token-free prose, no cue at all",
    "passe-partout, keyboard, connected, salty",
    "sg. aiza SK-1 sk_live gh_ xox-",
]


@pytest.mark.parametrize("text", _CUE_TEXTS)
def test_secret_cues_answer_as_their_regexes(text):
    from scrubbing.engine.recognizers import secrets

    assert secrets._SPECIFIC_GATE.search(text) == (_SPECIFIC_RX.search(text) is not None)
    assert secrets._ASSIGN_GATE.search(text) == (_ASSIGN_RX.search(text) is not None)
    for cue in (secrets._SPECIFIC_GATE, secrets._ASSIGN_GATE):
        assert cue.search(text) == (cue.rx.search(text) is not None)
        # the regex path alone (any text that is not ASCII takes it) agrees with the fast one
        assert cue.search(text + "\u00e9") == (cue.rx.search(text + "\u00e9") is not None)


@pytest.mark.parametrize(
    "text",
    [
        "see https://pypi.org/project/quartz-line/ and PyPI.Python.org/simple/zorbx",
        "docs at foo-bar.readthedocs.io, READTHEDOCS.ORG/projects/bazqux",
        "![badge](https://img.shields.io/pypi/v/gizmo-lib.svg) shields.io/npm/v/@x/gadget",
        "conda install: anaconda.org/conda-forge/widgetry; npmjs.com/package/left-pad",
        "pypi\u017f.org and readthedoc\u017f.io",  # near misses, not ASCII
        "pypi org, readthedocs io",  # no dots: no link
    ],
)
def test_registry_cue_is_necessary(monkeypatch, text):
    fast = codename.code_words(text)
    monkeypatch.setattr(codename, "_REGISTRY_CUE", codename.Cue(rest="(?s).?"))  # every text
    assert codename.code_words(text) == fast


@pytest.mark.parametrize(
    "text",
    ["", "abc", "aBc", "\u00c9t\u00e9", "\u01c5", "\u2160 x", "\u212a", "x\u0130", "ab\u00df"],
)
def test_capital_checks_are_the_loops_they_replace(text):
    from scrubbing.engine.recognizers.base import has_ascii_capital, has_upper

    assert has_ascii_capital(text) == any("A" <= c <= "Z" for c in text)
    assert has_upper(text) == any(c.isupper() for c in text)
