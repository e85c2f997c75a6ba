"""Staff pages name the safety layer's codes in words, in the reader's language.

Screenshot review (docs/tour/moderator-safety.png, moderator-alert*.png, moderator-review.png): the
level badge read "high", the status "open", the place "community.chat" and the signals
"burdensomeness, model, passive_ideation", in English on the Spanish page as well. The codes stay
in the database, the API and the live frames; ``safety/labels.py`` names them.
"""

from __future__ import annotations

import ast
import importlib
import json
import re
from pathlib import Path

import pytest
from django.conf import settings

from hearthside.conftest import login_client, make_user
from hearthside.testing.translations import extra_translations, pgettext_key

REASONS = [
    {"construct": "passive_ideation", "label": "Passive suicidal ideation (wish to be dead)", "spans": [], "modifiers": []},
    {"construct": "burdensomeness", "label": "Perceived burdensomeness", "spans": [], "modifiers": []},
    {"construct": "model", "label": "Statistical model flags crisis language (p=0.98)", "spans": [], "modifiers": []},
]
SPANISH = {
    pgettext_key("risk level", "high"): "alto",
    pgettext_key("risk level", "moderate"): "moderado",
    pgettext_key("alert status", "open"): "abierta",
    "Group chat": "Chat del grupo",
    "Support line": "Línea de apoyo",
    "Passive suicidal ideation": "Ideación suicida pasiva",
    "Perceived burdensomeness": "Sensación de ser una carga",
    "Statistical model": "Modelo estadístico",
    "held, not published": "retenido, sin publicar",
}


@pytest.fixture
def staff(db):
    return login_client(make_user("jo", "moderator", pseudonym="Jo"), two_factor=True)


@pytest.fixture
def alert(db):
    from hearthside.safety.actions import raise_alert
    from hearthside.safety.models import ScreenedItem

    sky = make_user("sky", pseudonym="Sky")
    item = ScreenedItem.objects.create(author=sky, source="community.chat", source_id="1:a", text="words",
                                       level="high", score=0.7, reasons=REASONS, decision="crisis",
                                       status=ScreenedItem.Status.HELD)
    return raise_alert(sky, source="community.chat", source_id="1:a", level="high", reasons=REASONS, item=item)


def _spanish(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    return client


def _page(staff, path: str, *, spanish: bool = False) -> str:
    """The HTML of ``path`` for ``staff``; with ``spanish``, for a Spanish reader (``SPANISH``)."""
    if not spanish:
        return staff.get(path).content.decode()
    with extra_translations("es", SPANISH):
        return _spanish(staff).get(path).content.decode()


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def _row(html: str, alert_id: int) -> list[str]:
    (row,) = re.findall(rf'<tr role="row" data-id="{alert_id}".*?</tr>', html, re.S)
    return [_text(cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]


@pytest.mark.parametrize(
    ("spanish", "named", "expected_signals"),
    [
        # Signals in the order of the codes, as the live frames list them.
        (False, ("high", "Sky", "Group chat", "open"),
         "Perceived burdensomeness, Statistical model, Passive suicidal ideation"),
        (True, ("alto", "Sky", "Chat del grupo", "abierta"),
         "Sensación de ser una carga, Modelo estadístico, Ideación suicida pasiva"),
    ],
    ids=["names_level_place_status_and_signals", "is_in_spanish_for_a_spanish_reader"],
)
def test_the_dashboard_row(staff, alert, spanish, named, expected_signals):
    html = _page(staff, "/staff/safety/", spanish=spanish)
    _deadline, level, person, where, status, signals = _row(html, alert.pk)
    assert (level, person, where, status) == named
    assert signals == expected_signals


def test_the_dashboard_gives_its_script_the_names_of_what_arrives_live(staff, alert):
    html = _page(staff, "/staff/safety/", spanish=True)
    (data,) = re.findall(r'<script id="alert-names" type="application/json">(.*?)</script>', html, re.S)
    names = json.loads(data)
    assert names["level"]["high"] == "alto" and names["level"]["none"] == "sin señales de riesgo"
    assert names["status"]["open"] == "abierta"
    assert names["source"]["community.chat"] == "Chat del grupo"
    assert names["source"]["supportline"] == "Línea de apoyo"  # a source added later is named by its app
    assert names["construct"]["burdensomeness"] == "Sensación de ser una carga"


def test_the_alert_page_names_its_level_place_and_status(staff, alert):
    html = _page(staff, f"/staff/safety/alerts/{alert.pk}/")
    assert '<span class="level level-high">high</span></h1>' in html
    assert '<p class="lead">Sky · Group chat · open</p>' in html
    assert "community.chat" not in _text(html)
    html = _page(staff, f"/staff/safety/alerts/{alert.pk}/", spanish=True)
    assert '<span class="level level-high">alto</span></h1>' in html
    assert '<p class="lead">Sky · Chat del grupo · abierta</p>' in html
    # The timeline's "raised" step names the level too.
    assert re.search(r'<li data-kind="raised">.*? · alto</li>', html)


def test_what_was_noticed_is_named_in_the_readers_language(staff, alert):
    """The stored reasons are the screener's English labels: English readers see them with their
    detail; a Spanish reader sees each reason's translated name."""
    noticed = re.compile(r"<h2>[^<]*</h2>\s*<ul>(.*?)</ul>", re.S)
    for spanish, expected in [
        (False, ["Passive suicidal ideation (wish to be dead)", "Perceived burdensomeness",
                 "Statistical model flags crisis language (p=0.98)"]),
        (True, ["Ideación suicida pasiva", "Sensación de ser una carga", "Modelo estadístico"]),
    ]:
        html = _page(staff, f"/staff/safety/alerts/{alert.pk}/", spanish=spanish)
        assert [_text(li) for li in re.findall(r"<li>(.*?)</li>", noticed.search(html).group(1), re.S)] == expected


def test_the_review_queue_names_level_place_and_status(staff, alert):
    from hearthside.safety.models import ScreenedItem

    sky = alert.person
    ScreenedItem.objects.create(author=sky, source="supportline.message", source_id="9", text="more words",
                                level="moderate", score=0.5, reasons=[], decision="publish",
                                status=ScreenedItem.Status.FLAGGED)
    headings = [_text(h) for h in re.findall(r"<h2>(.*?)</h2>", _page(staff, "/staff/safety/review/"), re.S)]
    assert headings == ["high Sky · Group chat · held, not published",
                        "moderate Sky · Support line · published, flagged for review"]
    html = _page(staff, "/staff/safety/review/", spanish=True)
    headings = [_text(h) for h in re.findall(r"<h2>(.*?)</h2>", html, re.S)]
    assert headings[0] == "alto Sky · Chat del grupo · retenido, sin publicar"
    assert headings[1].startswith("moderado Sky · Línea de apoyo · ")


def test_levels_and_statuses_are_translatable_choices():
    from django.utils import translation

    from hearthside.safety.models import Level, SafetyAlert, ScreenedItem

    assert dict(Level.choices) == {"none": "no risk signs", "low": "low", "moderate": "moderate", "high": "high",
                                   "imminent": "imminent", "unknown": "unknown (screening failed)"}
    with extra_translations("es", {pgettext_key("risk level", "imminent"): "inminente",
                                   pgettext_key("alert status", "acknowledged"): "atendida",
                                   "false alarm": "falsa alarma"}), translation.override("es"):
        assert str(Level.IMMINENT.label) == "inminente"
        assert str(SafetyAlert.Status.ACKNOWLEDGED.label) == "atendida"
        assert str(ScreenedItem.Label.FALSE_ALARM.label) == "falsa alarma"


def test_a_code_without_a_name_is_shown_as_it_is():
    from hearthside.safety import labels

    assert labels.source_name("community.newthing") == "Groups"
    assert labels.source_name("elsewhere.thing") == "elsewhere.thing"
    assert labels.construct_name("new_construct") == "new_construct"
    assert labels.level_name("none") == "no risk signs"
    assert labels.level_name("") == ""
    assert labels.level_name("weird") == "weird"


def test_every_construct_the_screener_reports_has_a_name():
    from hearthside.safety import labels
    from hearthside.safety.screening import conversation  # noqa: F401  (adds its own construct)
    from hearthside.safety.screening.engine import LABELS

    assert sorted(set(LABELS) - set(labels.CONSTRUCT_NAMES)) == []


def _sources_in_code() -> set[str]:
    """Every screening or alert source the product passes as a literal or a module constant."""
    root = Path(settings.BASE_DIR) / "hearthside"
    found: set[str] = set()
    for path in root.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module = None
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name == "screen_and_route" and len(node.args) >= 3:
                arg = node.args[2]
            elif name == "raise_alert":
                arg = next((k.value for k in node.keywords if k.arg == "source"), None)
            else:
                continue
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.add(arg.value)
            elif isinstance(arg, ast.Name | ast.Attribute):
                if module is None:
                    dotted = ".".join(path.relative_to(root.parent).with_suffix("").parts)
                    module = importlib.import_module(dotted)
                value = module
                for part in ast.unparse(arg).split("."):
                    value = getattr(value, part, None)
                if isinstance(value, str):
                    found.add(value)
    return found


def test_every_source_the_product_screens_has_a_name_of_its_own():
    from hearthside.safety import labels

    sources = _sources_in_code()
    assert {"community.chat", "community.post", "supportline.message", "companion", "selfcare.phq9"} <= sources
    assert sorted(s for s in sources if s not in labels.SOURCE_NAMES) == []


def test_the_timeline_names_how_contact_went_and_how_the_alert_ended(staff, alert):
    from hearthside.accounts.models import User
    from hearthside.safety import actions

    jo = User.objects.get(username="jo")
    actions.check_record_contact(jo, alert, "tried", route="in_app", outcome="no_answer")
    actions.check_resolve(jo, alert, "supported", "")
    html = staff.get(f"/staff/safety/alerts/{alert.pk}/").content.decode()
    steps = {kind: _text(step) for kind, step in re.findall(r'<li data-kind="(\w+)">(.*?)</li>', html, re.S)}
    assert steps["contacted"].endswith("— contact recorded · Jo · a message here, on Hearthside · no answer tried")
    assert steps["resolved"].endswith("— resolved · Jo · person supported")
