"""The coping-strategies board: share, react, report, hide, copy into one's safety plan."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import ngettext_lazy

from hearthside.core import audit
from hearthside.core.access import id_or_404
from hearthside.core.text import clean_text
from hearthside.safety.actions import check_update_plan, plan_for, screen_and_route

from ..models import PeerReport, Strategy, StrategyReaction
from .chat import _abuse_reasons
from .choices import SITUATIONS, _subset
from .connections import blocked_ids

MAX_STRATEGY = 600


def check_share_strategy(user, text: str, situations, request=None) -> tuple[Strategy, object]:
    text = clean_text(text, "text", most=MAX_STRATEGY, empty=_("Write what helps you."), too_long=ngettext_lazy(
        "Keep it under %(n)s character.", "Keep it under %(n)s characters.", "n"))
    situations = _subset("situations", situations or [], SITUATIONS, required=True, most=4)
    with transaction.atomic():
        strategy = Strategy.objects.create(author=user, text=text, situations=situations,
                                           status=Strategy.Status.HELD)
        route = screen_and_route(user, text, "friends.strategy", source_id=strategy.pk, context="post")
        if route.publish and not _abuse_reasons(text):
            strategy.status = Strategy.Status.PUBLISHED
            strategy.save(update_fields=["status"])
    return strategy, route


def strategy_board(user, *, situation: str | None = None, limit: int = 50) -> list[Strategy]:
    qs = Strategy.objects.filter(Q(status=Strategy.Status.PUBLISHED) | Q(author=user, status=Strategy.Status.HELD))
    hidden = blocked_ids(user)
    if hidden:
        qs = qs.exclude(author_id__in=hidden)
    rows = list(qs.select_related("author__peer_profile").annotate(
        helped=Count("reactions", distinct=True),
        mine_helped=Count("reactions", filter=Q(reactions__user=user), distinct=True),
    ).order_by("-created_at", "-pk")[:500])
    if situation:
        rows = [s for s in rows if situation in s.situations]
    return rows[:limit]


def access_strategy_by_id(user, strategy_id) -> Strategy:
    strategy_id = id_or_404(strategy_id, below=2**62)
    strategy = Strategy.objects.filter(pk=strategy_id).first()
    if strategy is None:
        raise Http404
    if strategy.status != Strategy.Status.PUBLISHED and strategy.author_id != user.pk \
            and not user.has_role("moderator", "administrator"):
        raise Http404
    if strategy.author_id in blocked_ids(user):
        raise Http404
    return strategy


def do_toggle_helped(user, strategy: Strategy) -> bool:
    deleted, _n = StrategyReaction.objects.filter(strategy=strategy, user=user).delete()
    if deleted:
        return False
    StrategyReaction.objects.get_or_create(strategy=strategy, user=user)
    return True


def check_report_strategy(user, strategy: Strategy, reason: str = "", request=None) -> PeerReport:
    if strategy.author_id == user.pk:
        raise ValidationError(_("This is your own strategy."))
    existing = PeerReport.objects.filter(reporter=user, strategy=strategy, status=PeerReport.Status.OPEN).first()
    if existing is not None:  # one open report per person per strategy
        return existing
    report = PeerReport.objects.create(reporter=user, reported_id=strategy.author_id, strategy=strategy,
                                       reason=(reason or "")[:500])
    audit.record("friends.strategy_reported", actor=user, request=request, obj=report, subject=strategy.author_id)
    return report


def check_hide_strategy(moderator, strategy: Strategy, reason: str = "", request=None) -> Strategy:
    if not moderator.has_role("moderator", "administrator"):
        raise Http404
    with transaction.atomic():
        strategy.status = Strategy.Status.HIDDEN
        strategy.save(update_fields=["status"])
        PeerReport.objects.filter(strategy=strategy, status=PeerReport.Status.OPEN).update(
            status=PeerReport.Status.HANDLED)
        audit.record("friends.strategy_hidden", actor=moderator, request=request, obj=strategy,
                     subject=strategy.author_id, detail={"reason": reason[:200]})
    return strategy


def check_save_strategy_to_plan(user, strategy: Strategy, request=None) -> None:
    """Copy a strategy into the person's own safety plan (internal coping strategies)."""
    plan = plan_for(user)
    current = list(plan.steps.get("coping_strategies", [])) if plan is not None else []
    text = strategy.text[:500]
    if text in current:
        return
    check_update_plan(user, {"coping_strategies": [*current, text]}, request=request)

