"""The benchmark scripts stay runnable and share one helper module (issue #19).

Benchmarks are never timed in tests; these only check that each script imports and parses its
arguments, and that no script imports another script: what they share is in ``bench/common.py``.
"""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[3] / "bench"
SCRIPTS = sorted(p for p in BENCH.glob("*.py") if p.name != "common.py")


def _imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_the_bench_folder_holds_the_scripts_this_test_expects():
    assert [p.name for p in SCRIPTS] == [
        "bench_api.py", "bench_emotions.py", "bench_handshake.py", "bench_metrics.py", "bench_outreach.py", "bench_page_frame.py",
        "bench_realtime.py", "bench_rooms.py",
        "bench_screen.py", "bench_screen_cli.py", "bench_screen_turns.py", "bench_selfcare.py", "bench_supportline.py", "bench_synapse.py",
        "cluster.py",
    ]


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_no_bench_script_imports_another(script):
    others = {p.stem for p in SCRIPTS} - {script.stem}
    assert _imported_modules(script) & others == set()


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_each_bench_script_imports_and_parses_its_arguments(script):
    proc = subprocess.run([sys.executable, str(script), "--help"], cwd=BENCH.parent, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.startswith("usage: " + script.name)


def test_the_paced_api_load_generator_counts_latency_from_when_a_request_was_due():
    """``bench_api.py --rate``: a server slower than the pace makes every later request later, and
    that shows in the latencies (no coordinated omission); no more requests are sent than the pace
    allows. Bounds that hold however slow the machine is; nothing here is timed."""
    import http.server
    import threading
    import time

    sys.path.insert(0, str(BENCH))
    try:
        import bench_api
    finally:
        sys.path.remove(str(BENCH))

    class Slow(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body are two writes: no 40 ms wait for an ACK

        def do_GET(self):  # noqa: N802
            time.sleep(0.05)
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, *args):
            pass

    class Fast(Slow):
        def do_GET(self):  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"{}")

    def run(handler, **kwargs) -> dict:
        server = http.server.ThreadingHTTPServer((bench_api.HOST, 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            return bench_api.run_python_loadgen(server.server_address[1], "t", **kwargs)
        finally:
            server.shutdown()
            server.server_close()

    # One connection due every 10 ms, answered in 50 ms or more: the k-th answer (from 0) comes at
    # least 50 + 40 k ms after it was due.
    slow = run(Slow, duration=1.0, connections=1, processes=1, rate=100)
    n = slow["requests"]
    assert n >= 2 and slow["errors"] == slow["non_2xx"] == 0
    assert slow["max_ms"] >= (50 + 40 * (n - 1)) * 0.99
    # A server that answers at once gets the pace, no more: each of the two connections sends one
    # request per 40 ms of the second (an unpaced generator sends hundreds), and a generator that
    # stops sending after its first requests would fall far below it (10 of the 50 due is a floor
    # even a very slow machine keeps: each request to this server is a local round trip).
    fast = run(Fast, duration=1.0, connections=2, processes=1, rate=50)
    assert 10 <= fast["requests"] <= 50 + 2, fast["requests"]
    assert fast["errors"] == fast["non_2xx"] == 0
