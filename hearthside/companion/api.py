"""Companion API."""

from ninja import Router

router = Router(tags=["companion"])
