"""GET /metrics: who may read it, that every family is there with the right numbers after known
actions, that several processes add up, and that nothing in it names a person."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from django.test import Client
from prometheus_client.parser import text_string_to_metric_families

from hearthside.conftest import login_client, make_user
from hearthside.core import metrics
from hearthside.core.events import user_group
from hearthside.core.fanout import hub
from hearthside.testing.sockets import next_frame, open_socket, socket_for

T0 = datetime(2026, 3, 2, 20, 0, tzinfo=UTC)
TOKEN = "m" * 40


def scrape(address: str = "127.0.0.1", **headers) -> str:
    response = Client().get("/metrics", REMOTE_ADDR=address, **headers)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("text/plain; version=0.0.4")
    return response.content.decode()


def parse(text: str) -> dict[tuple[str, tuple], float]:
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


def value(snapshot: dict, name: str, **labels) -> float:
    return snapshot.get((name, tuple(sorted(labels.items()))), 0.0)


# -- who may read it ------------------------------------------------------------------------------

@pytest.mark.django_db
@pytest.mark.parametrize("address", ["127.0.0.1", "::1", "10.2.3.4", "192.168.1.20", "172.16.0.9",
                                     "::ffff:10.0.0.1", "fd00::5"])
def test_loopback_and_private_addresses_may_read_it(address):
    assert "hearthside_http_requests_total" in scrape(address)


@pytest.mark.django_db
@pytest.mark.parametrize("address", ["203.0.113.7", "8.8.8.8", "2001:db8::1", "169.254.1.1", "100.64.0.1",
                                     "", "unix:/run/x"])
def test_anyone_else_gets_the_sites_404(address):
    response = Client().get("/metrics", REMOTE_ADDR=address)
    assert response.status_code == 404
    assert b"hearthside_" not in response.content


@pytest.mark.django_db
def test_the_token_opens_it_from_anywhere_and_a_wrong_one_does_not(settings):
    settings.METRICS_TOKEN = TOKEN
    public = "203.0.113.7"
    assert "hearthside_http_requests_total" in scrape(public, HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    for header in (f"Bearer {TOKEN[:-1]}", f"Bearer {TOKEN}x", "Bearer ", TOKEN, f"Basic {TOKEN}"):
        assert Client().get("/metrics", REMOTE_ADDR=public, HTTP_AUTHORIZATION=header).status_code == 404
    settings.METRICS_TOKEN = ""  # no token configured: "Bearer " + nothing opens nothing
    assert Client().get("/metrics", REMOTE_ADDR=public, HTTP_AUTHORIZATION="Bearer ").status_code == 404


@pytest.mark.django_db
def test_private_access_can_be_switched_off_leaving_the_token(settings):
    settings.METRICS_ALLOW_PRIVATE = False
    settings.METRICS_TOKEN = TOKEN
    assert Client().get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 404
    scrape("127.0.0.1", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")


@pytest.mark.django_db
def test_behind_a_proxy_the_forwarded_address_counts_and_only_when_trusted(settings):
    # Our nginx sets X-Forwarded-For: every request it passes arrives from 127.0.0.1.
    settings.TRUST_X_FORWARDED_FOR = False
    assert Client().get("/metrics", REMOTE_ADDR="127.0.0.1",
                        HTTP_X_FORWARDED_FOR="10.0.0.8").status_code == 404
    settings.TRUST_X_FORWARDED_FOR = True
    assert Client().get("/metrics", REMOTE_ADDR="127.0.0.1",
                        HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 404
    scrape("127.0.0.1", HTTP_X_FORWARDED_FOR="10.0.0.8")


@pytest.mark.django_db
def test_only_get_reads_it():
    assert Client().post("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 404


# -- the numbers -----------------------------------------------------------------------------------

@pytest.mark.django_db
def test_requests_are_counted_by_route_group_never_by_path():
    before = parse(scrape())
    anon = Client()
    for _ in range(3):
        assert anon.get("/help/").status_code == 200
    # Path parts with letters in them: the values of the _created gauges are timestamps, whose digits
    # can hold any run of numbers ("1.7964321..." holds "4321").
    assert anon.get("/no-such-page-98765qx/").status_code == 404
    assert anon.get("/groups/some-slug-xq4321/forum/").status_code in {302, 404}
    text = scrape()
    after = parse(text)

    def delta(name, **labels):
        return value(after, name, **labels) - value(before, name, **labels)

    assert delta("hearthside_http_requests_total", group="help", method="GET", status="2xx") == 3
    assert delta("hearthside_http_request_duration_seconds_count", group="help") == 3
    assert delta("hearthside_http_request_duration_seconds_bucket", group="help", le="+Inf") == 3
    assert delta("hearthside_http_requests_total", group="unmatched", method="GET", status="4xx") == 1
    assert delta("hearthside_http_request_duration_seconds_count", group="groups") == 1
    # The earlier scrape was counted too, under its own group.
    assert delta("hearthside_http_requests_total", group="metrics", method="GET", status="2xx") == 1
    assert "98765qx" not in text and "xq4321" not in text and "some-slug" not in text


def test_route_groups_come_from_patterns():
    from django.test import RequestFactory
    from django.urls import resolve

    factory = RequestFactory()
    expected = {"/": "home", "/help/": "help", "/groups/abc/forum/": "groups",
                "/api/v1/community/groups/abc/chat": "api/community", "/staff/safety/": "staff/safety",
                "/support-line/c/5/": "support-line", "/healthz": "healthz"}
    for path, group in expected.items():
        request = factory.get(path)
        request.resolver_match = resolve(path)
        assert metrics.route_group(request) == group, path
    assert metrics.route_group(factory.get("/static/hearthside/app.css")) == "static"
    assert metrics.route_group(factory.get("/whatever/123")) == "unmatched"


@pytest.mark.django_db(transaction=True)
def test_open_sockets_and_fanout_deliveries_and_lag(member, other_member):
    sockets = [socket_for(member), socket_for(member), socket_for(other_member)]

    async def scenario():
        before = parse(await database_sync_to_async(scrape)())
        for sock in sockets:
            await open_socket(sock)
        during = parse(await database_sync_to_async(scrape)())
        # One frame to the member's two sockets, one to the other member's socket.
        hub.publish(user_group(member.pk), json.dumps({"type": "pong"}))
        hub.publish(user_group(other_member.pk), json.dumps({"type": "pong"}))
        for sock in sockets:
            await next_frame(sock, "pong")
        delivered = parse(await database_sync_to_async(scrape)())
        for sock in sockets:
            await sock.disconnect()
        after = parse(await database_sync_to_async(scrape)())
        return before, during, delivered, after

    before, during, delivered, after = async_to_sync(scenario)()
    open_ = "hearthside_websocket_open_sockets"
    assert value(during, open_) - value(before, open_) == 3
    assert value(after, open_) == value(before, open_)
    assert (value(delivered, "hearthside_fanout_deliveries_total")
            - value(during, "hearthside_fanout_deliveries_total")) == 3
    # Lag is observed once per frame and process, not per socket.
    assert (value(delivered, "hearthside_fanout_lag_seconds_count")
            - value(during, "hearthside_fanout_lag_seconds_count")) == 2
    assert (value(delivered, "hearthside_fanout_lag_seconds_bucket", le="5.0")
            - value(during, "hearthside_fanout_lag_seconds_bucket", le="5.0")) == 2


@pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs redis-server (starts its own)")
@pytest.mark.django_db(transaction=True)
def test_fanout_lag_through_redis_and_unstamped_messages_still_arrive(member, settings):
    import redis

    from hearthside.core import fanout
    from hearthside.testing.processes import free_port, kill_process, start_redis

    port = free_port()
    server = start_redis(port)
    settings.REDIS_URL = f"redis://127.0.0.1:{port}/0"
    fanout._client = None
    sock = socket_for(member)
    try:
        async def scenario():
            before = parse(await database_sync_to_async(scrape)())
            await open_socket(sock)
            assert hub.subscribed
            # Through Redis with the publish time, as every hub.publish sends it...
            hub.publish(user_group(member.pk), json.dumps({"type": "pong"}))
            await next_frame(sock, "pong")
            # ...and without it, as community/presence.py writes to the channel itself.
            client = redis.Redis.from_url(settings.REDIS_URL)
            client.publish(fanout.channel_name(), f"{user_group(member.pk)}\n" + json.dumps({"type": "pong"}))
            client.close()
            await next_frame(sock, "pong")
            after = parse(await database_sync_to_async(scrape)())
            await sock.disconnect()
            return before, after

        before, after = async_to_sync(scenario)()
    finally:
        kill_process(server)
        fanout._client = None
        hub.subscribed = False
    assert (value(after, "hearthside_fanout_deliveries_total")
            - value(before, "hearthside_fanout_deliveries_total")) == 2
    assert (value(after, "hearthside_fanout_lag_seconds_count")
            - value(before, "hearthside_fanout_lag_seconds_count")) == 1


def _alert_staff():
    staff = make_user("duty", "moderator")
    make_user("super", "clinical_supervisor")
    return staff


@pytest.mark.django_db
def test_alerts_raised_acknowledged_escalated_and_the_acknowledgement_time(django_capture_on_commit_callbacks):
    from hearthside.safety import actions

    staff = _alert_staff()
    first, second, third = make_user("p1"), make_user("p2"), make_user("p3")
    before = parse(scrape())
    with django_capture_on_commit_callbacks(execute=True):
        with time_machine.travel(T0, tick=False):
            acked = actions.raise_alert(first, source="test.post", level="high")
            overdue = actions.raise_alert(second, source="test.post", level="high")
            actions.raise_alert(third, source="test.post", level="moderate")
            # A second flag of the same person joins the open alert: still one raised.
            actions.raise_alert(first, source="test.other", level="moderate")
        with time_machine.travel(T0 + timedelta(seconds=45), tick=False):
            actions.check_acknowledge(staff, acked)
        with time_machine.travel(overdue.ack_deadline + timedelta(seconds=1), tick=False):
            assert actions.escalate_overdue_alerts() == 1
    with time_machine.travel(T0 + timedelta(seconds=300), tick=False):
        after = parse(scrape())

    def delta(name, **labels):
        return value(after, name, **labels) - value(before, name, **labels)

    assert delta("hearthside_safety_alerts_raised_total") == 3
    assert delta("hearthside_safety_alerts_acknowledged_total") == 1
    assert delta("hearthside_safety_alerts_escalated_total", tier="1") == 1
    assert delta("hearthside_safety_alert_ack_seconds_count") == 1
    assert delta("hearthside_safety_alert_ack_seconds_sum") == 45
    assert delta("hearthside_safety_alert_ack_seconds_bucket", le="30.0") == 0
    assert delta("hearthside_safety_alert_ack_seconds_bucket", le="60.0") == 1
    # State, read from the database at the scrape (T0 + 300 s).
    assert value(after, "hearthside_safety_alerts_unresolved", state="open") == 2
    assert value(after, "hearthside_safety_alerts_unresolved", state="acknowledged") == 1
    assert value(after, "hearthside_safety_alerts_overdue") == 0  # moderate: 3600 s; escalated: new deadline
    assert value(after, "hearthside_safety_alert_oldest_open_seconds") == 300
    assert value(after, "hearthside_metrics_collector_up", collector="safety") == 1


@pytest.mark.django_db
def test_overdue_alerts_show_before_the_worker_escalates_them():
    from hearthside.safety import actions

    with time_machine.travel(T0, tick=False):
        alert = actions.raise_alert(make_user("p1"), source="test.post", level="imminent")
    with time_machine.travel(alert.ack_deadline + timedelta(seconds=5), tick=False):
        snapshot = parse(scrape())
    assert value(snapshot, "hearthside_safety_alerts_overdue") == 1
    assert value(snapshot, "hearthside_safety_alert_oldest_open_seconds") == 125


@pytest.mark.django_db
def test_support_line_queue_length_and_wait():
    from hearthside.supportline import actions

    supporter = make_user("alex", "peer_supporter")
    with time_machine.travel(T0, tick=False):
        actions.check_start(make_user("first"), "")
    with time_machine.travel(T0 + timedelta(seconds=60), tick=False):
        actions.check_start(make_user("second"), "")
    with time_machine.travel(T0 + timedelta(seconds=300), tick=False):
        waiting = parse(scrape())
        actions.check_help_next(supporter)
        helped = parse(scrape())
    assert value(waiting, "hearthside_supportline_queue_length") == 2
    assert value(waiting, "hearthside_supportline_queue_oldest_wait_seconds") == 300
    assert value(waiting, "hearthside_supportline_conversations_active") == 0
    assert value(waiting, "hearthside_supportline_supporters_available") == 0
    assert value(helped, "hearthside_supportline_queue_length") == 1
    assert value(helped, "hearthside_supportline_queue_oldest_wait_seconds") == 240
    assert value(helped, "hearthside_supportline_conversations_active") == 1
    assert value(helped, "hearthside_supportline_supporters_available") == 1


@pytest.mark.django_db
def test_task_backlog_and_worker_heartbeat(settings, tmp_path):
    from django_tasks_db.models import DBTaskResult

    from hearthside.core.worker import Heartbeat

    settings.WORKER_HEARTBEAT_FILE = tmp_path / "beat.json"
    missing = parse(scrape())
    assert value(missing, "hearthside_worker_heartbeat_present") == 0
    assert not any(name == "hearthside_worker_heartbeat_age_seconds" for name, _ in missing)
    with time_machine.travel(T0, tick=False):
        beat = Heartbeat(settings.WORKER_HEARTBEAT_FILE)
        beat.beat("sweeps:safety")
        beat.beat("tasks", ok=False)
        _enqueue_two()
    with time_machine.travel(T0 + timedelta(seconds=90), tick=False):
        snapshot = parse(scrape())
    assert value(snapshot, "hearthside_worker_heartbeat_present") == 1
    assert value(snapshot, "hearthside_worker_heartbeat_age_seconds", loop="sweeps:safety") == 90
    assert value(snapshot, "hearthside_worker_loop_failing", loop="sweeps:safety") == 0
    assert value(snapshot, "hearthside_worker_loop_failing", loop="tasks") == 1
    assert DBTaskResult.objects.ready().count() == 2
    assert value(snapshot, "hearthside_tasks_ready") == 2
    assert value(snapshot, "hearthside_tasks_oldest_ready_seconds") == 90


def _enqueue_two():
    from hearthside.safety.tasks import send_alert_email

    send_alert_email.enqueue(1, [])
    send_alert_email.enqueue(2, [])


@pytest.mark.django_db
def test_a_failing_collector_is_reported_and_the_scrape_still_answers():
    def broken():
        raise RuntimeError("database away")

    metrics.COLLECTORS["broken_for_test"] = broken
    try:
        snapshot = parse(scrape())
    finally:
        del metrics.COLLECTORS["broken_for_test"]
    assert value(snapshot, "hearthside_metrics_collector_up", collector="broken_for_test") == 0
    assert value(snapshot, "hearthside_metrics_collector_up", collector="supportline") == 1


@pytest.mark.django_db
def test_a_broken_multiprocess_directory_answers_503_not_500(monkeypatch, tmp_path):
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path / "gone"))
    response = Client().get("/metrics", REMOTE_ADDR="127.0.0.1")
    assert response.status_code == 503


# -- several processes ------------------------------------------------------------------------------

CHILD = textwrap.dedent("""
    import sys
    from hearthside.core import metrics
    metrics.COLLECTORS.clear()  # the database is not the point here
    requests, sockets, scrape = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "scrape"
    for _ in range(requests):
        metrics.HTTP_REQUESTS.labels("help", "GET", "2xx").inc()
    for _ in range(sockets):
        metrics.socket_opened()
    metrics.fanout_delivered(sockets, None)
    if scrape:
        sys.stdout.write(metrics.render().decode())
""")


def test_processes_add_up_and_a_dead_processes_sockets_drop_out(tmp_path):
    directory = tmp_path / "prom"
    directory.mkdir()
    env = {"PROMETHEUS_MULTIPROC_DIR": str(directory), "DJANGO_SETTINGS_MODULE": "hearthside.settings",
           "PATH": "/usr/bin:/bin", "PYTHONPATH": str(Path(__file__).resolve().parents[3])}

    def child(requests, sockets, scrape_too=False):
        return subprocess.run([sys.executable, "-c", CHILD, str(requests), str(sockets),
                               "scrape" if scrape_too else "-"],
                              env=env, capture_output=True, text=True, timeout=120, check=True).stdout

    child(3, 4)  # exits: its counts stay, its open sockets do not
    child(2, 0)
    snapshot = parse(child(5, 2, scrape_too=True))
    assert value(snapshot, "hearthside_http_requests_total", group="help", method="GET", status="2xx") == 10
    assert value(snapshot, "hearthside_fanout_deliveries_total") == 6
    assert value(snapshot, "hearthside_websocket_open_sockets") == 2
    # Only the scraper's own live-gauge file is left: the dead processes' were pruned at the scrape.
    assert len(list(directory.glob("gauge_livesum_*.db"))) == 1
    assert len(list(directory.glob("counter_*.db"))) == 3


# -- nothing in it names anyone ----------------------------------------------------------------------

ALLOWED_LABELS = {
    "group": re.compile(r"^[a-z][a-z0-9._-]*(/[a-z][a-z0-9._-]*)?$"),
    "method": re.compile(r"^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|other)$"),
    "status": re.compile(r"^[1-5]xx$"),
    "tier": re.compile(r"^(1|2|other)$"),
    "state": re.compile(r"^(open|acknowledged)$"),
    "collector": re.compile(r"^[a-z][a-z0-9_]*$"),
    "loop": re.compile(r"^[a-z]+(:[a-z0-9_-]+)?$"),
    "le": re.compile(r"^([0-9.]+|\+Inf)$"),
}


@pytest.mark.django_db(transaction=True)
def test_a_realistic_session_leaves_no_person_in_the_metrics():
    from hearthside.safety import actions as safety
    from hearthside.supportline import actions as line

    secret_words = "My neighbour Ottoline Quarrington keeps the spare key under the blue flowerpot"
    person = make_user("zebedee_unique", email="zebedee.unique@example.org", pseudonym="Zebedee Marigold")
    staff = make_user("wilhelmina_staff", "moderator", "peer_supporter", email="wilhelmina@example.org",
                      pseudonym="Wilhelmina Harbour")
    make_user("octavia_super", "clinical_supervisor", email="octavia@example.org", pseudonym="Octavia Plume")
    page = login_client(person)
    desk = login_client(staff, two_factor=True)
    conversation = line.check_start(person, secret_words)
    assert line.check_help_next(staff).pk == conversation.pk
    line.check_send(person, conversation, "c-1", secret_words + " again")
    for path in ("/", f"/support-line/c/{conversation.pk}/", "/selfcare/", "/help/", f"/api/v1/support-line/conversations/{conversation.pk}"):
        page.get(path)
    desk.get(f"/support-line/desk/c/{conversation.pk}/")
    alert = safety.raise_alert(person, source="supportline", level="high")
    desk.get(f"/staff/safety/alerts/{alert.pk}/")
    safety.check_acknowledge(staff, alert)
    sock = socket_for(person)

    async def with_socket():
        await open_socket(sock)
        text = await database_sync_to_async(scrape)()
        await sock.disconnect()
        return text

    text = async_to_sync(with_socket)()
    snapshot = parse(text)
    assert value(snapshot, "hearthside_websocket_open_sockets") >= 1
    assert value(snapshot, "hearthside_safety_alerts_unresolved", state="acknowledged") == 1
    assert value(snapshot, "hearthside_supportline_conversations_active") == 1
    lowered = text.lower()
    for word in ("zebedee", "marigold", "wilhelmina", "harbour", "octavia", "plume", "example.org",
                 "ottoline", "quarrington", "flowerpot", "spare key"):
        assert word not in lowered, word
    for (name, labels), _value in snapshot.items():
        assert name.startswith("hearthside_"), name
        for label, label_value in labels:
            assert label in ALLOWED_LABELS, (name, label)
            assert ALLOWED_LABELS[label].match(label_value), (name, label, label_value)
    # The paths of that session had ids in them; no label value holds one.
    ids = {str(conversation.pk), str(alert.pk), str(person.pk), str(staff.pk)}
    groups = {v for (_n, labels) in snapshot for k, v in labels if k == "group"}
    assert not any(part in ids for g in groups for part in g.split("/"))
    assert {"support-line", "help", "home"} <= groups


@pytest.mark.django_db
def test_the_grafana_dashboard_uses_only_metrics_the_site_exposes():
    dashboard = json.loads((Path(__file__).resolve().parents[3] / "docs" / "grafana-hearthside.json").read_text())
    used = {name for panel in dashboard["panels"] for target in panel.get("targets", [])
            for name in re.findall(r"hearthside_[a-z_]+", target["expr"])}
    families = set(re.findall(r"^# TYPE (hearthside_[a-z_]+) ", scrape(), re.MULTILINE))
    suffixes = ("_total", "_bucket", "_count", "_sum")
    exposed = families | {f + s for f in families for s in suffixes}
    assert len(used) >= 20
    assert used <= exposed, used - exposed
