"""The lists a person chooses from in Friends (topics, languages, situations) and their labels."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language_info, gettext_lazy
from django.utils.translation import gettext as _

LANGUAGE_CODES = ["en", "es", "fr", "de", "it", "pt", "nl", "pl", "uk", "ar", "zh-hans", "hi", "tr"]

TOPIC_LABELS = {
    "anxiety": gettext_lazy("anxiety"), "depression": gettext_lazy("depression"), "grief": gettext_lazy("grief"),
    "loneliness": gettext_lazy("loneliness"), "stress": gettext_lazy("stress"), "burnout": gettext_lazy("burnout"),
    "caring": gettext_lazy("caring for someone"), "parenting": gettext_lazy("parenting"),
    "studies": gettext_lazy("studies"), "work": gettext_lazy("work"), "lgbtq": gettext_lazy("LGBTQ+ life"),
    "chronic-illness": gettext_lazy("chronic illness"),
    "addiction-recovery": gettext_lazy("recovery from addiction"),
    "self-harm-recovery": gettext_lazy("recovery from self-harm"),
}


SITUATIONS = {
    "anxious": gettext_lazy("feeling anxious"), "low": gettext_lazy("feeling low"),
    "sleep": gettext_lazy("can't sleep"), "angry": gettext_lazy("angry"), "lonely": gettext_lazy("lonely"),
    "overwhelmed": gettext_lazy("overwhelmed"), "urges": gettext_lazy("urges or cravings"),
    "panic": gettext_lazy("panic"),
}


def topic_label(slug: str) -> str:
    return str(TOPIC_LABELS.get(slug, slug.replace("-", " ")))


def topic_choices() -> list[tuple[str, str]]:
    return [(slug, topic_label(slug)) for slug in settings.FRIENDS_TOPICS]


def language_label(code: str) -> str:
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


def language_choices() -> list[tuple[str, str]]:
    return [(code, language_label(code)) for code in LANGUAGE_CODES]


def situation_choices() -> list[tuple[str, str]]:
    return [(k, str(v)) for k, v in SITUATIONS.items()]


def _subset(name: str, values, allowed, *, required: bool, most: int = 10) -> list[str]:
    if not isinstance(values, list | tuple):
        raise ValidationError({name: [_("Choose from the list.")]})
    values = [str(v) for v in values]
    allowed = set(allowed)
    if any(v not in allowed for v in values):
        raise ValidationError({name: [_("Choose from the list.")]})
    cleaned = list(dict.fromkeys(values))
    if required and not cleaned:
        raise ValidationError({name: [_("Choose at least one.")]})
    if len(cleaned) > most:
        raise ValidationError({name: [_("Choose at most %(n)s.") % {"n": most}]})
    return cleaned

