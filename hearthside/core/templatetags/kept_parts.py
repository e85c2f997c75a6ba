"""``{% kept "name" value ... %}…{% endkept %}``: a part of a page drawn once per process and kept.

Every signed-in page draws the same frame: the navigation (a dozen links, each with its
``{% translate %}`` and its "you are here" test), the footer's language and theme forms. What such a part
writes depends only on the values named in the tag, the interface language and the script prefix,
so it is drawn once for each combination of them and kept, per process (a template builtin:
``settings.TEMPLATES``). ``name`` tells the parts apart; the values (``request.resolver_match.view_name``,
``STAFF_ALERTS``…) are what the part is drawn from.

**Only for parts whose whole output follows from those**: nothing of the person's (a name, a
count, a script nonce), nothing read from the database, nothing another process may change. A
form's CSRF token is the one exception, handled here: a part's token is kept as a hole and each
page's own token is written into it (a part where the token cannot be told apart is drawn each
time, never kept; a page without a token draws the part as Django would). A value that is not
plain (``str``, ``int``, ``bool``, ``None``) draws the part as it is, without keeping it. The store is bounded (emptied when full) and emptied when a setting changes
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
_HOLE = "\x00csrf\x00"  # where the token goes; never in a template's own text
_PLAIN = frozenset({str, SafeString, int, bool, type(None)})


class KeptNode(template.Node):
    def __init__(self, name: str, values: list, nodelist) -> None:
        self.name, self.values, self.nodelist = name, values, nodelist

    def render(self, context):
        values = tuple(value.resolve(context) for value in self.values)
        if not ENABLED or not all(type(v) in _PLAIN for v in values):
            return self.nodelist.render(context)
        key = (self.name, values, get_language(), get_script_prefix())
        kept = _kept.get(key)
        if kept is not None:
            if _HOLE not in kept:
                return mark_safe(kept)  # noqa: S308 - the part's own rendering, escaped as it was drawn
            token = _token(context)
            if token:
                return mark_safe(kept.replace(_HOLE, token))  # noqa: S308 - a token is letters and digits
            return self.nodelist.render(context)  # no token to give this page: drawn as Django draws it
        text = self.nodelist.render(context)
        if _SECRET in text:
            # A form's CSRF token is this request's own: kept as a hole, filled with each page's.
            token = _token(context)
            if not token or text.count(token) != text.count(_SECRET):
                return text  # not one token per form: drawn each time, never kept
            kept = text.replace(token, _HOLE)
        else:
            kept = text
        with _lock:
            if len(_kept) >= LIMIT:
                _kept.clear()
            _kept[key] = kept
        return text


def _token(context) -> str:
    """The request's CSRF token as ``{% csrf_token %}`` writes it ("" where it writes none)."""
    token = context.get("csrf_token")
    if not token:
        return ""
    token = str(token)
    return "" if token == "NOTPROVIDED" or not token.isalnum() else token


@register.tag
def kept(parser, token):
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][-1] != bits[1][0]:
        raise template.TemplateSyntaxError("{% kept %} takes a quoted name, then the values the part is drawn from")
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(bits[1][1:-1], [parser.compile_filter(bit) for bit in bits[2:]], nodelist)
