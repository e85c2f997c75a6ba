from __future__ import annotations

from datetime import timedelta

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection, models
from django.utils import timezone

from hearthside.conftest import make_user
from hearthside.core.personal_data import is_registered, registrations

pytestmark = pytest.mark.django_db


def _models_pointing_at_user():
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    found = []
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.ForeignKey | models.OneToOneField) and field.related_model is user_model:
                found.append(model)
                break
    return found


def test_every_model_pointing_at_the_user_is_registered():
    missing = [m._meta.label for m in _models_pointing_at_user() if not is_registered(m)]
    assert not missing, f"register these in the personal-data registry: {missing}"


def _fill_everything(user):
    """Create at least one row of every registered model for this person."""
    from django.contrib.admin.models import ADDITION, LogEntry
    from django.contrib.contenttypes.models import ContentType
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from hearthside.accounts.actions import do_create_token, do_give_consent, do_grant_role
    from hearthside.safety.actions import check_update_plan

    do_grant_role(user, "peer_supporter")
    do_give_consent(user, "health_data")
    do_create_token(user, "t", "read", two_factor=False)
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    StaticDevice.objects.create(user=user, name="codes", confirmed=True)
    LogEntry.objects.create(user=user, content_type=ContentType.objects.get_for_model(user), object_id=str(user.pk),
                            object_repr="x", action_flag=ADDITION)
    check_update_plan(user, {"warning_signs": ["canary-export"]})
    from hearthside.safety.contact import check_add_route

    check_add_route(user, "callback", "07700 900123", agreed=True)
    from hearthside.paging.models import Page, PagingProfile, PushSubscription

    PagingProfile.objects.create(user=user, phone="+447700900123")
    PushSubscription.objects.create(user=user, endpoint="https://push.example.org/canary",
                                    endpoint_digest=f"canary-{user.pk}", p256dh="key", auth="secret")
    Page.objects.create(user=user, channel="sms", reason="test")
    from hearthside.safety.actions import raise_alert
    from hearthside.safety.models import DutyShift, ScreenedItem

    item = ScreenedItem.objects.create(author=user, source="test", text="held words", level="high",
                                       decision="crisis", status="held")
    raise_alert(user, source="test", level="high", item=item)
    DutyShift.objects.create(user=user, starts_at=timezone.now(), ends_at=timezone.now() + timedelta(hours=1))
    from hearthside.selfcare import actions as selfcare
    from hearthside.selfcare.models import ExerciseSession, Notification

    do_give_consent(user, "practitioner_sharing")
    selfcare.check_create_checkin(user, {"mood": 6, "note": "canary-checkin"})
    entry, _route = selfcare.check_write_journal(user, {"body": "canary-journal"})
    selfcare.check_submit_questionnaire(user, "gad7", {str(i): 0 for i in range(1, 8)})
    ExerciseSession.objects.create(user=user, exercise="box-breathing")
    selfcare.check_create_reminder(user, {"kind": "checkin", "time_of_day": "09:00"})
    Notification.objects.create(user=user, text="hello")
    selfcare.check_add_activity(user, "gardening")
    selfcare.check_share(user, "journal_entry", journal_entry=entry)
    from hearthside.community import actions as community
    from hearthside.community.models import Group, ModerationAction, Post, Reaction, Report, Thread

    group = Group.objects.create(slug=f"g-{user.pk}", name="A group")
    community.check_join(user, group)
    chat, _created, _route = community.check_send_chat(user, group, "c1", "canary-chat")
    thread = Thread.objects.create(group=group, title="canary-thread-title")
    post = Post.objects.create(thread=thread, author=user, body="canary-post")
    Reaction.objects.create(post=post, user=user, kind="me_too")
    from hearthside.community.models import ThreadRead

    ThreadRead.objects.create(user=user, thread=thread)
    Report.objects.create(reporter=user, chat_message=chat, reason="test")
    ModerationAction.objects.create(moderator=user, group=group, action="warn", member=user)
    from hearthside.community.models import MemberBlock

    MemberBlock.objects.create(user=user, other=make_user(f"muted-{user.pk}"), kind="mute")
    from hearthside.community.models import Meeting, MeetingRSVP

    meeting = Meeting.objects.create(group=group, title="m", facilitator=user, starts_at=timezone.now())
    MeetingRSVP.objects.create(meeting=meeting, user=user)
    from hearthside.companion.actions import check_send

    do_give_consent(user, "ai_features")
    check_send(user, "I want to kill myself")  # a conversation, its messages, memory and a crisis episode
    from hearthside.friends import actions as friends

    def _peer_profile(person, name):
        return friends.do_save_profile(person, {"pseudonym": name, "age_band": "adult", "topics": ["grief"],
                                                "languages": ["en"], "looking_for": ["talk"], "enabled": True})

    _peer_profile(user, f"Peer {user.pk}")
    buddy = make_user(f"buddy-{user.pk}")
    _peer_profile(buddy, f"Buddy {user.pk}")
    connection = friends.check_respond(buddy, friends.do_request(user, buddy, "hi"), "accept")
    friends.check_send(user, connection, "f1", "hello friend")
    friends.check_answer_circle(buddy, friends.check_invite_to_circle(user, connection), True)
    friends.check_answer_circle(user, friends.check_invite_to_circle(buddy, connection), True)
    friends.do_reach_out(user, [buddy.pk], "rough day")
    friends.do_reach_out(buddy, [user.pk], "rough day too")
    strategy, _route = friends.check_share_strategy(user, "a walk", ["low"])
    friends.do_toggle_helped(user, strategy)
    friends.PeerReport.objects.create(reporter=user, reported=buddy, reason="test")
    friends.do_block(user, make_user(f"blocked-{user.pk}"))
    from hearthside.supportline import actions as line
    from hearthside.supportline.models import Guest, Watch

    Guest.objects.create(user=user)
    line.check_set_available(user, True)  # a peer supporter (granted above) may staff the line
    conversation = line.check_start(user, "a hard day")
    line.check_send(user, conversation, "l1", "hello, is anyone there?")
    Watch.objects.create(conversation=conversation, supervisor=user)
    from datetime import date

    from hearthside.care import actions as care
    from hearthside.care import clinical as care_clinical
    from hearthside.care import conversation as care_conversation
    from hearthside.care.models import Appointment as CareAppointment
    from hearthside.care.models import (
        CareRelationship,
        Homework,
        Licence,
        LicenceVerification,
        PractitionerProfile,
        Recommendation,
        Review,
    )

    their_pro = PractitionerProfile.objects.create(user=make_user(f"carepro-{user.pk}", "practitioner"),
                                                   profession="Counsellor", formats=["video"])
    relationship = CareRelationship.objects.create(client=user, practitioner=their_pro)
    past = CareAppointment.objects.create(practitioner=their_pro, client=user, ends_at=timezone.now(),
                                          starts_at=timezone.now() - timedelta(minutes=50))
    Review.objects.create(appointment=past, practitioner=their_pro, client=user, rating=5)
    care_conversation.check_send_message(user, relationship, "care-1", "hello, my practitioner")
    care_clinical.check_write_note(their_pro.user, relationship, "a note about the session")
    Homework.objects.create(relationship=relationship, client=user, exercise="box-breathing")
    Recommendation.objects.create(relationship=relationship, client=user, kind="friends", note="a word for you")
    from hearthside.compliance.models import PersonRegion

    PersonRegion.objects.create(user=user, profile="us-ny")
    care.feed_for(user)
    own_profile = PractitionerProfile.objects.create(user=user, profession="Counsellor")
    licence = Licence.objects.create(practitioner=own_profile, number=f"L{user.pk}", issuing_body="A board",
                                     jurisdiction="UK", expires_on=date(2030, 1, 1))
    LicenceVerification.objects.create(licence=licence, verifier=user, method="document",
                                       register_url="https://register.example.org/", checked_on=date(2026, 1, 1),
                                       outcome="verified")


def test_export_contains_a_row_from_every_registered_model(member, api_as):
    _fill_everything(member)
    export = api_as(member).get("/api/v1/me/export").json()
    assert export["account"]["pseudonym"] == member.pseudonym
    # Recovery codes and alert timelines are exported inside the TOTP and alert entries.
    folded = {"otp_static.staticdevice", "safety.alertevent"}
    empty = [reg.label for reg in registrations() if not export["data"].get(reg.label) and reg.label not in folded]
    assert not empty, f"no rows exported for {empty}"
    assert export["data"]["safety.safetyplan"][0]["steps"]["warning_signs"] == ["canary-export"]
    # The title of a thread the person opened is theirs too (issue #17: the export left it out).
    assert [p.get("thread_title") for p in export["data"]["community.post"]] == ["canary-thread-title"]
    assert "token_hash" not in export["data"]["accounts.accesstoken"][0]


def test_export_of_one_person_has_nothing_of_another(member, other_member, api_as):
    _fill_everything(other_member)
    export = api_as(member).get("/api/v1/me/export").json()
    assert "canary-export" not in str(export)


def test_erasure_closes_at_once_then_erases_everything(member, api_as):
    from hearthside.accounts.actions import erase_due_accounts
    from hearthside.accounts.models import User

    _fill_everything(member)
    api = api_as(member)
    response = api.delete("/api/v1/me")
    assert response.status_code == 202
    assert api.get("/api/v1/me").status_code == 401  # tokens revoked at once
    member.refresh_from_db()
    assert not member.is_active
    assert erase_due_accounts() == 0  # still inside the grace period
    erase_due_accounts(now=timezone.now() + timedelta(days=settings.ERASURE_GRACE_DAYS, minutes=1))
    assert not User.objects.filter(pk=member.pk).exists()
    for model in _models_pointing_at_user():
        for field in model._meta.get_fields():
            if isinstance(field, models.ForeignKey | models.OneToOneField) and field.related_model is User:
                assert not model._default_manager.filter(**{field.attname: member.pk}).exists(), model


def test_logging_in_during_the_grace_period_cancels_erasure(member):
    from django.test import Client

    from hearthside.accounts.actions import do_request_erasure
    from hearthside.conftest import PASSWORD

    do_request_erasure(member)
    client = Client()
    response = client.post("/accounts/login/", {"username": "member", "password": PASSWORD})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.is_active and member.erasure_requested_at is None


@pytest.mark.django_db(transaction=True)
def test_canary_is_encrypted_at_rest_but_readable_through_the_api():
    from hearthside.conftest import Api, token_for

    user = make_user("canary")
    from hearthside.accounts.actions import do_give_consent

    do_give_consent(user, "health_data")
    api = Api(token_for(user))
    canary = "CANARY-7f3a9c-unmistakable"
    response = api.client.put("/api/v1/me/safety-plan", {"steps": {"warning_signs": [canary]}},
                              content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {api.token}")
    assert response.status_code == 200
    assert canary in api.get("/api/v1/me/safety-plan").content.decode()
    if connection.vendor == "sqlite":
        name = connection.settings_dict["NAME"]
        if name == ":memory:" or "mode=memory" in str(name):
            with connection.cursor() as cursor:
                cursor.execute("SELECT * FROM safety_safetyplan")
                assert canary not in repr(cursor.fetchall())
        else:
            connection.close()
            blob = b""
            for suffix in ("", "-wal"):
                try:
                    with open(f"{name}{suffix}", "rb") as handle:
                        blob += handle.read()
                except FileNotFoundError:
                    pass
            assert blob, "the SQLite test database file was not found"
            assert canary.encode() not in blob
            assert b"canary" in blob  # the login name is not health data and is stored plainly
    else:
        import shutil
        import subprocess

        pg_dump = shutil.which("pg_dump")
        if pg_dump is None:
            pytest.skip("pg_dump not installed")
        db = connection.settings_dict
        dump = subprocess.run(
            [pg_dump, "-h", db["HOST"] or "127.0.0.1", "-p", str(db["PORT"] or 5432), "-U", db["USER"] or "postgres",
             "--data-only", db["NAME"]], capture_output=True, timeout=120,
        )
        assert dump.returncode == 0, dump.stderr
        assert b"canary" in dump.stdout
        assert canary.encode() not in dump.stdout
