"""Friends models registered for export and erasure.

A person's profile, connections (and the chat in them), circle, reach-outs and board strategies
are deleted with their account; their blocks are the communities' ``MemberBlock``. Reports keep
the report but lose the names and the reporter's words.
"""

from hearthside.core.personal_data import register

from .models import (
    CircleMember,
    Connection,
    PeerMessage,
    PeerProfile,
    PeerReport,
    ReachOut,
    ReachOutDelivery,
    Strategy,
    StrategyReaction,
)

register(PeerProfile, order=60)
register(Connection, user_field="requester", order=65, extra_user_fields=("recipient", "ended_by"),
         exclude=("pair",))
register(PeerMessage, user_field="author", order=60, exclude=("client_id",))
register(CircleMember, user_field="owner", order=60, extra_user_fields=("member",))
register(ReachOut, user_field="sender", order=60)
register(ReachOutDelivery, user_field="recipient", order=55)
register(Strategy, user_field="author", order=60)
register(StrategyReaction, order=55)
register(PeerReport, user_field="reporter", order=50, erase="detach", extra_user_fields=("reported",),
         scrub=("reason",))
