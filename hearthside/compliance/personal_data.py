"""A person's region (which jurisdiction profile applies to them) goes with their account."""

from hearthside.core.personal_data import register

from .models import PersonRegion

register(PersonRegion, order=90, exclude=("set_by_id",))
