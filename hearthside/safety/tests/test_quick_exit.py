"""Quick exit (issue #15 item 8) as served: a plain link with no referrer on every page and next to
the help panel, pointing at ``HEARTHSIDE_QUICK_EXIT_URL``, with its script. The behaviour in a
browser (history replaced, Esc twice) is in test_browser_quick_exit.py."""

from __future__ import annotations

import re

import pytest
from django.template.loader import render_to_string
from django.test import Client

from hearthside.conftest import login_client

NEUTRAL = "https://weather.example/today"
SCRIPT = '<script src="/static/hearthside/js/quick_exit.js" defer></script>'


@pytest.fixture(autouse=True)
def neutral(settings):
    settings.QUICK_EXIT_URL = NEUTRAL


def _exit_links(page: str) -> list[str]:
    return re.findall(r"<a [^>]*data-quick-exit[^>]*>", page)


def _assert_plain_exit_link(link: str) -> None:
    assert f'href="{NEUTRAL}"' in link and 'rel="noreferrer"' in link and 'referrerpolicy="no-referrer"' in link


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/help/", "/accounts/login/", "/support-line/"])
def test_every_page_has_the_quick_exit_link_and_its_script_logged_out(path):
    page = Client().get(path).content.decode()
    links = _exit_links(page)
    assert len(links) == 1, path
    _assert_plain_exit_link(links[0])
    assert SCRIPT in page and ">Quick exit</a>" in page


@pytest.mark.django_db
def test_signed_in_the_header_and_the_help_panel_both_have_it(member):
    page = login_client(member).get("/accounts/settings/").content.decode()
    header = page.split("</header>", 1)[0]
    panel = page.split('<template id="help-panel-template">', 1)[1].split("</template>", 1)[0]
    assert len(_exit_links(header)) == 1 and len(_exit_links(panel)) == 1
    for link in _exit_links(page):
        _assert_plain_exit_link(link)


@pytest.mark.django_db
def test_the_operator_chooses_the_neutral_page(settings):
    settings.QUICK_EXIT_URL = "https://news.example/"
    page = Client().get("/").content.decode()
    assert 'href="https://news.example/"' in _exit_links(page)[0]


@pytest.mark.django_db
def test_it_is_translated():
    page = Client().get("/help/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert ">Salida rápida</a>" in page and "pulsar Esc dos veces" in page


def test_the_offline_help_page_has_it_when_given_the_address_and_no_empty_link_otherwise():
    base = {"country": "GB", "lines": [], "countries": ["GB"], "SITE_NAME": "Hearthside", "error": False}
    page = render_to_string("safety/help_offline.html", {**base, "QUICK_EXIT_URL": NEUTRAL})
    _assert_plain_exit_link(_exit_links(page)[0])
    assert SCRIPT in page
    # Without the address (a page rendered with no context processors) nothing points at "".
    bare = render_to_string("safety/help_offline.html", base)
    assert _exit_links(bare) == [] and "quick_exit.js" not in bare


@pytest.mark.django_db
def test_a_page_a_guest_of_the_support_line_sees_has_it():
    guest = Client()
    response = guest.post("/support-line/", {"opening": "hello"})
    page = guest.get(response["Location"]).content.decode()
    assert len(_exit_links(page.split("</header>", 1)[0])) == 1
