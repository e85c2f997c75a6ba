"""Peer profiles, the age bands they are matched within, and suggestions."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from hearthside.accounts.models import pseudonym_validator
from hearthside.core import audit
from hearthside.core.access import id_or_404
from hearthside.core.names import mixes_lookalike_scripts, skeleton
from hearthside.safety.actions import screen_and_route

from ..models import AgeBand, Availability, Connection, LookingFor, PeerProfile
from .choices import LANGUAGE_CODES, _subset, language_label, topic_label
from .common import NotSent
from .connections import _close, blocked_ids

SUGGESTION_POOL = 500


def derived_age_band(user, today=None) -> str | None:
    """The band that the account's year of birth implies, or None when it cannot tell.

    Only a year is stored, so in the year someone turns 18 either band is possible: then the
    account's own age band counts in youth mode (it is declared at sign-up there), and failing that
    the band declared here. Without it an adult account with no year of birth could enter the under-18 pool.
    """
    age = user.age_this_year(today)
    if age is None or age == 18:
        return (user.age_band or None) if settings.YOUTH_MODE else None
    return AgeBand.ADULT if age > 18 else AgeBand.UNDER_18


def follow_account_band(sender, user, old, new, **kwargs) -> None:
    """The account's age band changed (accounts.signals.age_band_changed): the peer profile moves
    with it, and connections with the other band end at once (youth mode; otherwise the profile's band
    is re-checked when it is next saved, as before)."""
    if new is None or not settings.YOUTH_MODE:
        return
    with transaction.atomic():
        profile = PeerProfile.objects.select_for_update().filter(user=user).first()
        if profile is None or profile.age_band == new:
            return
        profile.age_band = new
        profile.updated_at = timezone.now()
        profile.save(update_fields=["age_band", "updated_at"])
        _end_across_bands(user, new)


def profile_for(user) -> PeerProfile | None:
    return PeerProfile.objects.filter(user=user).first()


def check_save_profile(user, data: dict, request=None) -> PeerProfile:
    pseudonym = str(data.get("pseudonym") or "").strip()
    if not pseudonym:
        raise ValidationError({"pseudonym": [_("Choose a name to show other members.")]})
    try:
        pseudonym_validator(pseudonym)
    except ValidationError as exc:
        raise ValidationError({"pseudonym": exc.messages}) from None
    if mixes_lookalike_scripts(pseudonym):
        raise ValidationError({"pseudonym": [_("Use letters from one alphabet: this name mixes letters that look alike.")]})
    if PeerProfile.objects.filter(pseudonym_skeleton=skeleton(pseudonym)[:80]).exclude(user=user).exclude(
            pseudonym__iexact=pseudonym).exists():
        raise ValidationError({"pseudonym": [_("That name looks the same as someone else's. Try another.")]})
    intro = str(data.get("intro") or "").replace("\x00", "").strip()
    if len(intro) > 300:
        raise ValidationError({"intro": [_("Keep your introduction under 300 characters.")]})
    band = str(data.get("age_band") or "")
    if band not in AgeBand.values:
        raise ValidationError({"age_band": [_("Tell us your age band: peers are matched within it.")]})
    derived = derived_age_band(user)
    if derived is not None and derived != band:
        raise ValidationError({"age_band": [_("This does not match the year of birth on your account.")]})
    existing = profile_for(user)
    if existing is not None and existing.age_band == AgeBand.ADULT and band == AgeBand.UNDER_18:
        # Issue #17: changing the account's year of birth let an adult move into the under-18
        # pool. Growing up moves one way only; a wrong age is corrected by the team.
        raise ValidationError({"age_band": [_("A profile in the adult pool cannot move to the under-18 pool. If your "
                                              "age was entered wrongly, ask the team to correct it.")]})
    age = user.age_this_year()
    if age is not None and age < settings.FRIENDS_MIN_AGE:
        raise PermissionDenied(_("Finding peers is open from the age of %(n)s.") % {"n": settings.FRIENDS_MIN_AGE})
    fields = {
        "pseudonym": pseudonym,
        "intro": intro,
        "age_band": band,
        "topics": _subset("topics", data.get("topics") or [], settings.FRIENDS_TOPICS, required=True),
        "languages": _subset("languages", data.get("languages") or [], LANGUAGE_CODES, required=True),
        "looking_for": _subset("looking_for", data.get("looking_for") or [], LookingFor.values, required=True),
        "availability": _subset("availability", data.get("availability") or [], Availability.values,
                                required=False),
        "enabled": bool(data.get("enabled")),
    }
    nudge = data.get("nudge_after_days")
    if nudge in ("", None):
        fields["nudge_after_days"] = None
    else:
        try:
            nudge = int(nudge)
        except (TypeError, ValueError):
            raise ValidationError({"nudge_after_days": [_("Choose a number of days.")]}) from None
        if not 1 <= nudge <= 60:
            raise ValidationError({"nudge_after_days": [_("Choose between 1 and 60 days.")]})
        fields["nudge_after_days"] = nudge
    taken = PeerProfile.objects.filter(pseudonym__iexact=pseudonym).exclude(user=user).exists()
    if taken:
        raise ValidationError({"pseudonym": [_("Someone already uses this name. Try another.")]})
    if intro:
        route = screen_and_route(user, intro, "friends.profile", source_id=user.pk, context="profile")
        if not route.publish:
            raise NotSent(_("We could not save this introduction. Please write it another way."),
                          help=route.show_help)
    return do_save_profile(user, fields, request=request)


def do_save_profile(user, fields: dict, request=None) -> PeerProfile:
    now = timezone.now()
    with transaction.atomic():
        profile = PeerProfile.objects.select_for_update().filter(user=user).first()
        if profile is None:
            profile = PeerProfile(user=user)
        if fields.get("nudge_after_days") and not profile.nudge_after_days:
            profile.nudge_since = now
        band_changed = profile.pk is not None and fields.get("age_band", profile.age_band) != profile.age_band
        for name, value in fields.items():
            setattr(profile, name, value)
        profile.updated_at = now
        try:
            with transaction.atomic():
                profile.save()
        except IntegrityError:
            raise ValidationError({"pseudonym": [_("Someone already uses this name. Try another.")]}) from None
        audit.record("friends.profile_saved", actor=user, request=request, obj=profile, subject=user,
                     detail={"enabled": profile.enabled})
        if band_changed:
            _end_across_bands(user, profile.age_band)
    return profile


def _end_across_bands(user, band: str) -> None:
    """After an age-band change, no connection may remain with someone of the other band."""
    for connection in Connection.objects.filter(Q(requester=user) | Q(recipient=user), status__in=Connection.OPEN) \
            .select_related("requester__peer_profile", "recipient__peer_profile"):
        other = connection.recipient if connection.requester_id == user.pk else connection.requester
        other_profile = getattr(other, "peer_profile", None)
        if other_profile is None or other_profile.age_band != band:
            _close(connection, Connection.Status.ENDED, user)


def do_set_discoverable(user, enabled: bool, request=None) -> PeerProfile:
    profile = profile_for(user)
    if profile is None:
        raise Http404
    profile.enabled = bool(enabled)
    profile.updated_at = timezone.now()
    profile.save(update_fields=["enabled", "updated_at"])
    audit.record("friends.discoverable", actor=user, request=request, obj=profile, subject=user,
                 detail={"enabled": profile.enabled})
    return profile


def _score(mine: PeerProfile, theirs: PeerProfile) -> int:
    topics = sum(1 for t in theirs.topics if t in mine.topics)
    if not topics:
        return 0
    languages = sum(1 for c in theirs.languages if c in mine.languages)
    times = sum(1 for a in theirs.availability if a in mine.availability)
    return 3 * topics + 2 * languages + times


def _reason(mine: PeerProfile, theirs: PeerProfile) -> tuple[str, list[str], list[str]]:
    topics = [t for t in mine.topics if t in theirs.topics]
    languages = [c for c in mine.languages if c in theirs.languages]
    times = [a for a in mine.availability if a in theirs.availability]
    parts = [topic_label(t) for t in topics] + [language_label(c) for c in languages]
    reason = _("You both chose %(things)s") % {"things": get_text_list(parts, _("and"))}
    if times:
        labels = dict(Availability.choices)
        reason += "; " + _("both free: %(times)s") % {
            "times": get_text_list([str(labels[t]).lower() for t in times], _("and"))}
    return reason, topics, languages


def suggestions(user, *, topic: str | None = None, limit: int = 20) -> list[dict]:
    """Peers to suggest, best first, with the reason shown. Only among discoverable profiles of
    the same age band; never blocked people, never people already connected or asked.

    A fixed number of queries whatever the number of profiles (locked by a test). Scoring runs
    over the most recently updated ``SUGGESTION_POOL`` profiles (JSON lists cannot be matched in
    SQL on SQLite); the reason text is built only for the ones shown.
    """
    mine = PeerProfile.objects.filter(user=user, enabled=True).first()
    if mine is None:
        return []
    if topic is not None and topic not in settings.FRIENDS_TOPICS:
        return []
    hidden = blocked_ids(user)
    pair_rows = Connection.objects.filter(
        Q(requester=user) | Q(recipient=user), status__in=Connection.OPEN).values_list("requester_id", "recipient_id")
    hidden.update(b if a == user.pk else a for a, b in pair_rows)
    hidden.add(user.pk)
    # Score over plain tuples (no model instances), then load only the profiles shown.
    pool = (PeerProfile.objects.filter(enabled=True, age_band=mine.age_band, user__is_active=True)
            .exclude(user_id__in=hidden).order_by("-updated_at", "pk")
            .values_list("pk", "topics", "languages", "availability")[:SUGGESTION_POOL])
    scored = []
    for rank, (pk, topics, languages, availability) in enumerate(pool):
        if topic is not None and topic not in topics:
            continue
        score = _score(mine, PeerProfile(topics=topics, languages=languages, availability=availability))
        if score:
            scored.append((-score, rank, pk))
    scored.sort()
    shown = scored[: max(1, min(int(limit), 50))]
    profiles = PeerProfile.objects.in_bulk([pk for _s, _r, pk in shown]) if shown else {}
    results = []
    for negative, _rank, pk in shown:
        profile, score = profiles[pk], -negative
        reason, topics, languages = _reason(mine, profile)
        results.append({"profile": profile, "score": score, "reason": reason, "topics": topics,
                        "languages": languages})
    return results


def access_profile_by_id(user, profile_id) -> PeerProfile:
    """A profile this person may see and ask to connect with: both discoverable, the same age
    band, nobody blocked."""
    profile_id = id_or_404(profile_id, below=2**62)
    mine = PeerProfile.objects.filter(user=user, enabled=True).first()
    if mine is None:
        raise Http404
    profile = PeerProfile.objects.filter(pk=profile_id, enabled=True, user__is_active=True).first()
    if (profile is None or profile.user_id == user.pk or profile.age_band != mine.age_band
            or profile.user_id in blocked_ids(user)):
        raise Http404
    return profile

