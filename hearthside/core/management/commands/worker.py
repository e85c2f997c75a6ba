"""The background worker: periodic sweeps (erasure, alert deadlines) and queued tasks (email)."""

from __future__ import annotations

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run background work: periodic sweeps and the django-tasks database queue."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=5.0, help="seconds between sweeps")
        parser.add_argument("--once", action="store_true", help="run one round and exit")

    def handle(self, *args, **options):
        from hearthside.core.periodic import run_sweeps

        while True:
            run_sweeps()
            # Drain queued tasks (emails) without blocking the sweeps for long.
            call_command("db_worker", batch=True, verbosity=0)
            if options["once"]:
                return
            time.sleep(options["interval"])
