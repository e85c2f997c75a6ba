"""Keep child processes running: the supervisor of ``hearthside run``.

A child that exits (crash, kill -9, a database outage that made it give up) is started again
after a back-off delay — 1 s, doubling to at most 30 s while it keeps failing, back to 1 s once it
has run for a minute — and the other children are left alone. Everything stops only when the
supervisor is asked to (SIGINT/SIGTERM in ``hearthside run``).
"""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Child:
    name: str
    argv: list[str]
    env: dict | None = None
    proc: subprocess.Popen | None = None
    started_at: float = 0.0
    next_start: float = 0.0
    delay: float = 0.0
    starts: int = 0
    exits: list[int] = field(default_factory=list)


class Supervisor:
    def __init__(self, children: list[Child], *, first_delay: float = 1.0, max_delay: float = 30.0,
                 stable_after: float = 60.0, poll: float = 0.2, log: Callable[[str], None] = print) -> None:
        self.children = children
        self.first_delay, self.max_delay, self.stable_after = first_delay, max_delay, stable_after
        self.poll = poll
        self.log = log
        for child in children:
            child.delay = first_delay

    def _start(self, child: Child) -> None:
        child.starts += 1
        child.started_at = time.monotonic()
        try:
            child.proc = subprocess.Popen(child.argv, env=child.env)
        except OSError as exc:  # e.g. the program is missing: try again later, like an exit
            self.log(f"{child.name}: could not start ({exc})")
            child.proc = None
            self._schedule(child, -1)

    def _schedule(self, child: Child, returncode: int) -> None:
        now = time.monotonic()
        child.exits.append(returncode)
        if now - child.started_at >= self.stable_after:
            child.delay = self.first_delay  # it ran fine for a while: a fresh failure, restart soon
        child.next_start = now + child.delay
        self.log(f"{child.name} exited with {returncode}; restarting in {child.delay:.1f} s")
        child.delay = min(child.delay * 2, self.max_delay)

    def check(self) -> None:
        """One look at every child: note exits, start those whose delay has passed."""
        for child in self.children:
            if child.proc is not None:
                returncode = child.proc.poll()
                if returncode is None:
                    continue
                child.proc = None
                self._schedule(child, returncode)
            if child.proc is None and time.monotonic() >= child.next_start:
                self._start(child)

    def run(self, stop: threading.Event) -> None:
        try:
            for child in self.children:
                self._start(child)
            while not stop.is_set():
                self.check()
                stop.wait(self.poll)
        finally:
            self.stop_all()

    def stop_all(self, timeout: float = 10.0) -> None:
        running = [c.proc for c in self.children if c.proc is not None and c.proc.poll() is None]
        for proc in running:
            try:
                proc.terminate()
            except OSError:
                pass
        deadline = time.monotonic() + timeout
        for proc in running:
            try:
                proc.wait(timeout=max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
