"""The OpenAI-compatible chat-completions protocol (`POST {base}/chat/completions`), spoken by
OpenAI and by self-hosted servers: vLLM, llama.cpp's server, Ollama. Standard library only.

One attempt per call; `review.py` retries a bounded number of times. Never logs the text.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request

from .base import ContextConfig, ContextError, ContextModel

#: an answer larger than this is refused (a findings list is a few kilobytes)
MAX_ANSWER_BYTES = 2_000_000


class ChatCompletionsModel(ContextModel):
    def __init__(self, config: ContextConfig) -> None:
        self.config = config
        self.endpoint = config.url.rstrip("/") + "/chat/completions"
        self.name = config.model

    def complete(self, messages: list[dict[str, str]]) -> str:
        if not self.endpoint.startswith(("http://", "https://")):
            raise ContextError("SCRUB_CONTEXT_URL must start with http:// or https://")
        body = {
            "model": self.config.model,
            "messages": messages,
            "temperature": 0,
            "response_format": {"type": "json_object"},
        }
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.config.api_key:
            headers["Authorization"] = f"Bearer {self.config.api_key}"
        request = urllib.request.Request(  # noqa: S310 - http(s) only, checked above
            self.endpoint, data=json.dumps(body).encode("utf-8"), headers=headers, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=self.config.timeout) as response:  # noqa: S310
                raw = response.read(MAX_ANSWER_BYTES + 1)
        except urllib.error.HTTPError as exc:
            raise ContextError(f"the model server answered HTTP {exc.code}") from None
        except TimeoutError:
            raise ContextError(
                f"the model server did not answer within {self.config.timeout:g} seconds"
            ) from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError):
                raise ContextError(
                    f"the model server did not answer within {self.config.timeout:g} seconds"
                ) from None
            raise ContextError(f"the model server could not be reached ({exc.reason})") from None
        except (OSError, ValueError) as exc:  # a reset connection, a malformed URL
            raise ContextError(f"the request failed ({type(exc).__name__})") from None
        if len(raw) > MAX_ANSWER_BYTES:
            raise ContextError("the model server's answer was too large")
        try:
            envelope = json.loads(raw)
            content = envelope["choices"][0]["message"]["content"]
        except (ValueError, KeyError, IndexError, TypeError):
            raise ContextError("the model server's answer is not a chat completion") from None
        if not isinstance(content, str):
            raise ContextError("the model server's answer has no text")
        return content
