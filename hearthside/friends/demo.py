"""Demo content for Friends: River (demo-member) and Sky (demo-member2) share grief and anxiety,
are connected with a short chat, Sky is in River's circle (and safety plan), and the board holds a
few coping strategies. Idempotent: running it again changes nothing."""

from __future__ import annotations

from hearthside.accounts.models import User

from . import actions
from .models import CircleMember, Connection, PeerProfile, Strategy

PROFILES = {
    "demo-member": {"pseudonym": "River", "intro": "Lost my grandad last winter. I like long walks and bad puns.",
                    "topics": ["grief", "anxiety"], "languages": ["en", "es"], "looking_for": ["talk", "walk"],
                    "availability": ["evenings", "weekends"]},
    "demo-member2": {"pseudonym": "Sky", "intro": "Anxious brain, kind heart. Happy to listen.",
                     "topics": ["grief", "anxiety", "studies"], "languages": ["en"],
                     "looking_for": ["talk", "offer"], "availability": ["evenings"]},
}
CHAT = [
    ("demo-member", "demo-1", "Hi Sky, thanks for accepting. Evenings are the hardest for me."),
    ("demo-member2", "demo-2", "Same here. What usually helps you?"),
    ("demo-member", "demo-3", "A walk, even a short one. And writing things down."),
]
STRATEGIES = [
    ("demo-member2", "Five things I can see, four I can hear, three I can touch — it brings me back.",
     ["anxious", "panic"]),
    ("demo-member", "I keep a voice note from my grandad and listen to it with a cup of tea.", ["low", "lonely"]),
    ("demo-member2", "Phone in another room, window open, and a boring podcast at low volume.", ["sleep"]),
]


def load(stdout) -> None:
    users = {u.username: u for u in User.objects.filter(username__in=PROFILES)}
    if len(users) < 2:
        return
    for username, data in PROFILES.items():
        if not PeerProfile.objects.filter(user=users[username]).exists():
            actions.do_save_profile(users[username], {**data, "age_band": "adult", "enabled": True})
    river, sky = users["demo-member"], users["demo-member2"]
    connection = Connection.objects.filter(pair=Connection.pair_key(river.pk, sky.pk),
                                           status=Connection.Status.ACCEPTED).first()
    if connection is None:
        connection = actions.do_request(river, sky, "Hi! We both chose grief and anxiety.")
        connection = actions.check_respond(sky, connection, "accept")
    for username, client_id, body in CHAT:
        actions.check_send(users[username], connection, client_id, body)
    if not CircleMember.objects.filter(owner=river, member=sky).exists():
        membership = actions.check_invite_to_circle(river, connection, in_safety_plan=actions.may_write_plan(river))
        actions.check_answer_circle(sky, membership, True)
    for username, text, situations in STRATEGIES:
        if not Strategy.objects.filter(author=users[username], situations=situations).exists():
            actions.check_share_strategy(users[username], text, situations)
    stdout.write("friends: River and Sky connected, Sky in River's circle, 3 coping strategies")
