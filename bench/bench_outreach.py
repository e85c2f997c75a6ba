"""From a crisis message to a human on the person's screen (``make bench-outreach``; issue #15).

It starts one ASGI server (uvicorn, the production websocket server) on a throw-away database
of its own (SQLite under a temporary directory by default; set DATABASE_URL for PostgreSQL and
REDIS_URL for Redis), then, for each trial, with a fresh member:

  1. the member's socket sends a crisis message to their group's chat (``chat.send``);
  2. **alert**: time until the on-duty moderator's socket (a two-factor session, as on the
     dashboard) receives ``alert.new`` for it;
  3. the moderator "presses Reach out now" at once: ``POST /api/v1/staff/safety/alerts/{id}/outreach``
     (a two-factor token), the same action as the button;
  4. **outreach**: time from that request until the member's socket receives ``safety.outreach``
     (the frame that draws the banner on whatever page they are on).

The figure the issue asks for is alert + outreach: the whole path minus the human's click.
Screening (rules and the shipped model), storing, alerting, and every socket hop are included.

    .venv/bin/python bench/bench_outreach.py [--trials 30]

Prints a Markdown table; write it into docs/benchmarks.md with the machine and the command.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CRISIS = "I have the pills saved up and I'm going to take them all tonight."


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def setup(trials: int) -> dict:
    """Members in one group, an on-duty moderator with a two-factor session and token."""
    from datetime import timedelta

    from django.conf import settings
    from django.test import Client
    from django.utils import timezone
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from hearthside.accounts.actions import do_create_token, do_grant_role
    from hearthside.accounts.models import User
    from hearthside.community.models import Group, Membership
    from hearthside.safety.models import DutyShift

    group = Group.objects.create(slug="bench-outreach", name="Outreach benchmark")
    group.chat_rate_per_minute = 10**6
    group.slow_mode_seconds = 0
    group.save(update_fields=["chat_rate_per_minute", "slow_mode_seconds"])
    moderator = User.objects.create_user(username="bench-mod", password=None, pseudonym="Bench Mod")
    do_grant_role(moderator, "moderator")
    device = TOTPDevice.objects.create(user=moderator, name="bench", confirmed=True)
    now = timezone.now()
    DutyShift.objects.create(user=moderator, starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=8))
    client = Client()
    client.force_login(moderator)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    members = []
    for i in range(trials):
        user = User.objects.create_user(username=f"bench-member-{i}", password=None, pseudonym=f"Member {i}")
        Membership.objects.create(group=group, user=user)
        members.append(do_create_token(user, "bench", "write", two_factor=False)[1])
    return {"slug": group.slug, "members": members,
            "staff_cookie": f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}",
            "staff_token": do_create_token(moderator, "bench", "write", two_factor=True)[1]}


def post(port: int, path: str, token: str) -> tuple[int, dict]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=b"{}", method="POST",
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, json.loads(response.read())


async def trials(port: int, plan: dict) -> list[dict]:
    from websockets.asyncio.client import connect

    url = f"ws://127.0.0.1:{port}/ws/events/"
    staff = await connect(url, additional_headers={"Cookie": plan["staff_cookie"], "Origin": f"http://127.0.0.1:{port}"},
                          open_timeout=30, ping_interval=None)
    await staff.recv()  # hello

    async def wait_for(ws, kind: str, timeout: float = 30.0, person: str = "") -> dict:
        deadline = time.monotonic() + timeout
        while True:
            frame = json.loads(await asyncio.wait_for(ws.recv(), deadline - time.monotonic()))
            # A staff socket is in the dashboard group and its own: it hears a new alert twice.
            if frame.get("type") == kind and (not person or frame["alert"]["person"] == person):
                return frame

    rows = []
    for i, token in enumerate(plan["members"]):
        member = await connect(url, additional_headers={"Authorization": f"Bearer {token}"}, open_timeout=30,
                               ping_interval=None)
        await member.recv()  # hello
        sent = time.perf_counter()
        await member.send(json.dumps({"type": "chat.send", "group": plan["slug"], "client_id": f"crisis-{i}",
                                      "body": CRISIS}))
        alert = (await wait_for(staff, "alert.new", person=f"Member {i}"))["alert"]
        alerted = time.perf_counter()
        status, body = await asyncio.to_thread(post, port, f"/api/v1/staff/safety/alerts/{alert['id']}/outreach",
                                               plan["staff_token"])
        if status != 200:
            raise SystemExit(f"outreach failed: {status} {body}")
        frame = await wait_for(member, "safety.outreach")
        reached = time.perf_counter()
        if frame["conversation"] != body["conversation"]:
            raise SystemExit("the member was told of another conversation")
        rows.append({"alert_ms": (alerted - sent) * 1000, "outreach_ms": (reached - alerted) * 1000,
                     "total_ms": (reached - sent) * 1000})
        await member.close()
    await staff.close()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trials", type=int, default=30)
    parser.add_argument("--port", type=int, default=8790)
    args = parser.parse_args(argv)
    tmp = tempfile.TemporaryDirectory(prefix="hs-bench-outreach-")
    os.environ.update({"HEARTHSIDE_VAR_DIR": tmp.name, "HEARTHSIDE_DEBUG": "false", "HEARTHSIDE_LOG_LEVEL": "WARNING",
                       "DJANGO_SETTINGS_MODULE": "hearthside.settings"})
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from hearthside.core.asgi_server import uvicorn_command

    if os.environ.get("DATABASE_URL"):
        raise SystemExit("this benchmark creates its own users: run it on the default SQLite (a temporary file)")
    call_command("migrate", verbosity=0)
    plan = setup(args.trials)
    connection.close()
    server = subprocess.Popen(uvicorn_command("127.0.0.1", args.port, "--log-level", "warning"), cwd=ROOT,
                              env=dict(os.environ))
    try:
        from bench.bench_realtime import wait_for_port

        wait_for_port(args.port)
        rows = asyncio.run(trials(args.port, plan))
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        tmp.cleanup()
    print(f"\n{len(rows)} trials, one uvicorn process, SQLite, in-memory channel layer\n")
    print("| step | p50 ms | p90 ms | max ms |")
    print("|---|---|---|---|")
    for key, label in (("alert_ms", "crisis message → alert on the on-duty moderator's socket"),
                       ("outreach_ms", "Reach out now → banner frame on the member's socket"),
                       ("total_ms", "**total, minus the human's click**")):
        values = [row[key] for row in rows]
        print(f"| {label} | {statistics.median(values):.0f} | {pct(values, 90):.0f} | {max(values):.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
