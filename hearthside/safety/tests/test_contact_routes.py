"""How a person wants to be reached in a crisis: contact routes, their consents, page and API.

The browser test at the end saves screenshots of /help/contact/ at desktop width and at 390 px
under test-artifacts/screenshots/safety-contact-*.png; it is skipped without Chromium.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from hearthside.conftest import login_client
from hearthside.core.models import AuditEvent
from hearthside.safety import contact
from hearthside.safety.models import ContactRoute

pytestmark = pytest.mark.django_db

URL = "/help/contact/"
API = "/api/v1/me/contact-routes"

CALLBACK_SENTENCE = "If our team is worried about my safety, they may phone me on this number."
EMAIL_SENTENCE = "If our team is worried about my safety, they may e-mail me at this address."
CONTACT_SENTENCE = ("If our team is worried about my safety and cannot reach me, they may phone this person, "
                    "tell them they are worried about me, and ask them to check on me.")

KINDS = [
    ("callback", {"value": "+44 (0)7700 900-123"}, CALLBACK_SENTENCE),
    ("email", {"value": "river@example.org"}, EMAIL_SENTENCE),
    ("emergency_contact", {"value": "07700 900456", "name": "Sam, my sister"}, CONTACT_SENTENCE),
]


@pytest.fixture(autouse=True)
def _english():
    # A Spanish request earlier in this thread leaves Spanish active (LocaleMiddleware does not
    # reset it), and the actions store the sentence in the active language.
    with translation.override("en"):
        yield


def _post(client, kind: str, agreed: bool = True, **fields):
    data = {"kind": kind, **{f"{kind}-{k}": v for k, v in fields.items()}}
    if agreed:
        data[f"{kind}-agreed"] = "on"
    return client.post(URL, data)


def _events(action: str):
    return list(AuditEvent.objects.filter(action=action).order_by("seq"))


# ---------------------------------------------------------------------------------------------
# The page: adding and withdrawing, with the consent sentence stored


@pytest.mark.parametrize("kind, fields, sentence", KINDS)
def test_it_adds_each_kind_with_the_sentence_the_person_agreed_to(member, kind, fields, sentence):
    client = login_client(member)
    page = client.get(URL).content.decode()
    assert sentence in page  # shown before anything is stored
    response = _post(client, kind, note="After 6pm, please", **fields)
    assert response.status_code == 302
    route = ContactRoute.objects.get(user=member)
    assert (route.kind, route.value, route.note, route.consent_text) == (kind, fields["value"], "After 6pm, please",
                                                                        sentence)
    assert route.name == fields.get("name", "") and route.active
    assert timezone.now() - route.consented_at < timedelta(minutes=1)
    [event] = _events("safety.contact_route_added")
    assert (event.actor_id, event.subject_id, event.object_id) == (member.pk, member.pk, str(route.pk))
    assert event.detail == {"kind": kind}  # identifiers only, never the number or address
    page = client.get(URL).content.decode()
    assert fields["value"] in page and "Withdraw" in page


def test_withdrawing_empties_the_details_and_keeps_the_consent_record(member):
    client = login_client(member)
    _post(client, "emergency_contact", value="07700 900456", name="Sam, my sister", note="Knows everything")
    route = ContactRoute.objects.get(user=member)
    response = client.post(f"{URL}{route.pk}/withdraw/")
    assert response.status_code == 302
    route.refresh_from_db()
    assert route.withdrawn_at is not None and not route.active
    assert (route.value, route.name, route.note) == ("", "", "")
    assert route.consent_text == CONTACT_SENTENCE  # the history of what was agreed stays
    assert not contact.routes_for(member).exists()
    [event] = _events("safety.contact_route_withdrawn")
    assert (event.actor_id, event.subject_id, event.detail) == (member.pk, member.pk, {"kind": "emergency_contact"})
    assert "07700 900456" not in client.get(URL).content.decode()
    assert client.post(f"{URL}{route.pk}/withdraw/").status_code == 404  # once only


def test_a_new_route_replaces_the_one_of_the_same_kind_only(member):
    first = contact.check_add_route(member, "callback", "07700 900111", agreed=True)
    email = contact.check_add_route(member, "email", "river@example.org", agreed=True)
    second = contact.check_add_route(member, "callback", "07700 900222", agreed=True)
    first.refresh_from_db()
    assert first.withdrawn_at is not None and first.value == ""
    assert {r.pk for r in contact.routes_for(member)} == {email.pk, second.pk}
    [event] = _events("safety.contact_route_withdrawn")
    assert event.object_id == str(first.pk) and event.detail == {"kind": "callback", "replaced_by": second.pk}


def test_the_sentence_is_stored_in_the_language_it_was_shown_in(member):
    with translation.override("es"):
        route = contact.check_add_route(member, "callback", "612 345 678", agreed=True)
        shown = contact.consent_sentence("callback")
    assert route.consent_text == shown != CALLBACK_SENTENCE
    assert "teléfono" in route.consent_text or "llamar" in route.consent_text


@pytest.mark.parametrize("kind, fields, agreed, field, message", [
    ("email", {"value": "not-an-address"}, True, "value", "Enter an e-mail address such as"),
    ("email", {"value": ""}, True, "value", "Enter an e-mail address."),
    ("callback", {"value": "call me maybe"}, True, "value", "Enter a phone number: digits"),
    ("callback", {"value": "12345"}, True, "value", "6 to 20 digits"),
    ("callback", {"value": "1" * 21}, True, "value", "6 to 20 digits"),
    ("callback", {"value": "0770+0900123"}, True, "value", "Enter a phone number: digits"),
    ("emergency_contact", {"value": "07700 900456"}, True, "name", "Say who this is"),
    ("emergency_contact", {"value": "07700 900456", "name": "x" * 201}, True, "name", "under 200 characters"),
    ("callback", {"value": "07700 900123", "note": "n" * 501}, True, "note", "under 500 characters"),
    ("callback", {"value": "07700 900123"}, False, "agreed", "Tick the box to agree"),
])
def test_bad_input_or_no_consent_stores_nothing_and_says_why(member, kind, fields, agreed, field, message):
    client = login_client(member)
    response = _post(client, kind, agreed=agreed, **fields)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ContactRoute.objects.exists()
    assert not _events("safety.contact_route_added")
    # The same rules answer the API, with the field named.
    api_response = _api(member).post(API, {"kind": kind, "agreed": agreed, **fields})
    assert api_response.status_code == 400
    body = api_response.json()
    assert field in body["errors"] and message in " ".join(body["errors"][field])
    assert not ContactRoute.objects.exists()


def test_nul_characters_are_removed_and_spaces_tidied(member):
    route = contact.check_add_route(member, "emergency_contact", " 07700\x00  900456 ", "Sam,\x00 my   sister",
                                    "call\x00 first\nthen text", agreed=True)
    assert (route.value, route.name, route.note) == ("07700 900456", "Sam, my sister", "call first\nthen text")


def test_in_app_is_always_on_and_cannot_be_added_or_withdrawn(member):
    client = login_client(member)
    page = client.get(URL).content.decode()
    assert "Always on" in page and str(contact.IN_APP_SENTENCE) in page
    assert _api(member).post(API, {"kind": "in_app", "agreed": True}).status_code == 400
    assert _post(client, "in_app").status_code == 302
    assert not ContactRoute.objects.exists()


def test_the_page_needs_an_account(anon):
    response = anon.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


# ---------------------------------------------------------------------------------------------
# Ownership: another member can neither see nor withdraw someone's routes


def test_another_member_cannot_see_or_withdraw_a_route(member, other_member):
    route = contact.check_add_route(member, "callback", "07700 900123", agreed=True)
    other = login_client(other_member)
    assert "07700 900123" not in other.get(URL).content.decode()
    assert other.post(f"{URL}{route.pk}/withdraw/").status_code == 404
    other_api = _api(other_member)
    assert other_api.get(API).json() == []
    response = other_api.delete(f"{API}/{route.pk}")
    assert response.status_code == 404 and response.json()["detail"] == "Not found."
    route.refresh_from_db()
    assert route.active and route.value == "07700 900123"
    assert not _events("safety.contact_route_withdrawn")


# ---------------------------------------------------------------------------------------------
# The JSON API


def _api(user):
    from hearthside.conftest import Api, token_for

    return Api(token_for(user, "write"))


def test_api_round_trip(member):
    api = _api(member)
    kinds = {row["kind"]: row for row in api.get(f"{API}/kinds").json()}
    assert kinds["in_app"]["always_on"] and kinds["emergency_contact"]["needs_name"]
    assert kinds["callback"]["consent_text"] == CALLBACK_SENTENCE

    created = api.post(API, {"kind": "callback", "value": "07700 900123", "note": "evenings", "agreed": True})
    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["kind"], body["value"], body["note"], body["consent_text"]) == (
        "callback", "07700 900123", "evenings", CALLBACK_SENTENCE)
    listed = api.get(API).json()
    assert [row["id"] for row in listed] == [body["id"]]

    assert api.delete(f"{API}/{body['id']}").status_code == 204
    assert api.get(API).json() == []
    assert api.delete(f"{API}/{body['id']}").status_code == 404
    assert ContactRoute.objects.get(pk=body["id"]).consent_text == CALLBACK_SENTENCE


def test_api_without_consent_is_refused_with_a_message(member):
    response = _api(member).post(API, {"kind": "email", "value": "river@example.org"})
    assert response.status_code == 400
    assert "Tick the box to agree" in response.json()["detail"]
    assert not ContactRoute.objects.exists()


def test_a_read_only_token_cannot_add_a_route(member, api_as):
    response = api_as(member, scope="read").post(API, {"kind": "email", "value": "a@example.org", "agreed": True})
    assert response.status_code == 403
    assert not ContactRoute.objects.exists()


# ---------------------------------------------------------------------------------------------
# What staff see, and the record of their look


def test_staff_see_in_app_first_then_routes_in_force_with_their_consents(member, moderator, django_assert_num_queries):
    old = contact.check_add_route(member, "email", "old@example.org", agreed=True)
    contact.do_withdraw_route(member, old.pk)
    contact.check_add_route(member, "emergency_contact", "07700 900456", "Sam, my sister", agreed=True)
    contact.check_add_route(member, "callback", "07700 900123", note="evenings", agreed=True)
    with django_assert_num_queries(1):
        rows = contact.routes_for_staff(member)
    assert [row["kind"] for row in rows] == ["in_app", "callback", "emergency_contact"]
    assert rows[0]["always_on"] and rows[0]["consented_at"] is None
    callback = rows[1]
    assert (callback["value"], callback["note"], callback["consent_text"]) == ("07700 900123", "evenings",
                                                                             CALLBACK_SENTENCE)
    assert callback["consented_at"] is not None and callback["label"] == "Phone call back"
    assert rows[2]["name"] == "Sam, my sister"
    assert "old@example.org" not in str(rows)

    before = AuditEvent.objects.count()
    seen = contact.do_view_routes(moderator, member, alert=41)
    assert seen == contact.routes_for_staff(member)
    [event] = AuditEvent.objects.filter(action="safety.contact_routes_viewed")
    assert AuditEvent.objects.count() == before + 1
    assert (event.actor_id, event.subject_id) == (moderator.pk, member.pk)
    assert event.detail == {"alert": 41, "kinds": ["in_app", "callback", "emergency_contact"]}


def test_a_closed_account_has_no_in_app_route(member):
    member.is_active = False
    member.save(update_fields=["is_active"])
    assert contact.routes_for_staff(member) == []


# ---------------------------------------------------------------------------------------------
# Personal data: in the export, gone with the account


def test_export_holds_routes_and_their_history_and_erasure_removes_them(member, other_member):
    from django.conf import settings

    from hearthside.accounts.actions import do_request_erasure, erase_due_accounts

    withdrawn = contact.check_add_route(member, "callback", "07700 900111", agreed=True)
    contact.do_withdraw_route(member, withdrawn.pk)
    contact.check_add_route(member, "email", "river@example.org", agreed=True)
    theirs = contact.check_add_route(other_member, "email", "someone@example.org", agreed=True)

    export = _api(member).get("/api/v1/me/export").json()
    rows = export["data"]["safety.contactroute"]
    assert {(row["kind"], row["value"], row["consent_text"]) for row in rows} == {
        ("callback", "", CALLBACK_SENTENCE), ("email", "river@example.org", EMAIL_SENTENCE)}
    assert next(row for row in rows if row["kind"] == "callback")["withdrawn_at"]
    assert "someone@example.org" not in str(export)

    do_request_erasure(member)
    erase_due_accounts(now=timezone.now() + timedelta(days=settings.ERASURE_GRACE_DAYS, minutes=1))
    assert list(ContactRoute.objects.all()) == [theirs]


# ---------------------------------------------------------------------------------------------
# Where the page is offered: the safety plan, and right after sign-up


def test_the_safety_plan_links_to_the_page(member):
    page = login_client(member).get("/help/plan/").content.decode()
    assert f'href="{URL}"' in page


def test_sign_up_offers_the_page_without_adding_a_step(anon):
    response = anon.post("/accounts/signup/", {
        "username": "newperson", "pseudonym": "New Person", "password": "gentle-morning-tide-9",
        "time_zone": "Europe/London", "accept_privacy": "on",
    }, follow=True)
    assert response.redirect_chain[-1][0] == "/"  # straight home, as before
    page = response.content.decode()
    assert f'<a href="{URL}">Choose how we reach you</a>' in page


def test_the_page_speaks_spanish(member):
    page = login_client(member).get(URL, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Cómo te contactamos en una crisis" in page
    assert "Si a nuestro equipo le preocupa mi seguridad, puede llamarme a este número." in page


# ---------------------------------------------------------------------------------------------
# In a real browser: accessibility and screenshots at desktop and phone widths


@pytest.mark.browser
def test_the_page_in_a_browser_at_desktop_and_phone_widths(live_server, chromium):
    from hearthside.conftest import make_user
    from hearthside.testing.browser import PageAudit, log_in, new_context, save_screenshot

    person = make_user("river", pseudonym="River", email="river@example.org")
    contact.check_add_route(person, "emergency_contact", "07700 900456", "Sam, my sister",
                            "She knows about my plan. Evenings are best.", agreed=True)
    audit = PageAudit()
    for name, viewport in [("desktop", {"width": 1280, "height": 800}), ("390", {"width": 390, "height": 844})]:
        context = new_context(chromium, live_server.url, viewport=viewport)
        try:
            log_in(context, person, live_server.url)
            page = context.new_page()
            audit.watch(page)
            page.goto("/help/contact/")
            assert page.get_by_role("heading", level=1).inner_text() == "How we reach you in a crisis"
            audit.visit(page, f"safety-contact-{name}")
            # Nothing fits sideways: no horizontal scrolling at this width.
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
            if name == "390":
                # Add a phone call back by ticking the sentence, then withdraw it again.
                section = page.locator("section#callback")
                section.get_by_label("Your phone number").fill("12345")
                section.get_by_label(CALLBACK_SENTENCE).check()
                with page.expect_navigation():
                    section.get_by_role("button", name="Agree and save").click()
                assert "6 to 20 digits" in section.get_by_role("alert").inner_text()
                audit.visit(page, "safety-contact-390-error")
                section.get_by_label("Your phone number").fill("07700 900123")
                section.get_by_label(CALLBACK_SENTENCE).check()
                with page.expect_navigation():
                    section.get_by_role("button", name="Agree and save").click()
                assert "Saved." in page.locator(".messages").inner_text()
                save_screenshot(page, "safety-contact-390-saved")
                with page.expect_navigation():
                    page.locator('[data-kind="callback"]').get_by_role("button", name="Withdraw").click()
                assert "Withdrawn." in page.locator(".messages").inner_text()
        finally:
            context.close()
    route = ContactRoute.objects.get(user=person, kind="callback")
    assert route.withdrawn_at is not None and route.consent_text == CALLBACK_SENTENCE
    audit.assert_clean()

