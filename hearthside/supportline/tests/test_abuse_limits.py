"""Abuse on the support line (issue #17): a flood of anonymous crisis openings from one address
is stopped at the door with the crisis lines shown, and a supporter can mark a conversation as
abuse, which clears the alert it raised."""

from __future__ import annotations

import pytest
from django.test import Client

from hearthside.conftest import login_client, make_user
from hearthside.core.models import AuditEvent
from hearthside.safety.models import SafetyAlert, ScreenedItem
from hearthside.supportline import actions
from hearthside.supportline.models import Conversation

CRISIS_OPENING = "I'm going to kill myself tonight, I have the pills ready"


@pytest.fixture(autouse=True)
def _low_limit(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "supportline.guest": "3/h"}


def _worked(client) -> dict:
    """What pow.js sends: the page's challenge and a counter that solves it."""
    import re

    from hearthside.core import pow

    page = client.get("/support-line/").content.decode()
    challenge = re.search(r'name="pow_challenge" value="([^"]+)"', page).group(1)
    counter = next(str(i) for i in range(10**7) if pow.solves(challenge, str(i)))
    return {"pow_challenge": challenge, "pow_counter": counter}


@pytest.mark.django_db
def test_a_flood_of_anonymous_entries_from_one_address_is_stopped_with_the_lines_shown():
    make_user("gb-default", country="GB")
    for i in range(3):
        client = Client(REMOTE_ADDR="203.0.113.9")
        response = client.post("/support-line/", {"opening": CRISIS_OPENING, **_worked(client)})
        assert response.status_code == 302, i
    client = Client(REMOTE_ADDR="203.0.113.9")
    flooded = client.post("/support-line/", {"opening": CRISIS_OPENING, **_worked(client)})
    assert flooded.status_code == 429
    page = flooded.content.decode()
    assert 'id="sl-limited"' in page and "call" in page.lower()
    assert Conversation.objects.count() == 3          # the fourth made nothing: no guest, no alert
    assert SafetyAlert.objects.count() == 3
    assert AuditEvent.objects.filter(action="supportline.guest_limited").count() == 1
    # Someone else, elsewhere, still gets in.
    assert Client(REMOTE_ADDR="198.51.100.20").post("/support-line/", {"opening": "hi"}).status_code == 302
    # A signed-in member is not counted against the address limit.
    member = login_client(make_user("member"))
    assert member.post("/support-line/", {"opening": "hello"}, REMOTE_ADDR="203.0.113.9").status_code == 302


@pytest.mark.django_db
def test_the_limit_can_be_switched_off(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "supportline.guest": "", "supportline.guest_unverified": ""}
    for _ in range(5):
        assert Client(REMOTE_ADDR="203.0.113.9").post("/support-line/", {"opening": "hi"}).status_code == 302


@pytest.mark.django_db
def test_marking_as_abuse_ends_it_labels_it_and_clears_its_alert():
    supporter = make_user("alex", "peer_supporter")
    guest_client = Client(REMOTE_ADDR="203.0.113.9")
    guest_client.post("/support-line/", {"opening": CRISIS_OPENING})
    conversation = Conversation.objects.get()
    alert = SafetyAlert.objects.get(person=conversation.person)
    assert alert.status == "open"
    assert actions.check_help_next(supporter).pk == conversation.pk
    staff = login_client(supporter, two_factor=True)
    page = staff.get(f"/support-line/desk/c/{conversation.pk}/").content.decode()
    assert 'data-testid="mark-abuse"' in page
    response = staff.post(f"/support-line/desk/c/{conversation.pk}/", {"action": "abuse", "note": "12 in a second"})
    assert response.status_code == 302
    conversation.refresh_from_db()
    alert.refresh_from_db()
    assert conversation.status == "ended" and conversation.outcome == "abuse"
    assert alert.status == "resolved" and alert.outcome == "false_alarm" and alert.resolved_by_id == supporter.pk
    step = alert.events.get(kind="resolved")
    assert step.detail["why"] == "marked_abuse" and step.note == "12 in a second"
    assert set(ScreenedItem.objects.filter(source=actions.SOURCE).values_list("label", flat=True)) == {"false_alarm"}
    # Only the conversation's own supporter (or a joined supervisor) can do it; twice is refused.
    other = make_user("sam", "peer_supporter")
    assert login_client(other, two_factor=True).post(f"/support-line/desk/c/{conversation.pk}/",
                                                     {"action": "abuse"}).status_code == 404
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        actions.check_mark_abuse(supporter, conversation)


@pytest.mark.django_db
def test_marking_as_abuse_leaves_alerts_from_elsewhere_alone():
    from hearthside.safety.actions import screen_and_route

    supporter = make_user("alex", "peer_supporter")
    member = make_user("member")
    # The member's real crisis in a group first: one incident...
    screen_and_route(member, CRISIS_OPENING, "community.chat", source_id=1)
    conversation = actions.check_start(member, "hello")
    assert actions.check_help_next(supporter).pk == conversation.pk
    conversation.refresh_from_db()
    actions.check_mark_abuse(supporter, conversation, "rude")
    # ...which the support-line judgement does not touch.
    assert SafetyAlert.objects.get(person=member).status == "open"


@pytest.mark.django_db
def test_without_the_proof_of_work_fewer_entries_are_let_through_never_none(settings):
    """A browser without JavaScript still reaches a supporter; a script flooding without doing
    the work is stopped sooner (issue #17's "light proof of work")."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "supportline.guest": "6/h", "supportline.guest_unverified": "2/h"}
    plain = [Client(REMOTE_ADDR="203.0.113.50").post("/support-line/", {"opening": "hello"}).status_code
             for _ in range(3)]
    assert plain == [302, 302, 429]
    # The work done, the usual limit applies; an answer is good once only.
    client = Client(REMOTE_ADDR="203.0.113.50")
    worked = _worked(client)
    assert client.post("/support-line/", {"opening": "hello", **worked}).status_code == 302
    again = Client(REMOTE_ADDR="203.0.113.50").post("/support-line/", {"opening": "hello", **worked})
    assert again.status_code == 429  # a reused answer counts as no work, and that limit is spent


def test_proof_of_work_checks():
    from hearthside.core import pow

    issued = pow.issue()
    challenge = issued["challenge"]
    counter = next(str(i) for i in range(10**7) if pow.solves(challenge, str(i)))
    wrong = next(str(i) for i in range(10**7) if not pow.solves(challenge, str(i)))
    assert not pow.verify(challenge, wrong)
    assert not pow.verify(challenge[:-2] + "xx", counter)          # forged challenge
    assert not pow.verify(challenge, "not-a-number")
    assert pow.verify(challenge, counter)
    assert not pow.verify(challenge, counter)                     # used once
    import time_machine
    from django.utils import timezone

    late = pow.issue()["challenge"]
    late_counter = next(str(i) for i in range(10**7) if pow.solves(late, str(i)))
    with time_machine.travel(timezone.now() + timezone.timedelta(hours=1)):
        assert not pow.verify(late, late_counter)                 # too old
