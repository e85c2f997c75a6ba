"""The names of what a check-in stores, in the reader's language.

A check-in stores stable English keys (insights, the API, exports and a practitioner's view count
them); pages show each key's translated name. A word the person added themselves is theirs and is
shown as written.
"""

from __future__ import annotations

from django.utils.translation import pgettext_lazy

# The emotion chips offered on the check-in.
COMMON_EMOTIONS = {
    "calm": pgettext_lazy("emotion", "calm"),
    "happy": pgettext_lazy("emotion", "happy"),
    "grateful": pgettext_lazy("emotion", "grateful"),
    "hopeful": pgettext_lazy("emotion", "hopeful"),
    "tired": pgettext_lazy("emotion", "tired"),
    "anxious": pgettext_lazy("emotion", "anxious"),
    "sad": pgettext_lazy("emotion", "sad"),
    "lonely": pgettext_lazy("emotion", "lonely"),
    "angry": pgettext_lazy("emotion", "angry"),
    "stressed": pgettext_lazy("emotion", "stressed"),
    "overwhelmed": pgettext_lazy("emotion", "overwhelmed"),
    "content": pgettext_lazy("emotion", "content"),
}
# The activities every site starts with (selfcare.apps.DEFAULT_ACTIVITIES).
ACTIVITY_NAMES = {
    "work": pgettext_lazy("activity", "work"),
    "study": pgettext_lazy("activity", "study"),
    "exercise": pgettext_lazy("activity", "exercise"),
    "outdoors": pgettext_lazy("activity", "outdoors"),
    "friends": pgettext_lazy("activity", "friends"),
    "family": pgettext_lazy("activity", "family"),
    "reading": pgettext_lazy("activity", "reading"),
    "music": pgettext_lazy("activity", "music"),
    "rest": pgettext_lazy("activity", "rest"),
    "hobby": pgettext_lazy("activity", "hobby"),
    "chores": pgettext_lazy("activity", "chores"),
    "screen time": pgettext_lazy("activity", "screen time"),
}


def emotion_name(key: str) -> str:
    name = COMMON_EMOTIONS.get(key)
    return str(name) if name is not None else key


def activity_name(key: str) -> str:
    name = ACTIVITY_NAMES.get(key)
    return str(name) if name is not None else key
