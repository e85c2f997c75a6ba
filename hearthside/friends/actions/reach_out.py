"""Reaching out to one's circle, replies, and the gentle check-in after a quiet spell."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, ngettext_lazy

from hearthside.core import audit
from hearthside.core.access import id_or_404
from hearthside.core.background import enqueue_on_commit
from hearthside.core.events import publish_on_commit, user_group
from hearthside.core.text import clean_text
from hearthside.safety.actions import screen_and_route
from hearthside.selfcare.models import CheckIn

from ..models import CircleMember, PeerProfile, ReachOut, ReachOutDelivery
from ..tasks import send_reach_out_email
from .circle import circle_of
from .common import NotSent, display_name

log = logging.getLogger("hearthside.friends")


MAX_REACH_OUT = 500


# Pre-written reach-out messages: short, and saying nothing about health.
REACH_OUT_PRESETS = {
    "rough_day": gettext_lazy("I'm having a rough day. Could you check in with me?"),
    "talk": gettext_lazy("Could we talk sometime today?"),
    "company": gettext_lazy("I could use some company — even a short message would help."),
}


def check_reach_out(user, *, preset: str = "", text: str = "", request=None) -> ReachOut:
    if preset:
        if preset not in REACH_OUT_PRESETS:
            raise ValidationError({"preset": [_("Choose one of the messages.")]})
        text = str(REACH_OUT_PRESETS[preset])
    text = clean_text(text, "text", most=MAX_REACH_OUT, empty=_("Choose a message or write your own."),
                      too_long=ngettext_lazy("Keep it under %(n)s character.", "Keep it under %(n)s characters.", "n"))
    members = [m.member_id for m in circle_of(user, statuses=(CircleMember.Status.ACCEPTED,))]
    if not members:
        raise ValidationError(_("Nobody has joined your circle yet."))
    if not preset:
        route = screen_and_route(user, text, "friends.reach_out", source_id=user.pk, context="message")
        if not route.publish:
            raise NotSent(_("Your message was not sent to your circle. Someone from our team will reach out to "
                            "you; help is available right now."), help=route.show_help)
    return do_reach_out(user, members, text, request=request)


def do_reach_out(user, member_ids: list[int], text: str, *, kind: str = ReachOut.Kind.REACH_OUT,
                 request=None) -> ReachOut:
    with transaction.atomic():
        reach_out = ReachOut.objects.create(sender=user, body=text, kind=kind)
        ReachOutDelivery.objects.bulk_create(
            [ReachOutDelivery(reach_out=reach_out, recipient_id=uid) for uid in member_ids])
        audit.record("friends.reached_out" if kind == ReachOut.Kind.REACH_OUT else "friends.nudged",
                     actor=user if kind == ReachOut.Kind.REACH_OUT else None, request=request, obj=reach_out,
                     subject=user)
        event = {"type": "friends.reach_out", "id": reach_out.pk, "kind": kind, "from": display_name(user),
                 "body": text}
        publish_on_commit([user_group(uid) for uid in member_ids], event)
        enqueue_on_commit(send_reach_out_email, reach_out.pk, log=log, what="reach-out email")
    return reach_out


def access_delivery_by_id(user, delivery_id) -> ReachOutDelivery:
    delivery_id = id_or_404(delivery_id, below=2**62)
    delivery = (ReachOutDelivery.objects.filter(pk=delivery_id, recipient=user)
                .select_related("reach_out__sender__peer_profile").first())
    if delivery is None:
        raise Http404
    return delivery


def received_reach_outs(user, limit: int = 30) -> list[ReachOutDelivery]:
    return list(ReachOutDelivery.objects.filter(recipient=user)
                .select_related("reach_out__sender__peer_profile").order_by("-reach_out__created_at")[:limit])


def sent_reach_outs(user, limit: int = 10) -> list[ReachOut]:
    return list(ReachOut.objects.filter(sender=user, kind=ReachOut.Kind.REACH_OUT)
                .prefetch_related("deliveries__recipient__peer_profile")[:limit])


def do_mark_seen(user, delivery: ReachOutDelivery) -> ReachOutDelivery:
    if delivery.seen_at is None:
        with transaction.atomic():
            updated = ReachOutDelivery.objects.filter(pk=delivery.pk, seen_at__isnull=True).update(
                seen_at=timezone.now())
            if updated:
                delivery.refresh_from_db(fields=["seen_at"])
                publish_on_commit([user_group(delivery.reach_out.sender_id)], {
                    "type": "friends.reach_out_seen", "id": delivery.reach_out_id, "by": display_name(user)})
    return delivery


def check_respond_reach_out(user, delivery: ReachOutDelivery, text: str, request=None) -> ReachOutDelivery:
    text = (text or "").replace("\x00", "").strip()
    if not text or len(text) > MAX_REACH_OUT:
        raise ValidationError({"text": [ngettext("Write a short reply (up to %(n)s character).",
                                                  "Write a short reply (up to %(n)s characters).",
                                                  MAX_REACH_OUT) % {"n": MAX_REACH_OUT}]})
    route = screen_and_route(user, text, "friends.reach_out_reply", source_id=delivery.pk, context="message")
    if not route.publish:
        raise NotSent(_("Your reply was not sent."), help=route.show_help)
    do_mark_seen(user, delivery)
    with transaction.atomic():
        delivery.response = text
        delivery.responded_at = timezone.now()
        delivery.save(update_fields=["response", "responded_at"])
        publish_on_commit([user_group(delivery.reach_out.sender_id)], {
            "type": "friends.reach_out_reply", "id": delivery.reach_out_id, "by": display_name(user)})
    return delivery


def nudge_quiet_members(now=None) -> int:
    """The periodic sweep: for people who allowed it, nudge their circle once per quiet spell.

    Idempotent: ``nudged_for`` records the start of the quiet spell already nudged about, and
    each profile is claimed under a row lock.
    """
    now = now or timezone.now()
    count = 0
    candidates = PeerProfile.objects.filter(nudge_after_days__isnull=False).values_list("pk", flat=True)
    for pk in list(candidates):
        with transaction.atomic():
            profile = PeerProfile.objects.select_for_update().select_related("user").filter(
                pk=pk, nudge_after_days__isnull=False).first()
            if profile is None or not profile.user.is_active:
                continue
            last = CheckIn.objects.filter(user_id=profile.user_id).aggregate(last=Max("at"))["last"]
            since = max(d for d in (last, profile.nudge_since) if d is not None) if (last or profile.nudge_since) \
                else profile.updated_at
            if now - since < timedelta(days=profile.nudge_after_days) or profile.nudged_for == since:
                continue
            members = [m.member_id for m in circle_of(profile.user, statuses=(CircleMember.Status.ACCEPTED,))]
            profile.nudged_for = since
            profile.save(update_fields=["nudged_for"])
            if not members:
                continue
            text = _("%(name)s asked us to let you know when they have been quiet for a few days. "
                     "A short hello might be welcome.") % {"name": profile.pseudonym}
            do_reach_out(profile.user, members, text, kind=ReachOut.Kind.NUDGE)
            count += 1
    return count
