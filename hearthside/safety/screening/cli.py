"""Command-line entry points of the screener (no Django).

``hearthside screen [--model PATH]``
    Reads JSON lines ``{"id": ..., "text": ...}`` on stdin and writes one JSON
    line per input, in order, flushed per line::

        {"id": ..., "level": ..., "score": ..., "reasons": [...]}

    An optional ``"context": ["earlier text", ...]`` holds the same author's recent
    messages in the same conversation, oldest first; the level can then rise when the risk
    shows only across them (see :mod:`.screener`).  Lines without it behave as before.

    A line that cannot be screened gives ``{"id": <id or null>, "error": "..."}``
    and processing continues.  Blank lines are skipped.

``hearthside safety train --data FILE.csv [--out var/safety-model.joblib]``
    Trains the optional model (see :mod:`.model`).

Run without the console script as
``python -m hearthside.safety.screening.cli screen`` (or ``train``).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

DEFAULT_MODEL_OUT = "var/safety-model.joblib"


def _screen_line(screener, raw: bytes) -> dict | None:
    ident = None
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return {"id": None, "error": f"line is not valid UTF-8: {exc.reason} at byte {exc.start}"}
    if not line.strip():
        return None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": None, "error": f"invalid JSON: {exc.msg} (column {exc.colno})"}
    if not isinstance(obj, dict):
        return {"id": None, "error": "each line must be a JSON object with a \"text\" field"}
    ident = obj.get("id")
    text = obj.get("text")
    if not isinstance(text, str):
        return {"id": ident, "error": "\"text\" must be a string"}
    context = obj.get("context")
    if context is not None and (not isinstance(context, list) or not all(isinstance(c, str) for c in context)):
        return {"id": ident, "error": "\"context\" must be a list of earlier texts (strings), oldest first"}
    try:
        result = screener.screen(text, history=context or None)
    except Exception as exc:  # one bad input must not stop the stream
        return {"id": ident, "error": f"screening failed: {type(exc).__name__}: {exc}"}
    return {"id": ident, **result.to_dict()}


def screen_main(argv: list[str], *, stdin=None, stdout: TextIO | None = None) -> int:
    ap = argparse.ArgumentParser(prog="hearthside screen",
                                 description="Screen JSON lines {\"id\", \"text\"} from stdin for crisis language.")
    ap.add_argument("--model", metavar="PATH", help="optional operator model (hearthside safety train), "
                    "applied together with the shipped one")
    ap.add_argument("--no-base-model", action="store_true", help="rules (and --model) only, without the shipped model")
    args = ap.parse_args(argv)
    source = stdin if stdin is not None else sys.stdin.buffer
    out = stdout if stdout is not None else sys.stdout

    from .screener import Screener

    try:
        screener = Screener(model=args.model, base=not args.no_base_model)
    except Exception as exc:
        print(f"hearthside screen: cannot load model {args.model!r}: {exc}", file=sys.stderr)
        return 2
    try:
        for raw in source:
            if isinstance(raw, str):
                raw = raw.encode("utf-8", "surrogateescape")
            record = _screen_line(screener, raw)
            if record is None:
                continue
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            out.flush()
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); nothing left to do.
        return 0
    return 0


def train_main(argv: list[str]) -> int:
    from .model import DEFAULT_RAISE_HIGH, DEFAULT_RAISE_MODERATE

    ap = argparse.ArgumentParser(prog="hearthside safety train",
                                 description="Train the optional crisis model from a CSV with text and label columns.")
    ap.add_argument("--data", required=True, metavar="FILE.csv")
    ap.add_argument("--out", default=DEFAULT_MODEL_OUT, metavar="PATH")
    ap.add_argument("--raise-moderate", type=float, default=DEFAULT_RAISE_MODERATE,
                    help="probability that lifts none/low to moderate (default %(default)s)")
    ap.add_argument("--raise-high", type=float, default=DEFAULT_RAISE_HIGH,
                    help="probability that lifts moderate to high (default %(default)s; omit to never lift)")
    args = ap.parse_args(argv)

    from .model import train

    try:
        summary = train(args.data, args.out, raise_moderate=args.raise_moderate, raise_high=args.raise_high)
    except (OSError, ValueError) as exc:
        print(f"hearthside safety train: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(summary))
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["screen"]:
        return screen_main(argv[1:])
    if argv[:1] == ["train"]:
        return train_main(argv[1:])
    if argv[:2] == ["safety", "train"]:
        return train_main(argv[2:])
    print("usage: python -m hearthside.safety.screening.cli {screen [--model PATH] | train --data FILE.csv "
          "[--out PATH]}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
