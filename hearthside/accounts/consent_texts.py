"""The first version of each consent document, loaded when none exists.

Operators publish new versions in the admin; a version marked "requires re-consent" makes
earlier agreements stop counting until the person agrees again.
"""

from __future__ import annotations

from django.utils.translation import gettext, gettext_noop

DOCUMENTS = {
    "privacy": (
        gettext_noop("Privacy notice"),
        gettext_noop("What we keep about you, why, who can see it, and your rights to download and delete it."),
        gettext_noop("We keep the account details you give us (login name, pseudonym, and if you choose, email, "
                     "country, time zone and year of birth) to run your account. Health information you write "
                     "(journal entries, messages, notes, questionnaire answers, safety plans) is encrypted in our "
                     "database. Nobody else sees your data unless you share it or a safety rule requires a trained "
                     "person to look, and every such staff look is recorded in an audit log. We send nothing to "
                     "third parties and load nothing from other sites. You can download everything we hold about "
                     "you at any time and delete your account; deletion takes effect at once and the data is "
                     "erased after a grace period during which logging in cancels it."),
    ),
    "health_data": (
        gettext_noop("Storing my health data"),
        gettext_noop("Lets Hearthside store your mood check-ins, questionnaire answers, journal and safety plan."),
        gettext_noop("With this consent we store the health information you enter in self-help tools, encrypted. "
                     "If you withdraw it, we stop storing new health data at once; what you saved stays yours to "
                     "download or delete."),
    ),
    "practitioner_sharing": (
        gettext_noop("Sharing with my practitioner"),
        gettext_noop("Lets a practitioner you book with see what you choose to share with them."),
        gettext_noop("With this consent, items you choose to share (questionnaire trends, journal entries, your "
                     "safety plan) become visible to your practitioner. Withdrawing stops all sharing at once."),
    ),
    "ai_features": (
        gettext_noop("Automated features"),
        gettext_noop("Lets automated features read what you write, such as the companion and optional journal "
                     "screening."),
        gettext_noop("With this consent, automated features on this server (never an outside service unless your "
                     "operator says so) read your words: the companion, to answer you, and the crisis screener, "
                     "which reads your journal entries when you save them. If it notices words that suggest you "
                     "may be in danger, it shows you where to get help at once, and a trained member of our team "
                     "is alerted and can read that one entry, so that a person can reach out to you; that read is "
                     "recorded in the audit log. Your journal is never published. Without this consent your "
                     "journal is not screened at all. Withdrawing stops this at once."),
    ),
    "research": (
        gettext_noop("Research use"),
        gettext_noop("Lets de-identified data about your use be included in research your service approves."),
        gettext_noop("With this consent, de-identified information may be included in research approved by your "
                     "service's ethics process. Withdrawing excludes you from any future data extract."),
    ),
}

# The shipped texts, in the catalogue: a page shows them in the reader's language. A version an
# operator publishes in the admin is shown as written.
SHIPPED = frozenset(text for document in DOCUMENTS.values() for text in document)


def localize(value: str) -> str:
    """``value`` in the active language if it is one of the shipped texts; otherwise unchanged."""
    return gettext(value) if value in SHIPPED else value
