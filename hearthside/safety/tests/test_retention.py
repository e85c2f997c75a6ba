"""The safety layer's copies of what people wrote follow the person's choices (issue #17):
deleted with their source, and expired after the retention period unless an alert is open."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from hearthside.conftest import make_user
from hearthside.safety import actions
from hearthside.safety.models import SafetyAlert, ScreenedItem

CRISIS = "I have the pills saved up and I'm going to take them all tonight."


@pytest.mark.django_db
def test_deleting_a_support_line_transcript_deletes_the_flagged_copies():
    from hearthside.supportline import actions as line

    person = make_user("person")
    other = make_user("other")
    conversation = line.check_start(person, CRISIS)
    line.check_start(other, CRISIS)
    assert ScreenedItem.objects.filter(author=person).count() == 1
    line.check_end_by_person(person, conversation)
    conversation.refresh_from_db()
    line.check_delete_transcript(person, conversation)
    assert not ScreenedItem.objects.filter(author=person).exists()
    assert ScreenedItem.objects.filter(author=other).count() == 1  # nobody else's
    alert = SafetyAlert.objects.get(person=person)  # the alert and its timeline stay, without words
    assert alert.item_id is None and alert.events.filter(kind="raised").exists()


@pytest.mark.django_db
def test_the_retention_sweep_of_the_support_line_takes_the_copies_too(settings):
    from hearthside.supportline import actions as line

    person = make_user("person")
    moderator = make_user("mod", "moderator")
    conversation = line.check_start(person, CRISIS)
    line.check_end_by_person(person, conversation)
    actions.check_resolve(moderator, SafetyAlert.objects.get(person=person), "supported")
    with time_machine.travel(timezone.now() + timedelta(days=settings.SUPPORTLINE_RETENTION_DAYS + 1)):
        line.purge_expired()
    assert not ScreenedItem.objects.filter(author=person).exists()


@pytest.mark.django_db
def test_deleting_a_companion_conversation_deletes_the_flagged_copies():
    from hearthside.companion.models import Conversation

    person = make_user("person")
    conversation = Conversation.objects.create(user=person)
    actions.screen_and_route(person, CRISIS, "companion", source_id=conversation.pk)
    assert ScreenedItem.objects.filter(author=person, source="companion").exists()
    from hearthside.companion.actions import do_delete_conversation

    do_delete_conversation(person, conversation)
    assert not ScreenedItem.objects.filter(author=person).exists()


@pytest.mark.django_db
def test_flagged_copies_expire_after_the_retention_unless_an_alert_is_open(settings):
    settings.SAFETY_SCREENED_RETENTION_DAYS = 30
    moderator = make_user("mod", "moderator")
    resolved_person, open_person, quiet_person = make_user("a"), make_user("b"), make_user("c")
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        done = actions.screen_and_route(resolved_person, CRISIS, "community.chat", source_id=1)
        still_open = actions.screen_and_route(open_person, CRISIS, "community.chat", source_id=2)
        moderate = actions.screen_and_route(quiet_person, "I want to die, I can't take it anymore", "friends.chat",
                                            source_id=3)
        actions.check_resolve(moderator, moderate.alert, "false_alarm")
        clock.shift(timedelta(days=20))
        actions.check_resolve(moderator, done.alert, "supported")   # resolved on day 20
        clock.shift(timedelta(days=15))                             # day 35
        assert actions.expire_screened_items() == 1                 # quiet's: kept 35 days, alert closed day 0
        assert set(ScreenedItem.objects.values_list("author__username", flat=True)) == {"a", "b"}
        clock.shift(timedelta(days=20))                             # day 55: 35 days after a's resolution
        assert actions.expire_screened_items() == 1
        assert list(ScreenedItem.objects.values_list("pk", flat=True)) == [still_open.item.pk]
        clock.shift(timedelta(days=400))
        assert actions.expire_screened_items() == 0                 # an open alert keeps its words
    assert SafetyAlert.objects.count() == 3                         # alerts (no words) stay
