"""Drive Debian's Chromium through Playwright and check pages with axe-core.

Nothing here downloads a browser: Playwright is pointed at the system Chromium
(``apt-get install chromium``). axe-core is vendored in ``vendor/axe.min.js`` (MPL-2.0,
licence header kept) so the check needs no network at run time.
"""

from __future__ import annotations

import contextlib
import functools
import os
import time
from pathlib import Path

CHROMIUM_PATH = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
MISSING_CHROMIUM = f"Chromium not installed at {CHROMIUM_PATH}: apt-get install chromium"

AXE_PATH = Path(__file__).parent / "vendor" / "axe.min.js"
# Impacts that fail a test; "minor" and "moderate" findings are printed but tolerated.
FAILING_IMPACTS = ("serious", "critical")
# WCAG 2.x A/AA plus axe's best practices (landmarks, one h1, ...).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR = Path(os.environ.get("HEARTHSIDE_SCREENSHOT_DIR", REPO_ROOT / "test-artifacts" / "screenshots"))

DESKTOP_VIEWPORT = {"width": 1280, "height": 800}
PHONE_VIEWPORT = {"width": 390, "height": 844}


def chromium_available() -> bool:
    return os.path.isfile(CHROMIUM_PATH) and os.access(CHROMIUM_PATH, os.X_OK)


def launch_chromium(playwright, *extra_args: str):
    """Launch the system Chromium with the project's fixed flags and ``extra_args`` (never a
    downloaded build)."""
    return playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=[*CHROMIUM_ARGS, *extra_args],
                                      headless=True)


def new_context(browser, base_url: str, **options):
    """A browser context for one visitor: desktop size, British English, downloads allowed.

    The site's Content-Security-Policy stays enforced (``bypass_csp=False``) so a test also
    proves the pages work under it: :func:`run_axe` injects axe-core through DevTools
    evaluation, which CSP does not govern (``page.add_script_tag`` would be refused by
    ``script-src 'self'``). Pass ``bypass_csp=True`` to inject scripts as tags instead.
    """
    settings = {
        "base_url": base_url,
        "viewport": DESKTOP_VIEWPORT,
        "locale": "en-GB",
        "accept_downloads": True,
        "bypass_csp": False,
        "color_scheme": "light",
        "reduced_motion": "reduce",
    }
    settings.update(options)
    return browser.new_context(**settings)


def open_context(browser, base_url: str, user=None, *, otp_device=None, timeout_ms: int = 15_000, **options):
    """A visitor's browser context (see :func:`new_context`), logged in as ``user`` when given
    (see :func:`log_in` for ``otp_device``), whose actions wait up to ``timeout_ms``."""
    context = new_context(browser, base_url, **options)
    context.set_default_timeout(timeout_ms)
    if user is not None:
        log_in(context, user, base_url, otp_device=otp_device)
    return context


@contextlib.contextmanager
def context_pool(browser, base_url: str):
    """Yields ``open(user=None, **options)``, which opens a context as :func:`open_context` does;
    every context opened is closed when the block ends, however it ends."""
    opened = []

    def open_(user=None, **options):
        context = open_context(browser, base_url, user, **options)
        opened.append(context)
        return context

    try:
        yield open_
    finally:
        for context in opened:
            context.close()


# ---------------------------------------------------------------------------------------------
# axe-core


@functools.cache
def axe_source() -> str:
    return AXE_PATH.read_text(encoding="utf-8")


def run_axe(page, *, tags=AXE_TAGS) -> dict:
    """Inject axe-core (once per document) and return its violations and "needs review" items.

    The script is evaluated through DevTools rather than added as a <script> tag, so it runs
    under the site's strict CSP without weakening it.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    return page.evaluate(
        """async (tags) => {
            const r = await window.axe.run(document, {runOnly: {type: 'tag', values: tags},
                                                      resultTypes: ['violations', 'incomplete']});
            return {violations: r.violations, incomplete: r.incomplete, url: r.url};
        }""",
        list(tags),
    )


def failing_violations(results: dict, impacts=FAILING_IMPACTS) -> list[dict]:
    return [v for v in results.get("violations", []) if v.get("impact") in impacts]


def format_violations(violations: list[dict], *, label: str = "") -> str:
    """Readable text: one block per rule, with the elements and axe's own hint for each."""
    if not violations:
        return f"{label}: no violations" if label else "no violations"
    lines = [f"{label}: {len(violations)} accessibility violation(s)" if label else "accessibility violations"]
    for v in violations:
        lines.append(f"  [{v.get('impact')}] {v['id']}: {v['help']}")
        lines.append(f"      {v.get('helpUrl', '')}")
        for node in v.get("nodes", [])[:8]:
            target = " ".join(str(t) for t in node.get("target", []))
            lines.append(f"      - {target}")
            summary = (node.get("failureSummary") or "").strip().replace("\n", "\n          ")
            if summary:
                lines.append(f"          {summary}")
        extra = len(v.get("nodes", [])) - 8
        if extra > 0:
            lines.append(f"      ... and {extra} more element(s)")
    return "\n".join(lines)


def check_accessibility(page, label: str) -> dict:
    """Run axe; print every finding; raise AssertionError on serious or critical ones."""
    results = run_axe(page)
    violations = results.get("violations", [])
    if violations:
        print(format_violations(violations, label=label))
    failing = failing_violations(results)
    assert not failing, format_violations(failing, label=f"{label} ({page.url})")
    return results


# ---------------------------------------------------------------------------------------------
# Screenshots


def eventually(page, condition: str, *, timeout_ms: int = 15_000, interval_ms: int = 100) -> None:
    """Wait until the async JavaScript function ``condition`` (source text, e.g.
    ``"async () => (await caches.keys()).length === 0"``) resolves truthy on the page.

    ``page.wait_for_function`` is no use for a condition that needs ``await`` (IndexedDB, caches,
    service-worker registrations): a returned Promise is an object, so truthy at once. This polls
    inside the page and fails with the condition when the time is up."""
    script = f"""async () => {{
      const until = Date.now() + {int(timeout_ms)};
      for (;;) {{
        if (await ({condition})()) return true;
        if (Date.now() > until) return false;
        await new Promise(resolve => setTimeout(resolve, {int(interval_ms)}));
      }}
    }}"""
    assert page.evaluate(script), f"not true within {timeout_ms} ms: {condition}"


def save_screenshot(page, name: str, directory: Path | None = None) -> Path:
    target = Path(directory or SCREENSHOT_DIR)
    target.mkdir(parents=True, exist_ok=True)
    path = target / f"{name}.png"
    page.screenshot(path=str(path), full_page=True, animations="disabled")
    return path


def save_screenshots(page, name: str) -> None:
    """``name``-390.png at phone width and ``name``-1280.png at desktop width; the page is left at
    desktop width."""
    for size in (PHONE_VIEWPORT, DESKTOP_VIEWPORT):
        page.set_viewport_size(size)
        save_screenshot(page, f"{name}-{size['width']}")


class PageAudit:
    """Visit log for one test: axe on every page (light, optionally dark) plus a screenshot.

    Serious and critical findings are collected rather than raised at once, so one run shows
    every page's problems; call :meth:`assert_clean` at the end. A plain-text report of all
    findings (minor ones too) is written next to the screenshots.
    """

    def __init__(self, directory: Path | None = None):
        self.directory = Path(directory or SCREENSHOT_DIR)
        self.failures: list[str] = []
        self.report: list[str] = []
        self.page_errors: list[str] = []

    def watch(self, page) -> None:
        """Record script errors and Content-Security-Policy refusals on this page as failures."""
        def on_console(message):
            if message.type == "error" and "Content Security Policy" in message.text:
                self.page_errors.append(f"CSP refusal on {page.url}: {message.text}")

        page.on("console", on_console)
        page.on("pageerror", lambda exc: self.page_errors.append(f"script error on {page.url}: {exc}"))

    def _check(self, page, label: str) -> None:
        results = run_axe(page)
        self.report.append(format_violations(results.get("violations", []), label=label))
        for item in results.get("incomplete", []):
            self.report.append(f"  needs review, axe could not decide: {item['id']}")
            for node in item.get("nodes", [])[:6]:
                target = " ".join(str(t) for t in node.get("target", []))
                reason = "; ".join(c.get("message", "") for c in node.get("any", []) if c.get("message"))
                self.report.append(f"      - {target}: {reason}")
        failing = failing_violations(results)
        if failing:
            self.failures.append(format_violations(failing, label=f"{label} ({page.url})"))

    def visit(self, page, name: str, *, dark: bool = False) -> None:
        page.wait_for_load_state("load")
        self._check(page, name)
        save_screenshot(page, name, self.directory)
        if dark:
            page.emulate_media(color_scheme="dark")
            try:
                self._check(page, f"{name} (dark)")
                save_screenshot(page, f"{name}-dark", self.directory)
            finally:
                page.emulate_media(color_scheme="light")

    def write_report(self, filename: str) -> Path:
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self.directory / filename
        path.write_text("\n".join(self.report) + "\n", encoding="utf-8")
        return path

    def assert_clean(self) -> None:
        assert not self.failures, "axe found serious/critical problems:\n\n" + "\n\n".join(self.failures)
        assert not self.page_errors, "the pages raised errors:\n" + "\n".join(self.page_errors)


# ---------------------------------------------------------------------------------------------
# Logging in and serving ASGI (websockets) for browser tests


def at_path(path: str):
    """A URL predicate for ``page.wait_for_url``/``expect(...).to_have_url``: the path is ``path``,
    whatever the host, query or fragment."""
    from urllib.parse import urlsplit

    return lambda url: urlsplit(url).path == path


def h1(page) -> str:
    """The page's main heading's text."""
    return page.get_by_role("heading", level=1).inner_text()


def log_in(context, user, base_url: str, *, otp_device=None) -> None:
    """Give the browser context a logged-in session for ``user`` without going through the form.

    ``otp_device`` (a confirmed django-otp device) marks the session as having proved a second
    factor, as logging in with a code would.
    """
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    if otp_device is not None:
        from django_otp import DEVICE_ID_SESSION_KEY

        session = client.session
        session[DEVICE_ID_SESSION_KEY] = otp_device.persistent_id
        session.save()
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": base_url,
                          "httpOnly": True, "sameSite": "Lax"}])


def close_loop(loop) -> None:
    """Cancel what still runs on ``loop`` (the fan-out hub's Redis subscriber, presence's
    heartbeat), let it finish, then close the loop, as ``asyncio.run`` does. A loop closed with
    tasks pending leaves them to the garbage collector, whose "Task was destroyed but it is
    pending!" log, run inside whatever code the collector interrupted, once broke an unrelated
    test's ``ast.parse`` (SystemError: AST constructor recursion depth mismatch)."""
    import asyncio

    try:
        pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
        for task in pending:
            task.cancel()
        if pending:
            loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        loop.run_until_complete(loop.shutdown_asyncgens())
    finally:
        loop.close()


@contextlib.contextmanager
def serve_asgi(host: str = "127.0.0.1", *, timeout: float = 15.0):
    """Serve ``hearthside.asgi:application`` (HTTP and websockets) with uvicorn in a thread.

    pytest-django's ``live_server`` speaks WSGI only, so pages that open ``/ws/events/`` need
    this. The server runs in this process, so it uses the same test database (pair it with
    ``transactional_db``) and the same in-memory channel layer as the test. Static files are
    served as channels' ``ChannelsLiveServerTestCase`` does (``ASGIStaticFilesHandler``).

    The in-memory channel layer is not thread-safe: an event sent from the test's thread
    would wake the server's loop from the wrong thread. While the server runs, sends from
    any other event loop are handed to the server's loop, as a Redis layer would deliver them.

    Yields the server's base URL.
    """
    import asyncio
    import socket
    import threading

    import uvicorn
    from channels.layers import InMemoryChannelLayer, get_channel_layer
    from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler

    from hearthside.asgi import application
    from hearthside.core.asgi_server import UVICORN_OPTIONS

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind((host, 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(ASGIStaticFilesHandler(application), host=host, port=port, lifespan="off",
                            loop="asyncio", ws=UVICORN_OPTIONS["ws"], http="h11", log_level="warning",
                            timeout_graceful_shutdown=2, access_log=False,
                            ws_per_message_deflate=UVICORN_OPTIONS["ws_per_message_deflate"])
    server = uvicorn.Server(config)
    loop = asyncio.new_event_loop()
    failure: list[BaseException] = []

    def run():
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(server.serve(sockets=[sock]))
        except BaseException as exc:  # noqa: BLE001 - reported to the test below
            failure.append(exc)
        finally:
            close_loop(loop)

    layer = get_channel_layer()
    patched = isinstance(layer, InMemoryChannelLayer)
    if patched:
        original_group_send = layer.group_send

        async def group_send(group, message):
            if asyncio.get_running_loop() is loop or loop.is_closed():
                return await original_group_send(group, message)
            future = asyncio.run_coroutine_threadsafe(original_group_send(group, message), loop)
            return await asyncio.wrap_future(future)

        layer.group_send = group_send

    thread = threading.Thread(target=run, name=f"uvicorn-{port}", daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + timeout
        while not server.started:
            if failure or not thread.is_alive():
                raise RuntimeError(f"the ASGI test server did not start: {failure[:1]}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"the ASGI test server did not start within {timeout} s")
            time.sleep(0.02)
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        if thread.is_alive() and not loop.is_closed():
            # Still shutting down (a handler that does not end): stop the loop, or it would keep
            # serving in the background, its fan-out subscriber and presence heartbeat with it.
            try:
                loop.call_soon_threadsafe(loop.stop)
            except RuntimeError:  # closed meanwhile
                pass
            thread.join(timeout=10)
        if patched:
            del layer.group_send
        sock.close()


# An init script that lets a test drop a page's sockets the way a flaky network would
# (``page.evaluate("window.__sockets.forEach(s => s.close())")``; CSP does not govern it).
TRACK_SOCKETS = """
(() => {
  const Native = window.WebSocket;
  window.__sockets = [];
  window.WebSocket = function (url, protocols) {
    const socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
    window.__sockets.push(socket);
    return socket;
  };
  window.WebSocket.prototype = Native.prototype;
  window.WebSocket.OPEN = Native.OPEN;
})();
"""


def in_other_thread(fn, *args, **kwargs):
    """Run ``fn`` in a plain thread, as a request or a task would, and return its result.

    Playwright's sync API keeps an asyncio loop in the test's thread; ``async_to_sync`` (which
    sends the websocket events after commit) refuses to run on a thread that has one, and the
    event would be dropped. The worker's own database connection is closed before it ends.
    """
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connections

    def call():
        try:
            return fn(*args, **kwargs)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(call).result(timeout=30)
