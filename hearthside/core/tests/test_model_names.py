"""Model names as the admin shows them (issue #18: its list of activities was headed "Activitys").

Django's default plural adds an "s" to ``verbose_name`` whatever it ends in; a model whose name
English pluralises otherwise needs its own ``verbose_name_plural``.
"""

from __future__ import annotations

import re

import pytest

# Sibilant endings take "es" (status, box, quiz, watch, wish); a consonant before "y" makes "ies"
# (strategy, memory); a few nouns change altogether.
NEEDS_MORE_THAN_S = re.compile(r"(s|x|z|ch|sh|[^aeiou]y)$")
IRREGULAR = {"person", "child", "man", "woman"}


def wrong_default_plural(singular: str, plural: str) -> bool:
    """``plural`` is Django's bare "s" added to a ``singular`` that English pluralises otherwise."""
    return plural == singular + "s" and (
        bool(NEEDS_MORE_THAN_S.search(singular)) or singular.rsplit(" ", 1)[-1] in IRREGULAR)


@pytest.mark.parametrize(("singular", "plural", "wrong"), [
    ("supporter status", "supporter statuss", True),
    ("strategy", "strategys", True),
    ("audit address", "audit addresss", True),
    ("watch", "watchs", True),
    ("inbox", "inboxs", True),
    ("contact person", "contact persons", True),
    ("strategy", "strategies", False),
    ("survey", "surveys", False),  # a vowel before the "y": a bare "s" is right
    ("reminder", "reminders", False),
])
def test_the_rule_tells_a_bare_s_that_english_would_not_add(singular, plural, wrong):
    assert wrong_default_plural(singular, plural) is wrong


def test_every_model_has_a_plural_that_reads_as_english():
    from django.apps import apps
    from django.contrib import admin

    ours = [m for m in apps.get_models() if m.__module__.startswith("hearthside.")]
    assert len(ours) > 50  # the walk really sees the project's models
    wrong = [f"{m._meta.label}: {m._meta.verbose_name!s} → {m._meta.verbose_name_plural!s}"
             for m in {*ours, *admin.site._registry}
             if wrong_default_plural(str(m._meta.verbose_name), str(m._meta.verbose_name_plural))]
    assert not wrong, "give these models a verbose_name_plural:\n" + "\n".join(sorted(wrong))


def test_activities_and_journal_entries_are_named_as_people_say_them():
    # Journal entries are not listed in the admin, but deleting an account there counts them by
    # this name ("Journal entries: 3").
    from hearthside.selfcare.models import Activity, JournalEntry

    assert str(Activity._meta.verbose_name_plural) == "activities"
    assert str(JournalEntry._meta.verbose_name_plural) == "journal entries"
