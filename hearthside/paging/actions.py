"""Paging on-call staff for safety alerts: who is paged, when, and the staff member's own settings.

The policy (docs/paging.md):

- an alert still open at HALF its acknowledgement deadline pages the people of its tier
  (``recipients_for_tier(alert.tier)``) -- the half-deadline sweep in the "paging" lane;
- an escalation pages the people of the new tier at once -- a listener of the safety layer's
  ``alert_notified`` signal (sent after commit, tier > 0 on escalation);
- each (alert, person, channel, reason, tier) is paged at most once: a unique ``Page`` row, so a
  sweep or a signal that runs again pages nobody twice; a person already paged at a tier (by
  escalation) is not paged again at that tier's half-way point;
- pages say only "A safety alert needs you" and link to the alert: no level, no name, no words.

Nothing here calls outside the site: pages are queued (``tasks.deliver_pages``) and sent by the
worker (``delivery.py``), so neither the safety lane nor a web request can hang on a provider.
"""

from __future__ import annotations

import hashlib
import logging
import re
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from hearthside.core import audit
from hearthside.core.i18n import in_language_of
from hearthside.safety.actions import ack_deadline_seconds, recipients_for_tier
from hearthside.safety.models import AlertEvent, Level, SafetyAlert

from .models import HalfwayMark, Page, PagingProfile, PushSubscription
from .push import b64url_decode, push_enabled, valid_p256dh
from .sms import sms_provider

log = logging.getLogger("hearthside.paging")

PAGE_TEXT = gettext_noop("A safety alert needs you")
TEST_TEXT = gettext_noop("Test page from Hearthside: paging reaches you.")
MAX_SUBSCRIPTIONS = 10
MAX_ENDPOINT_LENGTH = 2000
TEST_PAGE_INTERVAL = timedelta(seconds=30)
SWEEP_BATCH = 200
# Fresh pages go ahead of the alert e-mail queued with them (each batch is bounded by one send
# timeout, however many people or services hang); retries go behind everything else, so a
# provider that keeps failing cannot keep the e-mail or new pages waiting.
FRESH_PRIORITY = 10
RETRY_PRIORITY = -10


def alert_url(alert_id: int) -> str:
    return f"{settings.SITE_URL}/staff/safety/alerts/{alert_id}/"


def page_content(page: Page) -> tuple[str, str]:
    """(text, link) of a page, the text in the paged person's language. Never more than this: a
    lock screen is not a private place."""
    with in_language_of(page.user_id):
        if page.alert_id is None:
            return _(TEST_TEXT), f"{settings.SITE_URL}/staff/paging/"
        return _(PAGE_TEXT), alert_url(page.alert_id)


def timeline(alert_id: int, kind: str, **detail) -> None:
    AlertEvent.objects.create(alert_id=alert_id, kind=kind, detail=detail)


# -- who is paged, when --------------------------------------------------------------------------

def reachable_channels(user_ids) -> dict[int, list[str]]:
    """The channels each person can be paged on now (a configured channel they set up)."""
    ids = list(user_ids)
    channels: dict[int, list[str]] = {i: [] for i in ids}
    if push_enabled():
        for uid in set(PushSubscription.objects.filter(user_id__in=ids).values_list("user_id", flat=True)):
            channels[uid].append(Page.Channel.PUSH)
    if sms_provider() is not None:
        for uid in set(PagingProfile.objects.filter(user_id__in=ids).values_list("user_id", flat=True)):
            channels[uid].append(Page.Channel.SMS)
    return channels


def do_page(alert: SafetyAlert, user_ids, *, reason: str, tier: int) -> list[int]:
    """Create the pages of ``alert`` for these people and queue them; returns the new page ids.

    Idempotent: a person already paged for this alert at this tier on a channel (for any reason)
    is skipped, and the unique row stops a concurrent second call.
    """
    ids = list(dict.fromkeys(user_ids))
    if not ids:
        return []
    channels = reachable_channels(ids)
    already = set(Page.objects.filter(alert=alert, tier=tier, user_id__in=ids).values_list("user_id", "channel"))
    created: list[int] = []
    with transaction.atomic():
        for uid in ids:
            for channel in channels[uid]:
                if (uid, channel) in already:
                    continue
                page, new = Page.objects.get_or_create(alert=alert, user_id=uid, channel=channel, reason=reason,
                                                       tier=tier)
                if new:
                    created.append(page.pk)
        unreachable = [uid for uid in ids if not channels[uid]]
        if unreachable:
            # The timeline shows who could not be paged (nothing set up), so the gap is seen.
            timeline(alert.pk, "page_unreachable", tier=tier, reason=reason, users=unreachable)
        if created:
            transaction.on_commit(lambda: enqueue_delivery(created, priority=FRESH_PRIORITY))
    return created


def enqueue_delivery(page_ids: list[int], *, run_after=None, priority: int = FRESH_PRIORITY) -> None:
    from .tasks import deliver_pages

    try:
        deliver_pages.using(priority=priority, run_after=run_after).enqueue(list(page_ids))
    except Exception:  # the pages stay pending: requeue_stalled_pages queues them again
        log.exception("could not queue pages %s", page_ids)


def on_alert_notified(sender, *, alert: SafetyAlert, tier: int, recipient_ids, **kwargs) -> None:
    """Escalation (tier > 0) pages the new tier's people at once. Tier 0 waits for half the deadline."""
    if tier <= 0:
        return
    do_page(alert, recipient_ids, reason=Page.Reason.ESCALATION, tier=tier)


def _halfway_due(now) -> Q:
    due = Q()
    for level in Level.values:
        half = timedelta(seconds=ack_deadline_seconds(level) / 2)
        due |= Q(level=level, ack_deadline__lte=now + half)
    return due


def page_unacknowledged_alerts(now=None) -> int:
    """Page the tier's people of every open alert past half its deadline (once per alert and tier).

    The half-way point is ``ack_deadline - deadline(level) / 2``: half-way from raising (or from
    the escalation, or from a rise in level that brought the deadline forward) to the deadline.
    Returns the number of alerts paged. Runs in the "paging" lane of the worker.
    """
    now = now or timezone.now()
    marked = HalfwayMark.objects.filter(alert=OuterRef("pk"), tier=OuterRef("tier"))
    due = (SafetyAlert.objects.filter(status=SafetyAlert.Status.OPEN).filter(_halfway_due(now))
           .exclude(Exists(marked)).order_by("ack_deadline").values_list("pk", flat=True)[:SWEEP_BATCH])
    count = 0
    for pk in list(due):
        with transaction.atomic():
            alert = SafetyAlert.objects.filter(pk=pk, status=SafetyAlert.Status.OPEN).first()
            if alert is None:
                continue
            _mark, claimed = HalfwayMark.objects.get_or_create(alert=alert, tier=alert.tier)
            if not claimed:  # another sweep got here first
                continue
            people = [p.pk for p in recipients_for_tier(alert.tier)]
            do_page(alert, people, reason=Page.Reason.HALF_DEADLINE, tier=alert.tier)
            count += 1
    return count


def requeue_stalled_pages(now=None) -> int:
    """Queue again pages whose task was lost: queueing failed after commit, or a worker died
    while sending (its claim is older than the send lease). Delivery claims each page with a
    conditional UPDATE, so a page queued twice is still sent once."""
    now = now or timezone.now()
    grace = timedelta(seconds=settings.PAGING_REQUEUE_AFTER_SECONDS)
    stalled = Q(status=Page.Status.PENDING, next_attempt_at__lte=now - grace) | Q(
        status=Page.Status.SENDING, claimed_at__lt=now - timedelta(seconds=send_lease_seconds()))
    ids = list(Page.objects.filter(stalled).order_by("pk").values_list("pk", flat=True)[:SWEEP_BATCH])
    if ids:
        log.warning("queueing %d stalled pages again", len(ids))
        enqueue_delivery(ids, priority=RETRY_PRIORITY)
    return len(ids)


def send_lease_seconds() -> float:
    """How long a claimed page may stay "sending" before it counts as lost (a dead worker)."""
    return max(60.0, 4 * float(settings.PAGING_TIMEOUT_SECONDS))


# -- a staff member's own paging settings ---------------------------------------------------------

PHONE_RE = re.compile(r"^\+[1-9][0-9]{7,14}$")
_PHONE_SEPARATORS = re.compile(r"[\s\-().]")


def clean_phone(raw: str) -> str:
    phone = _PHONE_SEPARATORS.sub("", (raw or "").strip())
    if phone.startswith("00"):
        phone = "+" + phone[2:]
    if not PHONE_RE.match(phone):
        raise ValidationError(_("Enter a mobile number in international form: + and the country code, "
                                "then the number, e.g. +44 7700 900123."))
    return phone


def check_set_phone(user, raw: str, request=None) -> PagingProfile | None:
    """Save (or, with an empty value, remove) the number text-message pages go to."""
    if not (raw or "").strip():
        deleted, _detail = PagingProfile.objects.filter(user=user).delete()
        if deleted:
            audit.record("paging.phone_removed", actor=user, request=request, subject=user)
        return None
    phone = clean_phone(raw)
    profile, _created = PagingProfile.objects.update_or_create(user=user, defaults={"phone": phone,
                                                                                  "updated_at": timezone.now()})
    audit.record("paging.phone_set", actor=user, request=request, obj=profile, subject=user)
    return profile


def endpoint_digest(endpoint: str) -> str:
    return hashlib.sha256(endpoint.encode()).hexdigest()


def _endpoint_allowed(endpoint: str) -> bool:
    try:
        parts = urlsplit(endpoint)
    except ValueError:
        return False
    if not parts.hostname or parts.username or parts.password:
        return False
    if parts.scheme == "https":
        return True
    # Push services are always https. Plain http only to this machine outside production: the
    # test suite's fake push service.
    return parts.scheme == "http" and not settings.PRODUCTION and parts.hostname in {"127.0.0.1", "localhost"}


def clean_subscription(data) -> dict:
    """A browser's ``PushSubscription.toJSON()``: ``{endpoint, keys: {p256dh, auth}}``, checked."""
    problem = _("Send the browser's push subscription: {endpoint, keys: {p256dh, auth}}.")
    if not isinstance(data, dict):
        raise ValidationError(problem)
    endpoint, keys = data.get("endpoint"), data.get("keys")
    if not isinstance(endpoint, str) or not isinstance(keys, dict):
        raise ValidationError(problem)
    p256dh, auth = keys.get("p256dh"), keys.get("auth")
    if not isinstance(p256dh, str) or not isinstance(auth, str):
        raise ValidationError(problem)
    if len(endpoint) > MAX_ENDPOINT_LENGTH or not _endpoint_allowed(endpoint):
        raise ValidationError(_("The push endpoint must be an https address."))
    if len(p256dh) > 200 or not valid_p256dh(p256dh):
        raise ValidationError(_("The subscription's p256dh key is not a P-256 public key."))
    try:
        auth_ok = len(auth) <= 64 and len(b64url_decode(auth)) == 16
    except (ValueError, TypeError):
        auth_ok = False
    if not auth_ok:
        raise ValidationError(_("The subscription's auth secret must be 16 bytes, base64url."))
    return {"endpoint": endpoint, "p256dh": p256dh, "auth": auth}


def check_subscribe(user, data, request=None) -> PushSubscription:
    if not push_enabled():
        raise ValidationError(_("Web Push is not set up on this site."))
    cleaned = clean_subscription(data)
    digest = endpoint_digest(cleaned["endpoint"])
    with transaction.atomic():
        # One browser belongs to whoever subscribed it last (a shared workstation changes hands).
        sub, _created = PushSubscription.objects.update_or_create(endpoint_digest=digest, defaults={
            "user": user, "endpoint": cleaned["endpoint"], "p256dh": cleaned["p256dh"], "auth": cleaned["auth"],
            "created_at": timezone.now()})
        extra = list(PushSubscription.objects.filter(user=user).order_by("-created_at", "-pk")
                     .values_list("pk", flat=True)[MAX_SUBSCRIPTIONS:])
        if extra:
            PushSubscription.objects.filter(pk__in=extra).delete()
        audit.record("paging.push_subscribed", actor=user, request=request, obj=sub, subject=user)
    return sub


def do_unsubscribe(user, *, endpoint: str | None = None, subscription_id: int | None = None, request=None) -> int:
    qs = PushSubscription.objects.filter(user=user)
    if endpoint is not None:
        qs = qs.filter(endpoint_digest=endpoint_digest(endpoint))
    elif subscription_id is not None:
        qs = qs.filter(pk=subscription_id)
    else:
        return 0
    deleted, _detail = qs.delete()
    if deleted:
        audit.record("paging.push_unsubscribed", actor=user, request=request, subject=user)
    return deleted


def check_send_test_page(user, request=None) -> list[int]:
    """Queue a test page to every channel the person set up (at most one round per 30 seconds)."""
    if Page.objects.filter(user=user, reason=Page.Reason.TEST,
                           created_at__gt=timezone.now() - TEST_PAGE_INTERVAL).exists():
        raise ValidationError(_("A test page was sent less than 30 seconds ago; wait a moment."), code="rate")
    channels = reachable_channels([user.pk])[user.pk]
    if not channels:
        raise ValidationError(_("Turn on push in this browser or add a mobile number first."))
    with transaction.atomic():
        ids = [Page.objects.create(user=user, channel=channel, reason=Page.Reason.TEST).pk for channel in channels]
        audit.record("paging.test_sent", actor=user, request=request, subject=user, detail={"channels": channels})
        transaction.on_commit(lambda: enqueue_delivery(ids, priority=FRESH_PRIORITY))
    return ids
