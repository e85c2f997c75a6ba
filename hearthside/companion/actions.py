"""Companion actions: every message is screened and routed first, then the engine answers, then
the turn is stored (encrypted), its effects applied (alerts, check-ins, memory) and published."""

from __future__ import annotations

import inspect
import logging
from datetime import timedelta
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext_lazy

from hearthside.accounts.actions import has_consent
from hearthside.compliance.profiles import rules_for
from hearthside.core import audit, realtime
from hearthside.core.access import get_owned_or_404
from hearthside.core.events import publish_on_commit
from hearthside.core.text import clean_text

from .engine import Companion, Turn, new_state
from .engine.i18n import normalise
from .models import Conversation, CrisisEpisode, Memory, Message

log = logging.getLogger("hearthside.companion")

SOURCE = "companion"
MAX_TEXT = 2000
PAGE = 50
HISTORY = 8  # earlier messages by the same person that go to the screener, when it takes them
ENDED_SHOWN = timedelta(days=1)  # how long the companion page points to a support-line conversation that ended


def topic_for(user_id: int) -> str:
    return f"companion.{user_id}"


def _links() -> dict:
    return {"help": reverse("safety:help"), "safety_plan": reverse("safety:plan"),
            "support_line": reverse("supportline:start"), "care": reverse("care:home"),
            "groups": reverse("community:groups"), "library": reverse("selfcare:library"),
            "checkins": reverse("selfcare:checkins"), "permissions": reverse("accounts:settings")}


@lru_cache(maxsize=4)
def _engine(kind: str, base_url: str, model: str, key: str, timeout: int, alert: bool) -> Companion:
    writer = None
    name = ""
    if kind == "llm":
        from .engine.llm import ChatCompletionsWriter

        writer = ChatCompletionsWriter(base_url, model, key, timeout)
        name = writer.name
    return Companion(links=_links(), disclosure_alert=alert, writer=writer, writer_name=name)


def engine() -> Companion:
    """The engine the operator chose (settings), built once per configuration."""
    return _engine(settings.COMPANION_ENGINE, settings.COMPANION_LLM_BASE_URL, settings.COMPANION_LLM_MODEL,
                   settings.COMPANION_LLM_API_KEY, settings.COMPANION_LLM_TIMEOUT,
                   settings.COMPANION_DISCLOSURE_ALERT == "always")


def engine_label() -> str:
    companion = engine()
    return companion.writer_name if companion.writer is not None else _("built-in companion")


def require_consent(user) -> None:
    if not has_consent(user, "ai_features"):
        raise PermissionDenied(_("The companion needs your permission for automated features. You can give it on"
                                 " the companion page or under Permissions."))


def access_conversation_by_id(user, conversation_id) -> Conversation:
    return get_owned_or_404(Conversation.objects.all(), user, conversation_id)


def _memory_into(state: dict, user) -> None:
    memory = Memory.objects.filter(user=user).first()
    state["memory_consent"] = memory.consent if memory else None
    state["memory"] = (memory.data if memory and memory.consent else None) or {"stressors": [], "checkins": []}


def _line_into(state: dict, user) -> None:
    """Whether the person is in a support-line conversation now (from the companion or not): the
    engine then points back to it instead of offering a second hand-off."""
    from hearthside.supportline.actions import live_conversation_of

    state["line_live"] = live_conversation_of(user) is not None


def _memory_from(state: dict, user) -> None:
    consent = state.get("memory_consent")
    data = state.get("memory") if consent else {}
    Memory.objects.update_or_create(user=user, defaults={"consent": consent, "data": data or {},
                                                         "updated_at": timezone.now()})


def message_out(message: Message) -> dict:
    return {"id": message.pk, "seq": message.seq, "role": message.role, "client_id": message.client_id,
            "body": message.body, "safety_level": message.safety_level, "actions": list(message.actions),
            "engine": message.engine, "extra": message.extra or {}, "created_at": message.created_at.isoformat()}


def interface_language(user, request=None) -> str:
    """The language the person uses the site in: the request's (Django's active language) when the
    request says one (language cookie or Accept-Language), their saved preference otherwise (an
    API client that says nothing, the websocket)."""
    if request is not None and (request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
                                or request.META.get("HTTP_ACCEPT_LANGUAGE")):
        found = normalise(getattr(request, "LANGUAGE_CODE", "") or translation.get_language())
        if found:
            return found
    return normalise(getattr(user, "language", "")) or normalise(translation.get_language()) or "en"


def help_panel(user, prefer: str = "", language: str = "", request=None) -> dict:
    """The person's safety plan first, then up to three crisis lines for their country (lines for
    the ``prefer`` audience first, e.g. "youth" when a child may be in danger; lines that answer
    in ``language`` before others). Lines and numbers come only from the curated directory."""
    from hearthside.safety import directory
    from hearthside.safety.actions import plan_for

    plan = plan_for(user)
    steps = []
    if plan is not None and not plan.is_empty:
        from hearthside.safety.models import SAFETY_PLAN_STEPS

        steps = [{"title": _(title), "items": plan.steps.get(key, [])}
                 for key, title, _help in SAFETY_PLAN_STEPS if plan.steps.get(key)]
    # The person's country, else the site's default (directory.country_for), never the browser's
    # language region: ``request`` no longer picks the lines, so they match the person's other pages.
    country = directory.country_for(user)
    lines, seen = [], set()
    candidates = directory.lines_for(country, limit=12)
    if language:
        candidates.sort(key=lambda line: language not in (line.languages or []))
    if prefer:
        candidates.sort(key=lambda line: prefer not in (line.audiences or []))
    for line in candidates:
        # Regional copies of one service (same name and number) are shown once.
        if (line.name, line.phone) in seen or len(lines) == 3:
            continue
        seen.add((line.name, line.phone))
        lines.append({"name": line.name, "phone": line.phone, "languages": list(line.languages or []),
                      "tel": line.tel_href if line.phone else "", "sms": line.sms, "chat_url": line.chat_url,
                      "hours": line.hours, "source": line.source, "verified_on": line.verified_on.isoformat()})
    emergency = directory.emergency_number_for(country)
    return {"plan": steps, "lines": lines, "emergency": emergency.number if emergency else "",
            "country": country, "help_url": reverse("safety:help"), "plan_url": reverse("safety:plan"),
            "support_line_url": reverse("supportline:start")}


def current_conversation(user, request=None) -> Conversation:
    """The person's latest conversation, or a new one opened with the companion's greeting."""
    conversation = Conversation.objects.filter(user=user).first()
    return conversation if conversation is not None else do_start_conversation(user, request=request)


def do_start_conversation(user, request=None) -> Conversation:
    with transaction.atomic():
        conversation = Conversation.objects.create(user=user)
        state = new_state()
        _memory_into(state, user)
        # The jurisdiction profile that applies to the person (docs/compliance.md), on the clock
        # that tests move (timezone.now).
        turn = engine().start(state, name=user.pseudonym, lang=interface_language(user, request),
                              conversation_id=conversation.pk, rules=rules_for(user), now=timezone.now())
        _store_reply(conversation, turn, client_id=f"start-{conversation.pk}", user=user)
        conversation.state = turn.state
        conversation.save(update_fields=["state", "last_seq"])
    return conversation


def _store_reply(conversation: Conversation, turn: Turn, *, client_id: str, user, alerted: bool = False,
                 request=None) -> Message:
    conversation.last_seq += 1
    extra = {"quick_replies": turn.quick_replies, "language": turn.language}
    if turn.exercise:
        extra["exercise"] = turn.exercise
    if "show_help" in turn.actions:
        # "A person has been asked to reach out" only when an alert really went out.
        prefer = "youth" if "disclosure:minor_in_danger" in turn.actions else ""
        extra["help"] = {**help_panel(user, prefer=prefer, language=turn.language, request=request),
                         "alerted": alerted}
    if "connect_support_line" in turn.actions:
        extra["handoff"] = handoff_offer(user, conversation, turn)
    elif "back_to_line" in turn.actions:
        from hearthside.supportline.actions import live_conversation_of

        live = live_conversation_of(user)
        if live is not None:
            extra["handoff"] = {"live": live.pk}  # the page scrolls to it; nothing is offered
    message = Message.objects.create(conversation=conversation, seq=conversation.last_seq, role=Message.Role.COMPANION,
                                     client_id=client_id, body=turn.reply, safety_level=turn.safety_level,
                                     actions=turn.actions, extra=extra, engine=turn.engine[:80])
    publish_on_commit(topic_for(user.pk), {"type": "companion.message",
                                                         "conversation": conversation.pk,
                                                         "message": message_out(message)})
    return message


def _clean(text, client_id) -> tuple[str, str]:
    if not isinstance(text, str):
        raise ValidationError({"text": [_("Write your message as text.")]})
    text = clean_text(text, "text", most=MAX_TEXT, empty=_("Write a message first."), too_long=ngettext_lazy(
        "Keep a message under %(n)s character.", "Keep a message under %(n)s characters.", "n"))
    client_id = str(client_id or "").strip()[:64]
    return text, client_id


def check_send(user, text, *, client_id="", conversation: Conversation | None = None,
               request=None) -> tuple[Message, Message]:
    """Validate, then answer one message. A resend with the same client id returns the stored pair."""
    require_consent(user)
    text, client_id = _clean(text, client_id)
    conversation = conversation or current_conversation(user, request=request)
    if client_id:
        existing = _stored_pair(conversation, client_id)
        if existing is not None:
            return existing
    try:
        return do_send(user, conversation, text, client_id=client_id or None, request=request)
    except IntegrityError:
        existing = _stored_pair(conversation, client_id)
        if existing is None:
            raise
        return existing


def _stored_pair(conversation, client_id):
    pair = {m.role: m for m in Message.objects.filter(conversation=conversation, client_id=client_id)}
    if Message.Role.PERSON in pair and Message.Role.COMPANION in pair:
        return pair[Message.Role.PERSON], pair[Message.Role.COMPANION]
    return None


def _takes_history(fn) -> bool:
    try:
        return "history" in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


def earlier_messages(conversation: Conversation, limit: int = HISTORY) -> list[str]:
    """What the person wrote earlier in this conversation, oldest first (for cross-turn screening)."""
    found = Message.objects.filter(conversation=conversation, role=Message.Role.PERSON).order_by("-seq")[:limit]
    return [m.body for m in reversed(list(found))]


def do_send(user, conversation: Conversation, text: str, *, client_id: str | None = None,
            request=None) -> tuple[Message, Message]:
    from hearthside.safety.actions import screen_and_route

    with transaction.atomic():
        conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
        # Screening comes first, whatever happens next: it raises the alert at high/imminent. The
        # person's earlier messages go along when the screener takes them (risk across turns).
        extra = {"history": earlier_messages(conversation)} if _takes_history(screen_and_route) else {}
        route = screen_and_route(user, text, SOURCE, source_id=conversation.pk, context=SOURCE, **extra)
        state = dict(conversation.state or {})
        _memory_into(state, user)
        _line_into(state, user)
        turn = engine().respond(state, text, level=route.level, reasons=route.reasons,
                                lang=interface_language(user, request), rules=rules_for(user), now=timezone.now())
        conversation.last_seq += 1
        client_id = client_id or f"seq-{conversation.last_seq}"
        person = Message.objects.create(conversation=conversation, seq=conversation.last_seq, role=Message.Role.PERSON,
                                        client_id=client_id, body=text, safety_level=route.level,
                                        actions=[], extra={"feelings": turn.feelings}, engine="")
        publish_on_commit(topic_for(user.pk), {"type": "companion.message",
                                                             "conversation": conversation.pk,
                                                             "message": message_out(person)})
        with translation.override(turn.language):
            notes, alerted = _apply_effects(user, conversation, turn, route, request)
        if notes:
            turn.reply = " ".join([turn.reply, *notes])
        alerted = alerted or turn.in_crisis
        reply = _store_reply(conversation, turn, client_id=client_id, user=user, alerted=alerted, request=request)
        _memory_from(turn.state, user)
        conversation.state = {k: v for k, v in turn.state.items() if k not in {"memory"}}
        conversation.in_crisis = bool((turn.state.get("crisis") or {}).get("active"))
        conversation.updated_at = timezone.now()
        conversation.save(update_fields=["state", "in_crisis", "last_seq", "updated_at"])
    return person, reply


def _apply_effects(user, conversation: Conversation, turn: Turn, route, request) -> tuple[list[str], bool]:
    from hearthside.safety.actions import raise_alert

    notes: list[str] = []
    alert = route.alert
    for effect in turn.effects:
        kind = effect["type"]
        if kind == "raise_alert" and alert is None:
            alert = raise_alert(user, source=SOURCE, source_id=str(conversation.pk), level=effect["level"],
                                reasons=[{"construct": effect.get("reason", "companion"),
                                          "label": "Raised by the companion's own checks"}], item=route.item)
        elif kind == "crisis_started":
            episode = CrisisEpisode.objects.create(conversation=conversation, user=user, level=effect["level"])
            audit.record("companion.crisis_started", actor=user, request=request, obj=episode, subject=user,
                         detail={"level": effect["level"], "via": effect.get("via", "")})
        elif kind == "crisis_step_down":
            episode = CrisisEpisode.objects.filter(conversation=conversation, ended_at__isnull=True).first()
            if episode is not None:
                episode.ended_at = timezone.now()
                episode.step_down_answer = effect.get("answer", "")[:500]
                episode.save(update_fields=["ended_at", "step_down_answer"])
                audit.record("companion.crisis_step_down", actor=user, request=request, obj=episode, subject=user)
        elif kind == "log_checkin":
            from hearthside.selfcare.actions import check_create_checkin

            try:
                check_create_checkin(user, {"mood": effect["mood"], "emotions": effect.get("emotions", []),
                                            "note": ""}, request=request)
            except PermissionDenied:
                notes.append(_("(I couldn't save it after all: the mood tracker needs your permission to store"
                               " health data, which you can give under Account.)"))
            except ValidationError:
                notes.append(_("(I couldn't save it: the check-in was not valid.)"))
        elif kind == "safety_answer":
            # A clear no to the safety question: recorded (the answer itself stays in the conversation).
            audit.record("companion.safety_question_answered", actor=user, request=request, subject=user,
                         detail={"conversation": conversation.pk, "safe": bool(effect.get("safe"))})
        elif kind in {"memory_forget", "memory_consent"}:
            audit.record(f"companion.{kind}", actor=user, request=request, subject=user,
                         detail={"value": effect.get("value")})
    if alert is not None:
        episode = CrisisEpisode.objects.filter(conversation=conversation, ended_at__isnull=True,
                                               alert_id__isnull=True).first()
        if episode is not None:
            episode.alert_id = alert.pk
            episode.save(update_fields=["alert_id"])
    return notes, alert is not None


# ---------------------------------------------------------------------------------------------
# The warm hand-off to the support line


def handoff_offer(user, conversation: Conversation, turn: Turn) -> dict:
    """What goes with a reply that offers the support line on this page: the summary the person
    may agree to pass on (exactly what the supporter would read), or, when they already have a
    live support-line conversation, that one (it is on the page; nothing more is asked)."""
    from hearthside.supportline.actions import live_conversation_of

    from .handoff import assessed_risk, build_summary

    live = live_conversation_of(user)
    if live is not None:
        return {"live": live.pk}
    return {"summary": build_summary(conversation, state=turn.state, lang=turn.language),
            "risk_level": assessed_risk(conversation, turn.state)}


def check_handoff(user, conversation: Conversation, offer_seq, *, share: bool, request=None):
    """Put the person in the support line's queue from the companion, at the risk the companion
    assessed, passing the summary they were shown only if they agreed (``share``).

    ``offer_seq``: the companion's reply that offered it; the summary passed is the one stored with
    that reply, the text the person read, never anything the client sends. A person who already has
    a live support-line conversation gets that one back, and nothing is added to it. Returns
    (support-line conversation, whether a summary was passed).
    """
    from hearthside.supportline import actions as line
    from hearthside.supportline.models import Conversation as LineConversation

    from .handoff import assessed_risk, higher_level

    if user is None or not user.is_authenticated or line.is_guest(user) or conversation.user_id != user.pk:
        raise Http404
    require_consent(user)
    seq = realtime.int_or_none(offer_seq)
    offer = Message.objects.filter(conversation=conversation, role=Message.Role.COMPANION, seq=seq).first() \
        if seq is not None else None
    handoff = (offer.extra or {}).get("handoff") if offer is not None else None
    if not handoff or "connect_support_line" not in (offer.actions or []):
        raise ValidationError(_("That offer is no longer open. Ask the companion to connect you again."))
    with transaction.atomic():
        # One hand-off at a time per person (two taps, two tabs): the companion conversation's row
        # lock on PostgreSQL, the write lock that IMMEDIATE transactions take on SQLite.
        conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
        existing = line.live_conversation_of(user)
        summary = handoff.get("summary", "") if share and existing is None else ""
        level = higher_level(assessed_risk(conversation), handoff.get("risk_level", ""))
        live = existing or line.check_start(user, "", request=request, origin=LineConversation.Origin.COMPANION,
                                            risk_level=level, handoff_summary=summary)
        # The tab's open socket joins the conversation's topic now; a new page would at connect.
        realtime.subscribe_on_commit(user.pk, line.topic(live.pk))
        state = dict(conversation.state or {})
        state["handoff"] = {"line": live.pk, "offer": offer.seq, "summary": bool(summary)}
        conversation.state = state
        conversation.save(update_fields=["state"])
        audit.record("companion.handoff", actor=user, request=request, obj=live, subject=user,
                     detail={"conversation": conversation.pk, "summary_passed": bool(summary),
                             "risk_level": live.risk_level, "existing": existing is not None})
    return live, bool(summary)


def line_panel(user, conversation: Conversation) -> dict:
    """The support line on the companion page: the person's live conversation (whatever started
    it), or the end of the one the companion handed them to."""
    from hearthside.supportline import actions as line
    from hearthside.supportline.models import Conversation as LineConversation

    live = line.live_conversation_of(user)
    if live is not None:
        from_companion = live.origin == LineConversation.Origin.COMPANION
        return {"line": live, "line_history": line.history(live), "line_from_companion": from_companion,
                "line_estimate": line.wait_estimate(live) if live.status == LineConversation.Status.WAITING else None,
                "line_summary": live.handoff_summary if from_companion else ""}
    handed = ((conversation.state or {}).get("handoff") or {}).get("line")
    # For a day after it ends, the way to its feedback and transcript stays on the page.
    ended = LineConversation.objects.filter(pk=handed, person=user, ended_at__gte=timezone.now() - ENDED_SHOWN
                                            ).first() if handed else None
    return {"line_ended": ended}


def open_offer(conversation: Conversation, messages: list[Message]) -> dict | None:
    """The latest hand-off offered among ``messages`` and not taken up yet: it stays on the page
    (the person may write to the companion before they answer) until they answer it."""
    taken = ((conversation.state or {}).get("handoff") or {}).get("offer") or 0
    for message in reversed(messages):
        if message.role != Message.Role.COMPANION:
            continue
        handoff = (message.extra or {}).get("handoff") or {}
        if handoff.get("summary"):
            return {"seq": message.seq, "summary": handoff["summary"]} if message.seq > taken else None
    return None


def history(conversation: Conversation, *, after: int | None = None, before: int | None = None) -> list[Message]:
    messages = Message.objects.filter(conversation=conversation)
    if after is not None:
        return list(messages.filter(seq__gt=after).order_by("seq")[:PAGE])
    if before is not None:
        messages = messages.filter(seq__lt=before)
    return list(reversed(messages.order_by("-seq")[:PAGE]))


def do_delete_conversation(user, conversation: Conversation, request=None) -> None:
    """The person deletes a conversation: its messages go with it (crisis records too)."""
    from hearthside.safety.actions import forget_source

    with transaction.atomic():
        forget_source(user, SOURCE, [conversation.pk])
        conversation.delete()
        audit.record("companion.conversation_deleted", actor=user, request=request, subject=user)


def do_forget(user, request=None) -> None:
    Memory.objects.update_or_create(user=user, defaults={"consent": False, "data": {}, "updated_at": timezone.now()})
    audit.record("companion.memory_forget", actor=user, request=request, subject=user)
