"""`make tour`: a short visual tour of Hearthside, role by role (issue #18, "What must be shown").

Starts the site on a throw-away database (SQLite in a temporary directory, with its own keys; the
developer's database, Redis, SMTP relay and paging settings are not used), loads the demo content
the way the phone-first browser tests do (``phone_first_world.build()``: ``hearthside demo`` plus a
forum thread, a live support-line conversation...) with a few short conversations of its own, sent
through the product's actions (so screening raises the safety alert and holds the messages that
staff see), serves it over ASGI in this process, and opens each page of ``TOUR`` in the system
Chromium as the role named there. It writes
the first screen of each page to ``docs/tour/<name>.png`` (palette PNGs, drawn at 1 device pixel
per CSS pixel) and the guide, ``docs/tour.md``, from the same list, so the guide names only pages
that exist. Pages are named by their URL pattern, checked against ``phone_first_world.PAGES`` by
``hearthside/core/tests/test_tour.py``.

    .venv/bin/python scripts/tour.py            # or: make tour
    .venv/bin/python scripts/tour.py --only member-home,guest-help
"""

from __future__ import annotations

import argparse
import base64
import os
import shutil
import struct
import sys
import tempfile
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from hearthside.core.tests import phone_first_world as world  # noqa: E402  (no Django at import)

TOUR_DIR = REPO / "docs" / "tour"
TOUR_MD = REPO / "docs" / "tour.md"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
PALETTE_SIZE = 256


@dataclass(frozen=True)
class Shot:
    name: str  # the file: docs/tour/<name>.png
    role: str  # a login name of the demo (phone_first_world), or ANON
    pattern: str  # a page of phone_first_world.PAGES, parameters filled from the demo content
    title: str
    caption: str  # what the person can do there: one or two sentences
    desktop: bool = False  # 1280 × 800 rather than a 390 × 844 phone
    spanish: bool = False


# The roles in the order of the guide, with who they are in the demo.
ROLES = [
    (world.ANON, "A visitor who is not signed in",
     "Anyone can get help, read the library and talk to the support line without an account."),
    (world.MEMBER, "A member: River (`demo-member`)",
     "River tracks their mood, has a practitioner, belongs to a peer-support group and has a friend, Sky."),
    (world.MEMBER2, "Another member: Sky (`demo-member2`)",
     "Sky is in a live support-line conversation with a peer supporter."),
    (world.PEER, "A peer supporter and group facilitator: Alex (`demo-peer`)",
     "Alex answers the support line and facilitates the demo groups. Staff sign in with a second factor."),
    (world.PRACTITIONER, "A practitioner: Dr Sam Rivera (`demo-practitioner`)",
     "River's practitioner, who sees only what River chose to share."),
    (world.MODERATOR, "A moderator: Jo (`demo-moderator`)",
     "Jo is on duty for safety alerts and reviews what the community and friends features held back."),
    (world.SUPERVISOR, "A clinical supervisor: Dr Lee (`demo-supervisor`)",
     "Dr Lee backs up the support line and receives escalated safety alerts."),
    (world.ADMIN, "An administrator (`demo-admin`)",
     "The operator, who verifies practitioners' licences and can open the staff pages."),
]

TOUR: list[Shot] = [
    # A visitor
    Shot("guest-home", world.ANON, "", "Home",
         "What Hearthside offers, with \"Create an account\", \"Log in\" and \"Talk to someone now, no account "
         "needed\". \"Get help now\" and \"Quick exit\" are at the top of every page."),
    Shot("guest-help", world.ANON, "help/", "Get help now",
         "The emergency number and the crisis lines of the visitor's country, each with its hours and when it "
         "was last checked. It works signed out and without JavaScript."),
    Shot("guest-support-line", world.ANON, "support-line/", "Talk to someone now",
         "A visitor starts a text conversation with a trained supporter as an anonymous guest; a first sentence "
         "(optional) helps the most urgent be answered first."),
    Shot("guest-library", world.ANON, "selfcare/library/<slug:slug>/", "A library article",
         "Short articles on emotional health, open to everyone, with reading time and topics."),
    Shot("guest-signup", world.ANON, "accounts/signup/", "Sign up",
         "An account needs a login name, a pseudonym and a password; no real name, and e-mail is optional."),
    Shot("guest-help-es", world.ANON, "help/", "Get help now, in Spanish",
         "The same page for a browser set to Spanish: the interface follows the browser's language, and here "
         "the crisis lines are Spain's.", spanish=True),
    # River
    Shot("member-home", world.MEMBER, "", "Home",
         "River's start page: a card for each part of Hearthside, \"Get help now\" first."),
    Shot("member-home-desktop", world.MEMBER, "", "Home, on a computer",
         "The same cards at desktop width, with the whole menu in the header.", desktop=True),
    Shot("member-checkin", world.MEMBER, "selfcare/checkin/", "Check in",
         "River picks a mood from 1 to 10, the emotions and activities that fit, hours of sleep and a private "
         "note. A check-in written offline waits on the phone and is sent when the connection is back."),
    Shot("member-insights", world.MEMBER, "selfcare/insights/", "Insights",
         "Mood over 7 to 365 days with a moving average, by weekday, and the activities, sleep and emotions "
         "that go with better days; every chart can be shown as a table."),
    Shot("member-insights-desktop", world.MEMBER, "selfcare/insights/", "Insights, on a computer",
         "The same charts on a computer.", desktop=True),
    Shot("member-phq9", world.MEMBER, "selfcare/questionnaires/<slug:slug>/", "PHQ-9",
         "The PHQ-9 depression questionnaire with its published scoring and severity bands; any answer but "
         "\"Not at all\" to item 9 starts the safety flow."),
    Shot("member-exercise", world.MEMBER, "selfcare/exercises/<slug:slug>/", "A guided exercise",
         "Box breathing: what it is, how long it takes and where it comes from; \"Start\" opens the guided "
         "steps."),
    Shot("member-help", world.MEMBER, "help/", "Get help now, signed in",
         "Below the crisis lines, River's help page adds their own safety plan (with Sky, from their circle of "
         "support) and who on the team is on duty. It opens offline too."),
    Shot("member-safety-plan", world.MEMBER, "help/plan/", "Safety plan",
         "The seven steps of a Stanley–Brown safety plan, from warning signs to reasons for living, each "
         "filled in on its own page."),
    Shot("member-group-chat", world.MEMBER, "groups/<slug:slug>/", "Group chat",
         "Live chat with River's peer-support group, with its forum and facilitated meetings a tap away; "
         "any message can be reported, and the box to write in is on the first screen."),
    Shot("member-forum-thread", world.MEMBER, "groups/<slug:slug>/forum/t/<int:thread_id>/", "A forum thread",
         "A thread in the group's forum: supportive reactions, reporting, and a reply with optional content "
         "warnings."),
    Shot("member-peer-chat", world.MEMBER, "friends/chat/<int:connection_id>/", "Peer chat",
         "A 1:1 chat with Sky, a peer River connected with by mutual consent. A note says peers are not "
         "therapists, with a button to bring in the support line."),
    Shot("member-friends", world.MEMBER, "friends/", "Friends",
         "River's peer profile (hidden again with one tap), peers with shared experiences, connections, the "
         "circle of support and \"Reach out to my circle\"."),
    Shot("member-companion", world.MEMBER, "companion/", "Companion",
         "The automated companion (it says so) recognises how River feels and offers an exercise inside the "
         "conversation; what it remembers is River's to see and erase."),
    Shot("member-support-line", world.MEMBER, "support-line/", "Talk to someone now",
         "Signed in, River can also let the supporter see their safety plan."),
    Shot("member-care-messages", world.MEMBER, "care/messages/<int:relationship_id>/",
         "Messages with the practitioner",
         "Secure messages with River's practitioner, encrypted where they are stored, and not for emergencies."),
    Shot("member-appointments", world.MEMBER, "care/appointments/", "Sessions",
         "River's booked sessions in River's time zone, to cancel, move or add to a calendar app."),
    Shot("member-home-es", world.MEMBER, "", "Home, in Spanish",
         "River's start page with the interface in Spanish.", spanish=True),
    Shot("member-checkin-es", world.MEMBER, "selfcare/checkin/", "Check in, in Spanish",
         "The check-in with the interface in Spanish.", spanish=True),
    # Sky
    Shot("member2-support-line-chat", world.MEMBER2, "support-line/c/<int:conversation_id>/",
         "A support-line conversation",
         "Sky's side of a live conversation with Alex, a peer supporter. Sky can end it at any time; the crisis "
         "lines of Sky's country are just below."),
    # Alex
    Shot("peer-desk", world.PEER, "support-line/desk/", "Support-line desk",
         "How many people are waiting, \"Help the next person\" (highest risk first, then longest wait), "
         "Alex's availability, and Alex's conversations with their assessed risk.", desktop=True),
    Shot("peer-conversation", world.PEER, "support-line/desk/c/<int:conversation_id>/", "Answering a conversation",
         "Alex's side of the conversation with Sky, with the risk screening assessed (here it rose during the "
         "conversation); further down, private notes to supervisors, hand-off, wrap-up and suggested replies."),
    Shot("peer-community", world.PEER, "staff/community/", "Moderating a group",
         "As facilitator, Alex sees the moderation queue of the groups they facilitate: here a chat message the "
         "abuse detector held, with the messages before it."),
    # Dr Rivera
    Shot("practitioner-care", world.PRACTITIONER, "care/", "Caseload",
         "Dr Rivera's clients and upcoming sessions in one place.", desktop=True),
    Shot("practitioner-client", world.PRACTITIONER, "care/clients/<int:relationship_id>/", "A client",
         "What River chose to share, and nothing more: River's crisis lines and safety plan status, then "
         "questionnaire scores with reliable change, shared journal entries, homework and private notes. River "
         "can see each time this page is opened.", desktop=True),
    Shot("practitioner-client-phone", world.PRACTITIONER, "care/clients/<int:relationship_id>/",
         "A client, on a phone", "The same page on a phone."),
    Shot("practitioner-session", world.PRACTITIONER, "care/appointments/<int:appointment_id>/room/",
         "A session room",
         "The live session: closed until shortly before the start, then video with camera and microphone, and "
         "the message thread beside it.", desktop=True),
    Shot("practitioner-messages", world.PRACTITIONER, "care/messages/<int:relationship_id>/",
         "Messages with a client", "Secure messages with River, on a phone."),
    Shot("practitioner-practice", world.PRACTITIONER, "care/practice/", "My practice",
         "The practitioner's profile and approaches, licences (verified by an administrator) and weekly hours, "
         "which clients see in their own time zone.", desktop=True),
    # Jo
    Shot("moderator-safety", world.MODERATOR, "staff/safety/", "Safety alerts",
         "Open safety alerts, nearest deadline first, updating live: here one about Sky, raised by what Sky "
         "wrote in the group chat.", desktop=True),
    Shot("moderator-alert", world.MODERATOR, "staff/safety/alerts/<int:alert_id>/", "A safety alert",
         "The whole incident on one page: what screening noticed, Sky's words (held, not published), \"Reach "
         "out now\", which opens a live conversation Sky sees at once, and \"Acknowledge\"."),
    Shot("moderator-alert-desktop", world.MODERATOR, "staff/safety/alerts/<int:alert_id>/",
         "A safety alert, on a computer",
         "The same alert on a computer, with how the contact went recorded alongside.", desktop=True),
    Shot("moderator-review", world.MODERATOR, "staff/safety/review/", "Review queue",
         "Everything screening held or flagged, to mark as a true concern or a false alarm; each decision is "
         "kept as a labelled example for improving screening.", desktop=True),
    Shot("moderator-community", world.MODERATOR, "staff/community/", "Moderation queue",
         "Reported posts and held chat messages from every group, each with its context.", desktop=True),
    Shot("moderator-friends", world.MODERATOR, "friends/moderation/", "Friends moderation",
         "Reports about peer chats (here River's, about a message of Sky's), to dismiss or hide, and "
         "connection requests held after several reports."),
    Shot("moderator-alert-es", world.MODERATOR, "staff/safety/alerts/<int:alert_id>/", "A safety alert, in Spanish",
         "The alert page with the interface in Spanish; Sky's own words stay as written.", spanish=True),
    # Dr Lee
    Shot("supervisor-dashboard", world.SUPERVISOR, "support-line/desk/dashboard/", "Support-line dashboard",
         "Who is waiting and for how long, conversations with rising risk, time to first response by risk, "
         "and outcomes.", desktop=True),
    Shot("supervisor-read-along", world.SUPERVISOR, "support-line/desk/c/<int:conversation_id>/", "Reading along",
         "A supervisor can open any live conversation (reading it is recorded in the audit log), then whisper "
         "to the supporter, join or take over.", desktop=True),
    Shot("supervisor-roster", world.SUPERVISOR, "staff/safety/roster/", "Duty roster",
         "Who is on duty for safety alerts, and when."),
    # Admin
    Shot("admin-verify", world.ADMIN, "care/verify/", "Verifying licences",
         "Each practitioner's licence, checked against the issuing body's own register; only the outcome "
         "\"verified\" lets clients book.", desktop=True),
    Shot("admin-paging", world.ADMIN, "staff/paging/", "Paging",
         "How the people on duty are paged when an alert is not acknowledged in time: Web Push in this browser, "
         "and text messages."),
]


# ---------------------------------------------------------------------------------------------
# The guide


def markdown() -> str:
    lines = [
        "# A short tour of Hearthside",
        "",
        "What each kind of person sees, page by page, with the demo content (`make run` loads it; every",
        "demo account's password is `demo-hearthside-2026`). Phone screenshots are the first screen of",
        "a 390 × 844 phone; the others are a 1280 × 800 desktop.",
        "",
        "This file and the screenshots in `docs/tour/` are written by `make tour` (`scripts/tour.py`);",
        "edit the script, not this file.",
        "",
    ]
    for role, heading, intro in ROLES:
        shots = [shot for shot in TOUR if shot.role == role]
        if not shots:
            continue
        lines += [f"## {heading}", "", intro, ""]
        for shot in shots:
            lines += [f"### {shot.title}", "", shot.caption, "", f"![{shot.title}](tour/{shot.name}.png)", ""]
    return "\n".join(lines).rstrip() + "\n"


# ---------------------------------------------------------------------------------------------
# Small PNGs without an image library: Chromium decodes its own screenshot on a blank page, and
# the pixels are reduced to a palette here.

DECODE = """async (data) => {
  const image = new Image();
  image.src = "data:image/png;base64," + data;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const context = canvas.getContext("2d");
  context.drawImage(image, 0, 0);
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
  let text = "";
  for (let i = 0; i < pixels.length; i += 0x8000) text += String.fromCharCode.apply(null, pixels.subarray(i, i + 0x8000));
  return [canvas.width, canvas.height, btoa(text)];
}"""


def palette_of(rgb, size: int = PALETTE_SIZE):
    """(palette, index per pixel). A screenshot is mostly a few flat colours plus anti-aliased
    edges: the palette starts with the commonest colour and then repeatedly takes the colour whose
    pixels are worst served so far (count × squared distance), so the flat colours of the page are
    kept exactly, and a small badge in a colour of its own is not lost to the grey around it."""
    import numpy as np

    flat = rgb.reshape(-1, 3).astype(np.int32)
    keys = (flat[:, 0] << 16) | (flat[:, 1] << 8) | flat[:, 2]
    colours, inverse, counts = np.unique(keys, return_inverse=True, return_counts=True)
    colours = np.stack([colours >> 16, (colours >> 8) & 255, colours & 255], axis=1)
    if len(colours) <= size:
        return colours.astype(np.uint8), inverse.astype(np.uint8)
    chosen = [int(np.argmax(counts))]
    distance = ((colours - colours[chosen[0]]) ** 2).sum(axis=1)
    nearest = np.zeros(len(colours), dtype=np.int32)
    for slot in range(1, size):
        worst = int(np.argmax(counts * distance))
        if distance[worst] == 0:
            break
        chosen.append(worst)
        closer = ((colours - colours[worst]) ** 2).sum(axis=1)
        better = closer < distance
        distance = np.where(better, closer, distance)
        nearest = np.where(better, slot, nearest)
    return colours[chosen].astype(np.uint8), nearest[inverse].astype(np.uint8)


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def small_png(decoder, png: bytes) -> bytes:
    import numpy as np

    width, height, data = decoder.evaluate(DECODE, base64.b64encode(png).decode("ascii"))
    rgba = np.frombuffer(base64.b64decode(data), dtype=np.uint8).reshape(height, width, 4)
    palette, index = palette_of(rgba[:, :, :3])
    rows = np.zeros((height, width + 1), dtype=np.uint8)  # a leading 0 per row: no filter
    rows[:, 1:] = index.reshape(height, width)
    small = b"".join([
        b"\x89PNG\r\n\x1a\n",
        png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0)),
        png_chunk(b"PLTE", palette.tobytes()),
        png_chunk(b"IDAT", zlib.compress(rows.tobytes(), 9)),
        png_chunk(b"IEND", b""),
    ])
    return min(small, png, key=len)


# ---------------------------------------------------------------------------------------------
# The site on a throw-away database


def isolate(var_dir: str) -> None:
    """Point every setting that names a database, a file, a relay or a key at nothing of the
    developer's: settings read HEARTHSIDE_* and the URLs below, and fall back to a fresh
    development set-up in HEARTHSIDE_VAR_DIR."""
    for name in list(os.environ):
        if name.startswith("HEARTHSIDE_") or name in ("DATABASE_URL", "REDIS_URL"):
            del os.environ[name]
    os.environ["HEARTHSIDE_VAR_DIR"] = var_dir
    os.environ["HEARTHSIDE_ENV"] = "development"  # the demo content is refused in production
    os.environ["DJANGO_SETTINGS_MODULE"] = "hearthside.settings"
    # Playwright's sync API keeps an event loop in this thread; the script itself is synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


# What people say in the tour's conversations, after the one line phone_first_world.build() puts
# in each ("Evenings are still the hardest part of the day for me."). Sent through the same actions
# as the pages use, so screening, held messages and alerts are the product's own.
GROUP_CHAT = [
    (world.PEER, "Thanks for saying so, River. What has helped on the harder evenings?"),
    (world.MEMBER, "A short walk after dinner, and putting my phone away by ten."),
    (world.MEMBER2, "I might try the walk. Tonight I'm doing the breathing exercise first."),
]
# Held by screening (a safety alert about Sky) and by the abuse detector (the moderation queue);
# neither reaches the other members.
GROUP_CHAT_HELD = [
    (world.MEMBER2, "Honestly I keep thinking everyone would be better off without me."),
    (world.MEMBER2, "Stop lecturing us, you idiot."),
]
SUPPORT_LINE = [
    (world.PEER, "Hi Sky, I'm Alex. I'm glad you got in touch. What are evenings like for you at the moment?"),
    (world.MEMBER2, "Quiet. Everyone's busy and I end up going over everything in my head."),
    (world.PEER, "That sounds tiring. When it gets loud in your head, has anything helped before, even a little?"),
    (world.MEMBER2, "Writing things down, sometimes. I haven't done it for a while."),
]
PEER_CHAT = [(world.MEMBER2, "Same for me. Shall we try a walk together on Saturday morning?")]
CARE_MESSAGES = [(world.PRACTITIONER, "Thank you for telling me, River. Let's look at your evenings together "
                                      "on Monday; until then, the breathing exercise before bed is a good start.")]
COMPANION = "I can't switch off in the evenings."


def build_world() -> dict:
    """phone_first_world's demo site with short conversations instead of its tall filler logs."""
    from hearthside.care.conversation import check_send_message
    from hearthside.care.models import CareRelationship
    from hearthside.community.actions import check_send_chat
    from hearthside.community.models import Group
    from hearthside.companion import actions as companion
    from hearthside.friends import actions as friends
    from hearthside.friends.models import Connection
    from hearthside.safety.models import SafetyAlert
    from hearthside.supportline import actions as line
    from hearthside.supportline.models import Conversation

    # The phone test fills each chat with LOG_LENGTH lines to see it at its tallest; one is enough
    # here, and it is a line a member would write.
    assert hasattr(world, "LOG_LENGTH"), "phone_first_world.build() no longer reads LOG_LENGTH"
    world.LOG_LENGTH = 1
    values = world.build()
    users, ids = values["users"], values["ids"]
    # build() makes a bare alert about Sky so that the alert pages have one; here the alert is the
    # one screening raises for what Sky writes (one alert per incident: the bare one would take it in).
    SafetyAlert.objects.filter(pk=ids["alert_id"]).delete()
    group = Group.objects.get(slug=ids["slug"])
    for i, (who, text) in enumerate(GROUP_CHAT + GROUP_CHAT_HELD):
        _message, _created, route = check_send_chat(users[who], group, f"tour-{i}", text)
        if route and route.alert:
            ids["alert_id"] = route.alert.pk
    conversation = Conversation.objects.get(pk=ids["conversation_id"])
    for i, (who, text) in enumerate(SUPPORT_LINE):
        line.check_send(users[who], conversation, f"tour-{i}", text)
    connection = Connection.objects.get(pk=ids["connection_id"])
    for i, (who, text) in enumerate(PEER_CHAT):
        friends.check_send(users[who], connection, f"tour-{i}", text)
    relationship = CareRelationship.objects.get(pk=ids["relationship_id"])
    for i, (who, text) in enumerate(CARE_MESSAGES):
        check_send_message(users[who], relationship, f"tour-{i}", text)
    companion.check_send(users[world.MEMBER], COMPANION, client_id="tour-0")
    return values


def otp_device(user):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="tour phone", confirmed=True)


def take(shots: list[Shot], out: Path) -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from playwright.sync_api import sync_playwright

    from hearthside.testing import browser as hs_browser

    if not hs_browser.chromium_available():
        raise SystemExit(hs_browser.MISSING_CHROMIUM)
    started = time.monotonic()
    call_command("migrate", verbosity=0)
    values = build_world()
    print(f"throw-away site ready in {time.monotonic() - started:.0f} s", flush=True)
    out.mkdir(parents=True, exist_ok=True)
    with hs_browser.serve_asgi() as base_url, sync_playwright() as playwright:
        browser = hs_browser.launch_chromium(playwright)
        decoder = browser.new_page()  # about:blank, outside the site's Content-Security-Policy
        contexts = {}
        try:
            for shot in shots:
                key = (shot.role, shot.desktop, shot.spanish)
                if key not in contexts:
                    options = {"viewport": DESKTOP} if shot.desktop else {
                        "viewport": PHONE, "is_mobile": True, "has_touch": True}
                    context = hs_browser.new_context(browser, base_url, device_scale_factor=1,
                                                     locale="es-ES" if shot.spanish else "en-GB", **options)
                    context.set_default_timeout(15_000)
                    if shot.spanish:
                        context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "es", "url": base_url}])
                    if shot.role != world.ANON:
                        user = values["users"][shot.role]
                        hs_browser.log_in(context, user, base_url,
                                          otp_device=otp_device(user) if shot.role in world.STAFF else None)
                    contexts[key] = context
                page = contexts[key].new_page()
                url = world.url_for(shot.pattern, values)
                response = page.goto(url, wait_until="load")
                if response is None or response.status != 200:
                    raise SystemExit(f"{shot.name}: {url} answered {response and response.status} as {shot.role}")
                try:  # live pages connect their socket and fill in; give them a moment
                    page.wait_for_load_state("networkidle", timeout=3_000)
                except Exception:  # noqa: BLE001 - a page that keeps talking is shot as it is
                    pass
                page.wait_for_timeout(300)
                png = page.screenshot(animations="disabled", caret="hide")
                page.close()
                small = small_png(decoder, png)
                (out / f"{shot.name}.png").write_bytes(small)
                print(f"{shot.name}.png  {url}  {len(small) // 1024} KB", flush=True)
        finally:
            for context in contexts.values():
                context.close()
            browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="comma-separated shot names: take just these, leave the rest as they are")
    args = parser.parse_args(argv)
    shots = TOUR
    if args.only:
        wanted = set(args.only.split(","))
        shots = [shot for shot in TOUR if shot.name in wanted]
        if unknown := wanted - {shot.name for shot in shots}:
            parser.error(f"no such shot: {', '.join(sorted(unknown))}")
    started = time.monotonic()
    var_dir = tempfile.mkdtemp(prefix="hearthside-tour-")
    try:
        isolate(var_dir)
        take(shots, TOUR_DIR)
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)
    if not args.only:  # screenshots of shots no longer in the tour
        for stale in set(TOUR_DIR.glob("*.png")) - {TOUR_DIR / f"{shot.name}.png" for shot in TOUR}:
            stale.unlink()
    TOUR_MD.write_text(markdown(), encoding="utf-8")
    total = sum(path.stat().st_size for path in TOUR_DIR.glob("*.png"))
    print(f"wrote {TOUR_MD.relative_to(REPO)} and {len(TOUR)} screenshots ({total / 1e6:.1f} MB) "
          f"in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
