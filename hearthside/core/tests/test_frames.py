"""Frame schemas (``core/frames.py``): what a broken frame looks like to the check every test runs."""

from __future__ import annotations

from hearthside.core.frames import SCHEMAS, problems


def test_a_frame_that_matches_has_no_problems():
    assert problems({"type": "chat.ack", "group": "g", "client_id": "c1", "seq": 4, "status": "published",
                     "duplicate": False}) == []
    assert problems({"type": "chat.ack", "group": "g", "client_id": "c1", "seq": None, "status": "held",
                     "duplicate": False, "help": True}) == []


def test_each_kind_of_mismatch_is_named():
    assert problems({"type": "chat.ack", "group": "g", "client_id": "c1", "status": "published",
                     "duplicate": False}) == ["chat.ack: missing 'seq'"]
    assert problems({"type": "chat.ack", "group": "g", "client_id": "c1", "seq": "4", "status": "published",
                     "duplicate": False}) == ["chat.ack: 'seq' is str"]
    assert problems({"type": "chat.ack", "group": "g", "client_id": "c1", "seq": 4, "status": "published",
                     "duplicate": 0, "author_id": 7}) == ["chat.ack: 'duplicate' is int",
                                                          "chat.ack: undeclared field 'author_id'"]
    assert problems({"type": "pong", "seq": True}) == ["pong: undeclared field 'seq'"]
    assert problems({"type": "chat.unheard"}) == ["chat.unheard: no schema declared (core/frames.py)"]
    assert problems(["not", "a", "frame"]) == ["not a frame with a type: ['not', 'a', 'frame']"]


def test_every_channel_s_frames_are_declared():
    from hearthside.core import realtime

    prefixes = {kind.partition(".")[0] for kind in SCHEMAS}
    assert set(realtime.CHANNELS) <= prefixes
