"""``{% kept "name" value ... %}…{% endkept %}``: a part of a page drawn once per process and kept.

Every signed-in page draws the same frame: the navigation (a dozen links, each with its
``{% translate %}`` and its "you are here" test), the live banners' templates. What such a part
writes depends only on the values named in the tag, the interface language and the script prefix,
so it is drawn once for each combination of them and kept, per process (a template builtin:
``settings.TEMPLATES``). ``name`` tells the parts apart; the values (``request.resolver_match.view_name``,
``STAFF_ALERTS``…) are what the part is drawn from.

**Only for parts whose whole output follows from those**: nothing of the person's (a name, a
count, a CSRF token, a script nonce), nothing read from the database, nothing another process may
change (a part that turns out to hold a form's CSRF token is drawn each time, never kept). A value that is not plain (``str``, ``int``, ``bool``, ``None``) draws the part as it is,
without keeping it. The store is bounded (emptied when full) and emptied when a setting changes
(tests that override one). ``core/tests/test_kept_parts.py`` draws each kept part of the site both
ways and compares them.
"""

from __future__ import annotations

import threading

from django import template
from django.core.signals import setting_changed
from django.urls import get_script_prefix
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

register = template.Library()

LIMIT = 2048
_kept: dict[tuple, str] = {}
_lock = threading.Lock()
ENABLED = True  # off: every part is drawn each time (the benchmark's "before")


def forget(**_kwargs) -> None:
    """Empty the store."""
    with _lock:
        _kept.clear()


setting_changed.connect(forget, dispatch_uid="hearthside.kept_parts")

_SECRET = "csrfmiddlewaretoken"
_PLAIN = frozenset({str, SafeString, int, bool, type(None)})


class KeptNode(template.Node):
    def __init__(self, name: str, values: list, nodelist) -> None:
        self.name, self.values, self.nodelist = name, values, nodelist

    def render(self, context):
        values = tuple(value.resolve(context) for value in self.values)
        if not ENABLED or not all(type(v) in _PLAIN for v in values):
            return self.nodelist.render(context)
        key = (self.name, values, get_language(), get_script_prefix())
        text = _kept.get(key)
        if text is None:
            text = self.nodelist.render(context)
            if _SECRET in text:  # a form's CSRF token is the person's: never kept, never shared
                return text
            with _lock:
                if len(_kept) >= LIMIT:
                    _kept.clear()
                _kept[key] = text
        return mark_safe(text)  # noqa: S308 - the part's own rendering, escaped as it was drawn


@register.tag
def kept(parser, token):
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][-1] != bits[1][0]:
        raise template.TemplateSyntaxError("{% kept %} takes a quoted name, then the values the part is drawn from")
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(bits[1][1:-1], [parser.compile_filter(bit) for bit in bits[2:]], nodelist)
