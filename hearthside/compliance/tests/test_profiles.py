"""Every shipped profile file validates, and the validator refuses what is wrong."""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest

from hearthside.compliance import policy

SHIPPED = ["default", "eu", "uk", "us-ca", "us-il", "us-nv", "us-ny", "us-ut"]


def _raw(key: str) -> dict:
    return json.loads((policy.PROFILES_DIR / f"{key}.json").read_text(encoding="utf-8"))


def test_the_shipped_profiles_are_the_eight_the_docs_describe():
    assert sorted(policy.profiles()) == SHIPPED


@pytest.mark.parametrize("key", SHIPPED)
def test_each_profile_file_has_every_key_an_https_law_link_and_the_date_checked(key):
    raw = _raw(key)
    assert sorted(raw) == sorted(policy.REQUIRED)
    assert sorted(raw["disclosure"]) == sorted(policy.DISCLOSURE_KEYS)
    assert sorted(raw["minors"]) == sorted(policy.MINORS_KEYS)
    profile = policy.get(key)
    assert profile.key == key and profile.mode in policy.MODES
    for law in profile.laws:
        assert law.url.startswith("https://")
        assert law.checked == date(2026, 12, 4)
        assert law.name and law.section
    assert "crisis_referral" in profile.duties
    # Every profile but the project's default answers to at least one law.
    assert bool(profile.laws) is (key != "default")


def test_the_profiles_carry_the_rules_of_their_laws():
    p = policy.profiles()
    assert (p["us-ny"].disclosure.every_hours, p["us-ny"].disclosure.idle_days) == (3, None)
    assert (p["us-ut"].disclosure.idle_days, p["us-ut"].disclosure.every_hours) == (7, None)
    assert "no_ad_targeting" in p["us-ut"].duties
    assert (p["us-ca"].minors.every_hours, p["us-ca"].minors.break_reminder, p["us-ca"].minors.suitability_notice) \
        == (3, True, True)
    (report,) = p["us-ca"].reports
    assert report.starts == date(2027, 7, 1) and report.cadence == "annual"
    assert report.to == "California Department of Public Health, Office of Suicide Prevention"
    assert "publish_protocol" in p["us-ca"].duties
    assert [p[k].mode for k in ("us-il", "us-nv")] == ["wellness", "wellness"]
    assert p["uk"].minors.mode == "off"
    assert [p[k].mode for k in ("default", "eu", "uk", "us-ca", "us-ny", "us-ut")] == ["full"] * 6
    assert p["eu"].laws[0].url == "https://eur-lex.europa.eu/eli/reg/2024/1689/oj"


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d.pop("mode"), "missing ['mode']"),
    (lambda d: d.update(extra=1), "unknown ['extra']"),
    (lambda d: d.update(mode="chatty"), "profile.mode: one of"),
    (lambda d: d["laws"][0].update(url="http://example.org/law"), "url: an https link"),
    (lambda d: d["laws"][0].update(checked="04/12/2026"), "not a date"),
    (lambda d: d["laws"][0].pop("section"), "missing ['section']"),
    (lambda d: d["disclosure"].update(every_hours=0), "every_hours: a whole number"),
    (lambda d: d["disclosure"].update(at_start=False), "at_start and on_request must be true"),
    (lambda d: d["minors"].update(mode="sometimes"), "minors.mode"),
    (lambda d: d.update(duties=["publish_protocol"]), "with crisis_referral"),
    (lambda d: d["reports"][0].update(starts="July 2027"), "not a date"),
])
def test_a_broken_profile_is_refused_with_what_is_wrong(change, message):
    data = copy.deepcopy(_raw("us-ca"))
    change(data)
    with pytest.raises(policy.ProfileError, match=message.replace("[", r"\[").replace("]", r"\]")):
        policy.parse(data)


def test_rules_take_the_strictest_mode_and_the_shortest_reminder():
    ca = policy.get("us-ca")
    assert policy.rules(ca).every_hours is None
    minor = policy.rules(ca, minor=True)
    assert (minor.every_hours, minor.break_reminder, minor.mode) == (3, True, "full")
    assert (policy.rules(policy.get("uk"), minor=True).mode, policy.rules(policy.get("uk"), minor=True).mode_why) \
        == ("off", "minors")
    assert policy.rules(policy.get("uk")).mode == "full"
    # The operator may be stricter than a profile, never looser.
    assert (policy.rules(ca, operator_mode="wellness").mode, policy.rules(ca, operator_mode="wellness").mode_why) \
        == ("wellness", "operator")
    assert policy.rules(policy.get("us-il"), operator_mode="full").mode == "wellness"
    assert policy.rules(policy.get("us-il"), operator_mode="off").mode == "off"
