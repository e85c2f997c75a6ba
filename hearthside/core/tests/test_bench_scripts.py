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
        "bench_screen.py", "bench_screen_cli.py", "bench_selfcare.py", "bench_supportline.py", "bench_synapse.py",
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
