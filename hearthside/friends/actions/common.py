"""What every Friends sub-domain shares: the refusal for text that screening kept back, and the
name a person shows to peers."""

from __future__ import annotations

from hearthside.core.errors import ActionRefused


class NotSent(ActionRefused):
    """Screening kept the text from going out; ``help`` says whether to show the help panel."""

    status = 422
    code = "not_sent"

    def __init__(self, message: str, *, help: bool = False):
        super().__init__(message)
        self.help = help


def display_name(user) -> str:
    profile = getattr(user, "peer_profile", None)
    return profile.pseudonym if profile is not None else user.pseudonym

