"""The desk's words: the availability button and the risk badges (screenshot review, peer-desk.png).

"Go away" read as rude for the button that stops new conversations reaching a supporter; a risk
badge read just "none". The badges show the level's name (``safety.models.Level``), translated.
"""

from __future__ import annotations

import re

import pytest
from django.conf import settings

from hearthside.conftest import login_client, make_user
from hearthside.supportline import actions
from hearthside.testing.translations import extra_translations, pgettext_key

MODERATE = "I have been thinking about self harm again"


@pytest.fixture
def supporter(db):
    return make_user("alex", "peer_supporter", "clinical_supervisor", pseudonym="Alex")


def _badges(html: str) -> list[str]:
    return re.findall(r'<span class="level level-[a-z]+">([^<]*)</span>', html)


def test_the_availability_button_pauses_new_conversations(supporter):
    desk = login_client(supporter, two_factor=True)
    actions.check_set_available(supporter, True)
    html = desk.get("/support-line/desk/").content.decode()
    assert '<span class="badge badge-on">taking conversations</span>' in html
    assert '<button class="button-small" type="submit">Pause new conversations</button>' in html
    assert "Go away" not in html
    assert desk.post("/support-line/desk/", {"action": "available", "available": "0"}).status_code == 302
    assert not actions.is_available(supporter)
    html = desk.get("/support-line/desk/").content.decode()
    assert '<span class="badge badge-off">new conversations paused</span>' in html
    assert '<button class="button-small" type="submit">Take conversations</button>' in html


def test_risk_badges_name_the_level_and_none_reads_no_risk_signs(supporter):
    calm = actions.check_start(make_user("calm"), "")
    worried = actions.check_start(make_user("worried"), MODERATE)
    assert (calm.risk_level, worried.risk_level) == ("none", "moderate")
    desk = login_client(supporter, two_factor=True)
    # The supervisor's table of live conversations: highest risk first.
    assert _badges(desk.get("/support-line/desk/").content.decode()) == ["moderate", "no risk signs"]
    assert actions.check_help_next(supporter) == worried
    assert actions.check_help_next(supporter) == calm
    html = desk.get("/support-line/desk/").content.decode()
    mine = re.search(r'<h2 id="sl-mine-title">.*?</section>', html, re.S).group(0)
    assert _badges(mine) == ["moderate", "no risk signs"]
    page = desk.get(f"/support-line/desk/c/{calm.pk}/").content.decode()
    assert '<span class="level level-none" id="sl-risk">no risk signs</span>' in page
    # The conversation page's script names a level that rises live the same way.
    names = re.search(r'<script id="sl-level-names" type="application/json">(.*?)</script>', page).group(1)
    assert '"high": "high"' in names and '"none": "no risk signs"' in names


def test_risk_badges_are_in_the_readers_language(supporter):
    actions.check_start(make_user("calm"), "")
    desk = login_client(supporter, two_factor=True)
    desk.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    with extra_translations("es", {pgettext_key("risk level", "no risk signs"): "sin señales de riesgo",
                                   "Pause new conversations": "Pausar conversaciones nuevas"}):
        actions.check_set_available(supporter, True)
        html = desk.get("/support-line/desk/").content.decode()
    assert _badges(html) == ["sin señales de riesgo"]
    assert "Pausar conversaciones nuevas" in html
