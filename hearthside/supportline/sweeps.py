from hearthside.core.periodic import sweep

from .actions import purge_expired

sweep("supportline_retention")(purge_expired)
