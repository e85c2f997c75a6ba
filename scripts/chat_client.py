"""A small terminal client for Hearthside group chat over the websocket (docs/realtime.md).

    .venv/bin/python scripts/chat_client.py --url ws://127.0.0.1:8000/ws/events/ \\
        --token "$HEARTHSIDE_TOKEN" --group anxiety

Create the token under Account → API tokens (write scope) or with POST /api/v1/auth/token.
Lines typed on stdin are sent to the group; messages arrive as ``#seq author: text``. The client
shows what the protocol promises: every message carries a client id, so resending after a
dropped connection never duplicates; after reconnecting it asks for everything after the last
sequence number it showed (``chat.sync``), pages until up to date, and prints in order.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import uuid

from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus


class ChatClient:
    def __init__(self, url: str, token: str, group: str, out=sys.stdout) -> None:
        self.url, self.token, self.group, self.out = url, token, group, out
        self.last_seq = 0
        self.early: dict[int, dict] = {}  # arrived before the one before it
        self.pending: dict[str, dict] = {}  # sent, not yet acknowledged
        self.ws = None

    def show(self, frame: dict) -> None:
        if frame.get("filtered"):
            return  # someone you muted or blocked
        if frame.get("hidden"):
            print(f"#{frame['seq']} (a moderator hid this message)", file=self.out)
        else:
            print(f"#{frame['seq']} {frame['author']}: {frame['body']}", file=self.out)

    async def accept(self, frame: dict) -> None:
        seq = frame["seq"]
        if seq <= self.last_seq:
            return  # a duplicate delivery (live and catch-up crossing)
        self.early[seq] = frame
        while self.last_seq + 1 in self.early:
            self.last_seq += 1
            self.show(self.early.pop(self.last_seq))
        if self.early:
            await self.sync()  # a gap: fetch it from the server

    async def sync(self) -> None:
        await self.ws.send(json.dumps({"type": "chat.sync", "group": self.group, "after": self.last_seq}))

    async def send(self, text: str) -> None:
        frame = {"type": "chat.send", "group": self.group, "client_id": uuid.uuid4().hex, "body": text}
        self.pending[frame["client_id"]] = frame
        if self.ws is not None:
            try:
                await self.ws.send(json.dumps(frame))
            except ConnectionClosed:
                pass  # resent after reconnecting

    async def handle(self, frame: dict) -> None:
        kind = frame.get("type")
        if kind == "chat.message" and frame.get("group") == self.group:
            await self.accept(frame)
        elif kind == "chat.history" and frame.get("group") == self.group:
            for message in frame["messages"]:
                await self.accept(message)
            if frame["messages"] and self.last_seq < frame["upto"]:
                await self.sync()
        elif kind == "chat.ack":
            self.pending.pop(frame.get("client_id"), None)
            if frame.get("status") == "review":
                print("(your message waits for a moderator)", file=self.out)
            elif frame.get("status") == "held":
                print("(your message was not posted; someone from the team will reach out)", file=self.out)
        elif kind == "safety.help":
            print("(If you are in danger, open /help/ for crisis lines near you.)", file=self.out)
        elif kind == "resync":
            await self.sync()
        elif kind == "error":
            self.pending.pop(frame.get("client_id"), None)
            print(f"(error {frame.get('code')}: {frame.get('detail')})", file=self.out)

    async def run(self) -> None:
        delay = 0.5
        while True:
            try:
                async with connect(self.url, additional_headers={"Authorization": f"Bearer {self.token}"}) as ws:
                    self.ws, delay = ws, 0.5
                    await self.sync()
                    for frame in list(self.pending.values()):
                        await ws.send(json.dumps(frame))  # same client id: never duplicated
                    async for raw in ws:
                        await self.handle(json.loads(raw))
            except InvalidStatus:
                raise SystemExit("The server refused the connection: the token must be valid and have the write "
                                 "scope.") from None
            except (ConnectionClosed, OSError):
                self.ws = None
                print(f"(connection lost; reconnecting in {delay:.1f}s)", file=self.out)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 10)


async def _stdin_lines(client: ChatClient) -> None:
    loop = asyncio.get_running_loop()
    while True:
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line:
            return
        if line.strip():
            await client.send(line.strip())


async def main_async(args) -> None:
    client = ChatClient(args.url, args.token, args.group)
    runner = asyncio.create_task(client.run())
    await _stdin_lines(client)
    await asyncio.sleep(1)  # let the last acknowledgements arrive
    runner.cancel()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Hearthside group chat in a terminal")
    parser.add_argument("--url", default="ws://127.0.0.1:8000/ws/events/")
    parser.add_argument("--token", default=os.environ.get("HEARTHSIDE_TOKEN", ""),
                        help="personal access token with the write scope (or $HEARTHSIDE_TOKEN)")
    parser.add_argument("--group", required=True, help="the group's slug")
    args = parser.parse_args(argv)
    if not args.token:
        parser.error("a token is needed: --token or $HEARTHSIDE_TOKEN")
    try:
        asyncio.run(main_async(args))
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
