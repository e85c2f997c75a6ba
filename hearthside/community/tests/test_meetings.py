"""Facilitated meetings: scheduling in the facilitator's zone, shown in each person's, capacity,
RSVP, reminders by the sweep (once), and the live room marked in the group's chat."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

from hearthside.community import actions, meetings
from hearthside.community.models import Meeting, MeetingRSVP
from hearthside.conftest import login_client
from hearthside.selfcare.models import Notification

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def _schedule(people, group, **fields):
    values = {"title": "Monday evening circle", "starts_at": "2026-03-02T19:00", "duration_minutes": 60}
    values.update(fields)
    return meetings.check_schedule(people["facilitator"], group, values, now=NOW)


@time_machine.travel(NOW, tick=False)
def test_times_are_entered_in_the_facilitators_zone_and_shown_in_each_persons(people, group):
    people["facilitator"].time_zone = "Europe/Berlin"  # UTC+1 in March
    people["facilitator"].save(update_fields=["time_zone"])
    people["reader"].time_zone = "America/New_York"  # UTC-5 until 8 March
    people["reader"].save(update_fields=["time_zone"])
    meeting = _schedule(people, group)
    assert meeting.starts_at == datetime(2026, 3, 2, 18, 0, tzinfo=UTC)
    seen = meetings.upcoming(people["reader"], group)[0]
    assert seen["starts_local"].strftime("%H:%M") == "13:00" and seen["time_zone"] == "America/New_York"
    assert seen["facilitator"] == people["facilitator"].pseudonym
    page = login_client(people["reader"]).get(f"/groups/{group.slug}/meetings/").content.decode()
    assert "13:00" in page and "America/New_York" in page
    assert meetings.upcoming(people["facilitator"], group)[0]["starts_local"].strftime("%H:%M") == "19:00"


@time_machine.travel(NOW, tick=False)
def test_only_facilitators_schedule_and_bad_input_changes_nothing(people, group, api_as):
    with pytest.raises(Exception, match="facilitators"):
        meetings.check_schedule(people["reader"], group, {"title": "x", "starts_at": "2026-03-03T10:00"}, now=NOW)
    api = api_as(people["facilitator"])
    for bad in ({"title": "", "starts_at": "2026-03-03T10:00"}, {"title": "t", "starts_at": "yesterday"},
                {"title": "t", "starts_at": "2020-01-01T10:00"}, {"title": "t", "starts_at": "2026-03-03T10:00",
                                                                   "duration_minutes": 5},
                {"title": "t", "starts_at": "2026-03-03T10:00", "capacity": 1}):
        response = api.post(f"/api/v1/community/groups/{group.slug}/meetings", bad)
        assert response.status_code in (400, 422), (bad, response.content)
    assert api_as(people["reader"]).post(f"/api/v1/community/groups/{group.slug}/meetings",
                                         {"title": "t", "starts_at": "2026-03-03T10:00"}).status_code == 403
    assert api_as(people["outsider"]).get(f"/api/v1/community/groups/{group.slug}/meetings").status_code == 404
    assert not Meeting.objects.exists()
    created = api.post(f"/api/v1/community/groups/{group.slug}/meetings",
                       {"title": "Check-in", "starts_at": "2026-03-03T10:00:00+00:00", "capacity": 3})
    assert created.status_code == 201 and created.json()["going"] == 1 and created.json()["mine"]


@time_machine.travel(NOW, tick=False)
def test_capacity_is_kept_and_rsvp_is_idempotent(people, group, api_as):
    meeting = _schedule(people, group, capacity=2)  # the facilitator takes one place
    reader = api_as(people["reader"])
    first = reader.post(f"/api/v1/community/meetings/{meeting.pk}/rsvp")
    assert first.status_code == 200 and first.json()["mine"] and first.json()["spots_left"] == 0
    assert reader.post(f"/api/v1/community/meetings/{meeting.pk}/rsvp").status_code == 200
    full = api_as(people["writer"]).post(f"/api/v1/community/meetings/{meeting.pk}/rsvp")
    assert full.status_code == 409 and "full" in full.json()["detail"]
    assert reader.delete(f"/api/v1/community/meetings/{meeting.pk}/rsvp").json()["mine"] is False
    assert api_as(people["writer"]).post(f"/api/v1/community/meetings/{meeting.pk}/rsvp").status_code == 200
    assert MeetingRSVP.objects.filter(meeting=meeting).count() == 2
    assert api_as(people["outsider"]).post(f"/api/v1/community/meetings/{meeting.pk}/rsvp").status_code == 404


def test_reminders_go_once_in_the_hour_before_and_not_for_cancelled_meetings(people, group):
    with time_machine.travel(NOW, tick=False):
        meeting = _schedule(people, group)  # 19:00 UTC (the facilitator's zone is UTC)
        other = _schedule(people, group, title="Cancelled one")
        meetings.check_rsvp(people["reader"], meeting)
        meetings.check_rsvp(people["reader"], other)
        meetings.check_cancel_meeting(people["facilitator"], other)
        assert meetings.send_meeting_reminders() == 0  # too early
    with time_machine.travel(datetime(2026, 3, 2, 18, 5, tzinfo=UTC), tick=False):
        assert meetings.send_meeting_reminders() == 2  # the reader and the facilitator
        assert meetings.send_meeting_reminders() == 0  # once
    notes = list(Notification.objects.filter(user=people["reader"], text__startswith="Reminder"))
    assert len(notes) == 1 and "Monday evening circle" in notes[0].text and "19:00" in notes[0].text
    assert Notification.objects.filter(user=people["reader"], text__contains="cancelled").count() == 1


def test_the_room_opens_and_closes_in_the_groups_chat(people, group):
    with time_machine.travel(NOW, tick=False):
        meeting = _schedule(people, group)
        actions.check_send_chat(people["reader"], group, "before", "before the meeting")
        assert meetings.mark_meeting_rooms() == 0
        assert not meetings.detail(people["reader"], meeting)["live"]
    with time_machine.travel(datetime(2026, 3, 2, 18, 55, tzinfo=UTC), tick=False):
        assert meetings.mark_meeting_rooms() == 1 and meetings.mark_meeting_rooms() == 0
        assert meetings.detail(people["reader"], meeting)["live"]
        page = login_client(people["reader"]).get(f"/groups/{group.slug}/meetings/{meeting.pk}/")
        assert b'id="chat"' in page.content and b"before the meeting" in page.content
        assert b"Live now" in login_client(people["reader"]).get(f"/groups/{group.slug}/").content
        actions.check_send_chat(people["reader"], group, "during", "glad to be here")
    with time_machine.travel(datetime(2026, 3, 2, 20, 1, tzinfo=UTC), tick=False):
        assert meetings.mark_meeting_rooms() == 1
    meeting.refresh_from_db()
    assert (meeting.start_seq, meeting.end_seq) == (1, 2)  # the meeting's messages: seq 2


@time_machine.travel(NOW, tick=False)
def test_the_pages_rsvp_and_cancel(people, group):
    meeting = _schedule(people, group, capacity=5)
    client = login_client(people["reader"])
    client.post(f"/groups/{group.slug}/meetings/{meeting.pk}/", {"action": "rsvp"})
    assert MeetingRSVP.objects.filter(meeting=meeting, user=people["reader"]).exists()
    client.post(f"/groups/{group.slug}/meetings/{meeting.pk}/", {"action": "cancel"})  # not a facilitator
    meeting.refresh_from_db()
    assert meeting.cancelled_at is None
    facil = login_client(people["facilitator"])
    response = facil.post(f"/groups/{group.slug}/meetings/", {"title": "Weekend", "starts_at": "2026-03-07T10:00",
                                                              "duration_minutes": "90", "capacity": ""})
    assert response.status_code == 302 and Meeting.objects.filter(title="Weekend", capacity=None).exists()
    bad = facil.post(f"/groups/{group.slug}/meetings/", {"title": "Weekend", "starts_at": "soon"})
    assert bad.status_code == 400 and b"form-errors" in bad.content
    assert login_client(people["outsider"]).get(f"/groups/{group.slug}/meetings/{meeting.pk}/").status_code == 404


@time_machine.travel(NOW, tick=False)
def test_meeting_list_query_count_does_not_grow(people, group, api_as, django_assert_max_num_queries):
    api = api_as(people["reader"])
    _schedule(people, group)
    with django_assert_max_num_queries(12) as ctx:
        api.get(f"/api/v1/community/groups/{group.slug}/meetings")
    baseline = len(ctx.captured_queries)
    for i in range(5):
        meetings.check_rsvp(people["reader"], _schedule(people, group, title=f"m{i}"))
    with django_assert_max_num_queries(baseline):
        assert len(api.get(f"/api/v1/community/groups/{group.slug}/meetings").json()) == 6


def test_demo_meeting_loads_once(db):
    import io

    from hearthside.community import demo
    from hearthside.community.models import Group
    from hearthside.conftest import make_user

    Group.objects.create(slug="living-with-anxiety", name="Living with anxiety")
    make_user("demo-peer")
    make_user("demo-member")
    demo.load(io.StringIO())
    demo.load(io.StringIO())
    assert Meeting.objects.count() == 1 and MeetingRSVP.objects.count() == 2
