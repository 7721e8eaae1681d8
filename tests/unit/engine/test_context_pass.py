"""The context pass against a local server that speaks the chat-completions protocol (started by
the test, recorded answers): what is sent, validation, offsets, retries, budgets, failures."""

from __future__ import annotations

import pytest

from scrubbing.engine.context import ContextConfig, TaskFacts, mask
from scrubbing.engine.pipeline import Pseudonymizer, Scrubber, TermLists
from tests.context_server import (
    ERROR_500,
    MALFORMED,
    NO_LIST,
    NOT_A_COMPLETION,
    ChatServer,
    good,
    slow,
)

MEMO = (
    b"Jane Doe agreed the unit price of EUR 4.20 per kg with Acme Corp for 2025.\n"
    b"The checkout redesign ships in March, before anyone outside the team is told.\n"
    b"The weather was fine."
)
PRICE = {"text": "unit price of EUR 4.20 per kg", "category": "pricing", "reason": "A price."}


def _scrub(
    server, files, retries=1, budget=200_000, max_chars=8_000, timeout=5.0, terms=None, **more
):
    config = ContextConfig(
        **more,
        url=server.url,
        model="test-model",
        api_key="sk-test",
        timeout=timeout,
        retries=retries,
        task_budget=budget,
        max_chars=max_chars,
    )
    return Scrubber(context=config).scrub_many(
        files, terms or TermLists(), Pseudonymizer(), TaskFacts("Buyer", "Retail Trade")
    )


def _context(result):
    return [f for f in result.findings if f.source == "context model"]


def test_a_good_answer_is_redacted_as_confidential_with_its_reason(detector):
    with ChatServer([good([PRICE])]) as server:
        [r] = _scrub(server, [("memo.txt", MEMO)])
    assert r.status == "done"
    [f] = _context(r)
    assert (f.entity_type, f.replacement, f.text) == (
        "CONFIDENTIAL",
        "[CONFIDENTIAL_1]",
        "unit price of EUR 4.20 per kg",
    )
    assert f.reason == "pricing: A price."
    out = r.output.decode()
    assert "agreed the [CONFIDENTIAL_1] with" in out and "4.20" not in out
    assert r.report["context"]["status"] == "ran"
    assert r.report["context"]["requests"] == 1 and r.report["context"]["found"] == 1
    assert any("context pass read the file" in n for n in r.report["notes"])


def test_the_request_speaks_the_protocol_and_never_sends_what_was_replaced(detector):
    with ChatServer([good([])]) as server:
        _scrub(server, [("memo.txt", MEMO)])
    [req] = server.requests
    assert req["path"] == "/v1/chat/completions"
    assert req["headers"]["Authorization"] == "Bearer sk-test"
    body = req["body"]
    assert body["model"] == "test-model"
    assert body["response_format"] == {"type": "json_object"}
    assert [m["role"] for m in body["messages"]] == ["system", "user"]
    assert (
        "pricing, financials, strategy, product, customer data, legal, security"
        in (body["messages"][0]["content"])
    )
    user = body["messages"][1]["content"]
    assert "Occupation: Buyer" in user and "Sector: Retail Trade" in user
    assert "[PERSON_1]" in user and "[CLIENT_1]" in user  # the placeholders already chosen
    assert "Jane" not in user and "Acme" not in user  # never the originals
    assert "unit price of EUR 4.20 per kg" in user


def test_texts_are_located_by_the_pass_whitespace_and_case_tolerant(detector):
    loose = {"text": "THE CHECKOUT  redesign\nships in march", "category": "Product", "reason": ""}
    with ChatServer([good([loose])]) as server:
        [r] = _scrub(server, [("memo.txt", MEMO)])
    [f] = _context(r)
    assert f.text == "The checkout redesign ships in March"  # the document's own spelling
    text = MEMO.decode()  # a text file is one segment
    assert (f.start, f.end) == (text.index("The checkout"), text.index(" March") + len(" March"))
    assert "[CONFIDENTIAL_1], before anyone" in r.output.decode()


def test_what_fails_the_schema_or_is_not_in_the_text_is_dropped_and_counted(detector):
    answer = [
        PRICE,
        {"text": "a sentence that is nowhere", "category": "pricing", "reason": "x"},
        {"text": "The weather was fine", "category": "weather", "reason": "x"},
        {"text": "The weather was fine"},  # no category
        {"category": "legal", "reason": "no text"},
        "just a string",
        {"text": "[PERSON_1]", "category": "customer data", "reason": "a placeholder"},
        {"text": "x" * 300, "category": "legal", "reason": "too long"},
    ]
    with ChatServer([good(answer)]) as server:
        [r] = _scrub(server, [("memo.txt", MEMO)])
    assert [f.text for f in _context(r)] == ["unit price of EUR 4.20 per kg"]
    assert r.report["context"]["dropped"] == 7
    assert "The weather was fine." in r.output.decode()


def test_a_finding_spanning_a_placeholder_covers_the_original_name(detector):
    span = {"text": "4.20 per kg with [CLIENT_1]", "category": "pricing", "reason": "terms"}
    with ChatServer([good([span])]) as server:
        [r] = _scrub(server, [("memo.txt", MEMO)])
    [f] = _context(r)
    assert f.text == "4.20 per kg with Acme Corp"
    out = r.output.decode()
    assert "Acme" not in out and "4.20" not in out
    assert "EUR [CONFIDENTIAL_1] for 2025" in out  # the longer edit wins


def test_mask_maps_offsets_back_to_the_original():
    text = "Call Jane Doe about Acme pricing today"
    m = mask(0, text, [(5, 13, "[PERSON_1]"), (20, 24, "[CLIENT_1]")])
    assert m.text == "Call [PERSON_1] about [CLIENT_1] pricing today"
    s = m.text.index("pricing")
    assert m.to_original(s, s + 7) == (text.index("pricing"), text.index("pricing") + 7)
    assert m.to_original(m.text.index("[PERSON_1]") + 3, m.text.index(" about")) == (5, 13)
    assert m.covered(5, 15) and not m.covered(5, 21)


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        (MALFORMED, "not JSON"),
        (NO_LIST, '"findings" list'),
        (NOT_A_COMPLETION, "not a chat completion"),
        (ERROR_500, "HTTP 500"),
    ],
)
def test_a_failed_answer_marks_the_pass_not_run_and_the_file_is_still_scrubbed(
    detector, answer, reason
):
    with ChatServer([answer]) as server:
        [r] = _scrub(server, [("memo.txt", MEMO)], retries=2)
    assert len(server.requests) == 3  # bounded: one attempt and two retries
    run = r.report["context"]
    assert run["status"] == "not run" and reason in run["reason"]
    assert "3 attempt(s)" in run["reason"] and len(run["errors"]) == 3
    assert r.status == "done" and not _context(r)
    assert "[PERSON_1]" in r.output.decode()  # the local engine did its part
    assert any("did not run" in n for n in r.report["notes"])


def test_a_slow_server_times_out_and_is_not_waited_for_forever(detector):
    with ChatServer([slow(3.0, [PRICE])]) as server:
        [r] = _scrub(server, [("memo.txt", MEMO)], retries=1, timeout=0.5)
    run = r.report["context"]
    assert run["status"] == "not run"
    assert "did not answer within 0.5 seconds" in run["reason"]
    assert len(server.requests) == 2 and not _context(r)


def test_a_retry_that_succeeds_counts_as_run(detector):
    with ChatServer([ERROR_500, good([PRICE])]) as server:
        [r] = _scrub(server, [("memo.txt", MEMO)], retries=1)
    run = r.report["context"]
    assert run["status"] == "ran" and run["requests"] == 1
    assert run["errors"] == ["request 1, attempt 1: the model server answered HTTP 500"]
    assert len(_context(r)) == 1


def test_an_unreachable_server_is_reported():

    with ChatServer([good([])]) as server:
        url = server.url  # the port is closed once the server stops
    config = ContextConfig(url=url, model="m", retries=0, timeout=2)
    [r] = Scrubber(context=config).scrub_many(
        [("a.txt", b"Our gross margin is 31% this year.")], TermLists(), Pseudonymizer()
    )
    assert r.report["context"]["status"] == "not run"
    assert "could not be reached" in r.report["context"]["reason"]


def test_requests_are_cut_at_max_chars_and_the_task_budget_is_enforced(detector):
    paragraphs = [f"Paragraph {i} says the checkout redesign ships in March." for i in range(12)]
    data = "\n\n".join(paragraphs).encode()
    with ChatServer([good([])]) as server:
        first, second = _scrub(
            server, [("a.txt", data), ("b.txt", data)], max_chars=200, budget=500
        )
    sizes = [len(t.split("### segment 1\n", 1)[1]) for t in server.user_texts()]
    assert all(s <= 200 + 20 * 4 for s in sizes)  # text plus the segment headers
    run_a, run_b = first.report["context"], second.report["context"]
    assert run_a["batches"] >= 3 and 0 < run_a["requests"] < run_a["batches"]
    assert run_a["status"] == "partial" and "budget" in run_a["reason"]
    assert "500 characters" in run_a["reason"]
    assert run_a["chars"] <= 500 and run_b["status"] == "not run" and run_b["chars"] == 0
    assert "budget" in run_b["reason"]
    assert len(server.requests) == run_a["requests"]  # nothing sent beyond the budget


def test_off_by_default_nothing_is_sent():
    scrubber = Scrubber()
    assert scrubber.context_model is None
    [r] = scrubber.scrub_many(
        [("a.txt", b"Our gross margin is 31% this year.")], TermLists(), Pseudonymizer()
    )
    assert r.report["context"]["status"] == "off" and r.report["context"]["requests"] == 0
    assert not any("context pass" in n for n in r.report["notes"])


def test_an_allowed_text_is_not_redacted(detector):
    terms = TermLists(allow=("unit price of EUR 4.20 per kg",))
    with ChatServer([good([PRICE])]) as server:
        [r] = _scrub(server, [("memo.txt", MEMO)], terms=terms)
    assert not _context(r) and "4.20 per kg" in r.output.decode()


def test_a_file_gets_no_new_request_once_its_time_is_up(detector):
    paragraphs = [f"Paragraph {i} says the checkout redesign ships in March." for i in range(12)]
    with ChatServer([slow(0.4)]) as server:
        [r] = _scrub(
            server, [("a.txt", "\n\n".join(paragraphs).encode())], max_chars=120, file_seconds=0.6
        )
    run = r.report["context"]
    assert run["status"] == "partial" and "0.6 seconds" in run["reason"]
    assert 1 <= run["requests"] < run["batches"] and len(server.requests) == run["requests"]
    assert r.status == "done"
