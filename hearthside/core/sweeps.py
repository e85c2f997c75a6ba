from hearthside.core.periodic import sweep

from .audit import purge_addresses

sweep("purge_audit_addresses")(purge_addresses)
