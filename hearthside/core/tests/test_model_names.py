"""Model names as the admin shows them (issue #18: its list of activities was headed "Activitys")."""

from __future__ import annotations

import re

# What Django's default plural (the name plus "s") gets wrong in English.
NAIVE_PLURAL = re.compile(r"([^aeiou]ys|ss|xs|chs|shs)$")


def test_every_model_in_the_admin_has_a_plural_that_reads_as_english():
    from django.contrib import admin

    wrong = {model._meta.label: str(model._meta.verbose_name_plural) for model in admin.site._registry
             if NAIVE_PLURAL.search(str(model._meta.verbose_name_plural))}
    assert wrong == {}


def test_activities_and_journal_entries_are_named_as_people_say_them():
    # Journal entries are not listed in the admin, but deleting an account there counts them by
    # this name ("Journal entries: 3").
    from hearthside.selfcare.models import Activity, JournalEntry

    assert str(Activity._meta.verbose_name_plural) == "activities"
    assert str(JournalEntry._meta.verbose_name_plural) == "journal entries"
