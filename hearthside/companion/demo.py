"""Demo content: demo-member has talked with the companion once (a check-in about exams, with
memory allowed), so the page opens with history and a "Last time you mentioned..." greeting."""

from __future__ import annotations

from hearthside.accounts.actions import do_give_consent

from . import actions
from .models import Conversation

SCRIPT = [
    "I'm feeling anxious about my exams next week",
    "I keep panicking that I'll fail them",
    "yes",
]


def load(stdout) -> None:
    from hearthside.accounts.models import User

    person = User.objects.filter(username="demo-member").first()
    if person is None or Conversation.objects.filter(user=person).exists():
        return  # idempotent: the demo conversation is made once
    do_give_consent(person, "ai_features")
    conversation = actions.do_start_conversation(person)
    for i, text in enumerate(SCRIPT):
        actions.check_send(person, text, client_id=f"demo-{i}", conversation=conversation)
    stdout.write("companion: demo-member's first check-in\n")
