from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from hearthside.community.models import Membership, ModerationAction, Post, Report
from hearthside.conftest import login_client
from hearthside.core.models import AuditEvent
from hearthside.safety.models import SafetyAlert, ScreenedItem
from hearthside.selfcare.models import Notification

from .forum_fixtures import (
    CRISIS_TEXT,
    PSEUDONYM,
    reply,
    start_thread,
)

pytestmark = pytest.mark.django_db

ACTIONS = "/api/v1/community/moderation/actions"
QUEUE = "/api/v1/community/moderation/queue"


def _audited(action: str, post) -> AuditEvent:
    return AuditEvent.objects.get(action=f"community.moderation.{action}", object_id=str(post.pk))


def test_report_reaches_the_queue_and_hiding_is_audited(people, group, api_as):
    sub = start_thread(people["writer"], group)
    bad = reply(people["writer"], sub.thread, body="You are all pathetic")
    reader = api_as(people["reader"])
    assert reader.post(f"/api/v1/community/posts/{bad.post.pk}/report", {"reason": "insulting"}).status_code == 201
    # Reporting twice keeps one open report.
    reader.post(f"/api/v1/community/posts/{bad.post.pk}/report", {"reason": "still insulting"})
    assert Report.objects.filter(post=bad.post).count() == 1
    mod = api_as(people["moderator"], two_factor=True)
    queue = mod.get(QUEUE).json()
    item = next(i for i in queue if i["post_id"] == bad.post.pk)
    assert item["reports"][0]["reason"] == "insulting" and item["context"][0]["body"] == sub.post.body
    response = mod.post(ACTIONS, {"post_id": bad.post.pk, "action": "hide", "reason": "insults"})
    assert response.status_code == 201 and response.json()["status"] == "hidden"
    assert Report.objects.get(post=bad.post).status == Report.Status.HANDLED
    entry = ModerationAction.objects.get(post=bad.post, action="hide")
    assert entry.moderator == people["moderator"] and entry.reason == "insults"
    event = _audited("hide", bad.post)
    assert event.actor_id == people["moderator"].pk and event.detail["moderation_action"] == entry.pk
    assert bad.post.pk not in [i["post_id"] for i in mod.get(QUEUE).json()]
    posts = reader.get(f"/api/v1/community/threads/{sub.thread.pk}").json()["posts"]
    assert bad.post.pk not in [p["id"] for p in posts]
    # Visible in the item's history, and restorable.
    history = mod.get(f"/api/v1/community/moderation/posts/{bad.post.pk}").json()["history"]
    assert [h["action"] for h in history] == ["hide"]
    assert mod.post(ACTIONS, {"post_id": bad.post.pk, "action": "restore"}).json()["status"] == "published"
    _audited("restore", bad.post)


def test_mute_stops_the_author_posting_for_the_period(people, group, api_as):
    sub = start_thread(people["writer"], group)
    api_as(people["reader"]).post(f"/api/v1/community/posts/{sub.post.pk}/report", {"reason": "spam"})
    mod = api_as(people["moderator"], two_factor=True)
    assert mod.post(ACTIONS, {"post_id": sub.post.pk, "action": "mute", "minutes": 60}).status_code == 201
    membership = Membership.objects.get(user=people["writer"], group=group)
    assert timezone.now() + timedelta(minutes=59) < membership.muted_until < timezone.now() + timedelta(minutes=61)
    assert ModerationAction.objects.get(action="mute").member == people["writer"]
    _audited("mute", sub.post)
    assert Notification.objects.filter(user=people["writer"], text__contains="paused").exists()
    blocked = api_as(people["writer"]).post(f"/api/v1/community/threads/{sub.thread.pk}/posts", {"body": "hi"})
    assert blocked.status_code == 403
    assert mod.post(ACTIONS, {"post_id": sub.post.pk, "action": "mute", "minutes": 99999999}).status_code == 422


def test_remove_from_group_and_warn(people, group, api_as):
    sub = start_thread(people["writer"], group)
    mod = api_as(people["moderator"], two_factor=True)
    assert mod.post(ACTIONS, {"post_id": sub.post.pk, "action": "warn"}).status_code == 400  # needs a reason
    assert mod.post(ACTIONS, {"post_id": sub.post.pk, "action": "warn", "reason": "Please read the guidelines"}
                    ).status_code == 201
    assert Notification.objects.filter(user=people["writer"], text__contains="Please read the guidelines").exists()
    assert mod.post(ACTIONS, {"post_id": sub.post.pk, "action": "remove", "reason": "repeated abuse"}
                    ).status_code == 201
    assert Membership.objects.get(user=people["writer"], group=group).status == Membership.Status.REMOVED
    _audited("remove", sub.post)
    assert AuditEvent.objects.filter(action="community.removed", subject_id=people["writer"].pk).exists()
    assert api_as(people["writer"]).get(f"/api/v1/community/threads/{sub.thread.pk}").status_code == 404


def test_reveal_needs_a_reason_a_site_moderator_and_is_audited(people, group, api_as):
    sub = start_thread(people["writer"], group, anonymous=True)
    mod = api_as(people["moderator"], two_factor=True)
    assert mod.post("/api/v1/community/moderation/reveal", {"post_id": sub.post.pk, "reason": "why"}).status_code == 422
    assert not ModerationAction.objects.filter(action="reveal").exists()
    # A facilitator moderates the group but cannot reveal.
    fac = api_as(people["facilitator"], two_factor=True)
    denied = fac.post("/api/v1/community/moderation/reveal", {"post_id": sub.post.pk,
                                                              "reason": "I would like to know who this is"})
    assert denied.status_code == 403 and PSEUDONYM not in denied.content.decode()
    reason = "Threats against another member; safety team asked"
    response = mod.post("/api/v1/community/moderation/reveal", {"post_id": sub.post.pk, "reason": reason})
    assert response.status_code == 200 and response.json()["author"] == PSEUDONYM
    entry = ModerationAction.objects.get(action="reveal")
    assert entry.reason == reason and entry.moderator == people["moderator"] and entry.member == people["writer"]
    event = _audited("reveal", sub.post)
    assert event.actor_id == people["moderator"].pk and reason not in str(event.detail)
    # Not anonymous: nothing to reveal.
    plain = reply(people["reader"], sub.thread)
    assert mod.post("/api/v1/community/moderation/reveal", {"post_id": plain.post.pk, "reason": reason}
                    ).status_code == 400
    # The page form works the same way and shows the name only in its own response.
    client = login_client(people["moderator"], two_factor=True)
    page = client.post(f"/staff/community/posts/{sub.post.pk}/reveal/", {"reason": reason})
    assert page.status_code == 200 and PSEUDONYM in page.content.decode()
    assert PSEUDONYM not in client.get(f"/staff/community/posts/{sub.post.pk}/").content.decode()
    assert ModerationAction.objects.filter(action="reveal").count() == 2


def test_moderation_needs_a_moderator_and_two_factor(people, group, other_group, api_as):
    sub = start_thread(people["writer"], group)
    for user in (people["reader"], people["writer"], people["outsider"]):
        api = api_as(user, two_factor=True)
        assert api.get(QUEUE).status_code == 404
        assert api.post(ACTIONS, {"post_id": sub.post.pk, "action": "hide"}).status_code == 404
        assert api.get(f"/api/v1/community/moderation/posts/{sub.post.pk}").status_code == 404
        assert api.post("/api/v1/community/moderation/reveal",
                        {"post_id": sub.post.pk, "reason": "just curious, honestly"}).status_code == 404
        assert login_client(user, two_factor=True).get(f"/staff/community/posts/{sub.post.pk}/").status_code == 404
    # A facilitator of another group cannot act here.
    Membership.objects.filter(user=people["outsider"]).update(role=Membership.Role.FACILITATOR)
    assert api_as(people["outsider"], two_factor=True).post(
        ACTIONS, {"post_id": sub.post.pk, "action": "hide"}).status_code == 404
    # Without a second factor a moderator is refused.
    assert api_as(people["moderator"]).get(QUEUE).status_code == 403
    assert api_as(people["moderator"]).post(ACTIONS, {"post_id": sub.post.pk, "action": "hide"}).status_code == 403
    assert login_client(people["moderator"]).get("/staff/community/").status_code == 302
    assert Post.objects.get(pk=sub.post.pk).status == Post.Status.PUBLISHED
    assert not ModerationAction.objects.exists()


def test_decisions_on_screened_posts_become_labelled_examples(people, group, api_as):
    sub = start_thread(people["writer"], group)
    held = reply(people["writer"], sub.thread, body=CRISIS_TEXT)
    assert held.post.status == Post.Status.HELD
    # Crisis items are for site moderators: a facilitator's queue does not show them.
    fac = api_as(people["facilitator"], two_factor=True)
    assert held.post.pk not in [i["post_id"] for i in fac.get(QUEUE).json()]
    assert fac.post(ACTIONS, {"post_id": held.post.pk, "action": "approve"}).status_code == 404
    mod = api_as(people["moderator"], two_factor=True)
    item = next(i for i in mod.get(QUEUE).json() if i["post_id"] == held.post.pk)
    assert item["screening"]["level"] in {"high", "imminent"} and item["screening"]["reasons"]
    assert mod.post(ACTIONS, {"post_id": held.post.pk, "action": "hide"}).status_code == 201
    screened = ScreenedItem.objects.get(source="community.post", source_id=str(held.post.pk))
    assert screened.label == "true_concern" and screened.status == "removed"
    assert screened.reviewed_by_id == people["moderator"].pk
    assert AuditEvent.objects.filter(action="safety.item_reviewed", object_id=str(screened.pk)).exists()
    # Another one a moderator releases, saying screening was wrong.
    second = reply(people["reader"], sub.thread, body="I could kill myself laughing at this film")
    if second.post.status == Post.Status.HELD:
        assert mod.post(ACTIONS, {"post_id": second.post.pk, "action": "approve", "label": "false_alarm"}
                        ).json()["status"] == "published"
        item2 = ScreenedItem.objects.get(source="community.post", source_id=str(second.post.pk))
        assert item2.label == "false_alarm" and item2.status == "released"
    from hearthside.safety.actions import labelled_examples

    assert (CRISIS_TEXT, 1) in list(labelled_examples())


def test_escalate_raises_a_safety_alert(people, group, api_as):
    sub = start_thread(people["writer"], group, body="I don't see the point of anything any more")
    mod = api_as(people["moderator"], two_factor=True)
    before = SafetyAlert.objects.filter(person=people["writer"]).count()
    response = mod.post(ACTIONS, {"post_id": sub.post.pk, "action": "escalate", "reason": "worried",
                                  "level": "high"})
    assert response.status_code == 201
    alert = SafetyAlert.objects.filter(person=people["writer"]).order_by("-pk").first()
    assert SafetyAlert.objects.filter(person=people["writer"]).count() == before + 1
    assert alert.level == "high" and alert.source == "community.post" and alert.source_id == str(sub.post.pk)
    assert _audited("escalate", sub.post).detail["alert"] == alert.pk


def test_moderation_pages_render_and_act(people, group):
    sub = start_thread(people["writer"], group)
    bad = reply(people["writer"], sub.thread, body="Nobody cares about you")
    Report.objects.create(post=bad.post, reporter=people["reader"], reason="cruel")
    client = login_client(people["moderator"], two_factor=True)
    queue = client.get("/staff/community/")
    html = queue.content.decode()
    assert queue.status_code == 200 and "cruel" in html and " style=" not in html and "<script>" not in html
    item = client.get(f"/staff/community/posts/{bad.post.pk}/")
    assert item.status_code == 200 and "Nobody cares about you" in item.content.decode()
    response = client.post(f"/staff/community/posts/{bad.post.pk}/", {"action": "hide", "reason": "cruel"})
    assert response.status_code == 302
    bad.post.refresh_from_db()
    assert bad.post.status == Post.Status.HIDDEN
    assert client.post(f"/staff/community/posts/{bad.post.pk}/", {"action": "warn"}).status_code == 400
    # The hidden post shows as such to moderators in the thread, with a link to act on it.
    thread_page = client.get(f"/groups/anxiety/forum/t/{sub.thread.pk}/").content.decode()
    assert "Hidden by a moderator" in thread_page and f"/staff/community/posts/{bad.post.pk}/" in thread_page


def test_a_facilitator_cannot_reveal_an_anonymous_author_by_removing_or_muting_them(people, group, api_as):
    """Issue #17: a facilitator who removed an anonymous post's author saw them vanish from the
    member list -- a reveal with no reason and no reveal record."""
    sub = start_thread(people["writer"], group, anonymous=True)
    fac = api_as(people["facilitator"], two_factor=True)
    for action in ("remove", "mute"):
        refused = fac.post(ACTIONS, {"post_id": sub.post.pk, "action": action, "reason": "breaking the guidelines"})
        assert refused.status_code == 400 and "anonymous" in refused.json()["detail"], refused.content
    assert Membership.objects.get(user=people["writer"], group=group).status == Membership.Status.ACTIVE
    assert Membership.objects.get(user=people["writer"], group=group).muted_until is None
    # Warning reveals nothing: still open to the facilitator.
    assert fac.post(ACTIONS, {"post_id": sub.post.pk, "action": "warn", "reason": "Please be kinder"}).status_code == 201
    # A site moderator may, with a reason, and it is recorded as a reveal.
    mod = api_as(people["moderator"], two_factor=True)
    assert mod.post(ACTIONS, {"post_id": sub.post.pk, "action": "remove", "reason": "short"}).status_code == 400
    assert mod.post(ACTIONS, {"post_id": sub.post.pk, "action": "remove",
                              "reason": "Repeated threats; safety team decided"}).status_code == 201
    reveal = ModerationAction.objects.get(action="reveal", post=sub.post)
    assert reveal.moderator == people["moderator"] and reveal.reason == "Repeated threats; safety team decided"
    assert Membership.objects.get(user=people["writer"], group=group).status == Membership.Status.REMOVED
