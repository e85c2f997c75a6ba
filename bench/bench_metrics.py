#!/usr/bin/env python
"""What the metrics cost (core/metrics.py): the request middleware, old and new side by side.

In one process, two Django WSGI handlers are built from the same settings: one with
``MetricsMiddleware`` (new), one without it (old). Rounds of requests to a cheap page (the service
worker, ``/sw.js``: the whole middleware chain, no database) alternate between them (ABBA), so both see
the same machine load; the medians of the per-request times are compared. Then the pieces alone:
the middleware around a view that does nothing, recording one request, one fan-out delivery, and
a scrape of ``/metrics`` (without the database
collectors, which need a migrated database; they are a handful of aggregate queries).

Run twice: as is (each process counts for itself) and with ``--multiprocess``, which sets
``PROMETHEUS_MULTIPROC_DIR`` to a fresh directory before anything imports prometheus_client (every
count is then a write to a memory-mapped file shared by all processes).

    .venv/bin/python bench/bench_metrics.py [--rounds 30] [--requests 200] [--multiprocess]

Nothing here touches the network or a database.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time

from common import log, use_project


def environ(path: str) -> dict:
    return {
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "", "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80", "HTTP_HOST": "127.0.0.1", "REMOTE_ADDR": "127.0.0.1", "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.input": io.BytesIO(b""), "wsgi.errors": sys.stderr, "wsgi.url_scheme": "http",
        "wsgi.version": (1, 0), "wsgi.multithread": False, "wsgi.multiprocess": False, "wsgi.run_once": False,
    }


def serve(handler, path: str, count: int) -> float:
    """Seconds per request for ``count`` requests."""
    statuses = []

    def start_response(status, headers, exc_info=None):
        statuses.append(status)

    started = time.perf_counter()
    for _ in range(count):
        body = handler(environ(path), start_response)
        for _chunk in body:
            pass
        body.close()
    elapsed = time.perf_counter() - started
    if not statuses[-1].startswith("200"):
        raise SystemExit(f"{path} answered {statuses[-1]}")
    return elapsed / count


def per_call(fn, count: int) -> float:
    started = time.perf_counter()
    for _ in range(count):
        fn()
    return (time.perf_counter() - started) / count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--requests", type=int, default=200, help="requests per round")
    parser.add_argument("--path", default="/sw.js")
    parser.add_argument("--multiprocess", action="store_true",
                        help="count in PROMETHEUS_MULTIPROC_DIR files, as a multi-process deployment does")
    args = parser.parse_args()

    if args.multiprocess:
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="hearthside-bench-metrics-")
    else:
        os.environ.pop("PROMETHEUS_MULTIPROC_DIR", None)
    os.environ.setdefault("HEARTHSIDE_VAR_DIR", tempfile.mkdtemp(prefix="hearthside-bench-var-"))
    os.environ["HEARTHSIDE_DEBUG"] = "false"  # as deployed (DEBUG also makes WhiteNoise look at files per request)
    os.environ["DJANGO_SETTINGS_MODULE"] = "hearthside.settings"
    use_project()
    import django

    django.setup()
    from django.conf import settings
    from django.core.handlers.wsgi import WSGIHandler
    from django.test.utils import override_settings

    from hearthside.core import metrics

    middleware = list(settings.MIDDLEWARE)
    assert middleware[0] == "hearthside.core.metrics.MetricsMiddleware"
    new = WSGIHandler()
    with override_settings(MIDDLEWARE=middleware[1:]):
        old = WSGIHandler()
    for handler in (old, new):  # warm up: URL resolver, templates, translations
        serve(handler, args.path, 50)

    timings: dict[str, list[float]] = {"old": [], "new": []}
    for i in range(args.rounds):
        order = (("old", old), ("new", new)) if i % 2 == 0 else (("new", new), ("old", old))  # ABBA: no order bias
        for name, handler in order:
            timings[name].append(serve(handler, args.path, args.requests))
    old_us = statistics.median(timings["old"]) * 1e6
    new_us = statistics.median(timings["new"]) * 1e6

    class Request:
        method, path_info = "GET", "/sw.js"
        resolver_match = None

    class Response:
        status_code = 200

    record_us = per_call(lambda: metrics.record_request(Request, Response, 0.001, "help"), 20000) * 1e6
    # The whole middleware around a view that does nothing: the timer, the /metrics check, the
    # route group from the matched pattern, the two counts.
    from django.http import HttpResponse
    from django.test import RequestFactory
    from django.urls import resolve

    request = RequestFactory().get("/support-line/c/5/")
    request.resolver_match = resolve("/support-line/c/5/")
    answer = HttpResponse("")
    wrapped = metrics.MetricsMiddleware(lambda request: answer)
    middleware_us = per_call(lambda: wrapped(request), 20000) * 1e6
    stamp = time.time()
    deliver_us = per_call(lambda: metrics.fanout_delivered(10, stamp), 20000) * 1e6
    metrics.COLLECTORS.pop("safety", None)
    metrics.COLLECTORS.pop("supportline", None)
    metrics.COLLECTORS.pop("tasks", None)
    scrape_ms = per_call(metrics.render, 200) * 1e3

    mode = "multi-process (PROMETHEUS_MULTIPROC_DIR)" if args.multiprocess else "single process"
    log(f"{args.rounds} rounds x {args.requests} requests of GET {args.path}, alternating; mode: {mode}")
    print(f"| mode | {mode} |")
    print(f"| GET {args.path} without the middleware (old), median µs/request | {old_us:.1f} |")
    print(f"| GET {args.path} with the middleware (new), median µs/request | {new_us:.1f} |")
    print(f"| difference, µs/request | {new_us - old_us:+.1f} ({(new_us - old_us) / old_us * 100:+.1f} %) |")
    print(f"| the middleware alone, around a view that does nothing, µs/request | {middleware_us:.2f} |")
    print(f"| recording one request alone (counter + histogram), µs | {record_us:.2f} |")
    print(f"| one fan-out frame to 10 sockets (counter + lag histogram), µs | {deliver_us:.2f} |")
    print(f"| one scrape, without the database collectors, ms | {scrape_ms:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
