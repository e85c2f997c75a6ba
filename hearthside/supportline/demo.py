"""Support-line demo: demo-peer takes conversations, demo-supervisor supervises, and a short
answered conversation from last week fills the dashboard. Idempotent."""

from __future__ import annotations

from datetime import timedelta


def load(stdout) -> None:
    from django.utils import timezone

    from hearthside.accounts.actions import do_grant_role
    from hearthside.core.demo_texts import demo_accounts

    from .models import Conversation, Message, SupporterStatus

    accounts = demo_accounts("demo-peer", "demo-supervisor", "demo-member2")
    if accounts is None:
        return
    peer, supervisor, member = accounts
    do_grant_role(peer, "peer_supporter")
    do_grant_role(supervisor, "clinical_supervisor")
    SupporterStatus.objects.update_or_create(user=peer, defaults={"available": True})
    if Conversation.objects.filter(person=member).exists():
        return
    started = timezone.now() - timedelta(days=6, hours=2)
    conversation = Conversation.objects.create(
        person=member, status=Conversation.Status.ENDED, supporter=peer, risk_level="low", risk_rank=1,
        created_at=started, assigned_at=started + timedelta(minutes=3),
        first_response_at=started + timedelta(minutes=4), ended_at=started + timedelta(minutes=25),
        outcome=Conversation.Outcome.SUPPORTED, last_seq=4,
    )
    lines = [
        (member, "person", "Exams next week and I can't switch off at night."),
        (None, "system", f"{peer.pseudonym} has joined the conversation."),
        (peer, "supporter", "Hi, I'm here with you. That sounds exhausting. What happens when you try to sleep?"),
        (member, "person", "My head just runs through everything I haven't revised."),
    ]
    for seq, (author, kind, body) in enumerate(lines, start=1):
        Message.objects.create(conversation=conversation, seq=seq, author=author, kind=kind, body=body,
                               created_at=started + timedelta(minutes=seq))
    stdout.write("support line: demo-peer available, one past conversation for the dashboard")
