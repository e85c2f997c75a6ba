"""Sending pages: claim them, send them all at once with a bound, record each outcome, retry.

Why the sends of a batch run concurrently: the worker runs queued tasks one after another in
one thread (core/worker.py), alert e-mail included. Sent one by one, each push service or SMS
provider that hangs would add a full timeout before the next person's page and before the
e-mail: three hanging services, three timeouts. Sent together from a small thread pool, a batch
takes at most one timeout (``PAGING_TIMEOUT_SECONDS``) plus a little, whatever hangs, and the
people whose services answer are paged at once. Only the HTTP calls run in the pool; every
database read and write happens here, in the task's own thread, before and after.

A send that fails for a reason that may pass (a timeout, a 5xx, a 429) is retried by the task
queue: the page goes back to "pending" and a task is queued to run after a back-off. Every send
and every failure goes on the alert's timeline (``AlertEvent`` "paged" / "page_failed", detail:
channel, user id, tier, reason, attempt, error code -- never a phone number or an endpoint).
"""

from __future__ import annotations

import logging
import uuid
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from hearthside.safety.models import SafetyAlert

from .actions import RETRY_PRIORITY, enqueue_delivery, page_content, send_lease_seconds, timeline
from .models import Page, PagingProfile, PushSubscription
from .push import load as load_push
from .push import push_enabled, send_push
from .sms import SmsError, sms_provider

log = logging.getLogger("hearthside.paging")

MAX_SENDERS = 32
MAX_BACKOFF_SECONDS = 15 * 60


@dataclass
class Result:
    ok: bool
    error: str = ""
    permanent: bool = False
    gone: bool = False


@dataclass
class Job:
    page_id: int
    channel: str
    target: object  # a push subscription dict, or a phone number
    text: str
    url: str
    tag: str
    subscription_id: int | None = None
    provider: object = None  # the SMS provider, chosen before the threads start
    result: Result | None = field(default=None, compare=False)

    def send(self, timeout: float) -> Result:
        if self.channel == Page.Channel.PUSH:
            r = send_push(self.target, {"title": self.text, "url": self.url, "tag": self.tag},
                          timeout=timeout, ttl=settings.PAGING_PUSH_TTL_SECONDS)
            return Result(r.ok, r.error, r.permanent, r.gone)
        try:
            self.provider.send(str(self.target), f"{self.text}: {self.url}", timeout=timeout)
        except SmsError as exc:
            return Result(False, exc.code, permanent=exc.permanent)
        return Result(True)


def run_jobs(jobs: list[Job], timeout: float) -> None:
    """Send every job at once; each gets ``job.result``. Returns within about ``timeout``.

    Each call has its own timeout (connect and every read); the wait below is the backstop for a
    service that answers a byte at a time: a job not done by then counts as timed out (its thread
    ends by itself when its own timeout fires; it touches no database).
    """
    if not jobs:
        return
    pool = ThreadPoolExecutor(max_workers=min(len(jobs), MAX_SENDERS), thread_name_prefix="paging-send")
    try:
        futures = {pool.submit(job.send, timeout): job for job in jobs}
        done, _pending = wait(futures, timeout=timeout + max(1.0, timeout / 2))
        for future, job in futures.items():
            if future not in done:
                job.result = Result(False, "timeout")
                continue
            try:
                job.result = future.result()
            except Exception:  # a bug or a library surprise in one send must not lose the others
                log.exception("sending page %s failed unexpectedly", job.page_id)
                job.result = Result(False, "error")
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _claim(page_ids, now) -> list[Page]:
    """Take the due pages among ``page_ids`` with one conditional UPDATE (one owner per page)."""
    token = uuid.uuid4().hex
    due = Q(status=Page.Status.PENDING, next_attempt_at__lte=now) | Q(
        status=Page.Status.SENDING, claimed_at__lt=now - timedelta(seconds=send_lease_seconds()))
    Page.objects.filter(pk__in=list(page_ids)).filter(due).update(
        status=Page.Status.SENDING, claim=token, claimed_at=now, attempts=F("attempts") + 1)
    return list(Page.objects.filter(claim=token).select_related("alert").order_by("pk"))


def _jobs_for(pages: list[Page]) -> tuple[list[Job], dict[int, Result]]:
    """The sends of these pages, and the pages that cannot be sent at all (with why)."""
    jobs: list[Job] = []
    unsendable: dict[int, Result] = {}
    push_users = [p.user_id for p in pages if p.channel == Page.Channel.PUSH]
    subs = defaultdict(list)
    for sub in PushSubscription.objects.filter(user_id__in=push_users).order_by("pk"):
        subs[sub.user_id].append(sub)
    sms_users = [p.user_id for p in pages if p.channel == Page.Channel.SMS]
    phones = dict(PagingProfile.objects.filter(user_id__in=sms_users).values_list("user_id", "phone"))
    provider = sms_provider()
    for page in pages:
        text, url = page_content(page)
        tag = f"hearthside-alert-{page.alert_id}" if page.alert_id else "hearthside-test"
        if page.channel == Page.Channel.PUSH:
            if not push_enabled():
                unsendable[page.pk] = Result(False, "push off", permanent=True)
                continue
            targets = [s for s in subs[page.user_id] if s.pk not in page.delivered]
            if not targets:
                unsendable[page.pk] = Result(False, "no device", permanent=True)
            for sub in targets:
                info = {"endpoint": sub.endpoint, "keys": {"p256dh": sub.p256dh, "auth": sub.auth}}
                jobs.append(Job(page.pk, page.channel, info, text, url, tag, subscription_id=sub.pk))
        elif page.user_id in phones and provider is not None:
            jobs.append(Job(page.pk, page.channel, phones[page.user_id], text, url, tag, provider=provider))
        else:
            unsendable[page.pk] = Result(False, "no number" if page.user_id not in phones else "sms off",
                                         permanent=True)
    return jobs, unsendable


def _backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(settings.PAGING_RETRY_SECONDS * 2 ** max(attempts - 1, 0), MAX_BACKOFF_SECONDS))


def _outcome(page: Page, jobs: list[Job], unsendable: Result | None) -> tuple[str, str]:
    """(status, error) of a page after this attempt."""
    if page.channel == Page.Channel.PUSH and page.delivered:
        return Page.Status.SENT, ""  # one of the person's browsers has it: that is a page
    if page.channel == Page.Channel.SMS and jobs and jobs[0].result.ok:
        return Page.Status.SENT, ""
    if unsendable is not None:
        return Page.Status.FAILED, unsendable.error
    failures = [j.result for j in jobs if not j.result.ok]
    transient = [r for r in failures if not r.permanent]
    error = (transient or failures)[0].error if failures else "error"
    if transient and page.attempts < settings.PAGING_MAX_ATTEMPTS:
        return Page.Status.PENDING, error
    return Page.Status.FAILED, error


def deliver_pages(page_ids) -> dict[str, int]:
    """Send the due pages among ``page_ids``; returns counts by outcome. Idempotent."""
    counts = {"sent": 0, "retry": 0, "failed": 0, "cancelled": 0}
    pages = _claim(page_ids, timezone.now())
    live = []
    for page in pages:
        if page.alert_id is not None and page.alert.status != SafetyAlert.Status.OPEN:
            # Acknowledged (or resolved) since the page was queued: nobody needs waking now.
            page.status = Page.Status.CANCELLED
            page.save(update_fields=["status"])
            counts["cancelled"] += 1
        else:
            live.append(page)
    if not live:
        return counts
    jobs, unsendable = _jobs_for(live)
    if any(job.channel == Page.Channel.PUSH for job in jobs):
        load_push()
    run_jobs(jobs, float(settings.PAGING_TIMEOUT_SECONDS))

    now = timezone.now()
    by_page = defaultdict(list)
    for job in jobs:
        by_page[job.page_id].append(job)
    retries: dict = defaultdict(list)
    with transaction.atomic():
        for job in jobs:
            if job.subscription_id is None:
                continue
            if job.result.ok:
                PushSubscription.objects.filter(pk=job.subscription_id).update(last_success_at=now)
            elif job.result.gone:
                # The push service forgot this browser (unsubscribed, expired, other VAPID key).
                PushSubscription.objects.filter(pk=job.subscription_id).delete()
        for page in live:
            sends = by_page.get(page.pk, [])
            page.delivered = list(page.delivered) + [j.subscription_id for j in sends
                                                     if j.subscription_id is not None and j.result.ok]
            status, error = _outcome(page, sends, unsendable.get(page.pk))
            page.status, page.error = status, error[:40]
            fields = ["status", "error", "delivered"]
            if status == Page.Status.SENT:
                page.sent_at = now
                fields.append("sent_at")
                counts["sent"] += 1
            elif status == Page.Status.PENDING:
                page.next_attempt_at = now + _backoff(page.attempts)
                fields.append("next_attempt_at")
                retries[page.next_attempt_at].append(page.pk)
                counts["retry"] += 1
            else:
                counts["failed"] += 1
            page.save(update_fields=fields)
            if page.alert_id is not None:
                detail = {"channel": page.channel, "user": page.user_id, "tier": page.tier, "reason": page.reason,
                          "attempt": page.attempts}
                if status == Page.Status.SENT:
                    timeline(page.alert_id, "paged", **detail)
                else:
                    timeline(page.alert_id, "page_failed", error=page.error, retry=status == Page.Status.PENDING,
                             **detail)
            if status != Page.Status.SENT:
                log.warning("page %s (%s, attempt %s) failed: %s", page.pk, page.channel, page.attempts, page.error)
        for run_after, ids in retries.items():
            transaction.on_commit(lambda ids=ids, run_after=run_after: enqueue_delivery(
                ids, run_after=run_after, priority=RETRY_PRIORITY))
    return counts
