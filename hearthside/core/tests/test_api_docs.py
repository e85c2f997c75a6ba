"""The interactive API documentation at /api/v1/docs: signed-in people only, every asset from the
site itself (django-ninja's own Swagger UI files), working under the site's strict CSP.

The browser test needs Debian's Chromium at /usr/bin/chromium; it is skipped otherwise.
Screenshots: test-artifacts/screenshots/api-docs-{390,1280}.png.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from hearthside.conftest import login_client, make_user
from hearthside.core.middleware import CSP

DOCS = "/api/v1/docs"


@pytest.mark.django_db
def test_visitors_are_sent_to_sign_in_first(anon):
    response = anon.get(DOCS)
    assert response.status_code == 302 and response["Location"] == "/accounts/login/?next=/api/v1/docs"


@pytest.mark.django_db
def test_the_page_loads_swagger_ui_from_the_site_under_the_strict_csp(member, anon):
    response = login_client(member).get(DOCS)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == CSP
    html = response.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources == ["/static/hearthside/favicon.svg", "/static/ninja/swagger-ui.css",
                       "/static/hearthside/css/api_docs.css", "/", "/accounts/tokens/", "/help/",
                       "/static/ninja/swagger-ui-bundle.js", "/static/ninja/swagger-ui-init.js"]
    assert "<script>" not in html  # no inline script: CSP "script-src 'self'" would refuse it
    assert '"url": "/api/v1/openapi.json"' in html and '"validatorUrl": null' in html
    for asset in sources:
        if asset.startswith("/static/"):
            assert anon.get(asset).status_code == 200, asset


@pytest.mark.browser
def test_the_docs_work_in_a_browser_with_nothing_from_elsewhere(live_server, open_live_context):
    from hearthside.testing.browser import PageAudit, save_screenshots

    audit = PageAudit()
    page = open_live_context(make_user("apireader"), timeout_ms=20_000).new_page()
    audit.watch(page)
    origins = set()
    page.on("request", lambda r: origins.add("{0.scheme}://{0.netloc}".format(urlsplit(r.url))))
    page.goto(DOCS)
    page.locator(".swagger-ui .info .title").get_by_text("Hearthside API").wait_for()
    # The operations are listed, grouped by tag: open one and find its path.
    page.locator(".opblock-tag", has_text="self-help").first.click()
    page.locator(".opblock-summary-path", has_text="/api/v1/selfcare/checkins").first.wait_for()
    assert origins == {live_server.url}
    save_screenshots(page, "api-docs")
    audit.assert_clean()  # no CSP refusal and no script error on the page
