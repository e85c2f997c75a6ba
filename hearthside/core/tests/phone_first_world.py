"""The demo site, as the phone-first browser tests see it (issue #18).

``build()`` loads the demo content (``hearthside demo``) and adds the few objects it does not hold,
so that every page with an id in its address has something to show, and fills the chats so that
their logs are as tall as they get. ``PAGES`` says which roles reach each page of the URL map;
``NOT_PAGES`` says why the rest are not opened. ``url_for`` fills a pattern's parameters.
"""

from __future__ import annotations

import io
import re
from datetime import timedelta

ANON = "anon"
MEMBER = "demo-member"  # River: check-ins, a practitioner, a friend, groups
MEMBER2 = "demo-member2"  # Sky: River's friend, in a live support-line conversation
PEER = "demo-peer"  # peer supporter, a group facilitator
PRACTITIONER = "demo-practitioner"  # River's practitioner
MODERATOR = "demo-moderator"  # on duty for safety alerts
SUPERVISOR = "demo-supervisor"  # clinical supervisor of the support line
ADMIN = "demo-admin"

SIGNED_IN = frozenset({MEMBER, MEMBER2, PEER, PRACTITIONER, MODERATOR, SUPERVISOR, ADMIN})
EVERYONE = SIGNED_IN | {ANON}
ROLES = (ANON, MEMBER, MEMBER2, PEER, PRACTITIONER, MODERATOR, SUPERVISOR, ADMIN)
# Staff roles sign in with a second factor (a staff page asks for it first); members need none.
STAFF = frozenset({PEER, PRACTITIONER, MODERATOR, SUPERVISOR, ADMIN})

ON_DUTY = frozenset({MODERATOR, SUPERVISOR, ADMIN})  # safety alerts, review, roster, paging
# The demo groups' members (the peer facilitates them) and the site's moderators.
GROUP_READERS = frozenset({MEMBER, MEMBER2, PEER, MODERATOR, ADMIN})
COMMUNITY_MODERATORS = frozenset({PEER, MODERATOR, ADMIN})  # a facilitator moderates their groups
LINE_DESK = frozenset({PEER, PRACTITIONER, SUPERVISOR, ADMIN})
FRIENDS_MODERATORS = frozenset({MODERATOR, ADMIN})
# Not in care with anyone: the messages list (River and the practitioner go straight to their thread).
NO_THREAD = SIGNED_IN - {MEMBER, PRACTITIONER}

# Pattern (as the URL resolver writes it) -> the roles that reach it: a 200 page for these, never
# for anyone else.
PAGES: dict[str, frozenset] = {
    "": EVERYONE,
    "accounts/signup/": frozenset({ANON}),  # signed in, it goes home
    "accounts/login/": EVERYONE,
    "accounts/settings/": SIGNED_IN,
    "accounts/password/": SIGNED_IN,
    "accounts/two-factor/": SIGNED_IN,
    "accounts/consents/": SIGNED_IN,
    "accounts/tokens/": SIGNED_IN,
    "accounts/privacy/": SIGNED_IN,
    "accounts/password-reset/": EVERYONE,
    "accounts/password-reset/sent/": EVERYONE,
    # River's reset link, as an e-mail gives it; it goes on to the form at its own address.
    "accounts/password-reset/<uidb64>/<token>/": EVERYONE,
    "help/": EVERYONE,
    "help/offline/": SIGNED_IN,
    "help/protocol/": EVERYONE,
    "help/contact/": SIGNED_IN,
    "help/plan/": SIGNED_IN,
    "help/plan/<slug:step>/": SIGNED_IN,
    "staff/safety/": ON_DUTY,
    "staff/safety/alerts/<int:alert_id>/": ON_DUTY,
    "staff/safety/review/": ON_DUTY,
    "staff/safety/roster/": ON_DUTY,
    "staff/safety/reports/": frozenset({SUPERVISOR, ADMIN}),
    "staff/paging/": ON_DUTY,
    # Self-care: every signed-in person's own pages, and River's records, which only River opens.
    **dict.fromkeys(["selfcare/", "selfcare/checkin/", "selfcare/offline/", "selfcare/checkins/"], SIGNED_IN),
    "selfcare/checkins/<int:checkin_id>/": frozenset({MEMBER}),
    **dict.fromkeys(["selfcare/insights/", "selfcare/journal/", "selfcare/journal/new/"], SIGNED_IN),
    "selfcare/journal/<int:entry_id>/": frozenset({MEMBER}),
    **dict.fromkeys(["selfcare/questionnaires/", "selfcare/questionnaires/<slug:slug>/"], SIGNED_IN),
    "selfcare/responses/<int:response_id>/": frozenset({MEMBER}),
    **dict.fromkeys(["selfcare/reminders/", "selfcare/exercises/", "selfcare/exercises/<slug:slug>/"], SIGNED_IN),
    "selfcare/exercise-sessions/<int:session_id>/": frozenset({MEMBER}),
    **dict.fromkeys(["selfcare/immersive/self-compassion/", "selfcare/sharing/"], SIGNED_IN),
    "selfcare/library/": EVERYONE,
    "selfcare/library/<slug:slug>/": EVERYONE,
    "groups/": SIGNED_IN,
    "groups/muted/": SIGNED_IN,
    "groups/<slug:slug>/": SIGNED_IN,  # a member's chat; anyone else's "join" page
    "groups/<slug:slug>/forum/": GROUP_READERS,
    "groups/<slug:slug>/forum/search/": GROUP_READERS,
    "groups/<slug:slug>/forum/t/<int:thread_id>/": GROUP_READERS,
    "groups/<slug:slug>/forum/p/<int:post_id>/edit/": frozenset({MEMBER2}),  # its author
    "groups/<slug:slug>/meetings/": GROUP_READERS,
    "groups/<slug:slug>/meetings/<int:meeting_id>/": GROUP_READERS,
    "staff/community/": COMMUNITY_MODERATORS,
    "staff/community/posts/<int:post_id>/": COMMUNITY_MODERATORS,
    "care/": SIGNED_IN,
    "care/practitioners/": SIGNED_IN,
    "care/match/": SIGNED_IN,
    "care/practitioners/<int:profile_id>/": SIGNED_IN,
    "care/appointments/": SIGNED_IN,
    "care/calendar/": SIGNED_IN,
    "care/practice/": frozenset({PRACTITIONER}),
    "care/verify/": frozenset({ADMIN}),
    "care/messages/": NO_THREAD,
    "care/messages/<int:relationship_id>/": frozenset({MEMBER, PRACTITIONER}),
    "care/clients/<int:relationship_id>/": frozenset({PRACTITIONER}),
    "care/clients/<int:relationship_id>/journal/<int:entry_id>/": frozenset({PRACTITIONER}),
    "care/who-looked/": SIGNED_IN,
    "care/appointments/<int:appointment_id>/room/": frozenset({MEMBER, PRACTITIONER}),
    "care/appointments/<int:appointment_id>/review/": frozenset({MEMBER}),
    "companion/": SIGNED_IN,
    # Sky has a live conversation (see build()): the start page sends Sky to it.
    "support-line/": EVERYONE - {MEMBER2},
    "support-line/c/<int:conversation_id>/": frozenset({MEMBER2}),
    "support-line/desk/": LINE_DESK,
    # The supporter in it, and a supervisor and an administrator, who may read along.
    "support-line/desk/c/<int:conversation_id>/": frozenset({PEER, SUPERVISOR, ADMIN}),
    "support-line/desk/dashboard/": frozenset({SUPERVISOR, ADMIN}),
    "friends/": SIGNED_IN,
    "friends/chat/<int:connection_id>/": frozenset({MEMBER, MEMBER2}),
    "friends/reach-outs/": SIGNED_IN,
    "friends/strategies/": SIGNED_IN,
    "friends/moderation/": FRIENDS_MODERATORS,
}

# A form's action: GET answers 405 (the probe checks it), so there is no page to look at.
POST_ONLY = "POST only: the action of a form on another page"
NOT_PAGES: dict[str, str] = {
    "healthz": "a health check for load balancers (JSON), not a page",
    "sw.js": "the site's service worker (a script), not a page",
    "manifest.webmanifest": "the web app manifest (JSON), not a page",
    "device/session": "JSON for the offline script (device.py), not a page",
    "staff/paging/sw.js": "the paging service worker (a script), not a page",
    "care/calendar/<str:token>.ics": "an iCalendar feed for calendar apps, not a page",
    "support-line/c/<int:conversation_id>/transcript.txt": "a plain-text download, not a page",
    "accounts/login/code/": "the second step of log-in: it needs the first step in the same session and "
                            "sends anyone else back to it (the log-in browser test goes through it)",
    "theme/": POST_ONLY,
    "accounts/logout/": POST_ONLY,
    "accounts/two-factor/disable/": POST_ONLY,
    "accounts/tokens/<int:token_id>/revoke/": POST_ONLY,
    "accounts/privacy/export/": POST_ONLY,
    "accounts/privacy/delete/": POST_ONLY,
    "help/contact/<int:route_id>/withdraw/": POST_ONLY,
    "help/plan/sharing/": POST_ONLY,
    "staff/safety/alerts/<int:alert_id>/action/": POST_ONLY,
    "staff/paging/subscribe/": POST_ONLY,
    "staff/paging/unsubscribe/": POST_ONLY,
    "selfcare/checkins/<int:checkin_id>/delete/": POST_ONLY,
    "selfcare/journal/<int:entry_id>/delete/": POST_ONLY,
    "selfcare/notifications/read/": POST_ONLY,
    "groups/<slug:slug>/forum/content-warnings/": POST_ONLY,
    "groups/<slug:slug>/forum/p/<int:post_id>/cancel/": POST_ONLY,
    "groups/<slug:slug>/forum/p/<int:post_id>/react/": POST_ONLY,
    "groups/<slug:slug>/forum/p/<int:post_id>/report/": POST_ONLY,
    "staff/community/posts/<int:post_id>/reveal/": POST_ONLY,
    "staff/community/chat/<int:message_id>/": POST_ONLY,
    "groups/<slug:slug>/join/": POST_ONLY,
    "groups/<slug:slug>/leave/": POST_ONLY,
    "care/practitioners/<int:profile_id>/choose/": POST_ONLY,
    "care/practitioners/<int:profile_id>/book/": POST_ONLY,
    "care/appointments/<int:appointment_id>/cancel/": POST_ONLY,
    "companion/consent/": POST_ONLY,
    "companion/new/": POST_ONLY,
    "companion/handoff/": POST_ONLY,
    "companion/conversations/<int:conversation_id>/delete/": POST_ONLY,
    "companion/forget/": POST_ONLY,
    "support-line/c/<int:conversation_id>/end/": POST_ONLY,
    "support-line/c/<int:conversation_id>/reply/": POST_ONLY,
    "support-line/c/<int:conversation_id>/leave-message/": POST_ONLY,
    "support-line/c/<int:conversation_id>/feedback/": POST_ONLY,
    "support-line/c/<int:conversation_id>/delete/": POST_ONLY,
    "friends/profile/": POST_ONLY,
    "friends/profile/discoverable/": POST_ONLY,
    "friends/peers/<int:profile_id>/request/": POST_ONLY,
    "friends/connections/<int:connection_id>/respond/": POST_ONLY,
    "friends/connections/<int:connection_id>/end/": POST_ONLY,
    "friends/connections/<int:connection_id>/block/": POST_ONLY,
    "friends/connections/<int:connection_id>/messages/<int:seq>/report/": POST_ONLY,
    "friends/connections/<int:connection_id>/circle/": POST_ONLY,
    "friends/circle/<int:circle_id>/answer/": POST_ONLY,
    "friends/circle/<int:circle_id>/plan/": POST_ONLY,
    "friends/circle/<int:circle_id>/leave/": POST_ONLY,
    "friends/reach-out/": POST_ONLY,
    "friends/reach-outs/<int:delivery_id>/reply/": POST_ONLY,
    "friends/strategies/<int:strategy_id>/<str:what>/": POST_ONLY,
    "friends/moderation/reports/<int:report_id>/": POST_ONLY,
    "friends/moderation/held/<int:connection_id>/": POST_ONLY,
}

# Pages whose first answer is a redirect to the page itself at another address.
FOLLOWS_REDIRECT = frozenset({"accounts/password-reset/<uidb64>/<token>/"})

# The chats, with the role that writes in each: the phone test looks for their composers.
CHATS = [
    (MEMBER, "groups/<slug:slug>/", "#chat-input"),
    (MEMBER, "friends/chat/<int:connection_id>/", "#chat-input"),
    (MEMBER2, "support-line/c/<int:conversation_id>/", "#sl-input"),
    (PEER, "support-line/desk/c/<int:conversation_id>/", "#sl-input"),
    (MEMBER, "companion/", "#companion-input"),
    (MEMBER, "care/messages/<int:relationship_id>/", "#care-input"),
    (PRACTITIONER, "care/messages/<int:relationship_id>/", "#care-input"),
]

CALM = [
    "Evenings are still the hardest part of the day for me.",
    "I went for a short walk after work and it helped a little.",
    "Thanks for listening, it means a lot to be heard.",
    "I wrote three things down before bed like we said.",
    "Some days are better than others, and that is alright.",
]
LOG_LENGTH = 24  # enough for every chat log to reach its greatest height


def walk_patterns():
    # The same walk as the access matrix: every URL pattern except the admin, the JSON API and i18n.
    from hearthside.core.tests.test_access_matrix import walk_patterns as walk

    return list(walk())


def url_for(pattern: str, values: dict) -> str:
    def value(match):
        name = match.group(1)
        for regex, param, found in values["by_path"]:
            if param == name and re.search(regex, pattern):
                return str(found)
        return str(values["ids"][name])

    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", value, pattern)


def build() -> dict:
    """Load the demo, add what it lacks, and return the values for the patterns' parameters."""
    from django.contrib.auth.tokens import default_token_generator
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    from hearthside.accounts.actions import do_create_token
    from hearthside.accounts.models import User
    from hearthside.care import models as care
    from hearthside.community import models as community
    from hearthside.community.forum import actions as forum
    from hearthside.companion import models as companion
    from hearthside.friends import models as friends
    from hearthside.safety import models as safety
    from hearthside.selfcare import models as selfcare
    from hearthside.selfcare.actions import check_share
    from hearthside.supportline import actions as line

    call_command("demo", stdout=io.StringIO())
    users = {u.username: u for u in User.objects.filter(username__in=SIGNED_IN)}
    river, sky, peer = users[MEMBER], users[MEMBER2], users[PEER]
    now = timezone.now()
    group = community.Group.objects.get(slug="living-with-anxiety")
    relationship = care.CareRelationship.objects.get(client=river, status="active")
    connection = friends.Connection.objects.get(requester=river, recipient=sky)

    with transaction.atomic():
        # What the demo does not hold. A journal entry River shares with the practitioner, an
        # exercise started, a forum thread by Sky, a safety alert about Sky, a report about a
        # message of Sky's, a reach-out to River, a token and a contact route of River's.
        entry = selfcare.JournalEntry.objects.create(user=river, body="A quieter day. The walk helped.")
        check_share(river, "journal_entry", journal_entry=entry)
        exercise = selfcare.ExerciseSession.objects.create(user=river, exercise="box-breathing")
        submitted = forum.check_create_thread(sky, forum.viewer_for(sky, group), "Small wins this week",
                                              "I made it to the shop on my own on Tuesday.")
        alert = safety.SafetyAlert.objects.create(person=sky, source="demo", level="high",
                                                  ack_deadline=now + timedelta(minutes=30))
        report = friends.PeerReport.objects.create(reporter=river, reported=sky, reason="Felt pushy",
                                                   message=connection.messages.filter(author=sky).first())
        reach_out = friends.ReachOut.objects.create(sender=sky, body="Thinking of you today.")
        delivery = friends.ReachOutDelivery.objects.create(reach_out=reach_out, recipient=river)
        token, _raw = do_create_token(river, "Phone", "read", two_factor=False)
        route = safety.ContactRoute.objects.create(user=river, kind="in_app", consent_text="demo")

        # Long chats: the phone test checks the composer with each log at its tallest.
        first_chat = group.last_seq + 1
        community.ChatMessage.objects.bulk_create([
            community.ChatMessage(group=group, seq=first_chat + i, author=(river, sky, peer)[i % 3],
                                  client_id=f"phone-{i}", body=CALM[i % len(CALM)]) for i in range(LOG_LENGTH)])
        group.last_seq = first_chat + LOG_LENGTH - 1
        group.save(update_fields=["last_seq"])
        first_peer = connection.last_seq + 1
        friends.PeerMessage.objects.bulk_create([
            friends.PeerMessage(connection=connection, seq=first_peer + i, author=(river, sky)[i % 2],
                                client_id=f"phone-{i}", body=CALM[i % len(CALM)]) for i in range(LOG_LENGTH)])
        connection.last_seq = first_peer + LOG_LENGTH - 1
        connection.save(update_fields=["last_seq"])
        first_care = relationship.last_seq + 1
        care.Message.objects.bulk_create([
            care.Message(relationship=relationship, seq=first_care + i,
                         author=(river, users[PRACTITIONER])[i % 2], client_id=f"phone-{i}",
                         body=CALM[i % len(CALM)]) for i in range(LOG_LENGTH)])
        relationship.last_seq = first_care + LOG_LENGTH - 1
        relationship.save(update_fields=["last_seq"])
        talk = companion.Conversation.objects.filter(user=river).order_by("-pk").first()
        first_talk = talk.last_seq + 1
        companion.Message.objects.bulk_create([
            companion.Message(conversation=talk, seq=first_talk + i, role=("person", "companion")[i % 2],
                              client_id=f"phone-{i}", body=CALM[i % len(CALM)]) for i in range(LOG_LENGTH)])
        talk.last_seq = first_talk + LOG_LENGTH - 1
        talk.save(update_fields=["last_seq"])

    # A live support-line conversation: Sky with the peer supporter. (Not River: a live one would
    # put itself above River's companion, whose own composer the phone test looks for.)
    line.check_start(sky, CALM[0])
    conversation = line.check_help_next(peer)
    for i in range(LOG_LENGTH // 2):
        line.check_send((sky, peer)[i % 2], conversation, f"phone-{i}", CALM[i % len(CALM)])

    ids = {
        "step": "warning_signs",
        "alert_id": alert.pk,
        "checkin_id": selfcare.CheckIn.objects.filter(user=river).first().pk,
        "entry_id": entry.pk,
        "response_id": selfcare.QuestionnaireResponse.objects.filter(user=river).first().pk,
        "session_id": exercise.pk,
        "slug": group.slug,
        "thread_id": submitted.post.thread_id,
        "post_id": submitted.post.pk,
        "message_id": community.ChatMessage.objects.filter(group=group).first().pk,
        "meeting_id": community.Meeting.objects.filter(group=group).first().pk,
        "profile_id": care.PractitionerProfile.objects.get(user=users[PRACTITIONER]).pk,
        "relationship_id": relationship.pk,
        "appointment_id": care.Appointment.objects.filter(client=river).first().pk,
        "conversation_id": conversation.pk,
        "connection_id": connection.pk,
        "report_id": report.pk,
        "token_id": token.pk,
        "route_id": route.pk,
        "circle_id": friends.CircleMember.objects.get(owner=river).pk,
        "delivery_id": delivery.pk,
        "strategy_id": friends.Strategy.objects.first().pk,
        "what": "helped",
        "seq": 1,
        "uidb64": urlsafe_base64_encode(force_bytes(river.pk)),
        "token": default_token_generator.make_token(river),
    }
    by_path = [
        (r"^selfcare/questionnaires/", "slug", "phq9"),
        (r"^selfcare/exercises/", "slug", "box-breathing"),
        (r"^selfcare/library/", "slug", selfcare.Article.objects.filter(published=True).first().slug),
        (r"^companion/", "conversation_id", talk.pk),
        (r"^friends/", "profile_id", friends.PeerProfile.objects.get(user=sky).pk),
        (r"^care/calendar/", "token", "not-a-page"),
    ]
    return {"ids": ids, "by_path": by_path, "users": users}
