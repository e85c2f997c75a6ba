"""``hearthside emotions [--grouping original|ekman|group]``: JSON lines in, JSON lines out.

Stable contract. Each input line is a JSON object ``{"id": ..., "text": "..."}``; for each
one, in order, one line is written and flushed:

    {"id": ..., "labels": ["gratitude"], "scores": {"admiration": 0.0123, ...}}

A line that cannot be used (not JSON, not an object, no string "text") gets
``{"id": <its id or null>, "error": "..."}`` and processing continues. Blank lines are
skipped. ``id`` is echoed back unchanged, whatever its JSON type. An empty text is valid
(labels ``["neutral"]``). Exit status: 0, or 2 for bad arguments or a missing model.

Never imports Django, so it starts fast and runs without settings or a database; it can
also be run as ``python -m hearthside.selfcare.emotions.cli``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import IO

from hearthside.selfcare.emotions.model import GROUPINGS


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hearthside emotions",
        description='Label emotions in JSON lines {"id": ..., "text": ...} read from stdin.',
    )
    parser.add_argument(
        "--grouping", choices=GROUPINGS, default="original", help="label set (default: original)"
    )
    return parser


def _write(out: IO[str], record: dict) -> None:
    out.write(json.dumps(record) + "\n")
    out.flush()


def run(stdin: IO[str], stdout: IO[str], grouping: str = "original") -> int:
    from hearthside.selfcare.emotions import get_model

    model = get_model()
    for line in stdin:
        if not line.strip():
            continue
        ident = None
        try:
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"invalid JSON: {exc.msg} (column {exc.colno})") from None
            if not isinstance(record, dict):
                raise ValueError("each line must be a JSON object")
            ident = record.get("id")
            text = record.get("text")
            if not isinstance(text, str):
                raise ValueError('"text" must be a string' if "text" in record else 'missing "text"')
            pred = model.predict([text], grouping)[0]
        except (ValueError, RecursionError) as exc:  # RecursionError: absurdly nested JSON
            _write(stdout, {"id": ident, "error": str(exc)})
            continue
        _write(stdout, {"id": ident, "labels": pred.labels, "scores": pred.scores})
    return 0


def emotions_main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse has printed the usage
        return int(exc.code or 0)
    from hearthside.selfcare.emotions.model import ModelError

    # Input is read as UTF-8 whatever the locale; output is ASCII (JSON escapes).
    if hasattr(sys.stdin, "reconfigure"):
        sys.stdin.reconfigure(encoding="utf-8", errors="replace")
    try:
        return run(sys.stdin, sys.stdout, args.grouping)
    except ModelError as exc:
        print(f"hearthside emotions: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader went away: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(emotions_main())
