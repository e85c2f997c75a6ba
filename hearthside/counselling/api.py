"""Counselling API."""

from ninja import Router

router = Router(tags=["counselling"])
