"""The background worker: periodic sweeps (erasure, alert deadlines) and queued tasks (email).

See hearthside/core/worker.py: sweeps run in threads of their own, apart from task delivery;
database errors are retried; tasks left running by a dead worker are queued again.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run background work: periodic sweeps and the django-tasks database queue."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=5.0, help="seconds between sweeps")
        parser.add_argument("--task-interval", type=float, default=1.0,
                            help="seconds between looks at the task queue when it is empty")
        parser.add_argument("--once", action="store_true", help="run one round and exit")

    def handle(self, *args, **options):
        from hearthside.core.worker import BackgroundWorker

        worker = BackgroundWorker(interval=options["interval"], task_interval=options["task_interval"])
        if options["once"]:
            worker.run_once()
            return
        worker.run()
