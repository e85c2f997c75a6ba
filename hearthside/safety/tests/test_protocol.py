"""The published crisis protocol (issue #21, part 2): generated from the configuration and the code,
versioned when they change, public."""

from __future__ import annotations

from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone
from django.utils.html import escape

from hearthside.conftest import make_user
from hearthside.safety import actions, protocol
from hearthside.safety.labels import SOURCE_NAMES
from hearthside.safety.models import CrisisLine, EmergencyNumber, HelpShownCount, ProtocolVersion, SafetyAlert

ACK = {"imminent": 120, "high": 600, "moderate": 3600, "unknown": 600}


def _page(query: str = "") -> str:
    response = Client().get("/help/protocol/" + query)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
@override_settings(SAFETY_ACK_SECONDS=ACK, SITE_COUNTRY="GB", SAFETY_UNSUPPORTED_LANGUAGE="review")
def test_the_page_is_public_and_states_the_configuration():
    html = _page()

    version = ProtocolVersion.objects.get()
    assert version.number == 1
    assert version.content_hash == protocol.content_hash(protocol.facts())
    facts = version.facts
    assert [(row["level"], row["help"], row["alert"], row["held"], row["ack_seconds"]) for row in facts["levels"]] == [
        ("none", False, False, False, None),
        ("low", False, False, False, None),
        ("moderate", True, True, False, 3600),
        ("high", True, True, True, 600),
        ("imminent", True, True, True, 120),
    ]
    assert facts["languages"] == ["en", "es"]
    assert facts["escalation"] == [["on_duty", "clinical_supervisor", "administrator"],
                                   ["clinical_supervisor", "administrator"], ["administrator"]]
    assert facts["site_country"] == "GB"
    assert facts["lines_shown"] == 3
    assert len(facts["crisis_lines"]) == CrisisLine.objects.filter(active=True).count() == 59
    assert len(facts["emergency_numbers"]) == EmergencyNumber.objects.count() == 38

    # The levels' row, as a person reads it: level, help, alert, held, time to respond.
    assert ('<td role="cell">imminent</td><td role="cell" data-label="Help shown to the writer">yes</td>'
            '<td role="cell" data-label="Team alerted">yes</td><td role="cell" data-label="Held back from others">yes'
            '</td><td role="cell" data-label="Time to respond">2 minutes</td>') in html
    assert 'data-label="Time to respond">10 minutes</td>' in html
    assert 'data-label="Time to respond">1 hour</td>' in html
    assert "The screener reads these languages: English, Spanish." in html
    assert "Writing in another language is published, and a person from our team reads it too." in html
    assert "otherwise this site's default, GB." in html
    for name in ("Group chat", "Group forum", "Peer chat", "Messages with their practitioner", "Support line",
                 "Journal", "Companion"):
        assert f"<li>{name}" in html
    # Every crisis line with its source: the US's 988 among them.
    us = CrisisLine.objects.filter(country="US", active=True).order_by("priority").first()
    assert us.phone == "988"
    assert f"{escape(us.name)}, 988, {escape(us.sms)}, {us.hours} · checked 2026-11-22 · " in html
    assert f'<a href="{us.source}" rel="noopener noreferrer">source' in html
    assert html.count("<details class=\"panel\">") == len({line["country"] for line in facts["crisis_lines"]}
                                                           | {e["country"] for e in facts["emergency_numbers"]})
    assert ("<li>First: the moderators, clinical supervisors and administrators on duty (the roster); if there is "
            "nobody: the clinical supervisors, the administrators.</li>") in html
    assert "<li>If nobody has responded in time: the clinical supervisors; if there is nobody: the administrators.</li>" in html
    assert "<li>If nobody has responded in time: the administrators.</li>" in html
    assert "Version 1 (shown)" in html
    assert "in effect now" in html


def test_the_screened_features_are_the_labelled_sources_without_whole_apps():
    assert protocol.screened_sources() == [
        "community.chat", "community.post", "friends.chat", "friends.profile", "friends.request",
        "friends.reach_out", "friends.reach_out_reply", "friends.strategy", "selfcare.journal", "selfcare.phq9",
        "care.message", "care.review", "supportline.message", "companion",
    ]
    assert set(SOURCE_NAMES) - set(protocol.screened_sources()) == {"community", "friends", "selfcare", "care",
                                                                   "supportline"}


@pytest.mark.django_db
def test_private_sources_and_the_journal_consent_are_stated():
    sources = {s["source"]: s for s in protocol.facts()["sources"]}
    assert [code for code, s in sources.items() if s["private"]] == ["selfcare.journal", "companion"]
    assert sources["selfcare.journal"]["condition"] == "consent:ai_features"
    assert sources["community.chat"] == {"source": "community.chat", "private": False, "condition": ""}


@pytest.mark.django_db
def test_changed_settings_record_a_new_version_and_the_old_one_stays_listed():
    with override_settings(SAFETY_ACK_SECONDS=ACK):
        first = _page()
        assert "2 minutes" in first
        assert ProtocolVersion.objects.count() == 1
        _page()  # unchanged: no new version
        assert ProtocolVersion.objects.count() == 1

    with override_settings(SAFETY_ACK_SECONDS={**ACK, "imminent": 300}, SAFETY_UNSUPPORTED_LANGUAGE="hold"):
        second = _page()
    assert ProtocolVersion.objects.count() == 2
    v1, v2 = ProtocolVersion.objects.order_by("number")
    assert [row["ack_seconds"] for row in v2.facts["levels"]] == [None, None, 3600, 600, 300]
    assert [row["ack_seconds"] for row in v1.facts["levels"]] == [None, None, 3600, 600, 120]
    assert v2.facts["unsupported_language"] == "hold"
    assert 'data-label="Time to respond">5 minutes</td>' in second
    assert 'data-label="Time to respond">2 minutes</td>' not in second
    assert "Writing in another language is held until a person from our team has read it." in second
    assert "Version 2 (shown)" in second
    assert '<a href="/help/protocol/?version=1">Version 1</a>' in second
    assert v2.took_effect >= v1.took_effect

    # The earlier version, as it was, says it was replaced.
    with override_settings(SAFETY_ACK_SECONDS={**ACK, "imminent": 300}, SAFETY_UNSUPPORTED_LANGUAGE="hold"):
        old = _page("?version=1")
    assert 'data-label="Time to respond">2 minutes</td>' in old
    assert "This is an earlier version." in old
    assert "Read the current version (2)" in old
    assert "Version 1 (shown)" in old

    # Back to the first configuration: a third version (same content as the first, later date).
    with override_settings(SAFETY_ACK_SECONDS=ACK):
        _page()
    v3 = ProtocolVersion.objects.get(number=3)
    assert v3.content_hash == v1.content_hash


@pytest.mark.django_db
@override_settings(SAFETY_ACK_SECONDS=ACK)
def test_a_crisis_line_edited_in_the_admin_makes_a_new_version():
    _page()
    line = CrisisLine.objects.filter(country="US", phone="988").first()
    line.hours = "Around the clock, every day"
    line.save(update_fields=["hours"])
    html = _page()
    assert ProtocolVersion.objects.count() == 2
    assert f"988, {escape(line.sms)}, Around the clock, every day · checked" in html
    line.active = False
    line.save(update_fields=["active"])
    _page()
    latest = ProtocolVersion.objects.get(number=3)
    assert line.name not in [x["name"] for x in latest.facts["crisis_lines"] if x["country"] == "US"]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["?version=abc", "?version=7", "?version=-1", "?version=" + "9" * 12])
def test_an_unknown_version_is_404(query):
    _page()
    assert Client().get("/help/protocol/" + query).status_code == 404


@pytest.mark.django_db
def test_the_help_page_links_to_the_protocol():
    html = Client().get("/help/").content.decode()
    assert '<a href="/help/protocol/">our crisis protocol</a>' in html


@pytest.mark.django_db
@override_settings(SAFETY_ACK_SECONDS=ACK)
def test_record_protocol_command_records_once():
    out = StringIO()
    call_command("safety", "record-protocol", stdout=out)
    version = ProtocolVersion.objects.get()
    assert out.getvalue().startswith(f"crisis protocol version 1, in effect since {version.took_effect.isoformat()}")
    call_command("safety", "record-protocol", stdout=StringIO())
    assert ProtocolVersion.objects.count() == 1


class _FixedScreener:
    def __init__(self, level):
        self.level = level

    def screen(self, text, context=None, history=None):
        return SimpleNamespace(level=self.level, score=0.5, to_dict=lambda: {"reasons": []})


@pytest.mark.django_db
@override_settings(SAFETY_ACK_SECONDS=ACK)
def test_each_level_does_what_the_protocol_says(monkeypatch):
    """The protocol's level table against routing itself: help, alert, held and the deadline."""
    for row in protocol.facts()["levels"]:
        monkeypatch.setattr(actions, "site_screener", lambda level=row["level"]: _FixedScreener(level))
        person = make_user(f"writer-{row['level']}")
        shown_before = sum(HelpShownCount.objects.values_list("count", flat=True))
        result = actions.screen_and_route(person, "words", "community.chat", source_id="1")
        assert result.show_help is row["help"], row
        assert (result.alert is not None) is row["alert"], row
        assert (result.decision == actions.CRISIS) is row["held"], row
        assert sum(HelpShownCount.objects.values_list("count", flat=True)) - shown_before == int(row["help"])
        if row["alert"]:
            alert = SafetyAlert.objects.get(person=person)
            assert (alert.ack_deadline - alert.created_at).total_seconds() == pytest.approx(row["ack_seconds"], abs=1)


@pytest.mark.django_db
def test_help_shown_is_counted_per_day_feature_and_level_without_the_person(monkeypatch):
    monkeypatch.setattr(actions, "site_screener", lambda: _FixedScreener("moderate"))
    a, b = make_user("a-writer"), make_user("b-writer")
    actions.screen_and_route(a, "words", "friends.chat", source_id="1")
    actions.screen_and_route(b, "words", "friends.chat", source_id="2")
    monkeypatch.setattr(actions, "site_screener", lambda: _FixedScreener("low"))
    actions.screen_and_route(a, "words", "friends.chat", source_id="3")
    rows = list(HelpShownCount.objects.values_list("day", "source", "level", "count"))
    assert rows == [(timezone.localdate(), "friends.chat", "moderate", 2)]
    assert sorted(f.name for f in HelpShownCount._meta.get_fields()) == ["count", "day", "id", "level", "source"]
