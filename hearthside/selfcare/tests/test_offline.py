"""Offline on the server's side: idempotent check-ins and journal entries (client ids), the two
pages kept on the device, the service worker, the manifest and the device session.

The browser's side (IndexedDB outbox, network emulation, sign-out) is test_browser_offline.py.
"""

from __future__ import annotations

import struct
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from hearthside.conftest import PASSWORD, login_client, make_member, make_user

pytestmark = pytest.mark.django_db

CHECKINS = "/api/v1/selfcare/checkins"
JOURNAL = "/api/v1/selfcare/journal"


@pytest.fixture
def writer(db):
    return make_member("writer", "health_data", country="GB")


@pytest.fixture
def second_writer(db):
    return make_member("secondwriter", "health_data")


def _session_post(client: Client, path: str, data: dict):
    return client.post(path, data, content_type="application/json")


# -- idempotent writes -------------------------------------------------------------------------


def test_a_checkin_sent_twice_with_its_client_id_is_stored_once(writer, api_as):
    from hearthside.selfcare.models import CheckIn

    api = api_as(writer)
    body = {"mood": 6, "note": "written on the train", "client_id": "3f0c8a52-1b7e-4c55-9d55-0a1f7e2b9c11"}
    first = api.post(CHECKINS, body)
    again = api.post(CHECKINS, body)
    assert first.status_code == 201 and again.status_code == 200
    assert again.json() == first.json()
    assert CheckIn.objects.filter(user=writer).count() == 1
    stored = CheckIn.objects.get(user=writer)
    assert stored.client_id == "3f0c8a52-1b7e-4c55-9d55-0a1f7e2b9c11" and stored.note == "written on the train"


def test_a_resend_returns_what_was_stored_even_if_the_body_differs(writer, api_as):
    from hearthside.selfcare.models import CheckIn

    api = api_as(writer)
    first = api.post(CHECKINS, {"mood": 3, "client_id": "same"})
    second = api.post(CHECKINS, {"mood": 9, "client_id": "same"})
    assert second.status_code == 200 and second.json()["mood"] == 3 and second.json()["id"] == first.json()["id"]
    assert list(CheckIn.objects.values_list("mood", flat=True)) == [3]


def test_client_ids_are_per_person_and_without_one_every_post_is_new(writer, second_writer, api_as):
    from hearthside.selfcare.models import CheckIn

    assert api_as(writer).post(CHECKINS, {"mood": 5, "client_id": "abc"}).status_code == 201
    # Another person's id that happens to be the same is theirs: a new check-in, not a leak of mine.
    theirs = api_as(second_writer).post(CHECKINS, {"mood": 8, "client_id": "abc"})
    assert theirs.status_code == 201 and theirs.json()["mood"] == 8
    assert api_as(writer).post(CHECKINS, {"mood": 5}).status_code == 201
    assert api_as(writer).post(CHECKINS, {"mood": 5}).status_code == 201
    assert CheckIn.objects.filter(user=writer).count() == 3
    assert CheckIn.objects.filter(user=second_writer).count() == 1


@pytest.mark.parametrize(("client_id", "status"), [("", 400), ("   ", 400), ("x" * 65, 422), (7, 422)])
def test_a_bad_client_id_is_refused_with_a_clear_answer(writer, api_as, client_id, status):
    from hearthside.selfcare.models import CheckIn

    response = api_as(writer).post(CHECKINS, {"mood": 5, "client_id": client_id})
    assert response.status_code == status
    if status == 400:
        assert response.json()["errors"] == {"client_id": ["Each message needs a client id of 1–64 characters."]}
    assert not CheckIn.objects.exists()


def test_a_resend_still_needs_health_consent(writer, api_as):
    from hearthside.accounts.actions import do_withdraw_consent

    api = api_as(writer)
    assert api.post(CHECKINS, {"mood": 5, "client_id": "k1"}).status_code == 201
    do_withdraw_consent(writer, "health_data")
    response = api.post(CHECKINS, {"mood": 5, "client_id": "k1"})
    assert response.status_code == 403


def test_two_sends_that_race_store_one_checkin(writer, monkeypatch):
    """The second send looks before the first has stored (both see nothing), then inserts after
    it: the unique constraint refuses the insert and the stored check-in is returned."""
    from hearthside.selfcare import actions
    from hearthside.selfcare.models import CheckIn

    first, created = actions.check_create_checkin_once(writer, {"mood": 4}, client_id="race")
    assert created
    real = actions.stored_with_client_id
    calls = []

    def blind_first_look(model, user, client_id):
        calls.append(client_id)
        return None if len(calls) == 1 else real(model, user, client_id)

    monkeypatch.setattr(actions, "stored_with_client_id", blind_first_look)
    second, created = actions.check_create_checkin_once(writer, {"mood": 4}, client_id="race")
    assert (second.pk, created, calls) == (first.pk, False, ["race", "race"])
    assert CheckIn.objects.filter(user=writer).count() == 1


def test_a_journal_entry_sent_twice_is_stored_and_screened_once(writer, api_as, monkeypatch):
    from hearthside.accounts.actions import do_give_consent
    from hearthside.safety import actions as safety_actions
    from hearthside.selfcare.models import JournalEntry

    do_give_consent(writer, "ai_features")
    screened = []
    real = safety_actions.screen_and_route
    monkeypatch.setattr(safety_actions, "screen_and_route",
                        lambda *a, **k: screened.append(a[1]) or real(*a, **k))
    written = (timezone.now() - timedelta(hours=5)).replace(microsecond=0)
    body = {"title": "Offline", "body": "A quiet evening, wrote this on the bus.", "client_id": "j-1",
            "created_at": written.isoformat()}
    api = api_as(writer)
    first = api.post(JOURNAL, body)
    again = api.post(JOURNAL, body)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["screened"] is True and again.json()["screened"] is False
    assert again.json()["id"] == first.json()["id"]
    assert screened == ["A quiet evening, wrote this on the bus."]
    entry = JournalEntry.objects.get(user=writer)
    assert entry.created_at == written and entry.client_id == "j-1"


def test_a_journal_entry_cannot_be_written_in_the_future(writer, api_as):
    from hearthside.selfcare.models import JournalEntry

    response = api_as(writer).post(JOURNAL, {"body": "tomorrow", "client_id": "j-2",
                                             "created_at": "2999-01-01T00:00:00Z"})
    assert response.status_code == 400
    assert response.json()["errors"] == {"created_at": ["An entry cannot be written in the future."]}
    assert not JournalEntry.objects.exists()


def test_the_checkin_form_pressed_twice_stores_one_checkin(writer):
    from hearthside.selfcare.models import CheckIn

    client = login_client(writer)
    form = {"mood": "7", "note": "pressed twice", "client_id": "form-1"}
    assert client.post("/selfcare/checkin/", form).status_code == 302
    assert client.post("/selfcare/checkin/", form).status_code == 302
    assert list(CheckIn.objects.filter(user=writer).values_list("note", flat=True)) == ["pressed twice"]


def test_the_journal_form_pressed_twice_stores_one_entry(writer):
    from hearthside.selfcare.models import JournalEntry

    client = login_client(writer)
    form = {"title": "", "body": "twice", "tags": "", "client_id": "form-j"}
    assert client.post("/selfcare/journal/new/", form).status_code == 302
    assert client.post("/selfcare/journal/new/", form).status_code == 302
    assert JournalEntry.objects.filter(user=writer).count() == 1


def test_the_checkin_page_carries_a_client_id_field_and_the_waiting_list(writer):
    html = login_client(writer).get("/selfcare/checkin/").content.decode()
    assert 'data-offline-form="checkin"' in html and '<input type="hidden" name="client_id" value="">' in html
    assert "data-offline-queue" in html


# -- the pages kept on the device ----------------------------------------------------------------


def _key(user) -> str:
    from django.utils.crypto import salted_hmac

    return salted_hmac("hearthside.core.device", str(user.pk)).hexdigest()[:32]


def test_the_help_copy_has_my_lines_and_plan_and_nothing_of_the_moment(writer):
    from hearthside.safety.actions import check_update_plan
    from hearthside.safety.directory import load_directory_if_empty

    load_directory_if_empty()
    check_update_plan(writer, {"warning_signs": ["Not sleeping"], "reasons_for_living": ["My sister"]})
    client = login_client(writer)
    # A message waiting for the next page: not in the stored copy, and not used up by it.
    assert client.post("/selfcare/checkin/", {"mood": "6"}).status_code == 302
    response = client.get("/help/offline/")
    assert response.status_code == 200
    assert response["X-Hearthside-Device"] == _key(writer)
    html = response.content.decode()
    assert "Not sleeping" in html and "My sister" in html and "Samaritans" in html
    assert "csrfmiddlewaretoken" not in html and "Checked in." not in html
    assert 'data-stored-copy="true"' in html
    assert "Checked in. Thank you for taking a moment for yourself." in client.get("/selfcare/").content.decode()


def test_the_writing_page_holds_nothing_of_my_own(writer):
    from hearthside.selfcare.actions import check_add_activity

    check_add_activity(writer, "Therapy with Dr Quill")
    response = login_client(writer).get("/selfcare/offline/")
    assert response.status_code == 200 and response["X-Hearthside-Device"] == _key(writer)
    html = response.content.decode()
    assert "Therapy with Dr Quill" not in html and writer.pseudonym not in html
    assert 'data-offline-form="checkin" data-offline-always' in html
    assert 'data-offline-form="journal" data-offline-always' in html


def test_the_stored_pages_are_for_signed_in_people_only(anon):
    for path in ("/help/offline/", "/selfcare/offline/"):
        response = anon.get(path)
        assert response.status_code == 302 and response["Location"] == f"/accounts/login/?next={path}"


def test_a_support_line_guest_keeps_nothing_on_the_device(db):
    from django.test import RequestFactory

    from hearthside.core.device import device_key
    from hearthside.supportline.actions import GUEST_SESSION_KEY

    user = make_user("guestlike")
    request = RequestFactory().get("/")
    request.user = user
    request.session = {GUEST_SESSION_KEY: True}
    assert device_key(request) == ""
    request.session = {}
    assert device_key(request) == _key(user)


def test_every_page_names_the_person_signed_in_by_an_opaque_key(writer, other_member):
    mine = login_client(writer).get("/selfcare/").content.decode()
    assert f'data-device="{_key(writer)}"' in mine and f"data-device=\"{writer.pk}\"" not in mine
    assert _key(writer) != _key(other_member)


def test_signing_out_tells_the_next_page_to_forget_the_device(writer):
    client = login_client(writer)
    assert client.post("/accounts/logout/").status_code == 302
    first = client.get("/").content.decode()
    assert 'data-signed-out="true"' in first and 'data-device=""' in first
    assert 'data-signed-out="true"' not in client.get("/").content.decode()


def test_the_device_session_says_who_is_signed_in(writer, anon):
    response = login_client(writer).get("/device/session")
    assert response.status_code == 200
    data = response.json()
    assert data["device"] == _key(writer) and len(data["csrf"]) == 64
    response = anon.get("/device/session")
    assert response.status_code == 401
    assert response.json() == {"detail": "Sign in to send what you wrote offline."}


def test_a_checkin_sent_with_the_device_session_token_is_accepted(writer):
    """What offline.js does: the session's CSRF token from /device/session, then the API."""
    from hearthside.selfcare.models import CheckIn

    client = Client(enforce_csrf_checks=True)
    assert client.login(username="writer", password=PASSWORD)
    csrf = client.get("/device/session").json()["csrf"]
    refused = client.post(CHECKINS, {"mood": 5, "client_id": "c"}, content_type="application/json")
    assert refused.status_code == 403
    response = client.post(CHECKINS, {"mood": 5, "client_id": "c"}, content_type="application/json",
                           HTTP_X_CSRFTOKEN=csrf)
    assert response.status_code == 201
    assert CheckIn.objects.filter(user=writer, client_id="c").count() == 1


# -- the service worker and the manifest --------------------------------------------------------


def test_one_service_worker_serves_push_and_offline_from_the_site(anon):
    response = anon.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    body = response.content.decode()
    assert body.startswith("self.HS_OFFLINE = {")
    assert "showNotification" in body and "notificationclick" in body and '"hs-private"' in body
    assert "importScripts" not in body and "://" not in body
    # Its old address (push turned on before the move) serves the very same worker.
    assert anon.get("/staff/paging/sw.js").content == response.content


def test_every_file_the_worker_keeps_is_served_by_the_site(anon):
    import json

    first_line = anon.get("/sw.js").content.decode().split("\n", 1)[0]
    config = json.loads(first_line[len("self.HS_OFFLINE = "):-1])
    assert config["pages"] == {"help": "/help/offline/", "writer": "/selfcare/offline/"}
    assert config["header"] == "X-Hearthside-Device" and len(config["version"]) == 16
    assert config["precache"] == ["/static/hearthside/css/site.css", "/static/hearthside/css/offline.css",
                                  "/static/hearthside/js/offline.js", "/static/hearthside/js/quick_exit.js",
                                  "/static/hearthside/favicon.svg", "/static/hearthside/icons/icon-192.png"]
    for url in config["precache"]:
        response = anon.get(url)
        assert response.status_code == 200, url


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_the_manifest_makes_the_site_installable(anon):
    response = anon.get("/manifest.webmanifest")
    assert response.status_code == 200 and response["Content-Type"] == "application/manifest+json"
    data = response.json()
    assert (data["name"], data["start_url"], data["scope"], data["display"]) == ("Hearthside", "/", "/", "standalone")
    sizes = {}
    for icon in data["icons"]:
        served = anon.get(icon["src"])
        assert served.status_code == 200, icon["src"]
        content = b"".join(served.streaming_content) if served.streaming else served.content
        if icon["type"] == "image/png":
            sizes[(icon["sizes"], icon.get("purpose", "any"))] = _png_size(content)
    assert sizes == {("192x192", "any"): (192, 192), ("512x512", "any"): (512, 512),
                     ("512x512", "maskable"): (512, 512)}
    assert [s["url"] for s in data["shortcuts"]] == ["/help/", "/selfcare/checkin/"]


def test_every_page_links_the_manifest_and_signed_in_pages_the_offline_script(writer, anon):
    visitor = anon.get("/help/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in visitor
    # A visitor who never signed in here gets no script from it.
    assert "offline.js" not in visitor
    mine = login_client(writer).get("/help/").content.decode()
    assert 'src="/static/hearthside/js/offline.js" id="hs-offline"' in mine
    assert '<script id="hs-offline-strings" type="application/json">' in mine
    # Signed out, but this browser still keeps something (its cookie says so): the script comes,
    # to forget what is no longer theirs to see, with no key and no strings.
    anon.cookies["hs_kept"] = "1"
    kept = anon.get("/help/").content.decode()
    assert 'id="hs-offline" defer\n    data-device=""\n' in kept and "hs-offline-strings" not in kept
