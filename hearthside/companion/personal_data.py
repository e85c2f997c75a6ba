"""Companion data registered for export and erasure (the person's own conversations, memory and
crisis-flow records all go with the account)."""

from hearthside.core.personal_data import register

from .models import Conversation, CrisisEpisode, Memory, Message

register(Message, user_field="conversation__user", order=55, exclude=("client_id",))
register(CrisisEpisode, order=55)
register(Conversation, order=56)
register(Memory, order=56)
