"""Every request and response schema of the API has a name of its own (issue #17: several shared
a name, so the OpenAPI document showed the wrong body, e.g. for PUT /me/safety-plan)."""

from __future__ import annotations

from collections import defaultdict


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_schema_names_are_unique_and_the_document_uses_each():
    from ninja import Schema

    from hearthside.api import api

    document = api.get_openapi_schema()
    names = defaultdict(set)
    for cls in _subclasses(Schema):
        if cls.__module__.startswith("hearthside."):
            names[cls.__name__].add(cls.__module__)
    shared = {name: sorted(mods) for name, mods in names.items() if len(mods) > 1}
    assert not shared, shared
    components = document["components"]["schemas"]
    # The safety plan's body is the safety plan's schema, not the peer-support "plan".
    body = document["paths"]["/api/v1/me/safety-plan"]["put"]["requestBody"]["content"]["application/json"]["schema"]
    referenced = components[body["$ref"].rsplit("/", 1)[1]]
    assert "steps" in referenced["properties"], referenced
