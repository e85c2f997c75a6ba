"""Reviews only from clients who had the session, once, screened, shown without names."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.http import Http404

from hearthside.care import actions
from hearthside.care.models import Review
from hearthside.conftest import login_client, make_user


@pytest.fixture
def session(db, pro, client_user):
    with time_machine.travel(datetime(2026, 3, 2, 6, 0, tzinfo=UTC), tick=False):
        return actions.check_book(client_user, pro, datetime(2026, 3, 3, 9, 0, tzinfo=UTC))


def test_only_after_the_session_once_and_only_its_client(session, client_user, pro):
    with time_machine.travel(datetime(2026, 3, 3, 9, 30, tzinfo=UTC), tick=False), pytest.raises(ValidationError):
        actions.check_review(client_user, session, 5, "Great")  # not over yet
    with time_machine.travel(datetime(2026, 3, 4, tzinfo=UTC), tick=False):
        with pytest.raises(Http404):
            actions.check_review(make_user("stranger"), session, 5)
        with pytest.raises(ValidationError):
            actions.check_review(client_user, session, 9)
        actions.check_review(client_user, session, 4, "Kind and clear.")
        with pytest.raises(ValidationError):
            actions.check_review(client_user, session, 5)
        page = login_client(client_user).get(f"/care/practitioners/{pro.pk}/").content.decode()
    assert "Kind and clear." in page and "4.0" in page and client_user.pseudonym not in page.split("Reviews")[1]


def test_a_cancelled_session_cannot_be_reviewed_and_crisis_text_is_held(session, client_user, pro):
    with time_machine.travel(datetime(2026, 3, 4, tzinfo=UTC), tick=False):
        review = actions.check_review(client_user, session, 2,
                                      "I have the pills saved up and I'm going to kill myself tonight.")
        assert review.status == "held"
        assert actions.reviews_for(pro)["count"] == 0
    Review.objects.all().delete()
    session.status = "cancelled"
    session.save(update_fields=["status"])
    with time_machine.travel(datetime(2026, 3, 4, tzinfo=UTC), tick=False), pytest.raises(ValidationError):
        actions.check_review(client_user, session, 5)


def test_review_page_and_link(session, client_user):
    web = login_client(client_user)
    with time_machine.travel(datetime(2026, 3, 4, tzinfo=UTC), tick=False):
        assert f"/care/appointments/{session.pk}/review/" in web.get("/care/appointments/").content.decode()
        assert web.post(f"/care/appointments/{session.pk}/review/", {"rating": "5", "body": "Thanks"}).status_code == 302
        assert f"/care/appointments/{session.pk}/review/" not in web.get("/care/appointments/").content.decode()
    assert Review.objects.get().rating == 5
