"""The JSON API under /api/v1/: one NinjaAPI, one router per app, JSON errors with a message."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DataError
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from hearthside.accounts.api import me_router
from hearthside.accounts.api import router as accounts_router
from hearthside.accounts.auth import api_auth
from hearthside.care.api import router as care_router
from hearthside.community.api import router as community_router
from hearthside.community.forum.api import router as forum_router
from hearthside.companion.api import router as companion_router
from hearthside.core.errors import ActionRefused, refusal
from hearthside.friends.api import router as friends_router
from hearthside.safety.api import router as safety_router
from hearthside.safety.staff_api import router as safety_staff_router
from hearthside.selfcare.api import router as selfcare_router
from hearthside.supportline.api import router as supportline_router

api = NinjaAPI(
    title="Hearthside API",
    version="1",
    description="Accounts, consent, self-help, communities, counselling and safety. "
    "Authenticate with a personal access token (`Authorization: Bearer hs_…`) or a browser session.",
    urls_namespace="api",
    auth=api_auth,
    docs_url=None,
    openapi_url="/openapi.json",
)
api.add_router("/accounts", accounts_router)
api.add_router("/me", me_router)
api.add_router("/me", safety_router)
api.add_router("/staff", safety_staff_router)
api.add_router("/selfcare", selfcare_router)
api.add_router("/community", community_router)
api.add_router("/community", forum_router)
api.add_router("/care", care_router)
api.add_router("/fhir", "hearthside.care.fhir_api.router")
api.add_router("/companion", companion_router)
api.add_router("/support-line", supportline_router)
api.add_router("/friends", friends_router)


def _json_error(request, status: int, detail: str, errors=None):
    body = {"detail": detail}
    if errors is not None:
        body["errors"] = errors
    return api.create_response(request, body, status=status)


@api.exception_handler(ValidationError)
def on_validation_error(request, exc: ValidationError):
    if isinstance(exc, ActionRefused):  # the one error family (core/errors.py)
        answer = refusal(exc)
        return api.create_response(request, {"detail": answer.message, "code": answer.code}, status=answer.status)
    if hasattr(exc, "error_dict"):
        errors = {field: list(msgs) for field, msgs in exc.message_dict.items()}
        first = next(iter(errors.values()))[0]
        return _json_error(request, 400, first, errors)
    return _json_error(request, 400, " ".join(exc.messages))


@api.exception_handler(NinjaValidationError)
def on_schema_error(request, exc: NinjaValidationError):
    errors = [
        {"loc": [str(p) for p in e.get("loc", [])], "msg": str(e.get("msg", ""))} for e in exc.errors
    ]
    return _json_error(request, 422, "The request body or parameters are not valid.", errors)


@api.exception_handler(AuthenticationError)
def on_auth_error(request, exc):
    response = _json_error(request, 401, "Authentication required: send a bearer token or log in.")
    response["WWW-Authenticate"] = 'Bearer realm="hearthside"'
    return response


@api.exception_handler(HttpError)
def on_http_error(request, exc: HttpError):
    return _json_error(request, exc.status_code, str(exc.message))


@api.exception_handler(PermissionDenied)
def on_forbidden(request, exc: PermissionDenied):
    answer = refusal(exc)
    return api.create_response(request, {"detail": answer.message, "code": answer.code}, status=answer.status)


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return _json_error(request, 404, "Not found.")


@api.exception_handler(DataError)
def on_data_error(request, exc):
    return _json_error(request, 400, "A value is out of range or not allowed.")


@api.exception_handler(ValueError)
def on_value_error(request, exc):
    # PostgreSQL refuses NUL characters in text; say so instead of failing.
    if "NUL" in str(exc):
        return _json_error(request, 400, "Text may not contain NUL characters.")
    raise exc


# -- interactive documentation -----------------------------------------------------------------

# Swagger UI's own settings. validatorUrl null: it would otherwise load a badge from
# validator.swagger.io, which the site's Content-Security-Policy refuses (and which would tell
# a third party who reads these docs).
SWAGGER_SETTINGS = {"layout": "BaseLayout", "deepLinking": True, "validatorUrl": None,
                    "docExpansion": "none", "defaultModelsExpandDepth": 0}


def api_docs(request):
    """The interactive documentation of this API (Swagger UI) for anyone signed in.

    Everyone with an account may create a personal access token and use the API, so every
    signed-in person may read how (docs/api.md). Swagger UI's script and style come from
    django-ninja's package through this site's static files; the page's scripts are files, so
    the strict Content-Security-Policy holds. "Try it out" sends requests as the signed-in
    person, with the session and the CSRF header, exactly like the site's own pages."""
    from django.contrib.auth.views import redirect_to_login
    from django.shortcuts import render
    from django.urls import reverse

    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    settings = {**SWAGGER_SETTINGS, "url": reverse("api:openapi-json")}
    return render(request, "core/api_docs.html", {"api": api, "swagger_settings": settings})
