"""Support-line data registered for export and erasure.

A person's conversations (and with them every message in them) go with their account. A
supporter's or supervisor's messages and watches in someone else's conversation keep the
words (they are part of the other person's record) and lose the name.
"""

from hearthside.core.personal_data import register

from .models import Conversation, Guest, Message, SupporterStatus, Watch

register(Conversation, user_field="person", order=60, exclude=("note", "reasons"))
register(Message, user_field="author", order=55, erase="detach", exclude=("client_id",))
register(Watch, user_field="supervisor", order=60)
register(SupporterStatus, order=60)
register(Guest, order=60)
