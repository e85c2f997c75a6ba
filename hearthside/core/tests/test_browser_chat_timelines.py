"""Every chat timeline as a screen reader meets it (issue #18, item 3): group chat, peer chat,
counselling messages, the support line and the companion.

Each timeline is one live region (``aria-live="polite"``, named, focusable for scrolling, never
busy at rest, every child a list item). A message someone else sends arrives inside it as its last
child while the region is not busy, so it is read out; each message reads as who, what, then when
(where a time is shown). Earlier messages loaded at the top are inserted while the region is marked
``aria-busy``, so they are not read out as news. One's own unsent message says its state in words.
Needs Debian's Chromium; skipped otherwise.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from hearthside.conftest import make_user
from hearthside.testing.browser import TRACK_SOCKETS, log_in
from hearthside.testing.browser import in_other_thread as _in_other_thread

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = pytest.mark.browser

LIVE = 20_000

REGION = """sel => {
  const log = document.querySelector(sel);
  const labelled = log.getAttribute("aria-labelledby");
  return {
    tag: log.tagName.toLowerCase(), role: log.getAttribute("role"), live: log.getAttribute("aria-live"),
    atomic: log.getAttribute("aria-atomic"), busy: log.getAttribute("aria-busy"),
    name: (log.getAttribute("aria-label") || (labelled && document.getElementById(labelled).textContent) || "").trim(),
    tabindex: log.getAttribute("tabindex"),
    others: Array.from(log.children).filter(c => c.tagName !== "LI").map(c => c.tagName),
    hidden: !!log.closest("[aria-hidden=true]"),
    // Nothing else on the page may announce the same messages a second time.
    nested: !!log.querySelector("[aria-live]") || !!log.parentElement.closest("[aria-live]"),
  };
}"""

# From now on, note every list item put into the log and every change of its aria-busy, in order.
RECORD = """sel => {
  const log = document.querySelector(sel);
  window.__log = [];
  if (window.__logObserver) window.__logObserver.disconnect();
  (window.__logObserver = new MutationObserver(records => {
    for (const r of records) {
      if (r.type === "attributes") { window.__log.push({busy: log.getAttribute("aria-busy")}); continue; }
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1 || n.tagName !== "LI") continue;
        window.__log.push({added: n.textContent.replace(/\\s+/g, " ").trim(), seq: n.getAttribute("data-seq"),
                           busy: log.getAttribute("aria-busy"), last: log.lastElementChild === n});
      }
    }
  })).observe(log, {childList: true, attributes: true, attributeFilter: ["aria-busy"]});
}"""

# One message's parts in reading (document) order, with their text.
PARTS = """([sel, text, parts]) => {
  const li = Array.from(document.querySelectorAll(sel + " > li"))
    .find(li => li.textContent.replace(/\\s+/g, " ").includes(text));
  if (!li) return null;
  const found = Object.entries(parts).map(([name, s]) => [name, li.querySelector(s)]).filter(([, el]) => el);
  found.sort(([, a], [, b]) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) ? -1 : 1);
  return {order: found.map(([name]) => name),
          text: Object.fromEntries(found.map(([name, el]) => [name, el.textContent.trim()])),
          last: li.parentElement.lastElementChild === li, inLog: li.parentElement === document.querySelector(sel)};
}"""




def _assert_region(page, sel: str) -> None:
    region = page.evaluate(REGION, sel)
    assert region == {
        "tag": "ol", "role": None, "live": "polite", "atomic": None, "busy": None, "name": region["name"],
        "tabindex": "0", "others": [], "hidden": False, "nested": False,
    }, region
    assert region["name"], f"{sel} has no name"


def _arrivals(page) -> list[dict]:
    return page.evaluate("() => window.__log")


def _assert_delivered_last(page, sel: str, text: str, parts: dict, expected_order: list[str]) -> dict:
    """The message with ``text`` came into the log as its last child, while it was not busy, and its
    parts read in ``expected_order``."""
    added = [a for a in _arrivals(page) if "added" in a and text in a["added"]]
    assert added, f"{text!r} never went into {sel}: {_arrivals(page)}"
    assert added[-1]["last"] and added[-1]["busy"] is None, added
    parts_found = page.evaluate(PARTS, [sel, text, parts])
    assert parts_found is not None and parts_found["inLog"] and parts_found["last"], parts_found
    assert parts_found["order"] == expected_order, parts_found
    return parts_found["text"]


CHAT_PARTS = {"author": "strong", "body": ".chat-body"}


def _earlier_messages(model, author, **where) -> None:
    """52 earlier messages by ``author``, from yesterday, in the one conversation ``where`` names
    (``group=`` or ``connection=``), which is told it is up to 52: the page shows the last 50, two
    wait behind "Load earlier messages"."""
    (conversation,) = where.values()
    yesterday = timezone.now() - timedelta(days=1)
    for seq in range(1, 53):
        model.objects.create(author=author, client_id=f"old-{seq}", body=f"Earlier {seq}.", seq=seq,
                             created_at=yesterday, **where)
    type(conversation).objects.filter(pk=conversation.pk).update(last_seq=52)


def _open_live_timeline(context, user, base_url: str, path: str, *, status: str, sel: str):
    """``user``'s page at ``path``, once ``status`` says live: its timeline ``sel`` is checked as a
    region, and from then on what goes into it is recorded."""
    log_in(context, user, base_url)
    page = context.new_page()
    page.goto(path)
    expect(page.locator(status)).to_have_text("live", timeout=LIVE)
    _assert_region(page, sel)
    page.evaluate(RECORD, sel)
    return page


def _open_chat_with_history(context, viewer, base_url: str, path: str, model, author, **where):
    """A chat (``#chat-log``) with 52 earlier messages by ``author`` (``_earlier_messages``), open
    and live for ``viewer`` (``_open_live_timeline``)."""
    _earlier_messages(model, author, **where)
    return _open_live_timeline(context, viewer, base_url, path, status="#chat-status", sel="#chat-log")


def _assert_someone_else_read_out(page, sel: str, send, text: str, parts: dict = CHAT_PARTS,
                                  expected_order: tuple[str, ...] = ("author", "body")) -> dict:
    """``send()`` (another person's message, sent from another thread) shows up at the end of
    ``sel`` and was delivered as its last child while it was not busy (``_assert_delivered_last``)."""
    _in_other_thread(send)
    expect(page.locator(f"{sel} > li").last).to_contain_text(text, timeout=LIVE)
    return _assert_delivered_last(page, sel, text, parts, list(expected_order))


def _assert_loads_earlier_quietly(page, sel: str) -> None:
    """"Load earlier messages" brings messages 1 and 2 in at the top (``_assert_quiet_prepend``)."""
    page.evaluate(RECORD, sel)
    page.get_by_role("button", name="Load earlier messages").click()
    expect(page.locator(f"{sel} > li").first).to_have_attribute("data-seq", "1", timeout=LIVE)
    _assert_quiet_prepend(page, sel, ["Earlier 1.", "Earlier 2."])


def _assert_quiet_prepend(page, sel: str, earlier: list[str]) -> None:
    """Earlier messages (sequence numbers 1, 2, ... with the texts ``earlier``) went in at the top,
    in order, all while the log was busy, and the log is not busy afterwards (so what is said next
    is read out again)."""
    page.wait_for_function(f"() => document.querySelector({sel!r}).getAttribute('aria-busy') === null")
    events = _arrivals(page)
    adds = [i for i, e in enumerate(events) if "added" in e]
    # Each goes in above the one before it: the latest of the page first, the earliest last (and
    # the log's first items are they, in order: checked below).
    assert [events[i]["seq"] for i in adds] == [str(n) for n in range(len(earlier), 0, -1)], events
    assert all(events[i]["busy"] == "true" for i in adds), f"history went in while the log was live: {events}"
    busy_on = [i for i, e in enumerate(events) if e.get("busy") == "true" and "added" not in e]
    busy_off = [i for i, e in enumerate(events) if "added" not in e and e.get("busy") is None]
    assert busy_on and busy_on[0] < adds[0] and busy_off and busy_off[-1] > adds[-1], events
    shown = page.locator(f"{sel} > li .chat-body").all_inner_texts()
    assert [t.strip() for t in shown[:len(earlier)]] == earlier, shown


# ---------------------------------------------------------------------------------------------
# Group chat


def test_group_chat_timeline(chromium, asgi_context, asgi_server):
    from hearthside.community import actions
    from hearthside.community.models import ChatMessage, Group, Membership

    group = Group.objects.create(slug="evenings", name="Hard evenings", description="For the hours after dark.")
    ana, ben = make_user("ana", pseudonym="Ana"), make_user("ben", pseudonym="Ben")
    for person in (ana, ben):
        Membership.objects.create(group=group, user=person)
    asgi_context.add_init_script(TRACK_SOCKETS)
    page = _open_chat_with_history(asgi_context, ana, asgi_server, f"/groups/{group.slug}/", ChatMessage, ben,
                                   group=group)

    # Someone else speaks: read out, at the end, as author then text.
    text = _assert_someone_else_read_out(
        page, "#chat-log", lambda: actions.check_send_chat(ben, group, "ben-now", "Glad you're here."),
        "Glad you're here.")
    assert text == {"author": "Ben", "body": "Glad you're here."}

    # One's own message says "sending…" in words until the server has it, then reads as delivered.
    page.get_by_label("Message", exact=True).fill("Thanks, Ben.")
    page.get_by_role("button", name="Send", exact=True).click()
    mine = page.locator("#chat-log > li.is-mine[data-seq]").filter(has_text="Thanks, Ben.")
    expect(mine).to_have_count(1, timeout=LIVE)
    expect(page.locator("#chat-log .chat-unsent")).to_have_count(0)
    assert any(a.get("added") == "Thanks, Ben. sending…" for a in _arrivals(page)), _arrivals(page)
    # Offline, it stays in the log marked "Not sent — retry", in words, with a retry button.
    asgi_context.set_offline(True)
    page.evaluate("window.__sockets.forEach(s => s.close())")
    expect(page.locator("#chat-status")).to_have_text("reconnecting…", timeout=30_000)
    page.get_by_label("Message", exact=True).fill("Are you still there?")
    page.get_by_role("button", name="Send", exact=True).click()
    unsent = page.locator("#chat-log > li.is-unsent")
    expect(unsent).to_have_text("Are you still there? Not sent — retry")
    expect(unsent.get_by_role("button", name="retry")).to_be_visible()
    asgi_context.set_offline(False)
    expect(page.locator("#chat-log > li.is-mine[data-seq]").filter(has_text="Are you still there?")).to_have_count(
        1, timeout=30_000)
    expect(unsent).to_have_count(0)

    # Earlier messages, asked for: in at the top, in order, while the log is busy.
    _assert_loads_earlier_quietly(page, "#chat-log")


# ---------------------------------------------------------------------------------------------
# Peer chat


def test_peer_chat_timeline(asgi_context, asgi_server):
    from hearthside.friends import actions
    from hearthside.friends.models import PeerMessage
    from hearthside.friends.tests.helpers import connect, peer

    alba, bruno = peer("alba", topics=["grief"]), peer("bruno", topics=["grief"])
    connection = connect(alba, bruno)
    page = _open_chat_with_history(asgi_context, alba, asgi_server, f"/friends/chat/{connection.pk}/",
                                   PeerMessage, bruno, connection=connection)

    text = _assert_someone_else_read_out(
        page, "#chat-log", lambda: actions.check_send(bruno, connection, "bruno-now", "Evenings are hard for me too."),
        "Evenings are hard for me too.")
    assert text == {"author": "Bruno P", "body": "Evenings are hard for me too."}

    _assert_loads_earlier_quietly(page, "#chat-log")


# ---------------------------------------------------------------------------------------------
# Counselling messages


def test_counselling_timeline_reads_author_text_then_time(asgi_context, asgi_server):
    from hearthside.accounts.actions import do_give_consent
    from hearthside.care import actions, conversation
    from hearthside.care.tests.conftest import make_practitioner

    pro = make_practitioner()
    client = make_user("client", time_zone="Europe/London", pseudonym="Robin")
    do_give_consent(client, "health_data")
    do_give_consent(client, "practitioner_sharing")
    relationship = actions.check_choose_practitioner(client, pro)
    conversation.check_send_message(pro.user, relationship, "p1", "Hello, welcome.")
    log_in(asgi_context, client, asgi_server)
    page = asgi_context.new_page()
    page.goto(f"/care/messages/{relationship.pk}/")
    page.locator("#care-log > li[data-seq]").first.wait_for()
    _assert_region(page, "#care-log")
    parts = {"author": "strong", "body": ".care-body", "time": "time"}
    stored = page.evaluate(PARTS, ["#care-log", "Hello, welcome.", parts])
    assert stored["order"] == ["author", "body", "time"], stored
    # Whether the socket is open yet or not (then the page catches up when it opens), the message
    # is put into the log the same way.
    page.evaluate(RECORD, "#care-log")
    text = _assert_someone_else_read_out(
        page, "#care-log", lambda: conversation.check_send_message(pro.user, relationship, "p2", "How was your week?"),
        "How was your week?", parts, ("author", "body", "time"))
    assert text["author"] == pro.user.pseudonym and text["body"] == "How was your week?"
    assert re.fullmatch(r"\d\d \w{3} \d\d:\d\d", text["time"]), text


# ---------------------------------------------------------------------------------------------
# The support line


def test_support_line_timeline(asgi_context, asgi_server):
    from hearthside.supportline import actions

    person = make_user("quill", country="GB", pseudonym="Quill")
    supporter = make_user("alex", "peer_supporter", pseudonym="Alex")
    started = actions.check_start(person, "I can't sleep again.")
    taken = actions.check_help_next(supporter)
    assert taken is not None and taken.pk == started.pk
    page = _open_live_timeline(asgi_context, person, asgi_server, f"/support-line/c/{started.pk}/",
                               status="#sl-status", sel="#sl-log")

    text = _assert_someone_else_read_out(
        page, "#sl-log",
        lambda: actions.check_send(supporter, taken, "alex-1", "Hi Quill, I'm here. What's keeping you up?"),
        "What's keeping you up?")
    assert text == {"author": "Alex", "body": "Hi Quill, I'm here. What's keeping you up?"}


# ---------------------------------------------------------------------------------------------
# The companion


def test_companion_timeline(asgi_context, asgi_server):
    person = make_user("wren", country="GB", pseudonym="Wren")
    log_in(asgi_context, person, asgi_server)
    page = asgi_context.new_page()
    page.goto("/companion/")
    page.get_by_role("button", name="I agree: start talking").click()
    expect(page.locator("#companion-status")).to_have_text("Connected", timeout=LIVE)
    _assert_region(page, "#companion-log")
    # While a reply is being written, its text is not read out piece by piece.
    assert page.locator("#companion-stream").get_attribute("aria-hidden") == "true"
    page.evaluate(RECORD, "#companion-log")

    log = page.locator("#companion-log > li")
    before = log.count()
    page.get_by_label("Your message").fill("I'm really anxious about my exams next week")
    page.get_by_role("button", name="Send", exact=True).click()
    expect(log).to_have_count(before + 2, timeout=LIVE)
    expect(log.last).to_have_class(re.compile(r"\bis-companion\b"))
    parts = {"author": ".visually-hidden", "body": ".companion-body"}
    asked = page.evaluate(PARTS, ["#companion-log", "anxious about my exams", parts])
    assert asked["order"] == ["author", "body"] and asked["text"]["author"] == "You:", asked
    reply = " ".join(log.last.locator(".companion-body").inner_text().split())
    text = _assert_delivered_last(page, "#companion-log", reply[:40], parts, ["author", "body"])
    assert text["author"] == "Companion:" and " ".join(text["body"].split()) == reply
    # The question came in before the answer, both into the log itself.
    added = [a["added"] for a in _arrivals(page) if "added" in a]
    assert re.match(r"You: ?I'm really anxious", added[0]) and added[-1].startswith("Companion:"), added
