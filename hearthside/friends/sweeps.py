from hearthside.core.periodic import sweep

from .actions import nudge_quiet_members

sweep("friends_nudge_quiet_members")(nudge_quiet_members)
