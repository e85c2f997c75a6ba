"""Youth mode in communities (docs/communities.md, "Youth mode").

With ``YOUTH_MODE`` on:

- every group has an audience, adults or under-18s; a person sees and joins only the groups of
  their own age band (``accounts.actions.age_band_of``), and 404 is the answer for the others.
  Site moderators and administrators see every group: they are the ones who review them. Someone
  whose band is not known yet sees no group until they say it (their settings page).
- every post and chat message in an under-18 group waits for a moderator (``Group.holds_everything``):
  posts as ``pending``, chat messages as ``review``. Crisis screening runs first, as everywhere, so
  crisis language still reaches the safety layer at once.
- the moderation queue lists those items by risk (screening level, then age) with their target
  review time (``YOUTH_REVIEW_MINUTES``, ``YOUTH_REVIEW_MINUTES_FLAGGED`` when screening flagged
  it) and whether they are overdue.

With it off nothing here changes anything.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import ChatMessage, Group, Membership, Post

SITE_MODERATOR_ROLES = ("moderator", "administrator")


def on() -> bool:
    return bool(settings.YOUTH_MODE)


def band_of(user) -> str | None:
    from hearthside.accounts.actions import age_band_of

    return age_band_of(user)


def sees_every_group(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.has_role(*SITE_MODERATOR_ROLES))


def allows(user, group: Group) -> bool:
    """Whether ``user`` may see and be in ``group``: always with youth mode off."""
    if not on():
        return True
    if sees_every_group(user):
        return True
    return band_of(user) == group.audience


def same_band(user, other) -> bool:
    """Whether two people may meet here at all (mute, block): never an adult and a minor."""
    if not on() or sees_every_group(user):
        return True
    return band_of(user) is not None and band_of(user) == band_of(other)


def visible_groups(user, groups):
    """``groups`` (a queryset) narrowed to the audience ``user`` belongs to."""
    if not on() or sees_every_group(user):
        return groups
    band = band_of(user)
    if band is None:
        return groups.none()
    return groups.filter(audience=band)


def needs_band(user) -> bool:
    """Youth mode is on and nobody knows yet which spaces this person belongs in."""
    return on() and not sees_every_group(user) and band_of(user) is None


def safeguarding_contact() -> str:
    return settings.YOUTH_SAFEGUARDING_CONTACT if on() else ""


def end_memberships_across_bands(sender, user, old, new, **kwargs) -> None:
    """After an age-band change, the person leaves every group of the other audience at once (their
    open sockets stop receiving those groups)."""
    if not on() or sees_every_group(user):
        return
    from . import actions

    rows = (Membership.objects.filter(user=user).exclude(status__in=[Membership.Status.LEFT, Membership.Status.REMOVED])
            .exclude(group__audience=new or "").select_related("group"))
    with transaction.atomic():
        for membership in rows:
            actions.do_leave(user, membership.group, by=user)


# ---------------------------------------------------------------------------------------------
# The moderators' queue for under-18 groups


def _levels(posts, messages) -> tuple[dict[int, str], dict[int, str]]:
    """The newest screening level of each item ("" when screening found nothing worth keeping)."""
    from hearthside.safety.models import ScreenedItem

    from . import actions
    from .forum import actions as forum

    post_levels: dict[int, str] = {}
    for source_id, level in (ScreenedItem.objects.filter(source=forum.SOURCE, source_id__in=[str(p.pk) for p in posts])
                             .order_by("created_at").values_list("source_id", "level")):
        post_levels[int(source_id)] = level
    keys = {f"{m.group_id}:{m.client_id}": m.pk for m in messages}
    chat_levels: dict[int, str] = {}
    for source_id, level in (ScreenedItem.objects.filter(source=actions.CHAT_SOURCE, source_id__in=list(keys))
                             .order_by("created_at").values_list("source_id", "level")):
        chat_levels[keys[source_id]] = level
    return post_levels, chat_levels


def target_minutes(level: str) -> int:
    from hearthside.safety.models import LEVEL_ORDER

    if LEVEL_ORDER.get(level or "none", 0) >= LEVEL_ORDER["moderate"]:
        return settings.YOUTH_REVIEW_MINUTES_FLAGGED
    return settings.YOUTH_REVIEW_MINUTES


def queue(user, groups, now=None, limit: int = 100) -> list[dict]:
    """Posts and chat messages waiting in under-18 groups that ``user`` moderates (``groups``):
    highest screening level first, then the oldest. Each says when its review is due and whether
    that time has passed."""
    from hearthside.safety.models import LEVEL_ORDER

    from . import chat_moderation, moderation

    if not on():
        return []
    now = now or timezone.now()
    youth = groups.filter(audience=Group.Audience.UNDER_18)
    posts = list(Post.objects.filter(thread__group__in=youth, status__in=[Post.Status.PENDING, Post.Status.HELD])
                 .select_related("thread__group", "author").order_by("created_at", "pk")[:limit])
    messages = list(ChatMessage.objects.filter(group__in=youth, status=ChatMessage.Status.REVIEW)
                    .select_related("group", "author").order_by("created_at", "pk")[:limit])
    post_levels, chat_levels = _levels(posts, messages)
    site = moderation.is_site_moderator(user)
    items = []
    for post in posts:
        level = post_levels.get(post.pk, "")
        if not site and level in moderation.CRISIS_LEVELS:
            continue  # crisis posts are for site moderators (and the safety team has an alert)
        items.append({"kind": "post", "id": post.pk, "group_name": post.thread.group.name,
                      "title": post.thread.title, "author": _author(post), "body": post.body,
                      "created_at": post.created_at, "level": level or "none", "status": post.status})
    for message in messages:
        items.append({"kind": "chat", "id": message.pk, "group_name": message.group.name, "title": "",
                      "author": chat_moderation._label(message), "body": message.body,
                      "created_at": message.created_at, "level": chat_levels.get(message.pk, "") or "none",
                      "status": message.status})
    for item in items:
        item["due_at"] = item["created_at"] + timedelta(minutes=target_minutes(item["level"]))
        item["overdue"] = item["due_at"] < now
    items.sort(key=lambda i: (-LEVEL_ORDER.get(i["level"], 0), i["created_at"], i["kind"], i["id"]))
    return items[:limit]


def _author(post: Post) -> str:
    from .forum import actions as forum

    if post.anonymous:
        return forum.anonymous_label()
    return post.author.pseudonym if post.author else _("former member")


def notify_rejected(user_id: int, group: Group, what: str) -> None:
    """Tell a young author kindly that a moderator did not publish what they wrote."""
    from .moderation import _notify

    if what == "post":
        _notify(user_id, lambda: _("A moderator did not publish your post in %(g)s. It may not have fitted the "
                                   "group's guidelines; it is not a judgement of you. If something is on your "
                                   "mind, you can write it another way, or talk to someone you trust.")
                % {"g": group.name})
    else:
        _notify(user_id, lambda: _("A moderator did not publish your message in %(g)s. It may not have fitted the "
                                   "group's guidelines; it is not a judgement of you. If something is on your "
                                   "mind, you can write it another way, or talk to someone you trust.")
                % {"g": group.name})
