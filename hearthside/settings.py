"""Django settings for Hearthside, read from environment variables (see docs/configuration.md)."""

from __future__ import annotations

import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from hearthside.core.backup import parse_backup_key
from hearthside.core.env import (
    ConfigError,
    database_from_url,
    env_bool,
    env_int,
    env_list,
    env_str,
)
from hearthside.core.keys import dev_audit_key, dev_data_keys, dev_secret_key, parse_data_keys

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("HEARTHSIDE_VAR_DIR", str(BASE_DIR / "var")))

ENVIRONMENT = env_str("HEARTHSIDE_ENV", "development")
if ENVIRONMENT not in {"development", "production", "test"}:
    raise ConfigError("HEARTHSIDE_ENV must be development, production or test")
PRODUCTION = ENVIRONMENT == "production"
DEBUG = env_bool("HEARTHSIDE_DEBUG", default=not PRODUCTION)
if PRODUCTION and DEBUG:
    raise ConfigError("HEARTHSIDE_DEBUG must be off in production")

if PRODUCTION:
    SECRET_KEY = env_str("HEARTHSIDE_SECRET_KEY", required=True)
    if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure"):
        raise ConfigError("HEARTHSIDE_SECRET_KEY must be a random string of at least 50 characters")
    DATA_KEYS = parse_data_keys(env_str("HEARTHSIDE_DATA_KEYS", required=True))
else:
    SECRET_KEY = env_str("HEARTHSIDE_SECRET_KEY") or dev_secret_key(VAR_DIR)
    DATA_KEYS = parse_data_keys(env_str("HEARTHSIDE_DATA_KEYS") or dev_data_keys(VAR_DIR))

# The audit chain is an HMAC chain under a key of its own (not SECRET_KEY, not a data key): with
# database access alone nobody can delete or edit an event and recompute the chain.
AUDIT_KEY = env_str("HEARTHSIDE_AUDIT_KEY", required=PRODUCTION) or dev_audit_key(VAR_DIR)
if len(AUDIT_KEY) < 32 or AUDIT_KEY == SECRET_KEY or any(AUDIT_KEY == key.decode("latin-1") for _k, key in DATA_KEYS):
    raise ConfigError("HEARTHSIDE_AUDIT_KEY must be a random string of at least 32 characters, used for nothing else")
# Every appended event's (seq, hash) is also written to this append-only file, outside the
# database: `hearthside audit verify --anchor FILE` notices a rewritten or truncated chain.
AUDIT_ANCHOR_FILE = env_str("HEARTHSIDE_AUDIT_ANCHOR_FILE") or str(VAR_DIR / "audit-anchor.log")
# Client addresses are kept only as keyed hashes, beside the chain, and deleted after this long.
AUDIT_ADDRESS_RETENTION_DAYS = env_int("HEARTHSIDE_AUDIT_ADDRESS_RETENTION_DAYS", 30)
# `hearthside backup` seals its files with this key (not a data key; no development default:
# without it backups are refused). Generate one with `hearthside backup --new-key`.
BACKUP_KEY = parse_backup_key(env_str("HEARTHSIDE_BACKUP_KEY"), DATA_KEYS)
# pg_dump and pg_restore are stopped (with any process they started) after this many seconds, so a
# hung dump fails `hearthside backup` with a message instead of holding it, and its lock, for ever.
BACKUP_TIMEOUT = env_int("HEARTHSIDE_BACKUP_TIMEOUT", 3600, minimum=1)

ALLOWED_HOSTS = env_list("HEARTHSIDE_ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver", "[::1]"])
if PRODUCTION and not ALLOWED_HOSTS:
    raise ConfigError("HEARTHSIDE_ALLOWED_HOSTS must list the site's host names in production")
CSRF_TRUSTED_ORIGINS = env_list("HEARTHSIDE_CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("HEARTHSIDE_SITE_URL", "http://127.0.0.1:8000")
SITE_NAME = env_str("HEARTHSIDE_SITE_NAME", "Hearthside")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # For its static files only: the interactive API documentation (/api/v1/docs) serves
    # django-ninja's own copy of Swagger UI from this site, never from a CDN.
    "ninja",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "channels",
    "django_tasks",
    "django_tasks_db",
    "hearthside.core",
    "hearthside.accounts",
    "hearthside.safety",
    "hearthside.selfcare",
    "hearthside.community",
    "hearthside.care",
    "hearthside.companion",
    "hearthside.supportline",
    "hearthside.friends",
    "hearthside.paging",
    "hearthside.compliance",
]

MIDDLEWARE = [
    # Outermost: times every request; answers GET /metrics to loopback/private addresses or the token.
    "hearthside.core.metrics.MetricsMiddleware",
    "hearthside.core.middleware.SecurityHeadersMiddleware",
    # GET /help/ answers with the packaged crisis lines if anything below fails (database down).
    "hearthside.safety.middleware.HelpAlwaysAnswersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Bearer-token API requests without a session cookie skip the browser's middleware below
    # (sessions, CSRF, messages...) and keep locale, host check, NUL check, X-Frame-Options.
    "hearthside.core.middleware.TokenApiMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "hearthside.core.middleware.RejectNulMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "hearthside.accounts.middleware.SessionTimeoutMiddleware",
    "hearthside.accounts.middleware.StaffTwoFactorMiddleware",
    "hearthside.supportline.middleware.GuestConfinementMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "hearthside.urls"
WSGI_APPLICATION = "hearthside.wsgi.application"
ASGI_APPLICATION = "hearthside.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "hearthside" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "hearthside.core.context_processors.site",
                "hearthside.safety.context_processors.help_lines",
                "hearthside.supportline.context_processors.outreach",
            ],
            # {% url %} keeps what it reversed (core/templatetags/kept_urls.py).
            "builtins": ["hearthside.core.templatetags.kept_urls", "hearthside.core.templatetags.kept_parts"],
        },
    },
]

DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": database_from_url(DATABASE_URL)}
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env_str("HEARTHSIDE_SQLITE_PATH", str(VAR_DIR / "hearthside.sqlite3")),
            # Tests use a file too, so a test can prove that health data is not in it in clear text.
            "TEST": {"NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")},
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
            # Opening a SQLite connection per request was a third of a request's cost (bench).
            "CONN_MAX_AGE": 60,
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
# Seconds to gather arrivals and departures before a group's presence count is sent (see
# community/presence.py); one frame per burst instead of one per person.
PRESENCE_DELAY = 1.0
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            # redis-py 8 gives up reading after 5 s by default, as long as channels_redis's blocking
            # pop waits: every websocket idle for 5 s crashed. Reads may take longer than the pop.
            "CONFIG": {"hosts": [{"address": REDIS_URL, "socket_timeout": 30}],
                       "prefix": env_str("HEARTHSIDE_REDIS_PREFIX", "hearthside")},
        }
    }
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# How long the safety layer keeps a flagged copy of what someone wrote (ScreenedItem), counted from
# when its alert was resolved (or from when it was kept, with no alert open about the person).
SAFETY_SCREENED_RETENTION_DAYS = env_int("HEARTHSIDE_SAFETY_RETENTION_DAYS", 90, minimum=1)

# Abuse limits (hearthside/core/limits.py): "<count>/<s|m|h|d>", "" switches one off. Counted in
# the cache: shared by every process with Redis, per process without it. A limit keyed by address
# counts everyone behind one NAT (a campus, a shelter) together: raise it for such sites.
# The support line's light proof of work (hearthside/core/pow.py): leading zero bits asked for.
POW_BITS = env_int("HEARTHSIDE_POW_BITS", 14, minimum=0)
RATE_LIMITS = {
    # Anonymous visitors opening a support-line conversation (each makes a guest and joins the queue).
    "supportline.guest": env_str("HEARTHSIDE_LIMIT_SUPPORTLINE_GUEST", "6/h"),
    # ...of which without the page's light proof of work (no JavaScript, or a script): fewer.
    "supportline.guest_unverified": env_str("HEARTHSIDE_LIMIT_SUPPORTLINE_GUEST_UNVERIFIED", "2/h"),
    "signup": env_str("HEARTHSIDE_LIMIT_SIGNUP", "10/h"),
    "password_reset": env_str("HEARTHSIDE_LIMIT_PASSWORD_RESET", "5/h"),
    "forum.thread": env_str("HEARTHSIDE_LIMIT_FORUM_THREAD", "10/h"),
}

# The fan-out's Redis channel (core/fanout.py) carries this prefix too, like the channel layer's.
REDIS_PREFIX = env_str("HEARTHSIDE_REDIS_PREFIX", "hearthside")

# Worker (core/worker.py): where it writes its heartbeat; how long a task may stay "running"
# before it is taken for the work of a dead worker and queued again (longer than any task can
# take: e-mail tasks are bounded by EMAIL_TIMEOUT per relay operation); after how many seconds
# without a heartbeat, or with a task waiting, /healthz says "degraded".
WORKER_HEARTBEAT_FILE = Path(env_str("HEARTHSIDE_WORKER_HEARTBEAT_FILE", str(VAR_DIR / "worker-heartbeat.json")))
WORKER_TASK_LEASE_SECONDS = env_int("HEARTHSIDE_TASK_LEASE_SECONDS", 300, minimum=10)
WORKER_TASK_MAX_ATTEMPTS = env_int("HEARTHSIDE_TASK_MAX_ATTEMPTS", 5, minimum=1)
WORKER_STALE_SECONDS = env_int("HEARTHSIDE_WORKER_STALE_SECONDS", 60, minimum=5)
WORKER_BACKLOG_SECONDS = env_int("HEARTHSIDE_TASK_BACKLOG_SECONDS", 120, minimum=5)

TASKS = {
    "default": {
        "BACKEND": env_str("HEARTHSIDE_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Accounts policy (operator settings).
MIN_AGE = env_int("HEARTHSIDE_MIN_AGE", 16, minimum=13)
LOGIN_MAX_FAILURES_PER_ACCOUNT = env_int("HEARTHSIDE_LOGIN_MAX_FAILURES", 5, minimum=1)
LOGIN_MAX_FAILURES_PER_ADDRESS = env_int("HEARTHSIDE_LOGIN_MAX_FAILURES_PER_ADDRESS", 20, minimum=1)
LOGIN_LOCKOUT_SECONDS = env_int("HEARTHSIDE_LOGIN_LOCKOUT_SECONDS", 15 * 60, minimum=1)
# The first lock-out of an account from one address lasts this long; each further failure doubles
# it, up to LOGIN_LOCKOUT_SECONDS. Failures from other addresses never lock the account.
LOGIN_LOCKOUT_FIRST_SECONDS = env_int("HEARTHSIDE_LOGIN_LOCKOUT_FIRST_SECONDS", 30, minimum=1)
SESSION_IDLE_TIMEOUT = env_int("HEARTHSIDE_SESSION_IDLE_SECONDS", 30 * 60, minimum=60)
SESSION_ABSOLUTE_TIMEOUT = env_int("HEARTHSIDE_SESSION_ABSOLUTE_SECONDS", 12 * 3600, minimum=300)
ERASURE_GRACE_DAYS = env_int("HEARTHSIDE_ERASURE_GRACE_DAYS", 14, minimum=0)
# Youth mode (docs/communities.md, "Youth mode"): for services that admit under-18s. Accounts carry
# an age band; under-18 groups are apart from adult ones; every post and chat message in them waits
# for a moderator, who should decide within the target minutes (sooner when screening flagged it).
YOUTH_MODE = env_bool("HEARTHSIDE_YOUTH_MODE", default=False)
YOUTH_REVIEW_MINUTES = env_int("HEARTHSIDE_YOUTH_REVIEW_MINUTES", 60, minimum=1)
YOUTH_REVIEW_MINUTES_FLAGGED = env_int("HEARTHSIDE_YOUTH_REVIEW_MINUTES_FLAGGED", 15, minimum=1)
# Who young members (and moderators) contact about a safeguarding concern, as the operator's policy
# names them: shown in under-18 groups and in the moderation queue. Free text, e.g. a name and number.
YOUTH_SAFEGUARDING_CONTACT = env_str("HEARTHSIDE_YOUTH_SAFEGUARDING_CONTACT", "")
DEMO_CONTENT_ALLOWED = not PRODUCTION

# Self-help: when a PHQ-9 item 9 answer above 0 raises a safety alert ("always" or "never";
# help is shown to the person either way).
SELFCARE_ITEM9_ALERT = env_str("HEARTHSIDE_ITEM9_ALERT", "always")
if SELFCARE_ITEM9_ALERT not in {"always", "never"}:
    raise ConfigError("HEARTHSIDE_ITEM9_ALERT must be always or never")

# Safety: seconds to acknowledge an alert before it escalates (supervisor, then administrators).
SAFETY_ACK_SECONDS = {
    "imminent": env_int("HEARTHSIDE_ACK_IMMINENT_SECONDS", 120, minimum=10),
    "high": env_int("HEARTHSIDE_ACK_HIGH_SECONDS", 600, minimum=10),
    "moderate": env_int("HEARTHSIDE_ACK_MODERATE_SECONDS", 3600, minimum=10),
    "unknown": env_int("HEARTHSIDE_ACK_HIGH_SECONDS", 600, minimum=10),
}

# Safety: what happens to text in a language the screener cannot read ("review": published and
# queued for a person to look; "hold": held until a person has looked). Never silently passed.
SAFETY_UNSUPPORTED_LANGUAGE = env_str("HEARTHSIDE_UNSUPPORTED_LANGUAGE", "review")
if SAFETY_UNSUPPORTED_LANGUAGE not in {"review", "hold"}:
    raise ConfigError("HEARTHSIDE_UNSUPPORTED_LANGUAGE must be review or hold")

# Safety: an operator's own crisis model (`hearthside safety train --out PATH`), applied together
# with the rules and the shipped model. A pickle: name only a file you trained yourself.
SAFETY_MODEL = env_str("HEARTHSIDE_SAFETY_MODEL", "")

# Safety reports (safety/reports.py): a count from 1 to this minus 1 is shown as "<N", so that a
# published figure cannot single anyone out. 1 turns suppression off (for internal use only).
SAFETY_REPORT_MIN_COUNT = env_int("HEARTHSIDE_SAFETY_REPORT_MIN_COUNT", 10, minimum=1)

# Safety: the site's default country (two letters): whose crisis lines people see until they
# choose their own. Empty: none (only /help/ then guesses from the browser's language list).
SITE_COUNTRY = env_str("HEARTHSIDE_COUNTRY").strip().upper()
if SITE_COUNTRY and not (len(SITE_COUNTRY) == 2 and SITE_COUNTRY.isascii() and SITE_COUNTRY.isalpha()):
    raise ConfigError("HEARTHSIDE_COUNTRY must be a two-letter country code, such as GB or ES")
# Safety: the neutral page "Quick exit" (and Esc twice) leaves for, replacing the page in history.
QUICK_EXIT_URL = env_str("HEARTHSIDE_QUICK_EXIT_URL", "https://www.google.com/")
if not (QUICK_EXIT_URL.startswith(("https://", "http://")) and QUICK_EXIT_URL.split("/")[2]):
    raise ConfigError("HEARTHSIDE_QUICK_EXIT_URL must be a full http(s) address, such as https://www.google.com/")

# Companion: "offline" (the built-in dialogue manager) or "llm" (an OpenAI-compatible
# chat-completions endpoint, with the offline engine as fallback). Disclosures of abuse, harm to
# others or a child in danger raise a safety alert when HEARTHSIDE_COMPANION_DISCLOSURE_ALERT is
# "always" (help is shown to the person either way).
COMPANION_ENGINE = env_str("HEARTHSIDE_COMPANION_ENGINE", "offline")
if COMPANION_ENGINE not in {"offline", "llm"}:
    raise ConfigError("HEARTHSIDE_COMPANION_ENGINE must be offline or llm")
COMPANION_LLM_BASE_URL = env_str("HEARTHSIDE_COMPANION_LLM_BASE_URL")
COMPANION_LLM_MODEL = env_str("HEARTHSIDE_COMPANION_LLM_MODEL")
COMPANION_LLM_API_KEY = env_str("HEARTHSIDE_COMPANION_LLM_API_KEY")
COMPANION_LLM_TIMEOUT = env_int("HEARTHSIDE_COMPANION_LLM_TIMEOUT_SECONDS", 15, minimum=1)
if COMPANION_ENGINE == "llm" and not (COMPANION_LLM_BASE_URL and COMPANION_LLM_MODEL):
    raise ConfigError("HEARTHSIDE_COMPANION_ENGINE=llm needs HEARTHSIDE_COMPANION_LLM_BASE_URL and _MODEL")
COMPANION_DISCLOSURE_ALERT = env_str("HEARTHSIDE_COMPANION_DISCLOSURE_ALERT", "always")
if COMPANION_DISCLOSURE_ALERT not in {"always", "never"}:
    raise ConfigError("HEARTHSIDE_COMPANION_DISCLOSURE_ALERT must be always or never")
# Jurisdiction profile for the companion (docs/compliance.md): a file name in
# hearthside/compliance/data/profiles/ (checked when the app starts); a person's own region, set by
# the team, wins. The operator's own companion mode may be stricter than the profile's, never looser.
COMPLIANCE_PROFILE = env_str("HEARTHSIDE_COMPLIANCE_PROFILE", "default")
COMPLIANCE_COMPANION_MODE = env_str("HEARTHSIDE_COMPLIANCE_COMPANION_MODE", "")
if COMPLIANCE_COMPANION_MODE not in {"", "off", "wellness", "full"}:
    raise ConfigError("HEARTHSIDE_COMPLIANCE_COMPANION_MODE must be off, wellness or full (or unset)")

# Friends (peer profiles, connections, circle of support): operator settings.
# Topics of shared experience members may pick (slugs; shown translated where known).
FRIENDS_TOPICS = env_list("HEARTHSIDE_FRIENDS_TOPICS", [
    "anxiety", "depression", "grief", "loneliness", "stress", "burnout", "caring", "parenting",
    "studies", "work", "lgbtq", "chronic-illness", "addiction-recovery", "self-harm-recovery",
])
FRIENDS_MIN_AGE = env_int("HEARTHSIDE_FRIENDS_MIN_AGE", MIN_AGE, minimum=13)
FRIENDS_CIRCLE_SIZE = env_int("HEARTHSIDE_FRIENDS_CIRCLE_SIZE", 5, minimum=1)
FRIENDS_REQUESTS_PER_DAY = env_int("HEARTHSIDE_FRIENDS_REQUESTS_PER_DAY", 10, minimum=1)
FRIENDS_REPORTS_TO_HOLD = env_int("HEARTHSIDE_FRIENDS_REPORTS_TO_HOLD", 3, minimum=1)

# Counselling: ICE servers for session video and audio (WebRTC). Empty by default, so no request
# leaves the platform unless the operator names its own STUN/TURN servers.
CARE_STUN_URLS = env_list("HEARTHSIDE_CARE_STUN_URLS")
CARE_TURN_URLS = env_list("HEARTHSIDE_CARE_TURN_URLS")
CARE_TURN_USERNAME = env_str("HEARTHSIDE_CARE_TURN_USERNAME")
CARE_TURN_CREDENTIAL = env_str("HEARTHSIDE_CARE_TURN_CREDENTIAL")

# Counselling: tell a client's practitioner (in active care) when the safety layer flags risk
# about the client anywhere on the site; clients are shown this policy when they book.
PRACTITIONER_RISK_NOTIFY = env_bool("HEARTHSIDE_PRACTITIONER_RISK_NOTIFY", True)

# Support line: conversations one supporter holds at once; days transcripts are kept after the end.
SUPPORTLINE_CAPACITY = env_int("HEARTHSIDE_SUPPORTLINE_CAPACITY", 3, minimum=1)
SUPPORTLINE_RETENTION_DAYS = env_int("HEARTHSIDE_SUPPORTLINE_RETENTION_DAYS", 30, minimum=1)

# Paging of on-call staff for safety alerts (docs/paging.md). Web Push is on when both VAPID keys
# are set (`hearthside paging vapid-keys` prints a pair); text messages when HEARTHSIDE_SMS_PROVIDER
# names a provider: "twilio" (any Twilio-compatible REST API) or "fake" (kept in memory; not in
# production). Every send gives up after PAGING_TIMEOUT_SECONDS and is retried by the task queue.
PAGING_VAPID_PUBLIC_KEY = env_str("HEARTHSIDE_VAPID_PUBLIC_KEY")
PAGING_VAPID_PRIVATE_KEY = env_str("HEARTHSIDE_VAPID_PRIVATE_KEY")
PAGING_VAPID_SUBJECT = env_str("HEARTHSIDE_VAPID_SUBJECT")  # mailto: or https:; default SITE_URL
PAGING_PUSH_TTL_SECONDS = env_int("HEARTHSIDE_PUSH_TTL_SECONDS", 900, minimum=0)
PAGING_SMS_PROVIDER = env_str("HEARTHSIDE_SMS_PROVIDER")
if PAGING_SMS_PROVIDER not in {"", "twilio", "fake"} or (PRODUCTION and PAGING_SMS_PROVIDER == "fake"):
    raise ConfigError("HEARTHSIDE_SMS_PROVIDER must be empty or twilio (fake outside production)")
PAGING_SMS_BASE_URL = env_str("HEARTHSIDE_SMS_BASE_URL", "https://api.twilio.com")
PAGING_SMS_ACCOUNT = env_str("HEARTHSIDE_SMS_ACCOUNT_SID")
PAGING_SMS_TOKEN = env_str("HEARTHSIDE_SMS_AUTH_TOKEN")
PAGING_SMS_FROM = env_str("HEARTHSIDE_SMS_FROM")
if PAGING_SMS_PROVIDER == "twilio" and not (PAGING_SMS_ACCOUNT and PAGING_SMS_TOKEN and PAGING_SMS_FROM):
    raise ConfigError("HEARTHSIDE_SMS_PROVIDER=twilio needs HEARTHSIDE_SMS_ACCOUNT_SID, _AUTH_TOKEN and _FROM")
PAGING_TIMEOUT_SECONDS = env_int("HEARTHSIDE_PAGING_TIMEOUT_SECONDS", 5, minimum=1)
PAGING_MAX_ATTEMPTS = env_int("HEARTHSIDE_PAGING_MAX_ATTEMPTS", 4, minimum=1)
PAGING_RETRY_SECONDS = env_int("HEARTHSIDE_PAGING_RETRY_SECONDS", 30, minimum=1)
PAGING_REQUEUE_AFTER_SECONDS = env_int("HEARTHSIDE_PAGING_REQUEUE_AFTER_SECONDS", 120, minimum=10)

SESSION_ENGINE = "hearthside.accounts.sessions"
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_TIMEOUT
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_NAME = "hearthside_session"

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("HEARTHSIDE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("HEARTHSIDE_HSTS_SECONDS", 31536000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("HEARTHSIDE_HSTS_PRELOAD", False)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    if not SECURE_HSTS_PRELOAD:
        SILENCED_SYSTEM_CHECKS = ["security.W021"]
# Trust X-Forwarded-For only behind our own proxy.
TRUST_X_FORWARDED_FOR = env_bool("HEARTHSIDE_TRUST_X_FORWARDED_FOR", False)

# Metrics (core/metrics.py, docs/deploy.md "Metrics"): GET /metrics answers loopback and private
# addresses (unless switched off) and requests with this bearer token; everyone else gets 404.
METRICS_TOKEN = env_str("HEARTHSIDE_METRICS_TOKEN")
if METRICS_TOKEN and len(METRICS_TOKEN) < 32:
    raise ConfigError("HEARTHSIDE_METRICS_TOKEN must be a random string of at least 32 characters")
METRICS_ALLOW_PRIVATE = env_bool("HEARTHSIDE_METRICS_ALLOW_PRIVATE", True)
if env_str("PROMETHEUS_MULTIPROC_DIR"):  # every process writes its counts there (multi-process mode)
    Path(env_str("PROMETHEUS_MULTIPROC_DIR")).mkdir(parents=True, exist_ok=True)

EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if env_str("HEARTHSIDE_SMTP_HOST")
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = env_str("HEARTHSIDE_SMTP_HOST", "localhost")
EMAIL_PORT = env_int("HEARTHSIDE_SMTP_PORT", 587, minimum=1)
EMAIL_HOST_USER = env_str("HEARTHSIDE_SMTP_USER")
EMAIL_HOST_PASSWORD = env_str("HEARTHSIDE_SMTP_PASSWORD")
EMAIL_USE_TLS = env_bool("HEARTHSIDE_SMTP_TLS", True)
DEFAULT_FROM_EMAIL = env_str("HEARTHSIDE_FROM_EMAIL", "Hearthside <no-reply@localhost>")
# Seconds a connection to the mail relay may block (connect, each read and write). Without it a
# relay that accepts and never answers would hold a worker, or a password-reset request, forever.
EMAIL_TIMEOUT = env_int("HEARTHSIDE_SMTP_TIMEOUT_SECONDS", 10, minimum=1)

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "hearthside" / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("HEARTHSIDE_STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "hearthside" / "static"]
# Static files are served by the app itself (WhiteNoise): no CDN, nothing from third parties.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = DEBUG

OTP_TOTP_ISSUER = SITE_NAME

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("HEARTHSIDE_LOG_LEVEL", "WARNING")},
}
