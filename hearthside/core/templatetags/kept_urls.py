"""``{% url %}`` that remembers what it reversed (a template builtin: ``settings.TEMPLATES``).

Every page draws the same two dozen links (the navigation, the footer's forms, the offline
script's endpoints), and Django's ``reverse`` matches the URL patterns again for each of them:
about a tenth of the CPU of a simple signed-in page. What ``reverse`` answers depends only on its
arguments, the URL configuration and the script prefix, so the answer is kept, per process, under
all of them (the URL configuration by its module's name: ``ROOT_URLCONF``, or a request's own
``urlconf``). Only arguments that are exactly ``str`` or ``int`` are kept (a model instance or a
lazy object could render differently later; a quoted name is a ``SafeString``); anything else is reversed as Django does. The store
is bounded (emptied when full).

Behaviour is Django's own tag's: the same parsing, the same ``current_app``, ``as var``,
``NoReverseMatch`` and escaping; ``core/tests/test_kept_urls.py`` compares the two.
"""

from __future__ import annotations

import threading

from django import template
from django.conf import settings
from django.template.defaulttags import URLNode
from django.template.defaulttags import url as django_url
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString

register = template.Library()

LIMIT = 4096
_kept: dict[tuple, str] = {}
_lock = threading.Lock()


def forget() -> None:
    """Empty the store (for tests that change the patterns of a module in place)."""
    with _lock:
        _kept.clear()


_PLAIN = frozenset({str, SafeString, int})


def _plain(value) -> bool:
    # A quoted name in a template resolves to SafeString; bool is not an int here.
    return type(value) in _PLAIN


def _current_app(context):
    # As Django's URLNode: the request's current_app, else the namespace of the matched URL.
    try:
        return context.request.current_app
    except AttributeError:
        try:
            return context.request.resolver_match.namespace
        except AttributeError:
            return None


class KeptURLNode(URLNode):
    def render(self, context):
        args = [arg.resolve(context) for arg in self.args]
        kwargs = {k: v.resolve(context) for k, v in self.kwargs.items()}
        view_name = self.view_name.resolve(context)
        current_app = _current_app(context)
        if not (_plain(view_name) and all(map(_plain, args)) and all(map(_plain, kwargs.values()))
                and (current_app is None or _plain(current_app))):
            return super().render(context)
        key = (view_name, tuple(args), tuple(sorted(kwargs.items())), current_app,
               get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())
        url = _kept.get(key)
        if url is None:
            try:
                url = reverse(view_name, args=args, kwargs=kwargs, current_app=current_app)
            except NoReverseMatch:
                if self.asvar is None:
                    raise
                url = ""  # not kept: as Django, "as var" swallows the miss
            else:
                with _lock:
                    if len(_kept) >= LIMIT:
                        _kept.clear()
                    _kept[key] = url
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser, token):
    node = django_url(parser, token)
    node.__class__ = KeptURLNode
    return node
