"""One rule for a person's crisis lines (issue #15 item 5): the country they chose, else the site's
default (``HEARTHSIDE_COUNTRY``), the same for everyone in a conversation; a browser's language
list is only a suggestion on /help/ when neither exists."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, RequestFactory

from hearthside.conftest import login_client, make_user
from hearthside.safety.directory import country_for
from hearthside.supportline import actions
from hearthside.supportline.models import Conversation, Guest

US_BROWSER = "en-US,en;q=0.9"
GB_BROWSER = "en-GB,en;q=0.9"
MX_BROWSER = "es-MX,es;q=0.9"


@pytest.fixture
def directory(db):
    from hearthside.safety.directory import load_directory_if_empty

    load_directory_if_empty()


@pytest.fixture
def supporter(directory):
    # The supporter lives elsewhere: their own country must never leak into the person's panel.
    user = make_user("alex", "peer_supporter", pseudonym="Alex", country="FR")
    actions.check_set_available(user, True)
    return user


def _line_names(page: str, css_class: str = "sl-line") -> list[str]:
    return [html.unescape(name) for name in
            re.findall(rf'class="crisis-line {css_class}"><strong>([^<]+)</strong>', page)]


def _emergency(page: str) -> str:
    found = re.search(r'<section class="panel sl-help".*?href="tel:([^"]+)"', page, re.S)
    return found.group(1) if found else ""


def _guest_reaches_out(client: Client, browser: str, **post) -> Conversation:
    response = client.post("/support-line/", {"opening": "Work has been hard lately.", **post},
                           HTTP_ACCEPT_LANGUAGE=browser)
    assert response.status_code == 302, response.content
    return Conversation.objects.get(person=Guest.objects.latest("pk").user)


def _both_sides(guest: Client, conversation: Conversation, supporter, *, guest_browser: str,
                supporter_browser: str) -> tuple[str, str]:
    assert actions.check_help_next(supporter) == conversation
    person_page = guest.get(f"/support-line/c/{conversation.pk}/", HTTP_ACCEPT_LANGUAGE=guest_browser)
    staff = login_client(supporter, two_factor=True)
    staff_page = staff.get(f"/support-line/desk/c/{conversation.pk}/", HTTP_ACCEPT_LANGUAGE=supporter_browser)
    assert person_page.status_code == 200 and staff_page.status_code == 200
    return person_page.content.decode(), staff_page.content.decode()


def test_country_for_is_the_persons_choice_else_the_site_default(db, settings):
    settings.SITE_COUNTRY = "GB"
    assert country_for(make_user("chose", country="mx")) == "MX"
    assert country_for(make_user("unchosen")) == "GB"
    from django.contrib.auth.models import AnonymousUser

    assert country_for(AnonymousUser()) == "GB" and country_for(None) == "GB"
    settings.SITE_COUNTRY = ""
    assert country_for(make_user("nowhere")) == ""


def test_guest_and_supporter_with_different_browsers_see_the_site_defaults_lines(supporter, settings):
    settings.SITE_COUNTRY = "GB"
    guest = Client()
    conversation = _guest_reaches_out(guest, US_BROWSER)
    assert conversation.person.country == ""  # nothing chosen: the site's default applies
    person_page, staff_page = _both_sides(guest, conversation, supporter, guest_browser=US_BROWSER,
                                          supporter_browser=GB_BROWSER)
    assert _line_names(person_page) == _line_names(staff_page) == ["Samaritans", "Shout 85258",
                                                                   "NHS 111 – mental health option"]
    assert _emergency(person_page) == _emergency(staff_page) == "999"
    # Neither the guest's US browser nor the supporter's own country (FR) shows through. (The
    # supporter's own help panel, hidden in every page they open, is for them and stays FR.)
    for page in (person_page, staff_page):
        section = page.split('<section class="panel sl-help"', 1)[1].split("</section>", 1)[0]
        assert "988" not in section and "3114" not in section
    assert "Lines for GB." in person_page
    assert "The person's lines (GB): they see the same ones." in staff_page


def test_without_any_country_nobody_in_the_conversation_gets_a_browser_guess(supporter, settings):
    settings.SITE_COUNTRY = ""
    guest = Client()
    conversation = _guest_reaches_out(guest, US_BROWSER)
    person_page, staff_page = _both_sides(guest, conversation, supporter, guest_browser=US_BROWSER,
                                          supporter_browser=GB_BROWSER)
    assert _line_names(person_page) == _line_names(staff_page) == []
    assert "call your local emergency number now" in person_page
    assert "call your local emergency number now" in staff_page


def test_the_guests_chosen_country_wins_on_both_sides(supporter, settings):
    settings.SITE_COUNTRY = "GB"
    guest = Client()
    start = guest.get("/support-line/", HTTP_ACCEPT_LANGUAGE=GB_BROWSER).content.decode()
    assert '<select id="sl-country" name="country"' in start and '<option value="MX">MX</option>' in start
    conversation = _guest_reaches_out(guest, GB_BROWSER, country="mx")
    assert conversation.person.country == "MX"
    person_page, staff_page = _both_sides(guest, conversation, supporter, guest_browser=GB_BROWSER,
                                          supporter_browser=US_BROWSER)
    assert _line_names(person_page) == _line_names(staff_page) == ["Línea de la Vida (CONASAMA)"]
    assert _emergency(person_page) == _emergency(staff_page) == "911"
    assert "Samaritans" not in person_page and "Samaritans" not in staff_page
    # The guest's help panel (on every page) follows the same choice.
    panel = _help_panel(person_page)
    assert "Línea de la Vida (CONASAMA)" in panel and "Samaritans" not in panel


def test_a_country_the_directory_does_not_know_is_not_kept(supporter, settings):
    settings.SITE_COUNTRY = "GB"
    conversation = _guest_reaches_out(Client(), GB_BROWSER, country="ZZ")
    assert conversation.person.country == ""


def test_the_start_page_previews_a_chosen_country_for_someone_without_an_account(directory, settings):
    settings.SITE_COUNTRY = "GB"
    page = Client().get("/support-line/?country=ES", HTTP_ACCEPT_LANGUAGE=GB_BROWSER).content.decode()
    assert _line_names(page)[0] == "024 – Línea de atención a la conducta suicida"
    assert '<option value="ES" selected>ES</option>' in page


def test_a_members_start_page_has_no_country_choice_their_profile_holds_it(directory, settings):
    settings.SITE_COUNTRY = "GB"
    member = make_user("robin", country="ES")
    page = login_client(member).get("/support-line/?country=MX", HTTP_ACCEPT_LANGUAGE=US_BROWSER)
    text = page.content.decode()
    assert 'id="sl-country"' not in text
    assert _line_names(text)[0] == "024 – Línea de atención a la conducta suicida"


def _help_panel(page: str) -> str:
    return page.split('<template id="help-panel-template">', 1)[1].split("</template>", 1)[0]


def test_the_help_panel_follows_the_same_rule(directory, settings):
    settings.SITE_COUNTRY = "GB"
    unchosen = login_client(make_user("sky"))
    panel = _help_panel(unchosen.get("/", HTTP_ACCEPT_LANGUAGE=US_BROWSER).content.decode())
    assert "Samaritans" in panel and 'href="tel:999"' in panel and "988" not in panel
    chosen = login_client(make_user("lucia", country="MX"))
    panel = _help_panel(chosen.get("/", HTTP_ACCEPT_LANGUAGE=GB_BROWSER).content.decode())
    assert "Línea de la Vida" in panel and "Samaritans" not in panel


def test_the_companion_uses_the_persons_country_not_the_browser(directory, settings):
    from hearthside.companion.actions import help_panel

    settings.SITE_COUNTRY = "GB"
    request = RequestFactory().get("/", HTTP_ACCEPT_LANGUAGE=MX_BROWSER)
    panel = help_panel(make_user("mateo"), request=request)
    assert panel["country"] == "GB" and panel["lines"][0]["name"] == "Samaritans" and panel["emergency"] == "999"
    panel = help_panel(make_user("ines", country="ES"), request=request)
    assert panel["country"] == "ES" and panel["emergency"] == "112"


def _selected_country(page: str) -> str:
    found = re.search(r'<option value="([A-Z]{2})" selected>', page)
    return found.group(1) if found else ""


def test_the_help_page_chosen_then_site_default_then_the_browsers_suggestion(directory, settings, member):
    anon = Client()
    settings.SITE_COUNTRY = "GB"
    assert _selected_country(anon.get("/help/?country=MX", HTTP_ACCEPT_LANGUAGE=US_BROWSER).content.decode()) == "MX"
    assert _selected_country(anon.get("/help/", HTTP_ACCEPT_LANGUAGE=US_BROWSER).content.decode()) == "GB"
    settings.SITE_COUNTRY = ""
    assert _selected_country(anon.get("/help/", HTTP_ACCEPT_LANGUAGE=US_BROWSER).content.decode()) == "US"
    # Signed in, the profile's country is the choice (the member fixture lives in GB).
    settings.SITE_COUNTRY = "ES"
    signed_in = login_client(member).get("/help/", HTTP_ACCEPT_LANGUAGE=US_BROWSER).content.decode()
    assert _selected_country(signed_in) == "GB"


ROOT = Path(__file__).resolve().parents[3]


def _settings_error(**env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("HEARTHSIDE_", "DJANGO_ALLOW_ASYNC"))}
    result = subprocess.run([sys.executable, "-c", "import hearthside.settings as s; print(s.SITE_COUNTRY)"],
                            cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=60)
    return result.stdout.strip() if result.returncode == 0 else result.stderr


def test_the_site_country_setting_is_two_letters_or_refused():
    assert _settings_error(HEARTHSIDE_COUNTRY="gb") == "GB"
    assert "HEARTHSIDE_COUNTRY must be a two-letter country code" in _settings_error(HEARTHSIDE_COUNTRY="GBR")
    assert "HEARTHSIDE_QUICK_EXIT_URL must be a full http(s) address" in _settings_error(
        HEARTHSIDE_QUICK_EXIT_URL="javascript:alert(1)")
