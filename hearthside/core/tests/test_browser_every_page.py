"""Every page of the URL map, as every demo role, on a phone (390 px) and a desktop (1280 px), in
English and in Spanish.

Issue #18, "Phone first" and "Accessible everywhere, checked everywhere". The pages come from the
URL resolver (the access matrix's walk: everything but Django's admin, the JSON API and i18n). Each
pattern is either a page, with the roles that reach it (``phone_first_world.PAGES``), or listed in
``NOT_PAGES`` with the reason it is not opened; a new pattern in neither fails
``test_every_url_pattern_is_a_page_or_says_why_not``. Parameters are filled from the demo content
(``hearthside demo``) plus the few objects it lacks.

``test_demo_roles_reach_exactly_the_declared_pages`` checks the declarations with Django's test
client (no browser): each declared role gets a 200 page, every other role does not, nobody gets a
5xx, and every POST-only pattern answers GET with 405.

Then, in Chromium (one browser for the module, one context per role and language, the ASGI server
so that the pages' sockets connect), each role opens each of its pages, loaded on the phone and laid
out again at desktop width, and the test collects:

- sideways scrolling at both widths (``document.scrollingElement.scrollWidth > innerWidth``, with
  the widest elements named, leaving out those inside a box that scrolls sideways on its own);
- every serious or critical axe-core finding (WCAG 2.x A/AA and axe's best practices,
  ``hs_browser.AXE_TAGS``), each named by page, width, rule and element (the role and language are
  in the failure's first line);
- console errors, uncaught script errors, and any 4xx/5xx response (the page or anything it loads).

In Spanish the demo people have chosen Spanish (``User.language``) and the browser sends the
language cookie and ``Accept-Language: es-ES``; each page must say ``<html lang="es">`` (``"en"`` in
the English pass). Spanish text is longer, so overflow is checked at both widths there too. axe runs
in English at both widths (the layout decides what is shown, what scrolls and what overlaps) but in
Spanish at phone width only, where the longer words are tightest: the documents differ from the
English ones only in their words, and axe is most of this test's time. Strings left in English are
found by ``test_spanish_pages`` without a browser, not here.
"""

from __future__ import annotations

import re

import pytest
from django.test import Client

from hearthside.testing import browser as hs_browser

from . import phone_first_world as world
from .phone_first_world import NOT_PAGES, PAGES, POST_ONLY, ROLES, STAFF

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}

OVERFLOW = """() => {
  const width = window.innerWidth, scroller = document.scrollingElement;
  if (scroller.scrollWidth <= width) return null;
  // The elements past the right edge, leaving out those inside a box of their own that scrolls
  // or clips sideways (a phone's sub-menu row): they do not widen the page.
  const contained = el => {
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement)
      if (getComputedStyle(up).overflowX !== "visible") return true;
    return false;
  };
  const wide = [];
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.right > width + 1 && box.width > 0 && !contained(el)) {
      const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
        (typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\\s+/).join(".") : "");
      wide.push(`${name} (${Math.round(box.left)}–${Math.round(box.right)} px)`);
    }
  }
  return {scrollWidth: scroller.scrollWidth, width, wide: wide.slice(0, 6)};
}"""


def test_every_url_pattern_is_a_page_or_says_why_not():
    patterns = world.walk_patterns()
    missing = [p for p in patterns if p not in PAGES and p not in NOT_PAGES]
    assert not missing, "URL patterns neither in PAGES nor in NOT_PAGES (phone_first_world.py):\n  " + "\n  ".join(missing)
    stale = sorted((set(PAGES) | set(NOT_PAGES)) - set(patterns))
    assert not stale, f"entries for URL patterns that no longer exist: {stale}"
    assert not set(PAGES) & set(NOT_PAGES)
    assert len(PAGES) > 70  # the walk really found the site


# ---------------------------------------------------------------------------------------------
# The declarations, checked without a browser


def _otp_device(user):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="demo phone", confirmed=True)


def _client(values: dict, role: str) -> Client:
    from django_otp import DEVICE_ID_SESSION_KEY

    client = Client()
    if role == world.ANON:
        return client
    user = values["users"][role]
    client.force_login(user)
    if role in STAFF:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = _otp_device(user).persistent_id
        session.save()
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_demo_roles_reach_exactly_the_declared_pages(role):
    values = world.build()
    client = _client(values, role)
    wrong = []
    for pattern, roles in PAGES.items():
        url = world.url_for(pattern, values)
        response = client.get(url, follow=pattern in world.FOLLOWS_REDIRECT)
        is_page = response.status_code == 200 and response["Content-Type"].startswith("text/html")
        if response.status_code >= 500 or is_page != (role in roles):
            where = f" -> {response['Location']}" if response.status_code in (301, 302) else ""
            wrong.append(f"{url}: {response.status_code}{where}, declared {'a page' if role in roles else 'not reached'}")
    if role == world.ADMIN:  # the widest access: a page would show here if it were one
        for pattern, reason in NOT_PAGES.items():
            if reason == POST_ONLY:
                response = client.get(world.url_for(pattern, values))
                if response.status_code != 405:
                    wrong.append(f"{pattern} is listed as POST only but GET answered {response.status_code}")
    assert not wrong, f"as {role}:\n" + "\n".join(wrong)


# ---------------------------------------------------------------------------------------------
# In Chromium


@pytest.fixture
def demo(asgi_server):
    return world.build()


def _in_spanish(values: dict) -> None:
    """The demo people chose Spanish, as a person does in their settings: what the site composes
    for them (a notification, a message from the companion) is in Spanish too."""
    from hearthside.accounts.models import User

    User.objects.filter(pk__in=[u.pk for u in values["users"].values()]).update(language="es")
    for user in values["users"].values():
        user.language = "es"


def _axe_findings(page, url: str, width: int, findings: dict) -> None:
    """axe on the page as it is laid out now; each serious or critical finding's element goes into
    ``findings``, keyed by page, rule and element, with the widths it was found at."""
    for violation in hs_browser.failing_violations(hs_browser.run_axe(page)):
        for node in violation["nodes"]:
            target = " ".join(str(t) for t in node.get("target", []))
            summary = "; ".join(line.strip() for line in (node.get("failureSummary") or "").splitlines()
                                if line.strip())
            key = (url, violation["impact"], violation["id"], violation["help"], target, summary)
            findings.setdefault(key, []).append(width)


def _english_on_the_page(page, url: str, reader) -> list[str]:
    """English the page shows once its scripts ran (text they put in, e.g. a chat's states), read
    as ``test_spanish_pages`` reads server-rendered pages: what people wrote is left out."""
    from .test_spanish_pages import CITATION, _without_stored, english_in, page_texts

    stored, fragments = reader
    found = []
    for text in page_texts(page.content()):
        if CITATION.search(text):
            continue  # a reference keeps its original title
        text = _without_stored(text, stored)
        found += english_in(text, fragments) if text else []
    return [f"{url}: English on a Spanish page: {text!r}" for text in dict.fromkeys(found)]


def _spanish_reader() -> tuple[list[str], dict]:
    from .test_spanish_pages import LOCALE, _stored_texts, english_fragments, parse_po

    return _stored_texts(), english_fragments(parse_po(LOCALE / "django.po"))


def _visit_all(chromium, base_url: str, values: dict, role: str, language: str) -> list[str]:
    spanish = language == "es"
    reader = _spanish_reader() if spanish else None
    context = hs_browser.new_context(chromium, base_url, viewport=PHONE, locale="es-ES" if spanish else "en-GB")
    context.set_default_timeout(15_000)
    problems: list[str] = []
    findings: dict[tuple, list[int]] = {}
    try:
        if spanish:  # as the log-in form leaves it (the person's language) for a signed-in role
            from django.conf import settings

            context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "es", "url": base_url,
                                  "sameSite": "Lax"}])
        if role != world.ANON:
            user = values["users"][role]
            hs_browser.log_in(context, user, base_url, otp_device=_otp_device(user) if role in STAFF else None)
        page = context.new_page()
        where = {"url": ""}
        page.on("console", lambda m: m.type == "error" and problems.append(
            f"{where['url']}: console error: {m.text}"))
        page.on("pageerror", lambda exc: problems.append(f"{where['url']}: script error: {exc}"))
        page.on("response", lambda r: r.status >= 400 and problems.append(
            f"{where['url']}: {r.status} for {r.url.removeprefix(base_url)}"))
        for pattern, roles in PAGES.items():
            if role not in roles:
                continue
            url = where["url"] = world.url_for(pattern, values)
            page.set_viewport_size(PHONE)
            response = page.goto(url, wait_until="load")
            if response is None or response.status >= 400:
                continue  # the response listener has it
            shown_in = page.evaluate("() => document.documentElement.lang")
            if shown_in != language:
                problems.append(f"{url}: shown in {shown_in!r}, not {language!r}")
            # Loaded once on the phone, then laid out again at desktop width (nothing here lays
            # itself out in script at load time; the media queries and the grid do it all).
            for viewport in (PHONE, DESKTOP):
                page.set_viewport_size(viewport)
                overflow = page.evaluate(OVERFLOW)
                if overflow:
                    problems.append(f"{url} at {viewport['width']} px: scrolls sideways ({overflow['scrollWidth']} > "
                                    f"{overflow['width']} px): " + "; ".join(overflow["wide"]))
                if viewport is PHONE or not spanish:
                    _axe_findings(page, url, viewport["width"], findings)
            if spanish:
                problems += _english_on_the_page(page, url, reader)
        page.goto("about:blank")  # errors of the last page are caught before the context closes
    finally:
        context.close()
    for (url, impact, rule, description, target, summary), widths in findings.items():
        at = " and ".join(f"{w} px" for w in widths)
        problems.append(f"{url} at {at}: axe [{impact}] {rule} ({description}): {target}: {summary}")
    return problems


@pytest.mark.browser
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("role", ROLES)
def test_every_page_fits_a_phone_and_a_desktop_without_errors(chromium, asgi_server, demo, role, language):
    if language == "es":
        _in_spanish(demo)
    problems = _visit_all(chromium, asgi_server, demo, role, language)
    assert not problems, f"{len(problems)} problem(s) as {role}, in {language}:\n" + "\n".join(problems)


@pytest.mark.browser
def test_chat_composers_and_help_are_on_a_phones_first_screen(chromium, asgi_server, demo):
    """Group chat, peer chat, support line (both sides), companion and care messages, each with a
    long log: the box to write in, its Send button, "Get help now" and "Quick exit" are all on the
    first screen of a 390 × 844 phone, without scrolling."""
    misplaced = []
    contexts = {}
    try:
        for role, pattern, composer in world.CHATS:
            if role not in contexts:
                context = hs_browser.new_context(chromium, asgi_server, viewport=PHONE, is_mobile=True,
                                                 has_touch=True)
                user = demo["users"][role]
                hs_browser.log_in(context, user, asgi_server, otp_device=_otp_device(user) if role in STAFF else None)
                contexts[role] = context
            page = contexts[role].new_page()
            url = world.url_for(pattern, demo)
            page.goto(url, wait_until="load")
            form = page.locator(composer).locator("xpath=ancestor::form[1]")
            targets = {
                "the message box": page.locator(composer),
                "its Send button": form.locator("button[type=submit]").last,
                "Get help now": page.get_by_role("banner").get_by_role("link", name="Get help now"),
                "Quick exit": page.get_by_role("banner").get_by_role("link", name="Quick exit"),
            }
            scrolled = page.evaluate("() => window.scrollY")
            for name, locator in targets.items():
                box = locator.bounding_box()
                if box is None or box["y"] < 0 or box["y"] + box["height"] > PHONE["height"] or scrolled:
                    misplaced.append(f"{url} as {role}: {name} at {box} (page scrolled by {scrolled} px)")
            hs_browser.save_screenshot(page, f"phone-first-chat-{role}-{re.sub(r'[^a-z]+', '-', url).strip('-')}")
            page.close()
    finally:
        for context in contexts.values():
            context.close()
    assert not misplaced, "not on the first screen of a phone:\n" + "\n".join(misplaced)
