"""``{% kept %}`` (core/templatetags/kept_parts.py): a kept part of a page is what drawing it each
time gives, for every place, role and language; nothing of one person's is ever kept."""

from __future__ import annotations

import re

import pytest
from django.template import TemplateSyntaxError
from django.template import engines as django_engines
from django.test import Client, RequestFactory, override_settings
from django.utils import translation

from hearthside.conftest import make_user
from hearthside.core.templatetags import kept_parts

# What differs between two draws of one page whatever is kept: its CSRF token, its script nonce,
# the device id of the page.
VOLATILE = re.compile(r'(csrfmiddlewaretoken" value|nonce|data-device)="[^"]*"')
PAGES = ["/", "/selfcare/", "/selfcare/insights/", "/accounts/privacy/", "/accounts/settings/", "/community/",
         "/safety/plan/", "/companion/"]


@pytest.fixture(autouse=True)
def _empty_store():
    kept_parts.forget()
    kept_parts.ENABLED = True
    yield
    kept_parts.ENABLED = True
    kept_parts.forget()


def _page(client: Client, path: str, language: str) -> str | None:
    response = client.get(path, HTTP_ACCEPT_LANGUAGE=language)
    if response.status_code != 200:
        return None
    return VOLATILE.sub(r'\1=""', response.content.decode())


@pytest.mark.django_db
@pytest.mark.parametrize("roles", [(), ("moderator",), ("peer_supporter",), ("clinical_supervisor",)])
def test_every_page_is_the_same_kept_or_drawn_each_time(roles):
    client = Client()
    client.force_login(make_user("kept-" + "-".join(roles or ("member",)), *roles))
    compared = 0
    for language in ("en", "es"):
        for path in PAGES:
            kept_parts.ENABLED = False
            drawn = _page(client, path, language)
            kept_parts.ENABLED = True
            first, again = _page(client, path, language), _page(client, path, language)
            if drawn is None:
                continue
            assert first == drawn, (path, language)
            assert again == drawn, (path, language)
            compared += 1
    assert compared >= 8
    assert kept_parts._kept  # the navigation was kept


@pytest.mark.django_db
def test_the_navigation_marks_the_page_and_speaks_the_language(member):
    client = Client()
    client.force_login(member)
    selfcare = client.get("/selfcare/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    privacy = client.get("/accounts/privacy/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert re.search(r'href="/selfcare/" aria-current="page"', selfcare)
    assert not re.search(r'href="/selfcare/" aria-current="page"', privacy)
    assert re.search(r'href="/accounts/privacy/" aria-current="page"', privacy)
    spanish = client.get("/accounts/privacy/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    nav = re.compile(r'<nav id="main-nav".*?</nav>', re.S)
    assert nav.search(spanish).group() != nav.search(privacy).group()
    assert "Privacidad" in nav.search(spanish).group()


@pytest.mark.django_db
def test_staff_links_follow_the_role_not_the_first_visitor(member):
    moderator = make_user("kept-moderator", "moderator")
    for user, shown in ((moderator, True), (member, False), (moderator, True)):
        client = Client()
        client.force_login(user)
        page = client.get("/accounts/privacy/").content.decode()
        assert ('id="nav-staff-links"' in page) is shown, user


def _render(source: str, context: dict, request=None) -> str:
    return django_engines["django"].from_string(source).render(context, request)


def test_a_form_in_a_kept_part_gets_each_requests_own_token():
    source = '{% kept "form" %}<form>{% csrf_token %}</form>{% endkept %}'
    tokens = []
    for _ in range(3):
        request = RequestFactory().get("/")
        text = _render(source, {}, request)
        tokens.append(re.search(r'value="([^"]+)"', text).group(1))
    assert len(set(tokens)) == 3  # each request its own token, none shared
    kept = list(kept_parts._kept.values())
    assert len(kept) == 1 and kept_parts._HOLE in kept[0]
    assert not any(token in kept[0] for token in tokens)
    # Without a token to give (a context without the request's), the part is drawn as Django does.
    assert _render(source, {}) == "<form></form>"


def test_a_token_that_cannot_be_told_apart_is_never_kept():
    source = '{% kept "odd" %}<form>{% csrf_token %}</form><p>{{ csrf_token }}</p>{% endkept %}'
    first = _render(source, {}, RequestFactory().get("/"))
    second = _render(source, {}, RequestFactory().get("/"))
    assert first != second
    assert not kept_parts._kept


@pytest.mark.django_db
def test_the_kept_footer_forms_post_with_the_pages_token(member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    pages = [client.get("/accounts/privacy/").content.decode() for _ in range(3)]
    footer = [v for k, v in kept_parts._kept.items() if k[0] == "footer"]
    assert footer and kept_parts._HOLE in footer[0]
    for page in pages:
        token = re.search(r'<footer.*?name="csrfmiddlewaretoken" value="([^"]+)"', page, re.S).group(1)
        assert token not in footer[0]
        response = client.post("/theme/", {"theme": "dark", "next": "/accounts/privacy/",
                                           "csrfmiddlewaretoken": token})
        assert response.status_code == 302, response.status_code
    other = Client(enforce_csrf_checks=True)
    other.force_login(make_user("kept-other"))
    theirs = re.search(r'<footer.*?name="csrfmiddlewaretoken" value="([^"]+)"', other.get("/accounts/privacy/")
                       .content.decode(), re.S).group(1)
    assert theirs not in "".join(pages)


def test_values_that_are_not_plain_draw_the_part_each_time():
    class Thing:
        n = 1

    thing = Thing()
    source = '{% kept "thing" thing %}[{{ thing.n }}]{% endkept %}'
    assert _render(source, {"thing": thing}) == "[1]"
    thing.n = 2
    assert _render(source, {"thing": thing}) == "[2]"
    assert not kept_parts._kept


def test_each_value_and_language_keeps_its_own_part():
    source = '{% load i18n %}{% kept "hello" who %}{% translate "Privacy" %} {{ who }}{% endkept %}'
    assert _render(source, {"who": "a"}) == "Privacy a"
    assert _render(source, {"who": "b"}) == "Privacy b"
    with translation.override("es"):
        assert _render(source, {"who": "a"}) == "Privacidad a"
    assert _render(source, {"who": "a"}) == "Privacy a"
    # Kept: a changed context that the tag does not name is not seen (what the tag promises).
    assert _render(source, {"who": "a", "other": 1}) == "Privacy a"
    assert len(kept_parts._kept) == 3


def test_the_store_is_bounded_and_a_setting_change_empties_it(monkeypatch):
    monkeypatch.setattr(kept_parts, "LIMIT", 5)
    source = '{% kept "n" n %}{{ n }}{% endkept %}'
    for n in range(12):
        assert _render(source, {"n": n}) == str(n)
        assert len(kept_parts._kept) <= 5
    with override_settings(QUICK_EXIT_URL="https://example.org/"):
        assert not kept_parts._kept


def test_a_name_is_required():
    with pytest.raises(TemplateSyntaxError):
        django_engines["django"].from_string("{% kept who %}x{% endkept %}")
