"""Keyboard only (issue #18, item 3): a mood check-in, a group chat message, a safety plan entry and
a crisis contact, done with Tab, Shift+Tab, Enter, Space, the arrow keys and typing, nothing else:
no mouse, no ``click()``, no ``fill()``.

On every page the walk starts from the top: the first Tab lands on the skip link, which takes the
keyboard to the main content. Every element Tab reaches must show where the focus is (a drawn
outline: see ``FOCUS``), and a full walk through the page with Tab and back with
Shift+Tab must pass every control once and reach the end: no keyboard trap anywhere on the way.
Needs Debian's Chromium; skipped otherwise.
"""

from __future__ import annotations

from decimal import Decimal
from urllib.parse import urlsplit

import pytest

from hearthside.conftest import make_user
from hearthside.testing.browser import at_path as _at_path
from hearthside.testing.browser import in_other_thread as _in_other_thread
from hearthside.testing.browser import log_in

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.browser

# Where the focus is, and whether a sighted keyboard user can see it. The site draws focus with an
# outline (site.css, ":focus-visible"); a box-shadow is not taken as a focus ring because cards and
# panels carry one at rest. A control drawn invisibly with its label as the visible part (the mood
# scale's radio buttons) shows its focus on that label. Each element gets a number on first sight,
# so a walk can tell "the same element again" from "a different element that looks alike".
FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  window.__kbIds = window.__kbIds || new WeakMap();
  if (!window.__kbIds.has(el)) window.__kbIds.set(el, (window.__kbNext = (window.__kbNext || 0) + 1));
  const hidden = e => {
    const cs = getComputedStyle(e), r = e.getBoundingClientRect();
    return cs.opacity === "0" || r.width <= 1 || r.height <= 1;
  };
  const shown = hidden(el) && el.labels && el.labels.length ? Array.from(el.labels) : [el];
  const rings = shown.map(e => {
    const cs = getComputedStyle(e);
    return {style: cs.outlineStyle, width: parseFloat(cs.outlineWidth) || 0, color: cs.outlineColor};
  });
  const drawn = o => o.style !== "none" && o.width >= 1 && o.color !== "transparent" && !/,\\s*0\\)$/.test(o.color);
  const box = shown[0].getBoundingClientRect();
  const text = (el.getAttribute("aria-label") || (el.labels && el.labels[0] && el.labels[0].textContent)
                || el.textContent || el.value || "").replace(/\\s+/g, " ").trim().slice(0, 50);
  return {
    id: window.__kbIds.get(el),
    what: el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (text ? ` "${text}"` : ""),
    ring: rings.some(drawn), rings: rings,
    box: [box.top, box.left, box.width, box.height, innerHeight, innerWidth],
    onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
              && box.top < innerHeight && box.left < innerWidth,
    inMain: !!el.closest("main"),
    // A native date or time box: Tab moves between its day, month, year, hour and minute first.
    parts: el.tagName === "INPUT" && ["date", "time", "datetime-local", "month", "week"].includes(el.type),
  };
}"""

MATCHES = "sel => !!document.activeElement && document.activeElement.matches(sel)"


def _focus(page) -> dict | None:
    state = page.evaluate(FOCUS)
    if state is not None:
        assert state["ring"], f"no visible focus indicator on {state['what']}: {state['rings']} ({page.url})"
        assert state["onScreen"], f"the focused element is off screen: {state['what']} {state['box']} ({page.url})"
    return state


def _press(page, key: str) -> dict | None:
    page.keyboard.press(key)
    return _focus(page)


# Tab stops inside one date or time box (day, month, year, hours, minutes, AM/PM) and one more.
MOST_PARTS = 7


def _stuck(state: dict, previous: dict | None, repeats: int) -> bool:
    """Whether the focus failed to move: the same element again, beyond a date box's own parts."""
    if previous is None or state["id"] != previous["id"]:
        return False
    return not state["parts"] or repeats > MOST_PARTS


def _tab_to(page, selector: str, *, limit: int = 80, key: str = "Tab") -> dict:
    """Press Tab (or Shift+Tab) until the focused element matches ``selector``, checking the focus
    ring at every stop. Fails when the focus stops moving or leaves the page first."""
    previous, repeats = None, 0
    for _ in range(limit):
        state = _press(page, key)
        assert state is not None, f"{key} left the page before reaching {selector} ({page.url})"
        repeats = repeats + 1 if previous and state["id"] == previous["id"] else 0
        assert not _stuck(state, previous, repeats), f"{key} is stuck on {state['what']} ({page.url})"
        if page.evaluate(MATCHES, selector):
            return state
        previous = state
    raise AssertionError(f"{selector} not reached with {key} in {limit} presses ({page.url})")


def _skip_to_main(page) -> dict:
    """From the top of a freshly loaded page: the first Tab reaches the skip link, shown on screen;
    Enter moves the focus to the main content, and the next Tab lands on a control inside it."""
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    first = _press(page, "Tab")
    assert first is not None and page.evaluate(MATCHES, "a.skip-link"), f"first Tab reached {first and first['what']}"
    expect(page.locator("a.skip-link")).to_have_text("Skip to main content")
    page.keyboard.press("Enter")
    assert page.evaluate(MATCHES, "main#main"), "the skip link did not move the focus to the main content"
    inside = _press(page, "Tab")
    assert inside is not None and inside["inMain"], f"after the skip link, Tab reached {inside and inside['what']}"
    return inside


def _walk(page, key: str, *, limit: int = 250) -> list[dict]:
    """Every stop of ``key`` pressed from where the focus is until it leaves the page or comes back
    round to where this walk began. Fails on a stop that does not move (a trap on one element) and
    on a loop that closes anywhere but the start (a trap around a group of elements)."""
    stops: list[dict] = []
    seen: dict[int, int] = {}
    repeats = 0
    for _ in range(limit):
        state = _press(page, key)
        if state is None:
            return stops
        previous = stops[-1] if stops else None
        repeats = repeats + 1 if previous and state["id"] == previous["id"] else 0
        assert not _stuck(state, previous, repeats), f"keyboard trap: {key} is stuck on {state['what']} ({page.url})"
        if repeats:
            continue  # the next part of a date or time box
        if state["id"] in seen:
            assert seen[state["id"]] == 0, (
                f"keyboard trap: {key} came back to {state['what']} after "
                f"{' → '.join(s['what'] for s in stops[seen[state['id']]:])} ({page.url})")
            return stops
        seen[state["id"]] = len(stops)
        stops.append(state)
    raise AssertionError(f"{key} never left the page in {limit} presses ({page.url})")


KEY_OF = """sel => {
  const el = document.querySelector(sel);
  if (!el) return null;
  window.__kbIds = window.__kbIds || new WeakMap();
  if (!window.__kbIds.has(el)) window.__kbIds.set(el, (window.__kbNext = (window.__kbNext || 0) + 1));
  return window.__kbIds.get(el);
}"""
# The last control of every page: the footer's theme form.
PAGE_END = "footer form:last-of-type button[type=submit]"


def _no_trap(page, *, reload: bool = True) -> None:
    """Tab from the top of the page to its end, then Shift+Tab back: the forward walk starts at the
    skip link and gets to the page's last control, and the backward one passes the same controls in
    mirror order. The walks leave the focus outside the page, so by default the page is loaded
    again afterwards, for the next step to start from the top as a visitor would."""
    last = page.evaluate(KEY_OF, PAGE_END)
    assert last is not None, f"no {PAGE_END} on {page.url}"
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    forward = _walk(page, "Tab")
    assert forward and "Skip to main content" in forward[0]["what"], f"Tab starts at {forward[:1]} ({page.url})"
    assert forward[-1]["id"] == last, f"Tab stopped at {forward[-1]['what']}, before the end of {page.url}"
    # Shift+Tab from beyond the end walks back through the same stops.
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    backward = _walk(page, "Shift+Tab")
    assert [s["id"] for s in backward] == [s["id"] for s in reversed(forward)], (
        "Shift+Tab does not retrace Tab:\n  forward:  " + " → ".join(s["what"] for s in forward)
        + "\n  backward: " + " → ".join(s["what"] for s in backward))
    if reload:
        # Not page.reload(): the skip link leaves "#main" in the address, and a page loaded at a
        # fragment starts the Tab order there instead of at the top.
        page.goto(urlsplit(page.url)._replace(fragment="").geturl())




def _checked(page, selector: str) -> bool:
    return page.evaluate("sel => document.querySelector(sel).checked", selector)


# ---------------------------------------------------------------------------------------------
# (a) A mood check-in


def test_a_mood_check_in_with_the_keyboard_only(page, browser_context, live_server):
    from hearthside.accounts.actions import do_give_consent
    from hearthside.selfcare.models import CheckIn

    member = make_user("fern", pseudonym="Fern")
    do_give_consent(member, "health_data")
    log_in(browser_context, member, live_server.url)
    page.goto("/selfcare/checkin/")
    _no_trap(page)
    _skip_to_main(page)

    # The mood scale is one radio group: Tab enters it once, the arrow keys choose.
    _tab_to(page, "input[name=mood]")
    assert page.evaluate(MATCHES, "#mood-1"), "Tab did not enter the mood scale at its first value"
    for _ in range(6):
        _press(page, "ArrowRight")
    assert page.evaluate(MATCHES, "#mood-7") and _checked(page, "#mood-7")
    _press(page, "ArrowLeft")
    _press(page, "ArrowRight")
    assert _checked(page, "#mood-7")

    _tab_to(page, "#note")
    page.keyboard.type("Slept badly, the walk helped.")
    # Back into the group with Shift+Tab: the focus returns to the chosen value, not the first.
    _press(page, "Shift+Tab")
    assert page.evaluate(MATCHES, "#mood-7")

    _tab_to(page, "input[name=emotions][value=tired]")
    _press(page, "Space")
    assert _checked(page, "input[name=emotions][value=tired]")
    _tab_to(page, "input[name=activities][value=outdoors]")
    _press(page, "Space")
    assert _checked(page, "input[name=activities][value=outdoors]")
    # "Sleep and time" is a disclosure: Enter opens it and its fields join the Tab order. Tab passes
    # through every part of the date box (its calendar button last) to the button, each with a ring;
    # Shift+Tab comes back through them to the hours of sleep.
    _tab_to(page, "#checkin-form summary")
    _press(page, "Enter")
    _tab_to(page, "#checkin-form button[type=submit]")
    _tab_to(page, "#sleep_hours", key="Shift+Tab")
    page.keyboard.type("6.5")
    _tab_to(page, "#checkin-form button[type=submit]")
    page.keyboard.press("Enter")

    page.wait_for_url(_at_path("/selfcare/"))
    expect(page.locator(".messages")).to_contain_text("Checked in.")
    checkin = CheckIn.objects.get(user=member)
    assert (checkin.mood, checkin.emotions, checkin.activities) == (7, ["tired"], ["outdoors"])
    assert (checkin.note, checkin.sleep_hours) == ("Slept badly, the walk helped.", Decimal("6.5"))


# ---------------------------------------------------------------------------------------------
# (b) A message in a group chat


def test_a_group_chat_message_with_the_keyboard_only(asgi_context, asgi_server):
    from hearthside.community import actions
    from hearthside.community.models import ChatMessage, Group, Membership

    group = Group.objects.create(slug="evenings", name="Hard evenings", description="For the hours after dark.")
    ana, ben = make_user("ana", pseudonym="Ana"), make_user("ben", pseudonym="Ben")
    for person in (ana, ben):
        Membership.objects.create(group=group, user=person)
    _in_other_thread(actions.check_send_chat, ben, group, "ben-1", "Welcome, glad you found us.")
    log_in(asgi_context, ana, asgi_server)
    page = asgi_context.new_page()
    page.goto(f"/groups/{group.slug}/")
    expect(page.locator("#chat-status")).to_have_text("live", timeout=30_000)
    _skip_to_main(page)

    _tab_to(page, "#chat-input")
    page.keyboard.type("Evening all. Typed, not clicked.")
    page.keyboard.press("Enter")
    mine = page.locator("#chat-log > li.is-mine[data-seq]")
    expect(mine).to_have_count(1, timeout=10_000)
    expect(mine.locator(".chat-body")).to_have_text("Evening all. Typed, not clicked.")
    expect(page.locator("#chat-log .chat-unsent")).to_have_count(0)
    stored = ChatMessage.objects.filter(group=group, author=ana).get()
    assert (stored.body, stored.status) == ("Evening all. Typed, not clicked.", ChatMessage.Status.PUBLISHED)
    # The box is empty again and keeps the focus, ready for the next message.
    assert page.evaluate(MATCHES, "#chat-input") and page.evaluate("() => document.activeElement.value") == ""

    # Reporting Ben's message and changing one's mind: the focus comes back to where it was.
    _tab_to(page, "#chat-log .chat-report-button", key="Shift+Tab")
    _press(page, "Enter")
    assert page.evaluate(MATCHES, "#chat-report-reason"), "the report form did not take the focus"
    _tab_to(page, "#chat-report-cancel")
    _press(page, "Enter")
    expect(page.locator("#chat-report")).to_be_hidden()
    assert page.evaluate(MATCHES, "#chat-log .chat-report-button"), "closing the report form lost the focus"

    # Nothing earlier to load: the button is switched off, and the focus is not dropped with it.
    _tab_to(page, "#chat-older", key="Shift+Tab")
    _press(page, "Enter")
    expect(page.locator("#chat-older")).to_be_disabled(timeout=10_000)
    state = _focus(page)
    assert state is not None and page.evaluate(MATCHES, "#chat-log"), f"the focus went to {state}"
    _tab_to(page, "#chat-input")
    # The whole page, loaded again with both messages and their buttons in it, has no trap.
    page.goto(f"/groups/{group.slug}/")
    expect(page.locator("#chat-log > li")).to_have_count(2)
    _no_trap(page, reload=False)


# ---------------------------------------------------------------------------------------------
# (c) The safety plan: an entry, then a crisis contact


def test_the_safety_plan_with_the_keyboard_only(page, browser_context, live_server):
    from hearthside.accounts.actions import do_give_consent
    from hearthside.safety.actions import plan_for
    from hearthside.safety.models import ContactRoute

    member = make_user("willow", country="GB", pseudonym="Willow")
    do_give_consent(member, "health_data")
    log_in(browser_context, member, live_server.url)
    page.goto("/help/plan/")
    _no_trap(page)
    _skip_to_main(page)

    _tab_to(page, "a[href$='/help/plan/people_to_ask/']")
    page.keyboard.press("Enter")
    page.wait_for_url(_at_path("/help/plan/people_to_ask/"))
    _no_trap(page)
    _skip_to_main(page)  # the box for the entries is the first control of the main content
    assert page.evaluate(MATCHES, "#items")
    page.keyboard.type("My sister, 07700 900123")
    page.keyboard.press("Enter")  # a new line in the box: one entry per line
    page.keyboard.type("Sam from the climbing gym")
    _tab_to(page, "button[name=go][value=done]")
    page.keyboard.press("Enter")

    page.wait_for_url(_at_path("/help/plan/"))
    expect(page.locator(".messages")).to_contain_text("Saved.")
    step = page.locator(".plan-steps > li").filter(has=page.get_by_role("heading", name="People I can ask for help"))
    expect(step.locator("li")).to_have_text(["My sister, 07700 900123", "Sam from the climbing gym"])
    assert plan_for(member).steps["people_to_ask"] == ["My sister, 07700 900123", "Sam from the climbing gym"]

    # Someone to call in a crisis, on the page the plan links to. (The page came back at "#main",
    # the skip link's target, so Tab starts in the main content.)
    _tab_to(page, "a[href$='/help/contact/']")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: urlsplit(url).path.endswith("/contact/"))
    _no_trap(page)
    _skip_to_main(page)
    _tab_to(page, "#emergency_contact input[type=tel]")
    page.keyboard.type("07700 900456")
    _tab_to(page, "#emergency_contact input[name$=name]")
    page.keyboard.type("Sam, my sister")
    _tab_to(page, "#emergency_contact input[type=checkbox]")
    _press(page, "Space")
    _tab_to(page, "#emergency_contact button")
    page.keyboard.press("Enter")
    page.wait_for_load_state("load")
    expect(page.locator("#emergency_contact")).to_contain_text("In use")
    route = ContactRoute.objects.get(user=member, kind=ContactRoute.Kind.EMERGENCY_CONTACT, withdrawn_at=None)
    assert (route.name, route.value.replace(" ", "")) == ("Sam, my sister", "07700900456")
