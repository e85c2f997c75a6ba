"""CPU per signed-in page, in-process, with Django's ``{% url %}`` and with the kept one, alternated.

Every signed-in page draws the same frame (navigation, help panel, footer); this measures what
``core/templatetags/kept_urls.py`` saves there. One process, one database (a SQLite file in a
temporary directory, migrated), one member signed in through Django's test client; each turn renders
``--pages`` pages with Django's tag, then as many with the kept one; the median of ``--turns`` turns
is printed per page, in ms of process CPU.

    .venv/bin/python bench/bench_page_frame.py
    .venv/bin/python bench/bench_page_frame.py --turns 20 /accounts/privacy/ /selfcare/
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=["/accounts/privacy/", "/selfcare/insights/", "/selfcare/"])
    parser.add_argument("--turns", type=int, default=12)
    parser.add_argument("--pages", type=int, default=40, help="pages per turn and tag")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="hs-frame-")
    os.environ.update({"DJANGO_SETTINGS_MODULE": "hearthside.settings", "HEARTHSIDE_DEBUG": "0",
                       "HEARTHSIDE_VAR_DIR": work, "HEARTHSIDE_SQLITE_PATH": str(Path(work) / "db.sqlite3")})
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.core.management import call_command
    from django.template.defaulttags import URLNode
    from django.test import Client

    from hearthside.conftest import make_member
    from hearthside.core.templatetags import kept_urls

    call_command("migrate", verbosity=0)
    client = Client()
    client.force_login(make_member("frame-bench"))
    kept_render = kept_urls.KeptURLNode.render

    def turn(path: str) -> float:
        start = time.process_time()
        for _ in range(args.pages):
            response = client.get(path)
            if response.status_code != 200:
                raise SystemExit(f"{path}: {response.status_code}")
        return (time.process_time() - start) * 1000 / args.pages

    print(f"load average {os.getloadavg()[0]:.1f}; {args.turns} turns of {args.pages} pages per tag")
    print("| page | Django's `{% url %}` ms | kept ms | new/old |")
    print("|---|---:|---:|---:|")
    for path in args.paths:
        for _ in range(20):
            client.get(path)
        theirs, ours = [], []
        for _ in range(args.turns):
            kept_urls.KeptURLNode.render = URLNode.render
            theirs.append(turn(path))
            kept_urls.KeptURLNode.render = kept_render
            ours.append(turn(path))
        old, new = statistics.median(theirs), statistics.median(ours)
        print(f"| `{path}` | {old:.2f} | {new:.2f} | {new / old:.2f} |")


if __name__ == "__main__":
    main()
