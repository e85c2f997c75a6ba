"""System checks of the safety layer: every interface language must be screened."""

from __future__ import annotations

from django.conf import settings
from django.core import checks


@checks.register()
def interface_languages_are_screened(app_configs=None, **kwargs):
    """A language offered in the interface without crisis screening is refused (E001).

    People write in the language the site speaks to them in; a language the screener cannot
    read would leave their crisis language unnoticed.  Add the language's screening rules to
    ``hearthside/safety/screening`` (and its entry in ``SUPPORTED_LANGUAGES``) before offering it.
    """
    from hearthside.safety.screening import SUPPORTED_LANGUAGES

    errors = []
    for code, _name in settings.LANGUAGES:
        base = code.split("-")[0].lower()
        if base not in SUPPORTED_LANGUAGES:
            errors.append(checks.Error(
                f"Interface language {code!r} has no crisis screening.",
                hint=f"Screened languages: {', '.join(SUPPORTED_LANGUAGES)}. Remove {code!r} from LANGUAGES "
                     "or add its screening rules to hearthside/safety/screening first.",
                id="hearthside.safety.E001",
            ))
    return errors


@checks.register()
def operator_model_exists(app_configs=None, **kwargs):
    """HEARTHSIDE_SAFETY_MODEL names a file that is not there (W002): screening goes on without it."""
    from pathlib import Path

    path = settings.SAFETY_MODEL
    if path and not Path(path).is_file():
        return [checks.Warning(f"HEARTHSIDE_SAFETY_MODEL={path!r} is not a file; screening runs without it.",
                               hint="Train one with `hearthside safety train --data FILE.csv --out PATH`.",
                               id="hearthside.safety.W002")]
    return []
