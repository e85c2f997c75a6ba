"""Metrics in the Prometheus text format, at ``GET /metrics``.

Two kinds of numbers, chosen by where the truth is:

- **Events** (requests and their latency, fan-out deliveries and lag, alerts raised, acknowledged
  and escalated): counted where they happen, with ``prometheus_client``. Hearthside runs several
  processes (granian workers, uvicorn, the worker); with ``PROMETHEUS_MULTIPROC_DIR`` set, every
  process writes its counts to files in that directory and a scrape, answered by any process,
  adds them up (``prometheus_client.multiprocess``). Without it each process counts for itself.
- **State** (queue lengths, open alerts, task backlog, the worker's heartbeat): read from the
  database (the heartbeat there, or in this host's file) at scrape time, so every process answers
  the same truth and nothing has to be kept in step. Features add these as collectors
  (:func:`collector`) in their ``AppConfig.ready``; a collector that fails (the database is down)
  is left out of that scrape and ``hearthside_metrics_collector_up{collector=...}`` says 0.

Labels are coarse and bounded: a route *group* (``"accounts"``, ``"api/community"``), never a path
with ids; a method from a fixed list; a status class. No user id, name, address or health value
ever becomes a label: an attacker's random paths or methods cannot grow the series either.

Who may read it: a request from a loopback or private address, or one with
``Authorization: Bearer <HEARTHSIDE_METRICS_TOKEN>``. Everyone else gets the site's ordinary 404.
See docs/deploy.md ("Metrics").
"""

from __future__ import annotations

import glob
import ipaddress
import logging
import os
import re
import time
from collections.abc import Callable, Iterable

from django.conf import settings
from django.http import HttpResponse
from django.utils.crypto import constant_time_compare
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily

log = logging.getLogger("hearthside.metrics")

PATH = "/metrics"
# The classic text format, which every Prometheus reads. Our names need none of the escaping that
# newer versions of the format (prometheus_client's CONTENT_TYPE_LATEST) exist for.
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


def multiprocess_dir() -> str:
    """The shared directory of multi-process mode ("" when off). ``prometheus_client`` reads the
    variable itself when it is first imported, so it must be in the environment of every process."""
    return os.environ.get("PROMETHEUS_MULTIPROC_DIR", "")


# Every event metric of this process lives here (and, in multi-process mode, in its files).
LIVE = CollectorRegistry(auto_describe=True)


def counter(name: str, documentation: str, labelnames: Iterable[str] = ()) -> Counter:
    return Counter(name, documentation, list(labelnames), registry=LIVE)


def histogram(name: str, documentation: str, labelnames: Iterable[str] = (), *, buckets) -> Histogram:
    return Histogram(name, documentation, list(labelnames), buckets=buckets, registry=LIVE)


HTTP_REQUESTS = counter("hearthside_http_requests", "HTTP requests answered, by route group, method and status class.",
                        ["group", "method", "status"])
HTTP_SECONDS = histogram("hearthside_http_request_duration_seconds",
                         "Time to answer an HTTP request (all middleware included), by route group.", ["group"],
                         buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0))
# "livesum": the sockets of the processes that are running now (a dead process's are pruned below).
SOCKETS_OPEN = Gauge("hearthside_websocket_open_sockets", "Websockets open now (/ws/events/).",
                     registry=LIVE, multiprocess_mode="livesum")
FANOUT_DELIVERIES = counter("hearthside_fanout_deliveries", "Frames handed to a local socket (one per frame and socket).")
FANOUT_LAG = histogram("hearthside_fanout_lag_seconds",
                       "Time from publishing a frame to handing it to this process's sockets (through Redis when set).",
                       buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0))

_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
_SAFE_GROUP = re.compile(r"^[a-z0-9][a-z0-9._-]{0,40}(/[a-z0-9][a-z0-9._-]{0,40})?$")


def route_group(request) -> str:
    """A coarse label for the request's route, from the URL *pattern* it matched (never the path,
    which holds ids and slugs): its first segment, or two for the API and staff areas."""
    match = getattr(request, "resolver_match", None)
    route = getattr(match, "route", None)
    if route is None:
        return "static" if request.path_info.startswith(settings.STATIC_URL) else "unmatched"
    parts = [p for p in route.strip("^$").split("/") if p]
    if not parts:
        return "home"
    if parts[0] == "api" and len(parts) > 2 and parts[1].startswith("v"):
        group = f"api/{parts[2]}"
    elif parts[0] == "staff" and len(parts) > 1:
        group = f"staff/{parts[1]}"
    else:
        group = parts[0]
    return group if _SAFE_GROUP.match(group) else "other"


# (group, method, status class) -> its counter and histogram: ``labels()`` takes a lock and builds
# a key on every call, half the cost of recording a request. Bounded, as the labels are.
_CHILDREN: dict[tuple[str, str, int], tuple] = {}


def record_request(request, response, seconds: float, group: str | None = None) -> None:
    group = group or route_group(request)
    method = request.method if request.method in _METHODS else "other"
    key = (group, method, response.status_code // 100)
    children = _CHILDREN.get(key)
    if children is None:
        children = _CHILDREN[key] = (HTTP_REQUESTS.labels(group, method, f"{key[2]}xx"), HTTP_SECONDS.labels(group))
    children[0].inc()
    children[1].observe(seconds)


def socket_opened() -> None:
    SOCKETS_OPEN.inc()


def socket_closed() -> None:
    SOCKETS_OPEN.dec()


def fanout_delivered(sockets: int, published_at: float | None) -> None:
    """``sockets`` local sockets were handed one frame published at ``published_at`` (epoch s)."""
    if sockets <= 0:
        return
    FANOUT_DELIVERIES.inc(sockets)
    if published_at is not None:
        FANOUT_LAG.observe(max(time.time() - published_at, 0.0))


# -- scrape-time collectors ----------------------------------------------------------------------

Families = Iterable  # of prometheus_client metric families (GaugeMetricFamily, ...)
COLLECTORS: dict[str, Callable[[], Families]] = {}


def collector(name: str):
    """Register ``fn() -> metric families``, run at every scrape (ORM allowed). For state whose
    truth is the database: every process then answers the same numbers. Use in ``ready``."""

    def register(fn: Callable[[], Families]) -> Callable[[], Families]:
        if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
            raise ValueError("a collector name is lower-case letters, digits and _")
        COLLECTORS[name] = fn
        return fn

    return register


class _ScrapeCollector:
    def collect(self):
        up = GaugeMetricFamily("hearthside_metrics_collector_up",
                               "1 when a scrape-time collector answered, 0 when it failed (e.g. the database).",
                               labels=["collector"])
        for name, fn in sorted(COLLECTORS.items()):
            try:
                families = list(fn())
            except Exception:  # noqa: BLE001 - one failing source must not hide the others
                log.warning("metrics collector %s failed", name, exc_info=True)
                up.add_metric([name], 0)
                continue
            up.add_metric([name], 1)
            yield from families
        yield up


class _ThisProcess:
    def collect(self):
        return LIVE.collect()


def prune_dead_processes(path: str) -> list[int]:
    """Remove the live-gauge files of processes that have exited (a killed uvicorn's socket count
    must not stay in the sum). Counters and histograms of dead processes are kept: what they
    counted happened. Multi-process mode needs all processes on one host, so ``kill(pid, 0)`` says."""
    from prometheus_client import multiprocess

    dead = set()
    for file in glob.glob(os.path.join(path, "gauge_live*_*.db")):
        try:
            pid = int(os.path.basename(file).rsplit("_", 1)[1][:-3])
        except ValueError:
            continue
        if pid == os.getpid() or pid in dead:
            continue
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            dead.add(pid)
        except PermissionError:
            pass  # alive, another user's
    for pid in dead:
        multiprocess.mark_process_dead(pid, path)
    return sorted(dead)


def render() -> bytes:
    """The text exposition of every metric, as a scrape sees it."""
    registry = CollectorRegistry(auto_describe=False)
    path = multiprocess_dir()
    if path:
        from prometheus_client import multiprocess

        prune_dead_processes(path)
        multiprocess.MultiProcessCollector(registry, path=path)
    else:
        registry.register(_ThisProcess())
    registry.register(_ScrapeCollector())
    return generate_latest(registry)


@collector("worker")
def worker_state():
    """The worker's loops from its heartbeat (the shared row or this host's file, as /healthz reads
    it): seconds since each last finished a round, and whether that round failed."""
    from .worker import read_heartbeat

    beat = read_heartbeat()
    present = GaugeMetricFamily("hearthside_worker_heartbeat_present",
                                "1 when the worker's heartbeat (database or file) is readable, else 0.")
    present.add_metric([], 0 if beat is None else 1)
    yield present
    age = GaugeMetricFamily("hearthside_worker_heartbeat_age_seconds",
                            "Seconds since each worker loop last finished a round.", labels=["loop"])
    failing = GaugeMetricFamily("hearthside_worker_loop_failing",
                                "1 when a worker loop's last round failed.", labels=["loop"])
    now = time.time()
    for loop, info in sorted(((beat or {}).get("loops") or {}).items()):
        if not re.fullmatch(r"[a-z]+(:[a-z0-9_-]+)?", str(loop)):
            continue
        age.add_metric([loop], round(max(now - float(info.get("at", 0)), 0.0), 3))
        failing.add_metric([loop], 0 if info.get("ok") else 1)
    yield age
    yield failing


@collector("tasks")
def task_state():
    """The django-tasks database queue: tasks due and waiting, and the oldest one's wait."""
    from .worker import database_task_backend, task_backlog

    if not database_task_backend():
        return
    backlog = task_backlog()
    ready = GaugeMetricFamily("hearthside_tasks_ready", "Queued tasks that are due and not yet started.")
    ready.add_metric([], backlog["ready"])
    oldest = GaugeMetricFamily("hearthside_tasks_oldest_ready_seconds",
                               "How long the oldest due task has waited (0 when none).")
    oldest.add_metric([], backlog["oldest_seconds"])
    yield ready
    yield oldest


# -- who may read it -------------------------------------------------------------------------------

def client_address(request) -> str:
    """The address to judge: behind a proxy, the one it forwarded (only when the proxy is trusted
    to set the header); a proxied request we may not trust has none, so it is never "private"."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded:
        if getattr(settings, "TRUST_X_FORWARDED_FOR", False):
            return forwarded.split(",")[0].strip()
        return ""
    return request.META.get("REMOTE_ADDR") or ""


# Loopback, RFC 1918 and IPv6 unique-local, named one by one: Python's ``is_private`` also takes
# in documentation and reserved ranges (203.0.113.0/24, 2001:db8::/32), which are not ours.
PRIVATE_NETWORKS = tuple(ipaddress.ip_network(n) for n in (
    "127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "::1/128", "fc00::/7"))


def is_private_address(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return any(ip.version == net.version and ip in net for net in PRIVATE_NETWORKS)


def may_read(request) -> bool:
    token = getattr(settings, "METRICS_TOKEN", "")
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if token and header[:7].lower() == "bearer " and constant_time_compare(header[7:].strip(), token):
        return True
    return bool(getattr(settings, "METRICS_ALLOW_PRIVATE", True)) and is_private_address(client_address(request))


def metrics_response() -> HttpResponse:
    try:
        body = render()
    except Exception:  # noqa: BLE001 - e.g. an unreadable multi-process directory; never a 500
        log.exception("metrics could not be rendered")
        return HttpResponse("metrics unavailable\n", status=503, content_type="text/plain; charset=utf-8")
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    response["Cache-Control"] = "no-store"
    return response


class MetricsMiddleware:
    """Outermost: times every request (static files and error pages included) and answers
    ``GET /metrics`` to those who may read it, before host checks and the HTTPS redirect (a
    scraper on 127.0.0.1 uses neither the site's host name nor TLS). Anyone else falls through to
    the site, which has no such page: 404. Recording never fails a request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        group = None
        if request.path_info == PATH and request.method in {"GET", "HEAD"} and may_read(request):
            response, group = metrics_response(), "metrics"
        else:
            response = self.get_response(request)
        try:
            record_request(request, response, time.perf_counter() - started, group)
        except Exception:  # noqa: BLE001 - a metric must never cost someone their page
            log.debug("recording a request metric failed", exc_info=True)
        return response
