"""A local server that speaks the OpenAI-compatible chat-completions protocol, for tests of the
context pass: started by the test on a free port, answering from a list of recorded answers.

    with ChatServer([good(findings), MALFORMED, slow(2.0), ERROR_500]) as server:
        config = ContextConfig(url=server.url, model="test-model", api_key="k")
        ...
    server.requests  # what arrived: path, headers, the JSON body

Each request takes the next answer; the last one repeats once the list is used up.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Answer:
    status: int = 200
    content: str | None = None  # the assistant message's text; None: `raw` is the body
    raw: bytes = b""
    delay: float = 0.0  # seconds before answering

    def body(self, model: str) -> bytes:
        if self.content is None:
            return self.raw
        return json.dumps(
            {
                "id": "chatcmpl-test",
                "object": "chat.completion",
                "created": 0,
                "model": model,
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": self.content},
                        "finish_reason": "stop",
                    }
                ],
            }
        ).encode()


def good(findings: list[dict[str, Any]]) -> Answer:
    return Answer(content=json.dumps({"findings": findings}))


MALFORMED = Answer(content="Sure! Here are the findings: the price list, the margin.")
NO_LIST = Answer(content='{"result": "nothing"}')
NOT_A_COMPLETION = Answer(raw=b'{"error": "busy"}')
ERROR_500 = Answer(status=500, raw=b'{"error": {"message": "internal"}}')


def slow(seconds: float, findings: list[dict[str, Any]] | None = None) -> Answer:
    return Answer(content=json.dumps({"findings": findings or []}), delay=seconds)


class ChatServer:
    def __init__(self, answers: list[Answer], port: int = 0) -> None:
        self.answers = list(answers)
        self.requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                length = int(self.headers.get("Content-Length", "0"))
                payload = self.rfile.read(length)
                with server._lock:
                    server.requests.append(
                        {
                            "path": self.path,
                            "headers": dict(self.headers.items()),
                            "body": json.loads(payload or b"{}"),
                        }
                    )
                    n = len(server.requests) - 1
                    answer = server.answers[min(n, len(server.answers) - 1)]
                if answer.delay:
                    time.sleep(answer.delay)
                body = answer.body(server.requests[n]["body"].get("model", ""))
                try:
                    self.send_response(answer.status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> ChatServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def user_texts(self) -> list[str]:
        """The user message of every request (the document text as the model saw it)."""
        return [r["body"]["messages"][-1]["content"] for r in self.requests]
