"""Texts of the demo content that pages show in the reader's language.

Demo groups and their meeting are stored once, in English, and seen by people who chose different
languages; unlike what people write, these texts are the project's own and are in the catalogue
(marked here with ``gettext_noop``). ``localize`` translates a stored value only when it is one of
these texts, so nothing a person wrote is ever passed through the catalogue.

``demo_accounts`` finds the demo accounts a feature's ``demo.load`` fills.
"""

from __future__ import annotations

from django.utils.translation import gettext, gettext_noop

GROUP_GUIDELINES = gettext_noop(
    "- Be kind and patient.\n- Share from your own experience; don't diagnose.\n"
    "- What is shared here stays here.\n- In danger? Use **Get help now**."
)
# slug -> (name, topic, description)
GROUPS = {
    "living-with-anxiety": (
        "Living with anxiety",
        "anxiety",
        gettext_noop("A calm place to share what helps with worry and panic, and to be heard."),
    ),
    "grief-and-loss": (
        "Grief and loss",
        "grief",
        gettext_noop("For anyone missing someone. Share memories, hard days and small steps."),
    ),
    "new-parents": (
        "New parents",
        "parenting",
        gettext_noop("Sleepless, joyful, overwhelmed: the first years with a baby, together."),
    ),
}
MEETING_DESCRIPTION = gettext_noop("A gentle hour: how the week went, one thing that helped, one small plan.")

TEXTS = frozenset([GROUP_GUIDELINES, MEETING_DESCRIPTION, *(d for _n, _t, d in GROUPS.values())])


def localize(value: str) -> str:
    """``value`` in the active language if it is a demo text; anything else unchanged."""
    return gettext(value) if value in TEXTS else value


def demo_accounts(*usernames):
    """The demo accounts with these login names, in this order (``manage.py demo`` makes them), or
    None when one is missing: a feature's ``demo.load`` then adds nothing."""
    from django.contrib.auth import get_user_model

    found = {user.username: user for user in get_user_model().objects.filter(username__in=usernames)}
    if len(found) < len(set(usernames)):
        return None
    return [found[name] for name in usernames]
