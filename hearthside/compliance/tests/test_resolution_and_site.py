"""Which profile applies (the person's region, else the site's), why, and the companion on the
site under a profile, on a clock moved with time-machine."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.test import override_settings

from hearthside.accounts.actions import do_give_consent
from hearthside.companion import actions as companion
from hearthside.companion.models import Message
from hearthside.compliance import actions
from hearthside.compliance.models import PersonRegion
from hearthside.compliance.profiles import explain, is_known_minor, profile_for, rules_for
from hearthside.conftest import login_client, make_user
from hearthside.core.audit import AuditEvent
from hearthside.core.personal_data import export_rows, is_registered
from hearthside.safety.models import SafetyAlert

START = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
REMINDER = "A reminder: I am an automated companion, not a person."


@pytest.fixture
def sam(db):
    user = make_user("sam", country="US", pseudonym="Sam")
    do_give_consent(user, "ai_features")
    return user


def test_the_site_profile_applies_until_a_persons_region_is_set(sam):
    admin = make_user("ada", "administrator")
    assert profile_for(sam).key == "default"
    with override_settings(COMPLIANCE_PROFILE="us-ny"):
        assert profile_for(sam).key == "us-ny"
        assert explain(sam).source == "site"
        assert explain(sam).reasons[0] == ("No region is set for this person, so the site's profile applies:"
                                           " “New York, United States” (us-ny).")
        actions.check_set_region(admin, sam, "us-ut")
        assert profile_for(sam).key == "us-ut" and rules_for(sam).idle_days == 7
        why = explain(sam)
        assert why.source == "person"
        assert why.reasons[0] == ("This person's region is set to “Utah, United States” (us-ut), so that profile"
                                  " applies instead of the site's.")
        assert "It says so again when the person comes back after 7 days without using it." in why.reasons
        assert explain(None).reasons[0] == ("The site's profile is “New York, United States” (us-ny), set by"
                                            " HEARTHSIDE_COMPLIANCE_PROFILE.")
        assert "It says so again every 3 hours in a continuing conversation." in explain(None).reasons
    region = PersonRegion.objects.get(user=sam)
    assert (region.profile, region.set_by_id) == ("us-ut", admin.pk)
    assert AuditEvent.objects.filter(action="compliance.region_set").count() == 1
    actions.check_set_region(admin, sam, "")
    assert not PersonRegion.objects.filter(user=sam).exists() and profile_for(sam).key == "default"


def test_an_unknown_profile_is_a_validation_error_and_nothing_is_saved(sam):
    with pytest.raises(ValidationError) as exc:
        actions.check_set_region(None, sam, "atlantis")
    assert exc.value.message_dict == {"profile": ["Choose a profile from the list."]}
    assert not PersonRegion.objects.exists()


def test_a_region_is_personal_data_exported_with_the_account(sam):
    actions.check_set_region(None, sam, "eu")
    assert is_registered(PersonRegion)
    (row,) = export_rows(sam)["compliance.personregion"]
    assert row["profile"] == "eu" and "set_by_id" not in row


def test_a_known_minor_is_under_18_all_this_year_by_the_year_of_birth(sam):
    today = START.date()
    sam.year_of_birth = 2009  # 17 this year
    assert is_known_minor(sam, today)
    sam.year_of_birth = 2008  # 18 this year: may still be 17, not known
    assert not is_known_minor(sam, today)
    sam.year_of_birth = None
    assert not is_known_minor(sam, today)


@time_machine.travel(START, tick=False)
def test_uk_minor_gets_the_companion_off_and_why_says_so(sam):
    sam.year_of_birth = 2012
    sam.save(update_fields=["year_of_birth"])
    actions.check_set_region(None, sam, "uk")
    rules = rules_for(sam)
    assert (rules.mode, rules.mode_why) == ("off", "minors")
    assert ("This person is a known minor (by the year of birth on the account), and the profile's rule for minors"
            " applies.") in explain(sam).reasons
    conversation = companion.do_start_conversation(sam)
    greeting = Message.objects.get(conversation=conversation)
    assert "companion_off" in greeting.actions
    assert greeting.body.startswith("Hi Sam. I'm the Hearthside companion: an automated program, not a person. For"
                                    " people under 18 the companion doesn't hold conversations on this site")
    _person, reply = companion.check_send(sam, "I feel so anxious about school", conversation=conversation)
    assert "companion_off" in reply.actions and "offer_help_directory" in reply.actions


@override_settings(COMPLIANCE_PROFILE="us-ny")
def test_on_the_site_new_york_reminds_after_three_hours_on_the_moved_clock(sam):
    with time_machine.travel(START, tick=False) as clock:
        conversation = companion.do_start_conversation(sam)
        _p, first = companion.check_send(sam, "I feel anxious about work", conversation=conversation)
        clock.shift(timedelta(hours=2, minutes=59))
        _p, second = companion.check_send(sam, "it's the deadlines", conversation=conversation)
        clock.shift(timedelta(minutes=1))
        _p, third = companion.check_send(sam, "and my boss", conversation=conversation)
    assert REMINDER not in first.body and REMINDER not in second.body
    assert third.body.startswith(REMINDER + " ")
    assert third.actions[-2:] == ["disclose_automated", "remind_automated:every_hours"]
    conversation.refresh_from_db()
    assert conversation.state["disclosed_at"] == "2026-12-04T12:00:00+00:00"


@override_settings(COMPLIANCE_PROFILE="us-il")
@time_machine.travel(START, tick=False)
def test_on_the_site_wellness_mode_still_raises_the_crisis_alert_and_help(sam):
    from hearthside.safety.directory import load_directory

    load_directory()
    conversation = companion.do_start_conversation(sam)
    _p, menu = companion.check_send(sam, "I feel anxious about work", conversation=conversation)
    assert "wellness_menu" in menu.actions
    _p, crisis = companion.check_send(sam, "I'm going to kill myself tonight", conversation=conversation)
    assert {"crisis_flow", "show_help"} <= set(crisis.actions) and "wellness_menu" not in crisis.actions
    assert crisis.extra["help"]["alerted"] is True
    assert SafetyAlert.objects.filter(person=sam).count() == 1


@override_settings(COMPLIANCE_PROFILE="us-ca")
def test_the_admin_shows_which_profile_applies_site_wide_and_for_a_person(sam):
    admin = make_user("ada", "administrator")
    admin.is_staff = admin.is_superuser = True
    admin.save(update_fields=["is_staff", "is_superuser"])
    actions.check_set_region(admin, sam, "eu")
    client = login_client(admin, two_factor=True)
    page = client.get("/admin/compliance/personregion/")
    assert page.status_code == 200
    assert "The site&#x27;s profile is “California, United States” (us-ca)" in page.content.decode()
    found = client.get("/admin/compliance/personregion/explain/", {"person": "sam"})
    text = found.content.decode()
    assert found.status_code == 200
    assert "This person&#x27;s region is set to “European Union” (eu)" in text
    assert "https://eur-lex.europa.eu/eli/reg/2024/1689/oj" in text
    missing = client.get("/admin/compliance/personregion/explain/", {"person": "nobody"})
    assert missing.status_code == 200 and "No account has this username." in missing.content.decode()
    # A bad profile through the admin's form is a form error, not a 500.
    bad = client.post("/admin/compliance/personregion/add/", {"user": make_user("lee").pk, "profile": "atlantis"})
    assert bad.status_code == 200 and "Select a valid choice." in bad.content.decode()
    added = client.post("/admin/compliance/personregion/add/", {"user": make_user("kim").pk, "profile": "us-ut"})
    assert added.status_code == 302 and PersonRegion.objects.get(user__username="kim").profile == "us-ut"
