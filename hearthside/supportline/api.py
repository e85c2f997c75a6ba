"""Support line API."""

from ninja import Router

router = Router(tags=["supportline"])
