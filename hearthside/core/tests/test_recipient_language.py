"""Messages for someone else are written in that person's language (issue #18, section 2): e-mails,
in-app notifications and pages, whatever the language of whoever caused them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone, translation

from hearthside.conftest import login_client, make_user


@pytest.mark.django_db
def test_a_reach_out_email_is_in_each_recipients_language(settings):
    from hearthside.friends.models import ReachOut, ReachOutDelivery
    from hearthside.friends.tasks import send_reach_out_email

    settings.SITE_URL = "https://care.example.org"
    sender = make_user("sender", pseudonym="Marta", language="en")
    spanish = make_user("ana", language="es", email="ana@example.org")
    english = make_user("bob", language="en", email="bob@example.org")
    reach_out = ReachOut.objects.create(sender=sender, body="private words")
    for person in (spanish, english):
        ReachOutDelivery.objects.create(reach_out=reach_out, recipient=person)
    with translation.override("en"):
        assert send_reach_out_email.func(reach_out.pk) == 2
    sent = {m.to[0]: m for m in mail.outbox}
    assert sent["ana@example.org"].subject == f"[{settings.SITE_NAME}] Marta contactó a su círculo"
    assert sent["ana@example.org"].body == (
        "Marta te contactó, como alguien de su círculo de apoyo.\n\n"
        "Léelo y responde: https://care.example.org/friends/reach-outs/\n"
    )
    assert sent["bob@example.org"].subject == f"[{settings.SITE_NAME}] Marta reached out to their circle"
    assert "private words" not in sent["ana@example.org"].body + sent["bob@example.org"].body


@pytest.mark.django_db
def test_a_safety_alert_email_is_in_each_staff_members_language(settings):
    from hearthside.safety.models import SafetyAlert
    from hearthside.safety.tasks import send_alert_email

    settings.SITE_URL = "https://care.example.org"
    person = make_user("person")
    deadline = timezone.now().replace(hour=14, minute=5) + timedelta(days=1)
    alert = SafetyAlert.objects.create(person=person, source="test", level="high", ack_deadline=deadline)
    es = make_user("lucia", "moderator", language="es", email="lucia@example.org")
    en = make_user("sam", "moderator", language="en", email="sam@example.org")
    assert send_alert_email.func(alert.pk, [es.pk, en.pk]) == 2
    sent = {m.to[0]: m for m in mail.outbox}
    assert (
        sent["lucia@example.org"].subject
        == "[Hearthside] Una alerta de seguridad de nivel alto necesita confirmación"
    )
    assert sent["lucia@example.org"].body == (
        f"Una alerta de seguridad de nivel alto (n.º {alert.pk}) espera confirmación antes de las 14:05 UTC.\n\n"
        f"Ábrela: https://care.example.org/staff/safety/alerts/{alert.pk}/\n"
    )
    assert sent["sam@example.org"].subject == "[Hearthside] A high safety alert needs acknowledgement"


@pytest.mark.django_db
def test_a_password_reset_email_is_in_the_account_holders_language():
    make_user("lucia", language="es", email="lucia@example.org")
    response = Client(HTTP_ACCEPT_LANGUAGE="en").post(
        "/accounts/password-reset/", {"email": "lucia@example.org"}
    )
    assert response.status_code == 302
    (message,) = mail.outbox
    with translation.override("es"):
        assert message.subject == translation.gettext("Reset your Hearthside password")
    assert message.subject != "Reset your Hearthside password"


@pytest.mark.django_db
def test_a_homework_notice_is_in_the_clients_language_with_the_exercise_title_in_it():
    from hearthside.care.clinical import check_assign_homework
    from hearthside.care.models import CareRelationship, PractitionerProfile
    from hearthside.selfcare.models import Notification

    practitioner = make_user("drjones", "practitioner", pseudonym="Dr Jones", language="en")
    profile = PractitionerProfile.objects.create(user=practitioner, profession="psychologist")
    client = make_user("lucia", language="es")
    relationship = CareRelationship.objects.create(client=client, practitioner=profile)
    with translation.override("en"):  # the practitioner's page
        check_assign_homework(practitioner, relationship, "box-breathing")
    (notice,) = Notification.objects.filter(user=client)
    assert notice.text == "Dr Jones te sugirió un ejercicio: Respiración cuadrada."


@pytest.mark.django_db
def test_a_moderators_warning_reaches_the_member_in_their_language():
    from hearthside.community.moderation import _notify
    from hearthside.selfcare.models import Notification

    member = make_user("lucia", language="es")
    with translation.override("en"):
        _notify(member.pk, lambda: translation.gettext("Welcome to %(g)s.") % {"g": "X"})
    assert Notification.objects.get(user=member).text == "Te damos la bienvenida a X."


@pytest.mark.django_db
def test_a_page_to_a_spanish_staff_member_is_in_spanish(settings):
    from hearthside.paging.actions import page_content
    from hearthside.paging.models import Page
    from hearthside.safety.models import SafetyAlert

    settings.SITE_URL = "https://care.example.org"
    alert = SafetyAlert.objects.create(
        person=make_user("person"),
        source="test",
        level="high",
        ack_deadline=timezone.now() + timedelta(hours=1),
    )
    es = make_user("lucia", "moderator", language="es")
    en = make_user("sam", "moderator", language="en")
    pages = [
        Page.objects.create(alert=alert, user=u, channel="push", reason="halfway", tier=0) for u in (es, en)
    ]
    assert page_content(pages[0]) == (
        "Una alerta de seguridad te necesita",
        f"https://care.example.org/staff/safety/alerts/{alert.pk}/",
    )
    assert page_content(pages[1])[0] == "A safety alert needs you"


@pytest.mark.django_db
def test_demo_group_texts_follow_the_reader_and_nothing_else_is_translated():
    from hearthside.core import demo_texts

    description = demo_texts.GROUPS["living-with-anxiety"][2]
    with translation.override("es"):
        assert demo_texts.localize(description) == (
            "Un lugar tranquilo para compartir lo que ayuda con la "
            "preocupación y el pánico, y para sentirte escuchado/a."
        )
        assert demo_texts.localize(demo_texts.GROUP_GUIDELINES).endswith("Usa **Busca ayuda ahora**.")
        # A member's own text that happens to be a catalogue string is left as written.
        assert demo_texts.localize("Get help now") == "Get help now"
    with translation.override("en"):
        assert demo_texts.localize(description) == description


@pytest.mark.django_db
def test_a_demo_group_page_shows_its_description_and_guidelines_in_spanish():
    from hearthside.community.models import Group, Membership
    from hearthside.core import demo_texts

    name, topic, description = demo_texts.GROUPS["grief-and-loss"]
    group = Group.objects.create(
        slug="grief-and-loss",
        name=name,
        topic=topic,
        description=description,
        guidelines=demo_texts.GROUP_GUIDELINES,
    )
    member = make_user("lucia", language="es")
    Membership.objects.create(group=group, user=member)
    client = login_client(member)
    client.cookies["django_language"] = "es"
    page = client.get("/groups/grief-and-loss/").content.decode()
    assert "Para quien extraña a alguien. Comparte recuerdos, días difíciles y pequeños pasos." in page
    assert "<li>Sé amable y paciente.</li>" in page
    assert "For anyone missing someone" not in page and "Be kind and patient" not in page
