"""Community models registered for export and erasure.

A person's own group posts and chat messages are deleted with their account; reactions,
memberships and reports go too. Moderation history keeps the action but loses the name.
"""

from hearthside.core.personal_data import register

from .models import ChatMessage, Membership, ModerationAction, Post, Reaction, Report, ThreadRead

register(Membership, order=60)
register(ChatMessage, user_field="author", order=60, exclude=("client_id",))
register(Post, user_field="author", order=60)
register(Reaction, order=60)
register(ThreadRead, order=60)
register(Report, user_field="reporter", order=60, erase="detach")
register(ModerationAction, user_field="moderator", order=70, erase="detach", extra_user_fields=("member",))
