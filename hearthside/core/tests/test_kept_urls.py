"""``{% url %}`` keeps what it reversed (core/templatetags/kept_urls.py) and renders what Django's does."""

from __future__ import annotations

import pytest
from django.template import Context, Engine
from django.template import engines as django_engines
from django.urls import NoReverseMatch, set_script_prefix

from hearthside.core.templatetags import kept_urls

CASES = [
    ("{% url 'home' %}", {}),
    ("{% url 'selfcare:home' %}|{% url 'safety:help' %}", {}),
    ("{% url 'supportline:conversation' 7 %}", {}),
    ("{% url 'supportline:conversation' pk %}", {"pk": 12}),
    ("{% url 'supportline:conversation' conversation_id=pk %}", {"pk": 31}),
    ("{% url 'supportline:conversation' pk %}", {"pk": "44"}),
    ("{% url name %}", {"name": "accounts:privacy"}),
    ("{% url 'accounts:login' as there %}[{{ there }}]", {}),
    ("{% url 'no-such-page' as there %}[{{ there }}]", {}),
    ("{% url 'supportline:conversation' thing %}", {"thing": type("Obj", (), {"__str__": lambda self: "9"})()}),
]


def _theirs(source: str, context: dict) -> str:
    return Engine(libraries={}, builtins=[]).from_string(source).render(Context(context))


def _ours(source: str, context: dict) -> str:
    return django_engines["django"].from_string(source).render(context)


@pytest.fixture(autouse=True)
def _empty_store():
    kept_urls.forget()
    yield
    kept_urls.forget()
    set_script_prefix("/")


@pytest.mark.parametrize(("source", "context"), CASES)
def test_renders_what_djangos_tag_renders_the_first_time_and_again(source, context):
    expected = _theirs(source, context)
    assert expected  # every case draws something
    assert _ours(source, context) == expected
    assert _ours(source, context) == expected  # now from the store


def test_a_name_that_does_not_exist_still_raises():
    with pytest.raises(NoReverseMatch):
        _ours("{% url 'no-such-page' %}", {})


def test_a_reversed_address_is_kept_and_not_matched_again(monkeypatch):
    calls = []
    real = kept_urls.reverse

    def counting(*args, **kwargs):
        calls.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(kept_urls, "reverse", counting)
    for _ in range(3):
        _ours("{% url 'home' %}{% url 'supportline:conversation' 5 %}", {})
    assert calls == ["home", "supportline:conversation"]
    # A different argument is another address.
    assert _ours("{% url 'supportline:conversation' 6 %}", {}).endswith("/c/6/")
    assert calls[-1] == "supportline:conversation" and len(calls) == 3


def test_objects_as_arguments_are_not_kept():
    thing = type("Obj", (), {"__str__": lambda self: "9"})()
    assert _ours("{% url 'supportline:conversation' thing %}", {"thing": thing}).endswith("/c/9/")
    assert kept_urls._kept == {}


def test_the_script_prefix_is_part_of_what_is_kept():
    assert _ours("{% url 'home' %}", {}) == "/"
    set_script_prefix("/clinic/")
    assert _ours("{% url 'home' %}", {}) == "/clinic/"
    set_script_prefix("/")
    assert _ours("{% url 'home' %}", {}) == "/"


def test_output_is_escaped_where_the_template_escapes():
    # A text argument may carry "&" into the address (the calendar feed's token is any text).
    source = "{% url 'care:calendar_feed' token %}"
    ours, theirs = _ours(source, {"token": "a&b"}), _theirs(source, {"token": "a&b"})
    assert ours == theirs and "&amp;" in ours
    again = _ours(source, {"token": "a&b"})  # kept: the raw address is kept, escaped on output
    assert again == ours
    unescaped = _ours("{% autoescape off %}{% url 'care:calendar_feed' token %}{% endautoescape %}", {"token": "a&b"})
    assert "&amp;" not in unescaped and "a&b" in unescaped


def test_an_argument_the_pattern_refuses_still_raises():
    with pytest.raises(NoReverseMatch):
        _ours("{% url 'supportline:conversation' pk %}", {"pk": "<b>"})


def test_the_store_is_bounded(monkeypatch):
    monkeypatch.setattr(kept_urls, "LIMIT", 5)
    for n in range(12):
        _ours("{% url 'supportline:conversation' n %}", {"n": n})
    assert 0 < len(kept_urls._kept) <= 5
