"""People, their roles, consent and what it lets them share, access tokens and login throttling."""

from __future__ import annotations

import zoneinfo

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from hearthside.core.models import Pseudonymous


class Role(models.TextChoices):
    MEMBER = "member", _("Member")
    PEER_SUPPORTER = "peer_supporter", _("Peer supporter")
    PRACTITIONER = "practitioner", _("Practitioner")
    MODERATOR = "moderator", _("Moderator")
    SUPERVISOR = "clinical_supervisor", _("Clinical supervisor")
    ADMINISTRATOR = "administrator", _("Administrator")


# Everyone who can see other people's data must use two-factor authentication.
STAFF_ROLES = frozenset(
    {Role.PEER_SUPPORTER, Role.PRACTITIONER, Role.MODERATOR, Role.SUPERVISOR, Role.ADMINISTRATOR}
)

username_validator = RegexValidator(
    r"^[a-z0-9][a-z0-9_.-]{2,39}$",
    _("Use 3–40 lowercase letters, digits, dots, hyphens or underscores, starting with a letter or digit."),
)
pseudonym_validator = RegexValidator(
    r"^[\w][\w .'-]{1,38}[\w.]$",
    _("Use 3–40 letters, digits, spaces, dots, apostrophes or hyphens."),
)
TIME_ZONES = sorted(zoneinfo.available_timezones())


class AgeBand(models.TextChoices):
    # Youth mode keeps the two apart (docs/communities.md); the values match the peer profile's bands.
    UNDER_18 = "under_18", _("Under 18")
    ADULT = "adult", _("18 or older")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, username, password=None, **extra):
        if not username:
            raise ValueError("username is required")
        extra.setdefault("pseudonym", username)
        user = self.model(username=username.strip().lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, username, password=None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        user = self.create_user(username, password, **extra)
        RoleGrant.objects.get_or_create(user=user, role=Role.ADMINISTRATOR)
        return user


class User(Pseudonymous, AbstractBaseUser, PermissionsMixin):
    username = models.CharField(_("login name"), max_length=40, unique=True, validators=[username_validator])
    pseudonym = models.CharField(
        _("pseudonym"),
        max_length=40,
        validators=[pseudonym_validator],
        help_text=_("The name others see. It does not need to be your real name."),
    )
    email = models.EmailField(_("email"), blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64, default="UTC")
    country = models.CharField(_("country"), max_length=2, blank=True, help_text=_("Used to show crisis lines."))
    language = models.CharField(_("language"), max_length=8, default="en")
    year_of_birth = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    # Declared at sign-up in youth mode (or derived from the year of birth); see accounts.actions.age_band_of.
    age_band = models.CharField(_("age band"), max_length=10, choices=AgeBand.choices, blank=True)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False, help_text="Can open the Django admin.")
    date_joined = models.DateTimeField(default=timezone.now)
    erasure_requested_at = models.DateTimeField(null=True, blank=True)
    is_demo = models.BooleanField(default=False)

    objects = UserManager()

    USERNAME_FIELD = "username"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        constraints = [models.UniqueConstraint(Lower("pseudonym"), name="unique_pseudonym_ci")]

    @property
    def roles(self) -> frozenset[str]:
        cached = getattr(self, "_roles_cache", None)
        if cached is None:
            cached = frozenset(self.role_grants.values_list("role", flat=True)) | {Role.MEMBER.value}
            self._roles_cache = cached
        return cached

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles & set(roles))

    @property
    def is_staff_member(self) -> bool:
        return bool(self.roles & STAFF_ROLES)

    def age_this_year(self, today=None) -> int | None:
        if self.year_of_birth is None:
            return None
        return (today or timezone.localdate()).year - self.year_of_birth


class RoleGrant(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_grants")
    role = models.CharField(max_length=32, choices=Role.choices)
    granted_at = models.DateTimeField(default=timezone.now)
    granted_by_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="unique_role_grant")]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.role}"


class ConsentPurpose(models.TextChoices):
    PRIVACY = "privacy", _("Privacy notice")
    HEALTH_DATA = "health_data", _("Storing my health data")
    PRACTITIONER_SHARING = "practitioner_sharing", _("Sharing with my practitioner")
    AI_FEATURES = "ai_features", _("Automated features (companion, screening of my journal)")
    RESEARCH = "research", _("Research use of de-identified data")


class ConsentDocument(models.Model):
    purpose = models.CharField(max_length=32, choices=ConsentPurpose.choices)
    version = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=500)
    body = models.TextField()
    published_at = models.DateTimeField(default=timezone.now)
    # A material change: earlier consents stop counting until the person agrees again.
    requires_reconsent = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["purpose", "version"], name="unique_consent_version")]
        ordering = ["purpose", "-version"]

    def __str__(self) -> str:
        return f"{self.purpose} v{self.version}"


class ConsentRecord(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="consents")
    document = models.ForeignKey(ConsentDocument, on_delete=models.PROTECT, related_name="records")
    purpose = models.CharField(max_length=32, choices=ConsentPurpose.choices)
    given_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["user", "purpose"])]
        ordering = ["-given_at"]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.purpose}"


class SharingGrant(models.Model):
    """A person's choice to share one kind of self-help data (or one journal entry) with their
    practitioner(s). Revoking sets revoked_at; the row stays as the record of consent.

    It lives here, beside the consent it depends on, because self-help, safety and care all read it
    and withdrawing the practitioner-sharing consent revokes it. The table keeps the name it had in
    self-help (selfcare/migrations/0008 moved only the model's state, no data)."""

    class DataType(models.TextChoices):
        # Marked for the catalogue, translated where shown (the sharing page).
        CHECKINS = "checkins", gettext_noop("check-ins and insights")
        QUESTIONNAIRES = "questionnaires", gettext_noop("questionnaire results")
        SAFETY_PLAN = "safety_plan", gettext_noop("safety plan")
        EXERCISES = "exercises", gettext_noop("exercise history")
        JOURNAL_ENTRY = "journal_entry", gettext_noop("one journal entry")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="sharing_grants")
    data_type = models.CharField(max_length=20, choices=DataType.choices)
    # A lazy reference, not an import: accounts imports no feature app (pyproject's contract).
    journal_entry = models.ForeignKey("selfcare.JournalEntry", null=True, blank=True, on_delete=models.CASCADE,
                                      related_name="sharing_grants")
    # Empty: every practitioner the person has an active care relationship with.
    practitioner = models.ForeignKey(User, null=True, blank=True, on_delete=models.CASCADE,
                                     related_name="received_sharing_grants")
    granted_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "selfcare_sharinggrant"
        ordering = ["-granted_at"]
        indexes = [models.Index(fields=["user", "data_type"])]

    def __str__(self) -> str:
        return f"{self.user_id} shares {self.data_type}"


class TokenScope(models.TextChoices):
    READ = "read", _("Read")
    WRITE = "write", _("Read and write")


class AccessToken(models.Model):
    """A personal access token for programs; only its SHA-256 is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="access_tokens")
    name = models.CharField(max_length=100)
    token_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=12)
    scope = models.CharField(max_length=8, choices=TokenScope.choices, default=TokenScope.READ)
    # Set when the token was created by someone who had just proved their second factor;
    # staff APIs accept only such tokens.
    two_factor = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.name})"

    @property
    def is_usable(self) -> bool:
        now = timezone.now()
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)


class LoginFailure(models.Model):
    """A failed log-in, counted per account name and per address to throttle guessing."""

    scope = models.CharField(max_length=8)  # "account" or "address"
    key = models.CharField(max_length=128)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["scope", "key", "at"])]

    def __str__(self) -> str:
        return f"{self.scope} failure at {self.at:%Y-%m-%d %H:%M}"
