"""Account pages: thin views that parse a form, call one action and render."""

from __future__ import annotations

import io
import json

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from hearthside.core.errors import run_for_form, run_for_page

from . import actions, forms
from .models import ConsentPurpose, User

PENDING_OTP_USER = "hs_pending_otp_user"
PENDING_NEXT = "hs_pending_next"
PENDING_AT = "hs_pending_at"


def _log_in(request, user, **otp) -> None:
    """Log ``user`` in; logging in cancels a requested erasure, and the page says so."""
    cancelled = user.erasure_requested_at is not None
    actions.do_login(request, user, **otp)
    if cancelled:
        messages.info(request, _("Welcome back. Your account deletion was cancelled because you logged in."))


def _safe_next(request, default: str = "home") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse(default)


@require_http_methods(["GET", "POST"])
def signup(request):
    if request.user.is_authenticated:
        return redirect("home")
    form = forms.SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = run_for_form(form, lambda: actions.check_signup(
            username=data["username"], password=data["password"], pseudonym=data["pseudonym"],
            email=data["email"], year_of_birth=data["year_of_birth"], country=data["country"],
            time_zone=data["time_zone"], language=request.LANGUAGE_CODE, consents=tuple(data["consents"]),
            age_band=data.get("age_band", ""), request=request,
        ))
        if not form.errors:
            actions.do_login(request, user)
            messages.success(request, _("Welcome, %(name)s. Your account is ready.") % {"name": user.pseudonym})
            # One optional pointer, not a step: sign-up stays as short as it was.
            messages.info(request, format_html(
                '{} <a href="{}">{}</a>', _("When you are ready, you can tell us how to reach you if you are ever in crisis."),
                reverse("safety:contact"), _("Choose how we reach you"),
            ))
            return redirect("home")
    from .consent_texts import localize

    privacy = actions.ensure_consent_documents()["privacy"]
    return render(request, "accounts/signup.html", {"form": form, "privacy": privacy,
                                                    "privacy_title": localize(privacy.title),
                                                    "privacy_body": localize(privacy.body)})


@require_http_methods(["GET", "POST"])
def login_view(request):
    form = forms.LoginForm(request.POST or None)
    timed_out = request.session.pop("hs_timed_out", False)
    if request.method == "POST" and form.is_valid():
        user = run_for_form(form, lambda: actions.check_credentials(
            request, form.cleaned_data["username"], form.cleaned_data["password"]))
        if not form.errors:
            nxt = _safe_next(request)
            if actions.has_confirmed_totp(user):
                import time

                request.session[PENDING_OTP_USER] = user.pk
                request.session[PENDING_NEXT] = nxt
                request.session[PENDING_AT] = time.time()
                return redirect("accounts:login_otp")
            _log_in(request, user)
            if user.is_staff_member:
                return redirect(f"{reverse('accounts:two_factor')}?next={nxt}")
            return redirect(nxt)
    return render(request, "accounts/login.html", {"form": form, "timed_out": timed_out,
                                                   "next": request.GET.get("next", "")})


@require_http_methods(["GET", "POST"])
def login_otp(request):
    user_id = request.session.get(PENDING_OTP_USER)
    user = User.objects.filter(pk=user_id).first() if user_id else None
    if user is None:
        return redirect("accounts:login")
    import time

    if time.time() - request.session.get(PENDING_AT, 0) > 300:
        # The password step was more than five minutes ago: start again.
        request.session.pop(PENDING_OTP_USER, None)
        return redirect("accounts:login")
    form = forms.OtpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = run_for_form(form, lambda: actions.check_second_factor(request, user, form.cleaned_data["code"]))
        if not form.errors:
            nxt = request.session.pop(PENDING_NEXT, reverse("home"))
            request.session.pop(PENDING_OTP_USER, None)
            _log_in(request, user, otp_device=device)
            return redirect(nxt)
    return render(request, "accounts/login_otp.html", {"form": form})


@require_POST
def logout_view(request):
    actions.do_logout(request)
    messages.info(request, _("You have logged out."))
    return redirect("home")


@login_required
@require_http_methods(["GET", "POST"])
def settings_view(request):
    user = request.user
    initial = {f: getattr(user, f) for f in ("pseudonym", "email", "country", "time_zone", "language", "year_of_birth",
                                             "age_band")}
    form = forms.ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        changed = {k: v for k, v in form.cleaned_data.items() if v != initial.get(k)}
        run_for_form(form, lambda: actions.check_update_profile(user, changed, request=request))
        if not form.errors:
            messages.success(request, _("Your settings are saved."))
            response = redirect("accounts:settings")
            response.set_cookie(settings.LANGUAGE_COOKIE_NAME, user.language, samesite="Lax")
            return response
    return render(request, "accounts/settings.html", {
        "form": form,
        "has_totp": actions.has_confirmed_totp(user),
    })


@login_required
@require_http_methods(["GET", "POST"])
def password_change(request):
    form = forms.PasswordChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        run_for_form(form, lambda: actions.do_change_password(
            request, request.user, form.cleaned_data["old_password"], form.cleaned_data["new_password"]))
        if not form.errors:
            messages.success(request, _("Password changed. You have been logged out everywhere else."))
            return redirect("accounts:settings")
    return render(request, "accounts/password_change.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def two_factor(request):
    user = request.user
    enrolled = actions.has_confirmed_totp(user)
    nxt = _safe_next(request, "accounts:settings")
    if enrolled and not user.is_verified():
        # Enrolled but this session has not proved the factor (e.g. enrolled on another device).
        form = forms.OtpForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            device = run_for_form(form, lambda: actions.check_second_factor(request, user, form.cleaned_data["code"]))
            if not form.errors:
                from django_otp import login as otp_login

                otp_login(request, device)
                return redirect(nxt)
        return render(request, "accounts/two_factor_verify.html", {"form": form, "next": nxt})
    if enrolled:
        return render(request, "accounts/two_factor_done.html", {"disable_form": forms.DisableTwoFactorForm()})
    form = forms.EnrolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = run_for_form(form, lambda: actions.confirm_totp_enrolment(request, user, form.cleaned_data["code"]))
        if not form.errors:
            return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": nxt})
    device = actions.start_totp_enrolment(user) if request.method == "GET" else (
        user.totpdevice_set.filter(confirmed=False).order_by("-id").first() or actions.start_totp_enrolment(user)
    )
    uri = device.config_url
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    import base64

    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return render(request, "accounts/two_factor_enrol.html", {
        "form": form,
        "qr_svg": buffer.getvalue().decode(),
        "secret": " ".join(secret[i:i + 4] for i in range(0, len(secret), 4)),
        "next": nxt,
        "staff": user.is_staff_member,
    })


@login_required
@require_POST
def two_factor_disable(request):
    form = forms.DisableTwoFactorForm(request.POST)
    if form.is_valid():
        run_for_page(request, lambda: actions.do_disable_totp(request, request.user, form.cleaned_data["password"]),
                     _("Two-factor authentication is off."))
    return redirect("accounts:two_factor")


@login_required
@require_http_methods(["GET", "POST"])
def consents(request):
    user = request.user
    if request.method == "POST":
        withdraw = request.POST.get("action") == "withdraw"
        run_for_page(request, lambda: (actions.do_withdraw_consent if withdraw else actions.do_give_consent)(
            user, request.POST.get("purpose", ""), request=request),
            _("Withdrawn. This takes effect now.") if withdraw else _("Thank you. You can withdraw this at any time."))
        return redirect("accounts:consents")
    from .consent_texts import localize

    docs = actions.ensure_consent_documents()
    rows = [
        {"purpose": p, "doc": docs[p], "given": actions.has_consent(user, p), "required": p == ConsentPurpose.PRIVACY,
         "title": localize(docs[p].title), "summary": localize(docs[p].summary), "body": localize(docs[p].body)}
        for p in ConsentPurpose.values
    ]
    return render(request, "accounts/consents.html", {"rows": rows})


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request):
    form = forms.TokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        created = run_for_form(form, lambda: actions.do_create_token(
            request.user, form.cleaned_data["name"], form.cleaned_data["scope"],
            two_factor=request.user.is_verified(), expires_days=form.cleaned_data["expires_days"], request=request,
        ))
        if not form.errors:
            _token, new_token = created
            form = forms.TokenForm()
    return render(request, "accounts/tokens.html", {
        "form": form, "new_token": new_token, "tokens": request.user.access_tokens.all(),
    })


@login_required
@require_POST
def token_revoke(request, token_id: int):
    token = actions.access_token_by_id(request.user, token_id)
    actions.do_revoke_token(token, request=request)
    messages.success(request, _("Token revoked."))
    return redirect("accounts:tokens")


@login_required
def privacy(request):
    return render(request, "accounts/privacy.html", {"grace_days": settings.ERASURE_GRACE_DAYS,
                                                     "delete_form": forms.DeleteAccountForm()})


@login_required
@require_POST
def export_download(request):
    data = actions.export_user_data(request.user, request=request)
    from django.core.serializers.json import DjangoJSONEncoder

    # Times, dates and decimals (a reminder's time of day) as the API writes them.
    response = HttpResponse(json.dumps(data, indent=2, ensure_ascii=False, cls=DjangoJSONEncoder),
                            content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="hearthside-export-{request.user.username}.json"'
    return response


@login_required
@require_POST
def delete_account(request):
    form = forms.DeleteAccountForm(request.POST)
    if form.is_valid() and request.user.check_password(form.cleaned_data["password"]):
        actions.do_request_erasure(request.user, request=request)
        actions.do_logout(request)
        days = settings.ERASURE_GRACE_DAYS
        messages.info(request, ngettext(
            "Your account is closed. It will be erased in %(days)s day; logging in before then cancels this.",
            "Your account is closed. It will be erased in %(days)s days; logging in before then cancels "
            "this.", days) % {"days": days})
        return redirect("home")
    if form.is_valid():
        form.add_error("password", _("Your password was entered incorrectly."))
    return render(request, "accounts/privacy.html", {"grace_days": settings.ERASURE_GRACE_DAYS,
                                                     "delete_form": form}, status=400)


class PasswordResetView(auth_views.PasswordResetView):
    form_class = forms.PasswordResetForm
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        from hearthside.core import limits

        try:
            limits.check(self.request, "password_reset")
        except limits.RateLimited as exc:
            form.add_error(None, exc)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:login")

    def form_valid(self, form):
        response = super().form_valid(form)
        # A reset usually means the password was lost or known to someone else: end every
        # session and every access token made with the old one.
        actions.end_other_sessions(form.user)
        actions.revoke_all_tokens(form.user)
        actions.close_sockets(form.user)
        from hearthside.core import audit

        audit.record("auth.password_reset", actor=form.user, request=self.request, subject=form.user)
        messages.success(self.request, _("Your password is set. Log in with it now."))
        return response
