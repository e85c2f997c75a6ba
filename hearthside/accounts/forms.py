from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.utils.translation import gettext_lazy as _

from .models import TIME_ZONES, AgeBand, ConsentPurpose

OPTIONAL_CONSENTS = [
    (ConsentPurpose.HEALTH_DATA.value, _("Store my mood check-ins, questionnaires, journal and safety plan (encrypted).")),
    (ConsentPurpose.AI_FEATURES.value, _("Let automated features (the companion, journal screening) read what I write.")),
    (ConsentPurpose.PRACTITIONER_SHARING.value, _("Let a practitioner I book see what I choose to share.")),
    (ConsentPurpose.RESEARCH.value, _("Include de-identified data about my use in approved research.")),
]


def _age_band_field(required_help):
    return forms.ChoiceField(label=_("Age"), required=False, choices=[("", "—"), *AgeBand.choices],
                             help_text=required_help)


def tz_choices():
    return [(tz, tz.replace("_", " ")) for tz in TIME_ZONES]


class SignupForm(forms.Form):
    username = forms.CharField(label=_("Login name"), max_length=40,
                               help_text=_("Only you use this to log in. Lowercase letters, digits, . - _"),
                               widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}))
    pseudonym = forms.CharField(label=_("Pseudonym"), max_length=40,
                                help_text=_("The name others see. It does not need to be your real name."))
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
                               help_text=_("At least 10 characters, not a common password."))
    email = forms.EmailField(label=_("Email (optional)"), required=False, max_length=254,
                             help_text=_("Needed only for reminders and to recover your password."))
    year_of_birth = forms.IntegerField(label=_("Year of birth (optional)"), required=False, min_value=1900,
                                       max_value=2100)
    country = forms.CharField(label=_("Country code (optional)"), max_length=2, required=False,
                              help_text=_("Two letters, such as ES or GB. Used to show crisis lines near you."))
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=tz_choices, initial="UTC")
    accept_privacy = forms.BooleanField(label=_("I have read the privacy notice."), required=True)
    consents = forms.MultipleChoiceField(label=_("Optional permissions"), required=False,
                                         choices=OPTIONAL_CONSENTS, widget=forms.CheckboxSelectMultiple)

    age_band = _age_band_field(_("Needed if you leave the year of birth empty: young people and adults have "
                                 "separate spaces here."))
    # Next to the year of birth, which it stands in for.
    field_order = ["username", "pseudonym", "password", "email", "year_of_birth", "age_band"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year_of_birth"].help_text = _("You need to be at least %(age)s.") % {"age": settings.MIN_AGE}
        if not settings.YOUTH_MODE:
            del self.fields["age_band"]


class LoginForm(forms.Form):
    username = forms.CharField(label=_("Login name"), max_length=150,
                               widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}))
    password = forms.CharField(label=_("Password"), max_length=1000,
                               widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))


class OtpForm(forms.Form):
    code = forms.CharField(label=_("Code from your authenticator app, or a recovery code"), max_length=32,
                           widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text"}))


class EnrolForm(forms.Form):
    code = forms.CharField(label=_("The 6-digit code your app shows"), max_length=8,
                           widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}))


class ProfileForm(forms.Form):
    pseudonym = forms.CharField(label=_("Pseudonym"), max_length=40)
    email = forms.EmailField(label=_("Email (optional)"), required=False, max_length=254)
    country = forms.CharField(label=_("Country code"), max_length=2, required=False)
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=tz_choices)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    year_of_birth = forms.IntegerField(label=_("Year of birth"), required=False, min_value=1900, max_value=2100)
    age_band = _age_band_field(_("Young people and adults have separate spaces here. An adult account cannot "
                                 "move to the under-18 spaces."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not settings.YOUTH_MODE:
            del self.fields["age_band"]


class PasswordChangeForm(forms.Form):
    old_password = forms.CharField(label=_("Current password"),
                                   widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))
    new_password = forms.CharField(label=_("New password"),
                                   widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))


class TokenForm(forms.Form):
    name = forms.CharField(label=_("Token name"), max_length=100, help_text=_("What will use it, e.g. 'my script'."))
    scope = forms.ChoiceField(label=_("Access"), choices=[("read", _("Read only")), ("write", _("Read and write"))])
    expires_days = forms.IntegerField(label=_("Expires after (days, optional)"), required=False, min_value=1,
                                      max_value=3650)


class DeleteAccountForm(forms.Form):
    password = forms.CharField(label=_("Your password"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))
    confirm = forms.BooleanField(label=_("I understand my account closes now and is erased after the grace period."))


class DisableTwoFactorForm(forms.Form):
    password = forms.CharField(label=_("Your password"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's reset form, with the e-mail in the account holder's chosen language (not that of
    whoever asked for the reset)."""

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        from hearthside.core.i18n import in_language_of

        with in_language_of(context["user"]):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)
