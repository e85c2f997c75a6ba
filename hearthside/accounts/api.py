"""Accounts API: sign-up, tokens, the person's own profile, consents, export and erasure."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.http import Http404
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from . import actions
from .models import ConsentPurpose, TokenScope

router = Router(tags=["accounts"])
me_router = Router(tags=["me"])


class SignupIn(Schema):
    username: str = Field(..., max_length=200)
    password: str = Field(..., max_length=1000)
    pseudonym: str = Field(..., max_length=200)
    email: str | None = Field(None, max_length=254)
    year_of_birth: int | None = Field(None, ge=1, le=9999)
    country: str | None = Field(None, max_length=2)
    time_zone: str | None = Field(None, max_length=64)
    language: str | None = Field(None, max_length=8)
    consents: list[str] = Field(default_factory=list, max_length=10)
    age_band: str | None = Field(None, max_length=10)


class UserOut(Schema):
    id: int
    username: str
    pseudonym: str
    email: str
    time_zone: str
    country: str
    language: str
    year_of_birth: int | None
    roles: list[str]
    two_factor_enabled: bool
    date_joined: datetime


def _user_out(user) -> dict:
    return {
        **actions.account_fields(user),
        "roles": sorted(user.roles),
        "two_factor_enabled": actions.has_confirmed_totp(user),
        "date_joined": user.date_joined,
    }


class ErrorOut(Schema):
    detail: str


@router.post("/signup", auth=None, response={201: UserOut, 400: ErrorOut}, summary="Create an account")
def signup(request, payload: SignupIn):
    user = actions.check_signup(
        username=payload.username,
        password=payload.password,
        pseudonym=payload.pseudonym,
        email=payload.email or "",
        year_of_birth=payload.year_of_birth,
        country=payload.country or "",
        time_zone=payload.time_zone or "UTC",
        language=payload.language or "en",
        consents=tuple(payload.consents),
        age_band=payload.age_band or "",
        request=request,
    )
    return Status(201, _user_out(user))


class TokenIn(Schema):
    username: str = Field(..., max_length=200)
    password: str = Field(..., max_length=1000)
    otp: str | None = Field(None, max_length=32)
    name: str = Field("API token", max_length=100)
    scope: TokenScope = TokenScope.WRITE
    expires_days: int | None = Field(None, ge=1, le=3650)


class NewTokenOut(Schema):
    id: int
    token: str
    name: str
    scope: str
    two_factor: bool
    expires_at: datetime | None


@router.post("/token", auth=None, response={201: NewTokenOut, 400: ErrorOut, 401: ErrorOut, 429: ErrorOut},
             summary="Exchange a login name and password (and a two-factor code) for a token")
def obtain_token(request, payload: TokenIn):
    from django.core.exceptions import ValidationError

    try:
        user = actions.check_credentials(request, payload.username, payload.password)
    except ValidationError as exc:
        status = 429 if exc.code == "locked" else 401
        raise HttpError(status, exc.messages[0]) from None
    device = None
    if actions.has_confirmed_totp(user):
        if not payload.otp:
            raise HttpError(401, "This account uses two-factor authentication: send a current code as 'otp'.")
        try:
            device = actions.check_second_factor(request, user, payload.otp)
        except ValidationError as exc:
            raise HttpError(429 if exc.code == "locked" else 401,
                            "This account uses two-factor authentication: send a current code as 'otp'."
                            if exc.code != "locked" else exc.messages[0]) from None
    if user.erasure_requested_at is not None:
        actions.do_cancel_erasure(user, request=request)
    token, raw = actions.do_create_token(
        user, payload.name, payload.scope, two_factor=device is not None, expires_days=payload.expires_days,
        request=request,
    )
    return Status(201, {**_token_out(token), "token": raw})


@me_router.get("", response=UserOut, summary="My account")
def get_me(request):
    return _user_out(request.user)


class ProfilePatch(Schema):
    pseudonym: str | None = Field(None, max_length=200)
    email: str | None = Field(None, max_length=254)
    time_zone: str | None = Field(None, max_length=64)
    country: str | None = Field(None, max_length=2)
    language: str | None = Field(None, max_length=8)
    year_of_birth: int | None = Field(None, ge=1, le=9999)
    age_band: str | None = Field(None, max_length=10)


@me_router.patch("", response={200: UserOut, 400: ErrorOut}, summary="Change my profile")
def patch_me(request, payload: ProfilePatch):
    fields = payload.dict(exclude_unset=True)
    for required in ("pseudonym", "time_zone", "language"):
        if required in fields and fields[required] is None:
            raise HttpError(400, f"{required} cannot be empty.")
    if "country" in fields and fields["country"] is None:
        fields["country"] = ""
    user = actions.check_update_profile(request.user, fields, request=request)
    return _user_out(user)


@me_router.get("/export", summary="Download everything held about me (JSON)")
def export_me(request):
    return actions.export_user_data(request.user, request=request)


class ErasureOut(Schema):
    detail: str
    erase_after: datetime


@me_router.delete("", response={202: ErasureOut}, summary="Delete my account (after a grace period)")
def delete_me(request):
    actions.do_request_erasure(request.user, request=request)
    erase_after = request.user.erasure_requested_at + timedelta(days=settings.ERASURE_GRACE_DAYS)
    return Status(202, {
        "detail": "Your account is closed and will be erased after the grace period. Logging in cancels this.",
        "erase_after": erase_after,
    })


class ConsentOut(Schema):
    purpose: str
    title: str
    summary: str
    version: int | None
    given: bool
    given_at: datetime | None
    given_version: int | None


class ConsentIn(Schema):
    purpose: ConsentPurpose


def _consents(user) -> list[dict]:
    from .models import ConsentRecord

    active = {
        r.purpose: r
        for r in ConsentRecord.objects.filter(user=user, withdrawn_at__isnull=True).select_related("document")
    }
    docs = actions.ensure_consent_documents()
    out = []
    for purpose in ConsentPurpose.values:
        doc = docs[purpose]
        record = active.get(purpose)
        out.append(
            {
                "purpose": purpose,
                "title": doc.title,
                "summary": doc.summary,
                "version": doc.version,
                "given": actions.has_consent(user, purpose),
                "given_at": record.given_at if record else None,
                "given_version": record.document.version if record else None,
            }
        )
    return out


@me_router.get("/consents", response=list[ConsentOut], summary="My consents")
def list_consents(request):
    return _consents(request.user)


@me_router.post("/consents", response={201: list[ConsentOut], 400: ErrorOut}, summary="Give consent")
def give_consent(request, payload: ConsentIn):
    actions.do_give_consent(request.user, payload.purpose, request=request)
    return Status(201, _consents(request.user))


@me_router.delete("/consents", response={200: list[ConsentOut], 400: ErrorOut},
                  summary="Withdraw consent (purpose as a query parameter)")
def withdraw_consent(request, purpose: ConsentPurpose):
    actions.do_withdraw_consent(request.user, purpose, request=request)
    return _consents(request.user)


@me_router.delete("/consents/{purpose}", response={200: list[ConsentOut], 400: ErrorOut},
                  summary="Withdraw consent")
def withdraw_consent_path(request, purpose: ConsentPurpose):
    actions.do_withdraw_consent(request.user, purpose, request=request)
    return _consents(request.user)


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    scope: str
    two_factor: bool
    created_at: datetime
    last_used_at: datetime | None
    expires_at: datetime | None
    revoked_at: datetime | None


def _token_out(token) -> dict:
    return {
        "id": token.pk,
        "name": token.name,
        "prefix": token.prefix,
        "scope": token.scope,
        "two_factor": token.two_factor,
        "created_at": token.created_at,
        "last_used_at": token.last_used_at,
        "expires_at": token.expires_at,
        "revoked_at": token.revoked_at,
    }


class TokenCreateIn(Schema):
    name: str = Field(..., max_length=100)
    scope: TokenScope = TokenScope.READ
    expires_days: int | None = Field(None, ge=1, le=3650)


@me_router.get("/tokens", response=list[TokenOut], summary="My access tokens")
def list_tokens(request):
    return [_token_out(t) for t in request.user.access_tokens.all()]


@me_router.post("/tokens", response={201: NewTokenOut, 400: ErrorOut}, summary="Create an access token (shown once)")
def create_token(request, payload: TokenCreateIn):
    from .auth import has_two_factor

    token, raw = actions.do_create_token(
        request.user, payload.name, payload.scope, two_factor=has_two_factor(request),
        expires_days=payload.expires_days, request=request,
    )
    return Status(201, {**_token_out(token), "token": raw})


@me_router.delete("/tokens/{token_id}", response={204: None, 404: ErrorOut}, summary="Revoke an access token")
def revoke_token(request, token_id: int):
    if not (0 < token_id < 2**63):
        raise Http404
    token = actions.access_token_by_id(request.user, token_id)
    actions.do_revoke_token(token, request=request)
    return Status(204, None)
