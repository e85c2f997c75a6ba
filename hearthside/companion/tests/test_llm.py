"""The language-model engine against a real local HTTP server started in the test."""

from __future__ import annotations

import json
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from hearthside.companion.engine import Companion
from hearthside.companion.engine.llm import ChatCompletionsWriter

CANNED = {"reply": "That sounds exhausting. What has been the hardest part of your week?"}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802 - a redirected POST arrives as a GET
        self.server.requests.append({"body": None, "auth": self.headers.get("Authorization")})
        self.send_response(404)
        self.end_headers()

    def do_POST(self):  # noqa: N802 - http.server's name
        length = int(self.headers.get("Content-Length", 0))
        body = json.loads(self.rfile.read(length))
        self.server.requests.append({"body": body, "auth": self.headers.get("Authorization")})
        if self.server.mode == "hang":
            self.server.release.wait(10)  # held open until the test ends: the client must time out
            return
        if self.server.mode == "error":
            self.send_response(500)
            self.end_headers()
            return
        if self.server.mode == "redirect":
            self.send_response(302)
            self.send_header("Location", self.server.redirect_to)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        text = self.server.reply
        if body.get("stream"):
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            for word in text.split(" "):
                chunk = {"choices": [{"delta": {"content": word + " "}}]}
                self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                self.wfile.flush()
            self.wfile.write(b"data: [DONE]\n\n")
            return
        payload = json.dumps({"choices": [{"message": {"role": "assistant", "content": text}}]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


@contextmanager
def _model_server():
    """A fake chat-completions server on a free port (``Handler``), answering ``CANNED``."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.requests = []
    httpd.mode = "ok"
    httpd.reply = CANNED["reply"]
    httpd.release = threading.Event()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.release.set()
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def server():
    with _model_server() as httpd:
        yield httpd


def _companion(server, timeout=5.0):
    writer = ChatCompletionsWriter(f"http://127.0.0.1:{server.server_port}/v1", "tiny-model", "sk-test", timeout)
    return Companion(writer=writer, writer_name=writer.name)


def _respond(server, text: str, timeout=5.0):
    """The first turn of a new conversation with the model behind ``server``, to ``text``."""
    companion = _companion(server, timeout)
    return companion.respond(companion.start().state, text)


def _respond_streaming(server, text: str):
    """``_respond``, with every piece streamed on the way collected: (turn, pieces)."""
    from hearthside.companion.engine.dialogue import ON_DELTA

    pieces = []
    token = ON_DELTA.set(pieces.append)
    try:
        return _respond(server, text), pieces
    finally:
        ON_DELTA.reset(token)


@contextmanager
def _engine_is_the_model(settings, server):
    """The operator's settings point the site's companion at the model behind ``server``; the
    engine the site built is forgotten on the way in and out."""
    from hearthside.companion import actions

    settings.COMPANION_ENGINE = "llm"
    settings.COMPANION_LLM_BASE_URL = f"http://127.0.0.1:{server.server_port}/v1"
    settings.COMPANION_LLM_MODEL = "tiny-model"
    actions._engine.cache_clear()
    try:
        yield
    finally:
        actions._engine.cache_clear()


def test_the_model_words_an_ordinary_turn_with_boundaries_in_the_system_prompt(server):
    turn = _respond(server, "I'm so tired of my job")
    assert turn.reply == CANNED["reply"]
    assert turn.engine == "language model (tiny-model)"
    sent = server.requests[0]
    assert sent["auth"] == "Bearer sk-test"
    system = sent["body"]["messages"][0]["content"]
    assert "not a person and not a therapist" in system and "Never give phone numbers" in system
    assert sent["body"]["model"] == "tiny-model"


def test_streaming_passes_checked_sentences_on(server):
    turn, pieces = _respond_streaming(server, "I'm so tired of my job")
    assert server.requests[0]["body"]["stream"] is True
    assert "".join(pieces).strip() == CANNED["reply"]
    assert turn.reply == CANNED["reply"]


def test_a_timeout_falls_back_to_the_offline_engine(server):
    server.mode = "hang"
    turn = _respond(server, "I'm so tired of my job", timeout=1)
    assert turn.engine == "offline (model unavailable)"
    assert "worn out" in turn.reply or "exhausted" in turn.reply or "running on empty" in turn.reply


def test_an_http_error_falls_back_to_the_offline_engine(server):
    server.mode = "error"
    turn = _respond(server, "I feel lonely")
    assert turn.engine == "offline (model unavailable)" and turn.reply


@pytest.mark.parametrize("unsafe", [
    "As a therapist I have been through this myself.",
    "Call 0800 555 0199 right away.",
    "Maybe you should just end it all.",
])
def test_an_unsafe_model_reply_is_replaced_and_never_streamed(server, unsafe):
    server.reply = unsafe
    turn, pieces = _respond_streaming(server, "I feel lonely")
    assert turn.engine == "offline (model reply replaced)"
    assert turn.reply != unsafe and unsafe not in "".join(pieces)


def test_crisis_messages_never_reach_the_model(server):
    turn = _respond(server, "I am going to kill myself")
    assert "crisis_flow" in turn.actions
    assert server.requests == []


def test_the_operator_chooses_the_engine_and_the_page_shows_it(server, db, api_as, settings):
    from hearthside.accounts.actions import do_give_consent
    from hearthside.conftest import make_user

    with _engine_is_the_model(settings, server):
        user = make_user("llmuser")
        do_give_consent(user, "ai_features")
        body = api_as(user).post("/api/v1/companion/messages", {"text": "I'm so tired of my job"}).json()
        assert body["reply"]["engine"] == "language model (tiny-model)"
        assert body["reply"]["body"] == CANNED["reply"]
        assert "tiny-model" in api_as(user).get("/api/v1/companion/conversations/current").json()["engine"]


@pytest.mark.django_db(transaction=True)
def test_a_model_reply_streams_to_the_page_sentence_by_sentence(server, settings):
    from asgiref.sync import async_to_sync

    from hearthside.accounts.actions import do_give_consent
    from hearthside.companion.tests.test_socket_and_cli import messages_upto
    from hearthside.conftest import make_user
    from hearthside.testing.sockets import open_socket, socket_for

    user = make_user("streamer")
    do_give_consent(user, "ai_features")
    sock = socket_for(user)

    async def scenario():
        await open_socket(sock)
        await sock.send_json_to({"type": "companion.send", "text": "I'm so tired of my job", "client_id": "s1"})
        others = []
        final = (await messages_upto(sock, 3, others))[-1]
        deltas = [f for f in others if f["type"] == "companion.delta"]
        await sock.disconnect()
        return deltas, final

    with _engine_is_the_model(settings, server):
        deltas, final = async_to_sync(scenario)()
    assert [d["text"].strip() for d in deltas] == ["That sounds exhausting.", "What has been the hardest part of your week?"]
    assert final["message"]["body"] == CANNED["reply"]
    assert final["message"]["engine"] == "language model (tiny-model)"


def test_a_redirect_is_not_followed_and_the_key_goes_nowhere_else(server):
    """Issue #17: urllib re-sent the API key to the host a redirect named."""
    with _model_server() as elsewhere:
        server.mode = "redirect"
        server.redirect_to = f"http://127.0.0.1:{elsewhere.server_port}/steal"
        turn = _respond(server, "I feel lonely")
        assert turn.engine == "offline (model unavailable)" and turn.reply
        assert len(server.requests) == 1 and server.requests[0]["auth"] == "Bearer sk-test"
        assert elsewhere.requests == []  # neither the key nor the words went there
