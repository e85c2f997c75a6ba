"""The signs the rules collect before deciding a level are named once (issue #19), and none of
them can be mistaken for a risk factor, which joins the same set under its construct name."""

import re
from pathlib import Path

from hearthside.safety.screening.evidence import RISK_FACTORS, Sign

SCREENING = Path(__file__).resolve().parents[1] / "screening"


def _signs() -> dict[str, str]:
    return {name: value for name, value in vars(Sign).items() if name.isupper() and name != "ALL"}


def test_each_sign_has_its_own_value_and_all_lists_every_one():
    signs = _signs()
    assert len(set(signs.values())) == len(signs) == 24
    assert Sign.ALL == frozenset(signs.values())


def test_no_sign_equals_a_risk_factor_or_a_construct_name():
    source = (SCREENING / "engine.py").read_text() + (SCREENING / "evidence.py").read_text()
    constructs = set(re.findall(r'(?:construct|\bc) == "([a-z_]+)"', source))
    assert {"plan", "farewell", "timing", "lethal_means"} <= constructs
    assert Sign.ALL.isdisjoint(RISK_FACTORS | constructs)


def test_the_rules_add_and_test_signs_by_name_only():
    # A bare code such as "PLw" in feats would bypass the names; the rules must not use one.
    codes = '"(?:' + "|".join(map(re.escape, Sign.ALL)) + ')"'
    for name in ("engine.py", "es.py", "evidence.py"):
        source = (SCREENING / name).read_text()
        bare = [line.strip() for line in source.splitlines()
                if "feats" in line and re.search(codes, line)]
        assert bare == [], name
