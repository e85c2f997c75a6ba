from hearthside.core.periodic import sweep

from .actions import erase_due_accounts

sweep("erase_due_accounts")(erase_due_accounts)
