"""Command-line entry points of the screener (no Django).

``hearthside screen [--model PATH]``
    Reads JSON lines ``{"id": ..., "text": ...}`` on stdin and writes one JSON
    line per input, in order::

        {"id": ..., "level": ..., "score": ..., "reasons": [...]}

    An optional ``"context": ["earlier text", ...]`` holds the same author's recent
    messages in the same conversation, oldest first; the level can then rise when the risk
    shows only across them (see :mod:`.screener`).  Lines without it behave as before.

    A line that cannot be screened gives ``{"id": <id or null>, "error": "..."}``
    and processing continues.  Blank lines are skipped.

    Output is flushed whenever the input read so far is answered: a writer that waits for each
    answer gets it at once, and a file or pipe full of lines costs one write per block read
    (64 KiB) rather than one per line.

``hearthside safety train --data FILE.csv [--out var/safety-model.joblib]``
    Trains the optional model (see :mod:`.model`).

``python -m hearthside.safety.screening.cli cache``
    Writes the cache of the screener's derived tables (see :mod:`.tablecache`).

Run without the console script as
``python -m hearthside.safety.screening.cli screen`` (or ``train``).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO

DEFAULT_MODEL_OUT = "var/safety-model.joblib"
BLOCK = 1 << 16
# json.dumps(record, ensure_ascii=False) builds this encoder on every call.
_encode = json.JSONEncoder(ensure_ascii=False).encode


def _screen_line(screener, raw: bytes) -> dict | None:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return {"id": None, "error": f"line is not valid UTF-8: {exc.reason} at byte {exc.start}"}
    return _screen_text(screener, line)


def _screen_text(screener, line: str) -> dict | None:
    """One decoded line, its newline included (a JSON error's column counts it)."""
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


def _blocks(fd: int) -> Iterator[bytes]:
    """What stdin holds so far, cut after its last complete line; the last line even without a
    newline.  ``os.read`` returns as soon as anything is there, so a writer that sends one line and
    waits is answered at once."""
    pending = b""
    while chunk := os.read(fd, BLOCK):
        data = pending + chunk
        cut = data.rfind(b"\n") + 1
        pending = data[cut:]
        if cut:
            yield data[:cut]
    if pending:
        yield pending


def _stdin_blocks() -> Iterable[bytes] | None:
    try:
        fd = sys.stdin.fileno()
    except (AttributeError, OSError, ValueError):  # replaced by an object without a descriptor
        return None
    return _blocks(fd)


def _block_records(screener, blocks: Iterable[bytes]) -> Iterator[list[dict]]:
    """The answers to each block's lines, split on b"\\n" only, exactly as iterating a binary file
    splits them."""
    for block in blocks:
        try:
            text = block.decode("utf-8")
        except UnicodeDecodeError:
            # Decoded line by line, so that the error names the line and its byte.
            lines = block.split(b"\n")
            tail = lines.pop()
            found = [_screen_line(screener, raw + b"\n") for raw in lines]
            if tail:
                found.append(_screen_line(screener, tail))
        else:
            # UTF-8 never puts a newline byte inside a character, so decoding the block then
            # splitting it gives the lines that decoding each line would.
            lines = text.split("\n")
            tail = lines.pop()
            found = [_screen_text(screener, line + "\n") for line in lines]
            if tail:
                found.append(_screen_text(screener, tail))
        yield found


def _write(out: TextIO, records: list[dict]) -> None:
    lines = [_encode(r) + "\n" for r in records]
    try:
        out.write("".join(lines))
    except UnicodeEncodeError:
        # An id the output encoding cannot hold: write the lines before it, then fail on it.
        for line in lines:
            out.write(line)
    out.flush()


def screen_main(argv: list[str], *, stdin=None, stdout: TextIO | None = None) -> int:
    ap = argparse.ArgumentParser(prog="hearthside screen",
                                 description="Screen JSON lines {\"id\", \"text\"} from stdin for crisis language.")
    ap.add_argument("--model", metavar="PATH", help="optional operator model (hearthside safety train), "
                    "applied together with the shipped one")
    ap.add_argument("--no-base-model", action="store_true", help="rules (and --model) only, without the shipped model")
    args = ap.parse_args(argv)
    own_process = stdin is None and stdout is None
    out = stdout if stdout is not None else sys.stdout
    blocks = _stdin_blocks() if stdin is None else None

    # The screener's tables are a few hundred thousand small objects that live as long as the
    # process: loaded without the cyclic collector running and, when this is the whole process
    # (`hearthside screen`), frozen so that it never scans them.
    collecting = gc.isenabled()
    gc.disable()
    try:
        from .screener import Screener

        screener = Screener(model=args.model, base=not args.no_base_model)
    except Exception as exc:
        print(f"hearthside screen: cannot load model {args.model!r}: {exc}", file=sys.stderr)
        return 2
    finally:
        if collecting:
            if own_process:
                gc.freeze()
            gc.enable()
    if blocks is not None:
        batches = _block_records(screener, blocks)
    else:
        # Lines one at a time (a caller's own stream), each answered before the next is read.
        batches = ([_screen_line(screener, raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else raw)]
                   for raw in (sys.stdin.buffer if stdin is None else stdin))
    try:
        for batch in batches:
            records = [r for r in batch if r is not None]
            if records:
                _write(out, records)
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
    if argv == ["cache"]:
        from .tablecache import main as cache_main

        return cache_main()
    print("usage: python -m hearthside.safety.screening.cli {screen [--model PATH] | train --data FILE.csv "
          "[--out PATH] | cache}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
