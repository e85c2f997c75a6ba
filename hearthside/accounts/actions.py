"""Account actions: every write with side effects goes through here (views and API stay thin)."""

from __future__ import annotations

import hashlib
import math
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import login as django_login
from django.contrib.auth import logout as django_logout
from django.contrib.auth import password_validation
from django.contrib.auth.hashers import make_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from hearthside.core import audit
from hearthside.core.personal_data import erase_rows, export_rows

from .hooks import export_sections
from .models import (
    STAFF_ROLES,
    AccessToken,
    AgeBand,
    ConsentDocument,
    ConsentPurpose,
    ConsentRecord,
    LoginFailure,
    Role,
    RoleGrant,
    SharingGrant,
    TokenScope,
    User,
    pseudonym_validator,
    username_validator,
)
from .signals import consent_withdrawn

LOGIN_FAILED = "Those details did not match an account. Check them and try again."
SESSION_AUTH_AT = "hs_auth_at"
SESSION_SEEN_AT = "hs_seen_at"


def session_timed_out(session, now: float) -> bool:
    """Whether a signed-in session is past its idle time or its absolute lifetime: the one rule
    for pages and the API (``SessionTimeoutMiddleware``) and for sockets (``core.consumers``).
    ``session`` is the session or its decoded data; a session without the marks has not expired."""
    auth_at = session.get(SESSION_AUTH_AT, now)
    seen_at = session.get(SESSION_SEEN_AT, now)
    return now - seen_at > settings.SESSION_IDLE_TIMEOUT or now - auth_at > settings.SESSION_ABSOLUTE_TIMEOUT

# ---------------------------------------------------------------------------------------------
# Sign-up and profile


def _check_birth_year(year) -> None:
    if year is None:
        return
    this_year = timezone.localdate().year
    if not isinstance(year, int) or year < 1900 or year > this_year:
        raise ValidationError({"year_of_birth": _("Enter a year between 1900 and this year.")})
    if this_year - year < settings.MIN_AGE:
        raise ValidationError(
            {"year_of_birth": _("You need to be at least %(age)s to use this service.") % {"age": settings.MIN_AGE}}
        )


def derived_age_band(year_of_birth, today=None) -> str | None:
    """The band a year of birth implies, or None when it cannot tell: only a year is stored, so in
    the year someone turns 18 they may be 17 or 18."""
    if year_of_birth is None:
        return None
    age = (today or timezone.localdate()).year - year_of_birth
    if age == 18:
        return None
    return AgeBand.ADULT.value if age > 18 else AgeBand.UNDER_18.value


def age_band_of(user, today=None) -> str | None:
    """The band that counts for ``user``: the year of birth's when it can tell (people grow up), else
    the one they declared; None when neither is known."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return derived_age_band(user.year_of_birth, today) or (user.age_band or None)


def _check_age_band(fields: dict, user: User | None = None) -> str | None:
    """The band after this sign-up or change, or a ValidationError. In youth mode an adult never moves
    into the under-18 band (a wrong age is corrected by the team) and a new account must have one;
    without it the band is only kept (nothing depends on it, and the year of birth may change)."""
    declared = fields.get("age_band")
    if declared not in (None, "") and declared not in AgeBand.values:
        raise ValidationError({"age_band": [_("Choose under 18 or 18 or older.")]})
    year = fields["year_of_birth"] if "year_of_birth" in fields else getattr(user, "year_of_birth", None)
    derived = derived_age_band(year)
    if derived is not None and declared and declared != derived:
        raise ValidationError({"age_band": [_("This does not match the year of birth.")]})
    if declared in (None, "") and user is not None and "age_band" not in fields:
        declared = user.age_band
    new = derived or declared or None
    if user is None and new is None and settings.YOUTH_MODE:
        raise ValidationError({"age_band": [_("Tell us whether you are under 18: young people and adults "
                                              "have separate spaces here.")]})
    old = age_band_of(user) if user is not None else None
    if new is None:
        new = old  # a band once known is not cleared (clearing it would open the way back to under-18)
    if settings.YOUTH_MODE and old == AgeBand.ADULT and new == AgeBand.UNDER_18:
        field = "year_of_birth" if "year_of_birth" in fields and derived else "age_band"
        raise ValidationError({field: [_("An adult account cannot move into the spaces for under-18s. If your age "
                                         "was entered wrongly, ask the team to correct it.")]})
    return new


def _check_profile_fields(fields: dict, user: User | None = None) -> None:
    errors: dict[str, list[str]] = {}
    if "pseudonym" in fields:
        value = (fields["pseudonym"] or "").strip()
        try:
            pseudonym_validator(value)
        except ValidationError as exc:
            errors["pseudonym"] = list(exc.messages)
        else:
            from hearthside.core.names import mixes_lookalike_scripts, skeleton

            clash = User.objects.filter(pseudonym__iexact=value)
            lookalike = User.objects.filter(pseudonym_skeleton=skeleton(value)[:80])
            if user is not None:
                clash = clash.exclude(pk=user.pk)
                lookalike = lookalike.exclude(pk=user.pk)
            if clash.exists():
                errors["pseudonym"] = [_("That pseudonym is taken. Try another.")]
            elif mixes_lookalike_scripts(value):
                errors["pseudonym"] = [_("Use letters from one alphabet: this name mixes letters that look alike.")]
            elif lookalike.exists():
                errors["pseudonym"] = [_("That pseudonym looks the same as someone else's. Try another.")]
    if fields.get("email"):
        from django.core.validators import validate_email

        try:
            validate_email(fields["email"])
        except ValidationError:
            errors["email"] = [_("Enter a valid email address, or leave it empty.")]
    if "time_zone" in fields:
        from .models import TIME_ZONES

        if fields["time_zone"] not in TIME_ZONES:
            errors["time_zone"] = [_("Choose a time zone from the list.")]
    if fields.get("country"):
        code = fields["country"]
        if not (isinstance(code, str) and len(code) == 2 and code.isalpha()):
            errors["country"] = [_("Use a two-letter country code, such as ES or GB.")]
    if "language" in fields:
        if fields["language"] not in dict(settings.LANGUAGES):
            errors["language"] = [_("Choose one of the available languages.")]
    if "year_of_birth" in fields:
        try:
            _check_birth_year(fields["year_of_birth"])
        except ValidationError as exc:
            errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)


def check_signup(
    *,
    username: str,
    password: str,
    pseudonym: str,
    email: str = "",
    year_of_birth: int | None = None,
    country: str = "",
    time_zone: str = "UTC",
    language: str = "en",
    consents: tuple[str, ...] = (),
    age_band: str = "",
    request=None,
) -> User:
    from hearthside.core import limits

    limits.check(request, "signup")
    username = (username or "").strip().lower()
    errors: dict[str, list[str]] = {}
    try:
        username_validator(username)
    except ValidationError as exc:
        errors["username"] = list(exc.messages)
    else:
        if User.objects.filter(username=username).exists():
            errors["username"] = [_("That login name is taken. Try another.")]
    fields = {
        "pseudonym": pseudonym,
        "email": email,
        "year_of_birth": year_of_birth,
        "country": (country or "").upper(),
        "time_zone": time_zone or "UTC",
        "language": language or "en",
    }
    try:
        _check_profile_fields(fields)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if "year_of_birth" not in errors:
        try:
            fields["age_band"] = _check_age_band({**fields, "age_band": age_band}) or ""
        except ValidationError as exc:
            errors.update(exc.message_dict)
    try:
        password_validation.validate_password(password or "", User(username=username, pseudonym=pseudonym or ""))
    except ValidationError as exc:
        errors["password"] = list(exc.messages)
    unknown = set(consents) - set(ConsentPurpose.values)
    if unknown:
        errors["consents"] = [_("Unknown consent purpose: %(p)s") % {"p": ", ".join(sorted(unknown))}]
    if errors:
        raise ValidationError(errors)
    fields["pseudonym"] = pseudonym.strip()
    return do_signup(username=username, password=password, consents=consents, request=request, **fields)


def do_signup(*, username: str, password: str, consents=(), request=None, **fields) -> User:
    try:
        with transaction.atomic():
            user = User.objects.create_user(username, password, **fields)
            # Reading the privacy notice is part of signing up; other purposes are opt-in.
            for purpose in {ConsentPurpose.PRIVACY.value, *consents}:
                do_give_consent(user, purpose)
            audit.record("account.signup", actor=user, request=request, obj=user, subject=user)
    except IntegrityError:
        raise ValidationError({"username": [_("That login name or pseudonym is taken. Try another.")]}) from None
    return user


def check_update_profile(user: User, fields: dict, request=None) -> User:
    allowed = {"pseudonym", "email", "time_zone", "country", "language", "year_of_birth", "age_band"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValidationError({k: [_("This field cannot be changed here.")] for k in sorted(unknown)})
    if "country" in fields and fields["country"]:
        fields["country"] = fields["country"].upper()
    if "pseudonym" in fields and fields["pseudonym"] is not None:
        fields["pseudonym"] = fields["pseudonym"].strip()
    if "email" in fields and fields["email"] is None:
        fields["email"] = ""
    _check_profile_fields(fields, user)
    old_band = age_band_of(user)
    if "age_band" in fields or "year_of_birth" in fields:
        fields["age_band"] = _check_age_band(fields, user) or ""
    for name, value in fields.items():
        setattr(user, name, value)
    try:
        with transaction.atomic():
            user.save(update_fields=list(fields))
            audit.record("account.update", actor=user, request=request, obj=user, subject=user,
                         detail={"fields": sorted(fields)})
            _band_changed(user, old_band, by=user, request=request)
    except IntegrityError:
        raise ValidationError({"pseudonym": [_("That pseudonym is taken. Try another.")]}) from None
    return user


def _band_changed(user: User, old: str | None, *, by=None, request=None) -> None:
    """Record a change of age band and let the spaces of the other band let go of the person."""
    from .signals import age_band_changed

    new = age_band_of(user)
    if new == old:
        return
    audit.record("account.age_band_changed", actor=by, request=request, obj=user, subject=user,
                 detail={"from": old or "", "to": new or ""})
    age_band_changed.send(sender=User, user=user, old=old, new=new)


def do_grant_role(user: User, role: str, *, by: User | None = None) -> None:
    if role not in Role.values:
        raise ValidationError({"role": [_("Unknown role.")]})
    RoleGrant.objects.get_or_create(user=user, role=role, defaults={"granted_by_id": getattr(by, "pk", None)})
    if role == Role.ADMINISTRATOR and not (user.is_staff and user.is_superuser):
        user.is_staff = True
        user.is_superuser = True
        user.save(update_fields=["is_staff", "is_superuser"])
    user._roles_cache = None
    audit.record("account.role_granted", actor=by, obj=user, subject=user, detail={"role": role})


# ---------------------------------------------------------------------------------------------
# Log-in, throttling and sessions


def _address_key(request) -> str:
    return audit.client_ip(request) or "unknown"


def _pair_key(username: str, request) -> str:
    return f"{username[:80]}|{_address_key(request)[:45]}"


def lockout_seconds(username: str, request) -> int:
    """Seconds until log-in opens again (0: open). Locked: too many failures for this account
    *from this address* (with a delay that doubles with each further failure), or from this address
    across accounts. Failures from elsewhere never lock a person out: nobody can keep an on-duty
    moderator from logging in by guessing wrong."""
    now = timezone.now()
    since = now - timedelta(seconds=settings.LOGIN_LOCKOUT_SECONDS)
    until = now
    pair = list(LoginFailure.objects.filter(scope="pair", key=_pair_key(username, request), at__gte=since)
                .order_by("-at").values_list("at", flat=True)[:64])
    over = len(pair) - settings.LOGIN_MAX_FAILURES_PER_ACCOUNT
    if over >= 0:
        delay = min(settings.LOGIN_LOCKOUT_FIRST_SECONDS * 2 ** min(over, 20), settings.LOGIN_LOCKOUT_SECONDS)
        until = max(until, pair[0] + timedelta(seconds=delay))
    address = LoginFailure.objects.filter(scope="address", key=_address_key(request), at__gte=since)
    until = max(until, _window_opens(address, settings.LOGIN_MAX_FAILURES_PER_ADDRESS, now))
    return math.ceil((until - now).total_seconds())


def _window_opens(failures, limit: int, now):
    """When fewer than ``limit`` of these failures (all inside the lock-out window) are left in
    it: the limit-th newest one leaves the window then. ``now`` when there are fewer already."""
    newest = list(failures.order_by("-at").values_list("at", flat=True)[:limit])
    if len(newest) < limit:
        return now
    return newest[-1] + timedelta(seconds=settings.LOGIN_LOCKOUT_SECONDS)


def is_locked_out(username: str, request) -> bool:
    return lockout_seconds(username, request) > 0


def locked_error(seconds: int) -> ValidationError:
    """The lock-out message, saying how long it lasts (in whole minutes, rounded up)."""
    minutes = max(1, math.ceil(seconds / 60))
    return ValidationError(ngettext(
        "Too many attempts. For your safety, log-in is paused: try again in %(n)s minute.",
        "Too many attempts. For your safety, log-in is paused: try again in %(n)s minutes.",
        minutes) % {"n": minutes}, code="locked")


def _note_failure(username: str, request) -> None:
    now = timezone.now()
    LoginFailure.objects.bulk_create(
        [
            LoginFailure(scope="pair", key=_pair_key(username, request), at=now),
            LoginFailure(scope="address", key=_address_key(request), at=now),
        ]
    )


def check_credentials(request, username: str, password: str) -> User:
    """Return the user for these credentials or raise ValidationError with one neutral message.

    Unknown names, wrong passwords and locked accounts all look alike from outside (the same
    message for the first two, and a password hash computed either way), so the answer does
    not reveal whether an account exists.
    """
    username = (username or "").strip().lower()[:150]
    wait = lockout_seconds(username, request)
    if wait > 0:
        audit.record("auth.locked_out", request=request, detail={"login_name_hash": _name_hash(username)})
        raise locked_error(wait)
    user = User.objects.filter(username=username).first()
    if user is None:
        # Spend the same time as a real check so timing does not tell which names exist.
        make_password(password or "")
        ok = False
    else:
        ok = user.check_password(password or "") and (user.is_active or user.erasure_requested_at is not None)
    if not ok:
        _note_failure(username, request)
        audit.record("auth.login_failed", request=request, actor=None,
                     subject=user.pk if user else None, detail={"login_name_hash": _name_hash(username)})
        raise ValidationError(_(LOGIN_FAILED), code="invalid")
    LoginFailure.objects.filter(scope="pair", key=_pair_key(username, request)).delete()
    return user


def _name_hash(username: str) -> str:
    return hashlib.sha256(username.encode()).hexdigest()[:16]


def has_confirmed_totp(user: User) -> bool:
    cached = getattr(user, "_has_totp_cache", None)
    if cached is not None:
        return cached
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def verify_second_factor(user: User, code: str):
    """Return the device that accepted the code (TOTP or a one-time recovery code), or None."""
    code = (code or "").replace(" ", "").strip()
    if not code:
        return None
    for device in TOTPDevice.objects.filter(user=user, confirmed=True):
        if code.isdigit() and device.verify_token(code):
            return device
    for device in StaticDevice.objects.filter(user=user, confirmed=True):
        if device.verify_token(code.lower()):
            audit.record("auth.recovery_code_used", actor=user, subject=user)
            return device
    return None


def check_second_factor(request, user: User, code: str):
    """Verify a code with its own failure counter (a correct password does not reset it).

    Returns the device, or raises ValidationError (wrong code, or too many wrong codes)."""
    now = timezone.now()
    since = now - timedelta(seconds=settings.LOGIN_LOCKOUT_SECONDS)
    failures = LoginFailure.objects.filter(scope="otp", key=user.username, at__gte=since)
    opens = _window_opens(failures, settings.LOGIN_MAX_FAILURES_PER_ACCOUNT, now)
    if opens > now:
        audit.record("auth.otp_locked", request=request, subject=user)
        raise locked_error(math.ceil((opens - now).total_seconds()))
    device = verify_second_factor(user, code)
    if device is None:
        LoginFailure.objects.create(scope="otp", key=user.username)
        audit.record("auth.otp_failed", request=request, subject=user)
        raise ValidationError(_("That code did not work. Codes change every 30 seconds; try the newest one."),
                              code="invalid")
    LoginFailure.objects.filter(scope="otp", key=user.username).delete()
    return device


def do_login(request, user: User, *, otp_device=None) -> None:
    if user.erasure_requested_at is not None:
        do_cancel_erasure(user, request=request)
    # django's login() gives the session a new key, so a key planted before log-in is useless.
    django_login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    if otp_device is not None:
        otp_login(request, otp_device)
    now = timezone.now().timestamp()
    request.session[SESSION_AUTH_AT] = now
    request.session[SESSION_SEEN_AT] = now
    audit.record("auth.login", actor=user, request=request, subject=user,
                 detail={"two_factor": otp_device is not None})


def close_sockets(user) -> None:
    """Open websockets of this person close (they carry no session check of their own)."""
    from hearthside.core.events import publish_on_commit, user_group

    publish_on_commit([user_group(user.pk)], {"type": "session.ended"})


def do_logout(request) -> None:
    user = request.user if request.user.is_authenticated else None
    django_logout(request)  # flushes the session row server-side
    if user is not None:
        from hearthside.core.device import SIGNED_OUT_SESSION_KEY

        # The next page tells offline.js to delete what this browser kept for them (core/device.py).
        request.session[SIGNED_OUT_SESSION_KEY] = True
    if user is not None:
        audit.record("auth.logout", actor=user, request=request, subject=user)
        close_sockets(user)


def do_change_password(request, user: User, old: str, new: str) -> None:
    if not user.check_password(old or ""):
        raise ValidationError({"old_password": [_("Your current password was entered incorrectly.")]})
    try:
        password_validation.validate_password(new or "", user)
    except ValidationError as exc:
        raise ValidationError({"new_password": list(exc.messages)}) from None
    user.set_password(new)
    user.save(update_fields=["password"])
    end_other_sessions(user, keep=request.session.session_key if request is not None else None)
    # A changed password is a reset the person chose: tokens made with the old one stop working,
    # as after a reset (issue #17), and every open socket closes (the tab's own reconnects with
    # the session kept below).
    revoked = revoke_all_tokens(user)
    close_sockets(user)
    if request is not None and hasattr(request, "session"):
        from django.contrib.auth import update_session_auth_hash

        update_session_auth_hash(request, user)
    audit.record("auth.password_changed", actor=user, request=request, subject=user,
                 detail={"tokens_revoked": revoked})


def revoke_all_tokens(user: User) -> int:
    ids = list(AccessToken.objects.filter(user=user, revoked_at__isnull=True).values_list("pk", flat=True))
    revoked = AccessToken.objects.filter(pk__in=ids).update(revoked_at=timezone.now())
    for token_id in ids:
        close_token_sockets(user.pk, token_id)
    return revoked


def close_token_sockets(user_id: int, token_id: int) -> None:
    """Open websockets opened with this token close with 4401 (the person's other sockets stay)."""
    from hearthside.core.events import publish_on_commit, user_group

    publish_on_commit([user_group(user_id)], {"type": "session.ended", "token": token_id})


def do_set_password_from_reset(user: User, new: str) -> None:
    user.set_password(new)
    user.save(update_fields=["password"])
    end_other_sessions(user)
    revoke_all_tokens(user)
    audit.record("auth.password_reset", actor=user, subject=user)


def end_other_sessions(user: User, keep: str | None = None) -> int:
    """Delete every stored session of this user except ``keep``.

    Django would already refuse those sessions on their next request (the password hash in
    them no longer matches), but deleting them also ends sessions after other changes (erasure).
    """
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.session_key == keep:
            continue
        data = session.get_decoded()
        if str(data.get("_auth_user_id")) == str(user.pk):
            session.delete()
            ended += 1
    return ended


# ---------------------------------------------------------------------------------------------
# Two-factor enrolment


RECOVERY_CODE_COUNT = 10


def start_totp_enrolment(user: User) -> TOTPDevice:
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


def confirm_totp_enrolment(request, user: User, code: str) -> list[str]:
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-id").first()
    if device is None:
        raise ValidationError({"code": [_("Start the set-up again: no authenticator is waiting to be confirmed.")]})
    if not (code or "").strip().isdigit() or not device.verify_token(code.strip()):
        raise ValidationError({"code": [_("That code did not match. Check the time on your phone and try again.")]})
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user, confirmed=True).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = _new_recovery_codes(user)
        audit.record("auth.totp_enrolled", actor=user, request=request, subject=user)
    if request is not None:
        otp_login(request, device)
    return codes


def _new_recovery_codes(user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    codes = [f"{secrets.token_hex(3)}-{secrets.token_hex(3)}" for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=c) for c in codes])
    return codes


def do_disable_totp(request, user: User, password: str) -> None:
    if user.is_staff_member:
        raise ValidationError({"password": [_("Staff accounts must keep two-factor authentication.")]})
    if not user.check_password(password or ""):
        raise ValidationError({"password": [_("Your password was entered incorrectly.")]})
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    audit.record("auth.totp_disabled", actor=user, request=request, subject=user)


# ---------------------------------------------------------------------------------------------
# Consent


def current_document(purpose: str) -> ConsentDocument | None:
    return ConsentDocument.objects.filter(purpose=purpose).order_by("-version").first()


def has_consent(user, purpose: str) -> bool:
    """Whether ``user`` currently agrees to ``purpose``; ask this before processing data for it."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    active = ConsentRecord.objects.filter(user=user, purpose=purpose, withdrawn_at__isnull=True)
    latest = current_document(purpose)
    if latest is not None and latest.requires_reconsent:
        active = active.filter(document__version__gte=latest.version)
    return active.exists()


def do_give_consent(user: User, purpose: str, request=None) -> ConsentRecord:
    if purpose not in ConsentPurpose.values:
        raise ValidationError({"purpose": [_("Unknown consent purpose.")]})
    document = current_document(purpose)
    if document is None:
        document = ensure_consent_documents()[purpose]
    existing = ConsentRecord.objects.filter(user=user, document=document, withdrawn_at__isnull=True).first()
    if existing is not None:
        return existing
    record = ConsentRecord.objects.create(user=user, document=document, purpose=purpose)
    audit.record("consent.given", actor=user, request=request, obj=record, subject=user,
                 detail={"purpose": purpose, "version": document.version})
    return record


def do_withdraw_consent(user: User, purpose: str, request=None) -> int:
    if purpose not in ConsentPurpose.values:
        raise ValidationError({"purpose": [_("Unknown consent purpose.")]})
    if purpose == ConsentPurpose.PRIVACY:
        raise ValidationError(
            {"purpose": [_("The privacy notice cannot be withdrawn while you have an account; delete the account instead.")]}
        )
    count = ConsentRecord.objects.filter(user=user, purpose=purpose, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now()
    )
    if purpose == ConsentPurpose.PRACTITIONER_SHARING:
        # Withdrawing this consent stops every kind of sharing at once, everywhere it shows (the
        # safety plan's own switch listens to consent_withdrawn).
        SharingGrant.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())
    consent_withdrawn.send(sender=User, user=user, purpose=purpose)
    if count:
        audit.record("consent.withdrawn", actor=user, request=request, subject=user, detail={"purpose": purpose})
    return count


def ensure_consent_documents() -> dict[str, ConsentDocument]:
    from .consent_texts import DOCUMENTS

    out = {}
    for purpose, (title, summary, body) in DOCUMENTS.items():
        doc = current_document(purpose)
        if doc is None:
            doc = ConsentDocument.objects.create(purpose=purpose, version=1, title=title, summary=summary, body=body)
        out[purpose] = doc
    return out


# ---------------------------------------------------------------------------------------------
# Personal access tokens

TOKEN_PREFIX = "hs_"


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def do_create_token(user: User, name: str, scope: str, *, two_factor: bool, expires_days: int | None = None,
                    request=None) -> tuple[AccessToken, str]:
    name = (name or "").strip()
    errors = {}
    if not name or len(name) > 100:
        errors["name"] = [_("Give the token a name of 1–100 characters.")]
    if scope not in TokenScope.values:
        errors["scope"] = [_("Scope must be read or write.")]
    if expires_days is not None and not (1 <= expires_days <= 3650):
        errors["expires_days"] = [_("Expiry must be between 1 and 3650 days.")]
    if errors:
        raise ValidationError(errors)
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = AccessToken.objects.create(
        user=user,
        name=name,
        token_hash=hash_token(raw),
        prefix=raw[:10],
        scope=scope,
        two_factor=two_factor,
        expires_at=timezone.now() + timedelta(days=expires_days) if expires_days else None,
    )
    audit.record("token.created", actor=user, request=request, obj=token, subject=user, detail={"scope": scope})
    return token, raw


def do_revoke_token(token: AccessToken, request=None) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        close_token_sockets(token.user_id, token.pk)
        audit.record("token.revoked", actor=token.user_id, request=request, obj=token, subject=token.user_id)


# The token look-up runs on every API request. The ORM spends far longer building the SQL for
# ``AccessToken.objects.select_related("user").filter(...)`` than the database spends answering it
# (about 1.5 ms against 0.2 ms on a small VM; see docs/benchmarks.md), so the query is written out
# once per database from the models' metadata and reused. It also fetches the user's roles, which
# nearly every API request reads next. Rows still go through each field's converters and
# ``Model.from_db``, so the objects are the same as the ORM's.
_TOKEN_QUERIES: dict[str, tuple] = {}


def _token_query(alias: str) -> tuple:
    plan = _TOKEN_QUERIES.get(alias)
    if plan is not None:
        return plan
    from django.db import connections

    connection = connections[alias]
    qn = connection.ops.quote_name

    def columns(model, table_alias):
        fields = model._meta.concrete_fields
        select, converters = [], []
        for f in fields:
            col = f.get_col(table_alias)
            found = connection.ops.get_db_converters(col) + col.get_db_converters(connection)
            converters.append((col, found) if found else None)
            select.append(f"{table_alias}.{qn(f.column)}")
        return [f.attname for f in fields], select, converters

    token_names, token_select, token_conv = columns(AccessToken, "t")
    user_names, user_select, user_conv = columns(User, "u")
    token_meta, user_meta, grant_meta = AccessToken._meta, User._meta, RoleGrant._meta
    totp_meta = TOTPDevice._meta
    # Whether the person has two-factor on (shown by GET /me) rides along, saving a round trip.
    has_totp = (
        f"EXISTS (SELECT 1 FROM {qn(totp_meta.db_table)} d"
        f" WHERE d.{qn(totp_meta.get_field('user').column)} = u.{qn(user_meta.pk.column)}"
        f" AND d.{qn(totp_meta.get_field('confirmed').column)})"
    )
    sql = (
        f"SELECT {', '.join(token_select + user_select)}, {has_totp},"
        f" g.{qn(grant_meta.get_field('role').column)}"
        f" FROM {qn(token_meta.db_table)} t"
        f" INNER JOIN {qn(user_meta.db_table)} u"
        f" ON u.{qn(user_meta.pk.column)} = t.{qn(token_meta.get_field('user').column)}"
        f" LEFT OUTER JOIN {qn(grant_meta.db_table)} g"
        f" ON g.{qn(grant_meta.get_field('user').column)} = u.{qn(user_meta.pk.column)}"
        f" WHERE t.{qn(token_meta.get_field('token_hash').column)} = %s"
        f" AND t.{qn(token_meta.get_field('revoked_at').column)} IS NULL"
    )
    plan = (sql, token_names, user_names, token_conv + user_conv)
    _TOKEN_QUERIES[alias] = plan
    return plan


def _find_token(token_hash: str) -> AccessToken | None:
    """``AccessToken.objects.select_related("user").filter(token_hash=..., revoked_at=None).first()``,
    with the user's roles cached on the user."""
    from django.db import connections

    alias = AccessToken.objects.db
    connection = connections[alias]
    sql, token_names, user_names, converters = _token_query(alias)
    with connection.cursor() as cursor:
        cursor.execute(sql, [token_hash])
        rows = cursor.fetchall()  # one row per role grant (at most one per role); token_hash is unique
    if not rows:
        return None
    values = list(rows[0][: len(converters)])
    for i, conv in enumerate(converters):
        if conv is not None:
            col, funcs = conv
            for func in funcs:
                values[i] = func(values[i], col, connection)
    token = AccessToken.from_db(alias, token_names, values[: len(token_names)])
    user = User.from_db(alias, user_names, values[len(token_names) :])
    user._roles_cache = frozenset(row[-1] for row in rows if row[-1] is not None) | {Role.MEMBER.value}
    user._has_totp_cache = bool(rows[0][-2])
    AccessToken._meta.get_field("user").set_cached_value(token, user)
    return token


def authenticate_token(raw: str) -> AccessToken | None:
    if not raw or not raw.startswith(TOKEN_PREFIX) or len(raw) > 200:
        return None
    token = _find_token(hash_token(raw))
    if token is None or not token.is_usable or not token.user.is_active:
        return None
    now = timezone.now()
    # Writing on every request would cost more than the request itself; a minute is precise enough.
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
        AccessToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


def access_token_by_id(user: User, token_id) -> AccessToken:
    from hearthside.core.access import get_owned_or_404

    return get_owned_or_404(AccessToken.objects.all(), user, token_id)


# ---------------------------------------------------------------------------------------------
# Export and erasure


def account_fields(user: User) -> dict:
    """What a person's account says about them, as the export and the API's ``/me`` show it."""
    return {
        "id": user.pk,
        "username": user.username,
        "pseudonym": user.pseudonym,
        "email": user.email,
        "time_zone": user.time_zone,
        "country": user.country,
        "language": user.language,
        "year_of_birth": user.year_of_birth,
    }


def export_user_data(user: User, request=None) -> dict:
    data = {
        "format": "hearthside-export",
        "version": 1,
        "exported_at": timezone.now().isoformat(),
        "account": {
            **account_fields(user),
            "age_band": user.age_band,
            "date_joined": user.date_joined.isoformat(),
            "roles": sorted(user.roles),
        },
        "data": export_rows(user),
    }
    # Sections a feature adds (care: the FHIR bundle), registered in its AppConfig.ready.
    data.update(export_sections(user))
    audit.record("account.exported", actor=user, request=request, obj=user, subject=user)
    return data


def do_request_erasure(user: User, request=None) -> None:
    with transaction.atomic():
        user.is_active = False
        user.erasure_requested_at = timezone.now()
        user.save(update_fields=["is_active", "erasure_requested_at"])
        AccessToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())
        audit.record("account.erasure_requested", actor=user, request=request, obj=user, subject=user,
                     detail={"grace_days": settings.ERASURE_GRACE_DAYS})
        close_sockets(user)
    end_other_sessions(user)


def do_cancel_erasure(user: User, request=None) -> None:
    user.is_active = True
    user.erasure_requested_at = None
    user.save(update_fields=["is_active", "erasure_requested_at"])
    audit.record("account.erasure_cancelled", actor=user, request=request, obj=user, subject=user)


def erase_user_now(user: User) -> None:
    user_id, username = user.pk, user.username
    with transaction.atomic():
        erase_rows(user)
        LoginFailure.objects.filter(scope__in=["account", "otp"], key=username).delete()
        end_other_sessions(user)
        user.delete()
        audit.record("account.erased", object_type="accounts.user", object_id=user_id, subject=user_id)


def erase_due_accounts(now=None) -> int:
    """Erase accounts whose grace period has passed. Idempotent: safe to run from any worker.

    Each account is re-read under a lock, so a log-in that cancelled the deletion a moment ago wins.
    """
    import logging

    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.ERASURE_GRACE_DAYS)
    due = list(User.objects.filter(erasure_requested_at__isnull=False, erasure_requested_at__lte=cutoff,
                                   is_active=False).values_list("pk", flat=True))
    count = 0
    for pk in due:
        try:
            with transaction.atomic():
                user = User.objects.select_for_update().filter(
                    pk=pk, is_active=False, erasure_requested_at__isnull=False, erasure_requested_at__lte=cutoff).first()
                if user is None:
                    continue
                erase_user_now(user)
                count += 1
        except Exception:  # one failure must not stop the others; it is retried next sweep
            logging.getLogger("hearthside.accounts").exception("erasing account %s failed", pk)
    return count


def staff_without_two_factor(user) -> bool:
    if not user.is_authenticated:
        return False
    staff = bool(user.roles & STAFF_ROLES) or user.is_staff or user.is_superuser
    return staff and not user.is_verified()
