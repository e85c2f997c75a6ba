"""Demo counselling content: demo-practitioner with a verified licence and weekly hours, working
with demo-member, who has a booked session, a short message thread and shares questionnaires.
Idempotent: running it again changes nothing."""

from __future__ import annotations

from datetime import date, time, timedelta

from django.utils import timezone

# A fictitious licence, marked as demo. The register address is the real public register of the
# UK Health and Care Professions Council, the kind of source an administrator checks.
DEMO_LICENCE = {"number": "DEMO-PYL-0001", "issuing_body": "Health and Care Professions Council (demo)",
                "jurisdiction": "United Kingdom"}
REGISTER_URL = "https://www.hcpc-uk.org/check-the-register/"


def load(stdout) -> None:
    from hearthside.accounts.actions import do_give_consent, has_consent
    from hearthside.core.demo_texts import demo_accounts
    from hearthside.selfcare import actions as selfcare

    from . import actions, clinical, conversation
    from .models import Appointment, AvailabilityRule, Licence, LicenceVerification, PractitionerProfile

    accounts = demo_accounts("demo-practitioner", "demo-member", "demo-admin")
    if accounts is None:
        return
    practitioner, member, admin = accounts
    profile, _created = PractitionerProfile.objects.get_or_create(user=practitioner, defaults={
        "profession": "Counselling psychologist",
        "bio": "I work with adults living with anxiety, low mood and stress, using CBT and ACT. Sessions are "
               "collaborative: we agree what you want to change and practise skills between sessions. "
               "(Demo profile.)",
        "approaches": ["cbt", "act", "mbct"], "specialties": ["anxiety", "depression", "stress", "sleep"],
        "languages": ["en", "es"], "formats": ["video", "audio", "text", "messaging"],
        "time_zone": "Europe/London", "min_notice_hours": 2})
    licence, created = Licence.objects.get_or_create(
        issuing_body=DEMO_LICENCE["issuing_body"], number=DEMO_LICENCE["number"],
        defaults={"practitioner": profile, "jurisdiction": DEMO_LICENCE["jurisdiction"],
                  "expires_on": date(timezone.localdate().year + 2, 6, 30)})
    if not LicenceVerification.objects.filter(licence=licence).exists():
        actions.check_verify_licence(admin, licence, {
            "method": "register_lookup", "register_url": REGISTER_URL, "outcome": "verified",
            "note": "Demo: name, number and status checked on the public register."})
    if not AvailabilityRule.objects.filter(practitioner=profile).exists():
        AvailabilityRule.objects.bulk_create([
            AvailabilityRule(practitioner=profile, weekday=d, start_time=time(9), end_time=time(17)) for d in range(5)])
    for purpose in ("health_data", "practitioner_sharing"):
        if not has_consent(member, purpose):
            do_give_consent(member, purpose)
    relationship = actions.active_relationship(member) or actions.check_choose_practitioner(member, profile)
    if relationship.practitioner_id != profile.pk:
        return  # the member chose someone else in this installation: leave their choice alone
    now = timezone.now()
    if not Appointment.objects.filter(client=member, practitioner=profile, status="booked", starts_at__gt=now).exists():
        slots = actions.compute_slots(profile, now + timedelta(days=1), now + timedelta(days=8))
        if slots:
            actions.check_book(member, profile, slots[min(1, len(slots) - 1)].starts_at, "video")
    if not relationship.messages.exists():
        conversation.check_send_message(practitioner, relationship, "demo-1",
                                        "Hello River, welcome. Before our first session, could you fill in the "
                                        "PHQ-9 and GAD-7 in Self-help and share them with me if you are comfortable?")
        conversation.check_send_message(member, relationship, "demo-2",
                                        "Hi, thanks. I've done both and shared them.")
    if not clinical.shared_with(relationship)["types"]:
        selfcare.check_share(member, "questionnaires")
    if not relationship.homework.exists():
        clinical.check_assign_homework(practitioner, relationship, "box-breathing", "Once a day, before bed.")
    if not relationship.recommendations.exists():
        from . import connections

        connections.check_recommend(practitioner, relationship, "strategies:anxious",
                                    "Have a look at what helps others when anxiety rises.")
    stdout.write("care: demo-practitioner (verified licence, Mon–Fri 09:00–17:00 London) works with demo-member")
