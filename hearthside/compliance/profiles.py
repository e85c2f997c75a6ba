"""Which jurisdiction profile applies to a person, and why (the Django side of :mod:`.policy`).

The person's region when the team has set one, else the site's ``COMPLIANCE_PROFILE``. A person
whose account's year of birth says they are under 18 all this year is a *known minor*: the
profile's rules for minors apply to them.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import policy
from .models import PersonRegion
from .policy import Profile, Rules

ADULT_AGE = 18


@dataclass(frozen=True)
class Explanation:
    profile: Profile
    source: str  # "person" (their region) or "site" (COMPLIANCE_PROFILE)
    rules: Rules
    reasons: list[str]


def site_profile() -> Profile:
    return policy.get(settings.COMPLIANCE_PROFILE)


def is_known_minor(user, today=None) -> bool:
    """Under 18 for the whole of this year by the account's year of birth. Only a year is stored,
    so someone who turns 18 this year may be 17 or 18: not *known* to be a minor."""
    year = getattr(user, "year_of_birth", None)
    if year is None:
        return False
    return (today or timezone.localdate()).year - year < ADULT_AGE


def _region(user) -> PersonRegion | None:
    if user is None or not getattr(user, "pk", None):
        return None
    region = PersonRegion.objects.filter(user=user).first()
    # A profile file removed since the region was set: the site's applies (explain() says so).
    return region if region is not None and region.profile in policy.profiles() else None


def profile_for(user) -> Profile:
    region = _region(user)
    return policy.get(region.profile) if region is not None else site_profile()


def rules_for(user) -> Rules:
    return policy.rules(profile_for(user), minor=user is not None and is_known_minor(user),
                        operator_mode=settings.COMPLIANCE_COMPANION_MODE or None)


def mode_label(mode: str) -> str:
    return {"full": _("full conversations"),
            "wellness": _("wellness only: check-ins, exercises and reading, no therapeutic conversation"),
            "off": _("off: a kind explanation and the ways to people")}[mode]


def duty_label(duty: str) -> str:
    return {"crisis_referral": _("Crisis language reaches the crisis flow, the help panel and the team's alert."),
            "publish_protocol": _("The operator publishes the crisis protocol on the site."),
            "no_ad_targeting": _("No advertising targeted on what people tell the companion."),
            "no_health_data_sale": _("No selling or sharing of what people tell the companion."),
            "no_therapy_claims": _("The companion never presents itself as therapy or as a therapist.")}[duty]


def explain(user=None) -> Explanation:
    """Which profile applies (to ``user``, or site-wide with ``user=None``), what it makes the
    companion do, and why, in sentences for the team."""
    region = _region(user)
    profile = policy.get(region.profile) if region is not None else site_profile()
    minor = user is not None and is_known_minor(user)
    rules = policy.rules(profile, minor=minor, operator_mode=settings.COMPLIANCE_COMPANION_MODE or None)
    reasons = []
    if region is not None:
        reasons.append(_("This person's region is set to “%(title)s” (%(key)s), so that profile applies instead of"
                         " the site's.") % {"title": profile.title, "key": profile.key})
    elif user is not None:
        reasons.append(_("No region is set for this person, so the site's profile applies: “%(title)s” (%(key)s).")
                       % {"title": profile.title, "key": profile.key})
    else:
        reasons.append(_("The site's profile is “%(title)s” (%(key)s), set by HEARTHSIDE_COMPLIANCE_PROFILE.")
                       % {"title": profile.title, "key": profile.key})
    for law in profile.laws:
        reasons.append(_("It follows %(law)s (%(url)s), checked on %(date)s.")
                       % {"law": law.name, "url": law.url, "date": law.checked.isoformat()})
    if not profile.laws:
        reasons.append(_("It follows no particular law: these are the project's own defaults."))
    reasons.append(_("Companion: %(mode)s.") % {"mode": mode_label(rules.mode)})
    if rules.mode_why == "minors":
        reasons.append(_("This person is a known minor (by the year of birth on the account), and the profile's"
                         " rule for minors applies."))
    elif rules.mode_why == "operator":
        reasons.append(_("The operator chose a stricter companion mode (HEARTHSIDE_COMPLIANCE_COMPANION_MODE)."))
    reasons.append(_("It says it is automated, not a person, at the start of every conversation and whenever"
                     " asked."))
    if rules.idle_days:
        reasons.append(ngettext("It says so again when the person comes back after %(n)s day without using it.",
                                "It says so again when the person comes back after %(n)s days without using it.",
                                rules.idle_days) % {"n": rules.idle_days})
    if rules.every_hours:
        reasons.append(ngettext("It says so again every %(n)s hour in a continuing conversation.",
                                "It says so again every %(n)s hours in a continuing conversation.",
                                rules.every_hours) % {"n": rules.every_hours})
    if rules.break_reminder:
        reasons.append(_("With each reminder it suggests taking a break (a known minor)."))
    if minor and rules.mode_why != "minors" and not rules.break_reminder:
        reasons.append(_("This person is a known minor; this profile has no other rule for minors."))
    reasons.extend(duty_label(d) for d in profile.duties)
    for report in profile.reports:
        reasons.append(_("Report to %(to)s (%(cadence)s, from %(starts)s): %(what)s")
                       % {"to": report.to, "cadence": report.cadence,
                          "starts": report.starts.isoformat() if report.starts else "-", "what": report.what})
    return Explanation(profile, "person" if region is not None else "site", rules, reasons)
