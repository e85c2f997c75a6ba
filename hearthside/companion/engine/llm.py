"""An optional writer backed by an OpenAI-compatible chat-completions endpoint.

It only words ordinary turns: the offline dialogue manager still decides the state, screens
every message first, runs the crisis flow, exercises, memory and disclosures with its own fixed
texts. Whatever the model returns is checked (``safety.check_reply``) before anyone sees it, and
any failure (timeout, HTTP error, bad JSON, an unsafe reply) falls back to the offline reply.
Standard library only (urllib), so it adds no dependency.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Callable

from .dialogue import Analysis

SYSTEM_PROMPT = """You are the Hearthside companion, an automated emotional-support program inside a
mental-health service. Boundaries you must keep:
- You are not a person and not a therapist. Never claim to be human, never claim feelings,
  memories, a body, a family or experiences of your own. No self-disclosure.
- Do not diagnose, do not give medical or medication advice, never mention methods of self-harm.
- Never give phone numbers or web addresses; the page shows vetted help resources.
- If the person mentions suicide, self-harm, abuse or danger, reply only with warmth and say that
  help is shown on the page (the service handles the rest).
- Reply in 2 to 4 short sentences, in plain, warm language: reflect the feeling in your own
  words (do not repeat the person's sentence), validate it, then ask one open question or make
  the offer described in the plan.
"""


LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}



class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Never follow a redirect: urllib would re-send the API key (and the person's words) to
    whatever host the redirect names (issue #17). A 3xx is an error; the offline engine answers."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_OPENER = urllib.request.build_opener(_NoRedirects)

class LLMError(RuntimeError):
    pass


class ChatCompletionsWriter:
    """Callable as a ``Writer``; ``on_delta`` (if set per call) receives streamed text pieces."""

    def __init__(self, base_url: str, model: str, api_key: str = "", timeout: float = 15.0):
        self.url = base_url.rstrip("/") + "/chat/completions"
        self.model = model
        self.api_key = api_key
        self.timeout = timeout
        self.name = f"language model ({model})"

    def messages(self, text: str, analysis: Analysis, strategies: list[str], offline_reply: str,
                 language: str = "en") -> list[dict]:
        plan = (f"Reply in {LANGUAGE_NAMES.get(language, 'English')}. "
                f"Feelings recognised: {', '.join(analysis.feelings) or 'none named'}. "
                f"What is weighing on them: {', '.join(p for _t, p in analysis.stressors) or 'not said'}. "
                f"Supporter strategies to use, in order: {', '.join(strategies) or 'question'}. "
                f"A safe draft you may improve on (keep any offer it makes): {offline_reply}")
        return [{"role": "system", "content": SYSTEM_PROMPT},
                {"role": "system", "content": plan},
                {"role": "user", "content": text}]

    def __call__(self, state: dict, text: str, analysis: Analysis, strategies: list[str], offline_reply: str,
                 on_delta: Callable[[str], None] | None = None) -> str:
        language = (state or {}).get("lang") or "en"
        body = {"model": self.model, "messages": self.messages(text, analysis, strategies, offline_reply, language),
                "temperature": 0.4, "max_tokens": 300, "stream": on_delta is not None}
        request = urllib.request.Request(self.url, data=json.dumps(body).encode(), method="POST",
                                         headers={"Content-Type": "application/json",
                                                  **({"Authorization": f"Bearer {self.api_key}"} if self.api_key else {})})
        try:
            with _OPENER.open(request, timeout=self.timeout) as response:  # noqa: S310 - operator's URL
                if on_delta is None:
                    data = json.loads(response.read().decode("utf-8"))
                    return str(data["choices"][0]["message"]["content"])
                return self._stream(response, on_delta)
        except (urllib.error.URLError, TimeoutError, KeyError, IndexError, TypeError, ValueError) as exc:
            raise LLMError(str(exc)) from exc

    def _stream(self, response, on_delta: Callable[[str], None]) -> str:
        pieces: list[str] = []
        for raw in response:
            line = raw.decode("utf-8").strip()
            if not line.startswith("data:"):
                continue
            payload = line[5:].strip()
            if payload == "[DONE]":
                break
            delta = json.loads(payload)["choices"][0].get("delta", {}).get("content") or ""
            if delta:
                pieces.append(delta)
                on_delta(delta)
        return "".join(pieces)
