"""Friends API."""

from ninja import Router

router = Router(tags=["friends"])
