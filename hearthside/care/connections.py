"""Connection in the treatment plan ("social prescribing", issue #22).

A practitioner suggests to their client a support group, one of its facilitated meetings, the
peer-friends feature or a topic of the coping-strategy board, with a note. The client sees it
beside their homework, follows a link straight to it if they want to, and chooses whether the
practitioner may see what came of it.

What came of it is never stored: ``outcome`` works it out from the community and friends records
at the moment it is read, and the practitioner gets it only while the client shares it (their
choice on the recommendation, under the ``practitioner_sharing`` consent). It is one word --
joined, signed up, connected, used the board, not yet -- never what anyone wrote, never who the
client connected with. Each time the practitioner is shown a shared outcome the read is audited
(``care.client_data_read``, data type ``connections``) and appears on the client's "Who looked at
my data".

Age rules, the same as the features' own: peer friends is never suggested to a client under 18
(``friends.actions.derived_age_band``, else the band on the client's peer profile) or under
``FRIENDS_MIN_AGE``; groups have no age marker yet, so every group is an adult space and neither a
group nor its meetings are suggested to a client under 18. A client of unknown age may be
suggested both: Friends then matches them within the band they declare. Only a group the client
could join (not invitation-only unless they were invited, not one they were removed from) and
a meeting of such a group that is neither over, cancelled nor full can be suggested.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hearthside.accounts.actions import has_consent
from hearthside.core import audit

from .models import CareRelationship, Recommendation

MAX_NOTE = 500
MAX_SHOWN = 50

OUTCOMES = {
    "not_yet": gettext_lazy("Not yet"),
    "asked": gettext_lazy("Asked to join"),
    "joined": gettext_lazy("Joined"),
    "going": gettext_lazy("Signed up"),
    # The platform records sign-ups, not who had the meeting open: "attended" means signed up
    # when the meeting took place (not cancelled, and over).
    "attended": gettext_lazy("Signed up; the meeting took place"),
    "connected": gettext_lazy("Connected with a peer"),
    "used": gettext_lazy("Used the board"),
}
UNDER_18 = "under_18"


def _int(value) -> int | None:
    try:
        number = int(str(value))
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**62 else None


def client_age_band(client) -> str | None:
    """``under_18``, ``adult`` or None (not known): the band the year of birth implies, else the
    band the client declared on their peer profile."""
    from hearthside.friends.actions import derived_age_band, profile_for

    band = derived_age_band(client)
    if band is None:
        profile = profile_for(client)
        band = profile.age_band if profile is not None else None
    return str(band) if band else None


# ---------------------------------------------------------------------------------------------
# What may be suggested


_UNKNOWN = object()


def _group_refusal(client, group, band, status=_UNKNOWN) -> str | None:
    """Why ``group`` cannot be suggested to ``client``, or None. ``status``: the client's membership
    status in it when the caller already has it (None for no membership)."""
    from hearthside.community import youth
    from hearthside.community.models import Group, Membership

    if youth.on():
        # Youth mode: groups have an audience, and a client is offered only those of their band.
        if not youth.allows(client, group):
            return _("Your client cannot join this group.")
    elif band == UNDER_18:
        return _("Groups and their meetings are adult spaces: they cannot be suggested to a client under 18.")
    if status is _UNKNOWN:
        status = Membership.objects.filter(group=group, user=client).values_list("status", flat=True).first()
    if status == Membership.Status.REMOVED:
        return _("Your client cannot join this group.")
    if group.join_policy == Group.JoinPolicy.INVITE and status not in (Membership.Status.ACTIVE,
                                                                       Membership.Status.INVITED):
        return _("This group is by invitation only.")
    return None


def _meeting_refusal(client, meeting, band, now, *, group_ok: bool = False, taken=None, mine=None) -> str | None:
    """Why ``meeting`` cannot be suggested, or None. ``group_ok``: its group was checked already;
    ``taken``/``mine``: its number of sign-ups and whether the client is one, when known."""
    if meeting.cancelled_at is not None or now >= meeting.ends_at:
        return _("This meeting is over or was cancelled.")
    refusal = None if group_ok else _group_refusal(client, meeting.group, band)
    if refusal:
        return refusal
    if meeting.capacity is not None:
        mine = meeting.rsvps.filter(user=client).exists() if mine is None else mine
        taken = meeting.rsvps.count() if taken is None else taken
        if not mine and taken >= meeting.capacity:
            return _("This meeting is full.")
    return None


def _friends_refusal(client, band) -> str | None:
    age = client.age_this_year()
    if band == UNDER_18 or (age is not None and age < 18):
        return _("Peer friends cannot be suggested to a client under 18.")
    if age is not None and age < settings.FRIENDS_MIN_AGE:
        return _("Peer friends is open from the age of %(n)s.") % {"n": settings.FRIENDS_MIN_AGE}
    return None


def options(client, viewer, now=None) -> list[dict]:
    """The practitioner's choices for this client, grouped for the form: only what the client
    could take up (``check_recommend`` applies the same rules to whatever is posted). Meeting
    times are in the ``viewer``'s time zone."""
    from django.db.models import Count

    from hearthside.community.models import Group, Meeting, MeetingRSVP, Membership
    from hearthside.friends.actions import situation_choices

    now = now or timezone.now()
    band = client_age_band(client)
    # A fixed number of queries whatever the number of groups and meetings.
    statuses = dict(Membership.objects.filter(user=client).values_list("group_id", "status"))
    groups = [g for g in Group.objects.order_by("name")
              if _group_refusal(client, g, band, statuses.get(g.pk)) is None]
    candidates = list(Meeting.objects.select_related("group").filter(
        group_id__in={g.pk for g in groups}, cancelled_at__isnull=True, starts_at__gt=now - timedelta(hours=12))
        .order_by("starts_at")[:200])
    ids = [m.pk for m in candidates]
    taken = dict(MeetingRSVP.objects.filter(meeting_id__in=ids).values("meeting_id").annotate(n=Count("pk"))
                 .values_list("meeting_id", "n"))
    mine = set(MeetingRSVP.objects.filter(meeting_id__in=ids, user=client).values_list("meeting_id", flat=True))
    meetings = [m for m in candidates if _meeting_refusal(client, m, band, now, group_ok=True, taken=taken.get(m.pk, 0),
                                                          mine=m.pk in mine) is None][:MAX_SHOWN]
    tz = _zone(viewer)
    sections = [
        {"label": _("Support groups"), "items": [(f"group:{g.pk}", g.name) for g in groups]},
        {"label": _("Facilitated meetings"), "items": [
            (f"meeting:{m.pk}", _("%(title)s (%(group)s), %(when)s") % {
                "title": m.title, "group": m.group.name,
                "when": timezone.localtime(m.starts_at, tz).strftime("%Y-%m-%d %H:%M")})
            for m in meetings]},
        {"label": _("Peer friends"), "items": [] if _friends_refusal(client, band) else [
            ("friends", _("Peer friends: members who share from lived experience"))]},
        {"label": _("Coping-strategy board"), "items": [
            (f"strategies:{slug}", _("What helps when: %(situation)s") % {"situation": label})
            for slug, label in situation_choices()]},
    ]
    return [s for s in sections if s["items"]]


def _zone(user):
    import zoneinfo

    try:
        return zoneinfo.ZoneInfo(user.time_zone or "UTC")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def check_recommend(user, relationship: CareRelationship, target: str, note: str = "", request=None,
                    now=None) -> Recommendation:
    """Suggest one thing to the client. ``target`` is ``group:<id>``, ``meeting:<id>``,
    ``friends`` or ``strategies:<situation>``."""
    from hearthside.community.models import Group, Meeting
    from hearthside.friends.actions import SITUATIONS

    if relationship.practitioner.user_id != user.pk or relationship.status != CareRelationship.Status.ACTIVE:
        raise Http404
    now = now or timezone.now()
    note = str(note or "").replace("\x00", "").strip()
    if len(note) > MAX_NOTE:
        raise ValidationError({"note": [_("Keep the note under 500 characters.")]})
    client = relationship.client
    band = client_age_band(client)
    kind, _sep, ref = str(target or "").partition(":")
    fields: dict = {}
    refusal = None
    if kind == Recommendation.Kind.GROUP and (group := Group.objects.filter(pk=_int(ref) or 0).first()):
        refusal = _group_refusal(client, group, band)
        fields = {"group": group}
    elif kind == Recommendation.Kind.MEETING and (
            meeting := Meeting.objects.select_related("group").filter(pk=_int(ref) or 0).first()):
        refusal = _meeting_refusal(client, meeting, band, now)
        fields = {"meeting": meeting, "group": meeting.group}
    elif kind == Recommendation.Kind.FRIENDS and not ref:
        refusal = _friends_refusal(client, band)
    elif kind == Recommendation.Kind.STRATEGIES and ref in SITUATIONS:
        fields = {"situation": ref}
    else:
        raise ValidationError({"target": [_("Choose a group, a meeting, peer friends or a board topic from the "
                                            "list.")]})
    if refusal:
        raise ValidationError({"target": [refusal]})
    with transaction.atomic():
        recommendation = Recommendation.objects.create(relationship=relationship, client=client, kind=kind, note=note,
                                                       created_at=now, **fields)
        audit.record("care.recommendation_made", actor=user, request=request, obj=recommendation,
                     subject=client.pk, detail={"kind": kind})
    from hearthside.core.i18n import in_language_of

    from .actions import notify

    with in_language_of(client):
        notify(client.pk, _("%(p)s suggested a way to connect with others: %(what)s.")
               % {"p": user.pseudonym, "what": title(recommendation)}, reverse("care:home") + "#connect")
    return recommendation


# ---------------------------------------------------------------------------------------------
# What came of it


def title(recommendation: Recommendation) -> str:
    from hearthside.friends.actions import SITUATIONS

    kind = recommendation.kind
    if kind == Recommendation.Kind.GROUP:
        if recommendation.group is None:
            return _("A support group that no longer exists")
        return _("Support group: %(name)s") % {"name": recommendation.group.name}
    if kind == Recommendation.Kind.MEETING:
        if recommendation.meeting is None:
            return _("A meeting that no longer exists")
        return _("Meeting: %(title)s (%(group)s)") % {"title": recommendation.meeting.title,
                                                      "group": recommendation.meeting.group.name}
    if kind == Recommendation.Kind.FRIENDS:
        return _("Peer friends: members who share from lived experience")
    situation = SITUATIONS.get(recommendation.situation, recommendation.situation)
    return _("Coping-strategy board: what helps when %(situation)s") % {"situation": situation}


def outcome(recommendation: Recommendation, now=None) -> str:
    """One of ``OUTCOMES``, from the records as they are now. Nothing else leaves this function:
    not which peer, not what anyone wrote, not how many."""
    from hearthside.community.models import MeetingRSVP, Membership
    from hearthside.friends.models import Connection, Strategy, StrategyReaction

    client_id = recommendation.client_id
    kind = recommendation.kind
    if kind == Recommendation.Kind.GROUP:
        if recommendation.group_id is None:
            return "not_yet"
        status = (Membership.objects.filter(group_id=recommendation.group_id, user_id=client_id)
                  .values_list("status", flat=True).first())
        return {Membership.Status.ACTIVE: "joined", Membership.Status.PENDING: "asked"}.get(status, "not_yet")
    if kind == Recommendation.Kind.MEETING:
        meeting = recommendation.meeting
        if meeting is None or meeting.cancelled_at is not None or not MeetingRSVP.objects.filter(
                meeting=meeting, user_id=client_id).exists():
            return "not_yet"
        return "attended" if (now or timezone.now()) >= meeting.ends_at else "going"
    if kind == Recommendation.Kind.FRIENDS:
        connected = Connection.objects.filter(Q(requester_id=client_id) | Q(recipient_id=client_id),
                                              status=Connection.Status.ACCEPTED).exists()
        return "connected" if connected else "not_yet"
    since = recommendation.created_at
    tagged = [*StrategyReaction.objects.filter(user_id=client_id, created_at__gte=since)
              .values_list("strategy__situations", flat=True)[:200],
              *Strategy.objects.filter(author_id=client_id, status=Strategy.Status.PUBLISHED, created_at__gte=since)
              .values_list("situations", flat=True)[:200]]
    return "used" if any(recommendation.situation in (situations or []) for situations in tagged) else "not_yet"


def _link(recommendation: Recommendation, client) -> tuple[str, str]:
    """Where the client acts on it, and the words of the link."""
    from hearthside.community.models import Membership

    kind = recommendation.kind
    if kind == Recommendation.Kind.FRIENDS:
        return reverse("friends:home"), _("Find peers")
    if kind == Recommendation.Kind.STRATEGIES:
        return f"{reverse('friends:strategies')}?situation={recommendation.situation}", _("Open the board")
    group = recommendation.group
    if group is None or (kind == Recommendation.Kind.MEETING and recommendation.meeting is None):
        return "", ""
    if kind == Recommendation.Kind.MEETING:
        member = Membership.objects.filter(group=group, user=client, status=Membership.Status.ACTIVE).exists()
        if member:  # the meeting page is for the group's members
            return reverse("community:meeting", args=[group.slug, recommendation.meeting_id]), _("See the meeting")
        return reverse("community:group", args=[group.slug]), _("Join the group first")
    return reverse("community:group", args=[group.slug]), _("Open the group")


def _recommendations(relationship: CareRelationship) -> list[Recommendation]:
    return list(Recommendation.objects.filter(relationship=relationship)
                .select_related("group", "meeting__group")[:MAX_SHOWN])


def practitioner_rows(user, relationship: CareRelationship, request=None) -> list[dict]:
    """The practitioner's list (the caller checked access: ``clinical.access_client``). The
    outcome is computed only for recommendations whose outcome the client shares while the
    ``practitioner_sharing`` consent holds; seeing one is audited once per read."""
    from .clinical import _audit_read

    consent = has_consent(relationship.client, "practitioner_sharing")
    rows, seen = [], []
    for recommendation in _recommendations(relationship):
        shared = consent and recommendation.outcome_shared
        result = outcome(recommendation) if shared else None
        if shared:
            seen.append(recommendation.pk)
        rows.append({"rec": recommendation, "title": title(recommendation), "outcome": result,
                     "outcome_label": str(OUTCOMES[result]) if result else ""})
    if seen:
        _audit_read(user, relationship, "connections", request=request, recommendations=seen)
    return rows


def client_rows(client) -> list[dict]:
    """The client's own list, for their active care relationship."""
    from .actions import active_relationship

    relationship = active_relationship(client)
    if relationship is None:
        return []
    rows = []
    for recommendation in _recommendations(relationship):
        url, words = _link(recommendation, client)
        result = outcome(recommendation)
        rows.append({"rec": recommendation, "title": title(recommendation), "url": url, "link": words,
                     "outcome": result, "outcome_label": str(OUTCOMES[result]),
                     "practitioner": relationship.practitioner.user.pseudonym})
    return rows


def access_recommendation(client, recommendation_id) -> Recommendation:
    """A recommendation made to ``client`` in their active care relationship; 404 otherwise."""
    if client is None or not client.is_authenticated:
        raise Http404
    recommendation = (Recommendation.objects.select_related("relationship")
                      .filter(pk=_int(recommendation_id) or 0, client=client,
                              relationship__status=CareRelationship.Status.ACTIVE).first())
    if recommendation is None:
        raise Http404
    return recommendation


def check_share_outcome(client, recommendation: Recommendation, share: bool, request=None) -> Recommendation:
    """The client lets their practitioner see what came of a recommendation, or takes it back
    (at once: nothing was copied, the next read computes nothing)."""
    if recommendation.client_id != client.pk:
        raise Http404
    if share and not has_consent(client, "practitioner_sharing"):
        raise ValidationError(_("To share anything with your practitioner, first allow sharing in your sharing "
                                "settings."))
    if recommendation.outcome_shared == share:
        return recommendation
    with transaction.atomic():
        recommendation.outcome_shared = share
        recommendation.outcome_shared_at = timezone.now() if share else None
        recommendation.save(update_fields=["outcome_shared", "outcome_shared_at"])
        audit.record("care.recommendation_outcome_shared" if share else "care.recommendation_outcome_withheld",
                     actor=client, request=request, obj=recommendation, subject=client.pk)
    return recommendation
