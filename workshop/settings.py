"""Settings for Verticaal, all read from environment variables with safe local defaults.

Local use (the default) runs on SQLite with the in-memory channel layer. A public deployment sets
ALLOWED_HOSTS to its own host name; it then refuses to start with DEBUG on or without SECRET_KEY.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from workshop.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VERTICAAL_VAR_DIR", str(BASE_DIR / "var")))

LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "testserver"}
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")


def is_local(host: str) -> bool:
    """Loopback and private-network addresses (a laptop serving phones in the room) are local;
    any host name other than localhost counts as public."""
    if host in LOCAL_HOSTS:
        return True
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return address.is_private or address.is_loopback


PUBLIC = not all(is_local(host) for host in ALLOWED_HOSTS)

DEBUG = env_bool("DEBUG", default=not PUBLIC)
SECRET_KEY = env_str("SECRET_KEY")
if PUBLIC and DEBUG:
    raise ImproperlyConfigured("DEBUG must be off when ALLOWED_HOSTS names a public host.")
if not SECRET_KEY:
    if PUBLIC:
        raise ImproperlyConfigured("SECRET_KEY must be set when ALLOWED_HOSTS names a public host.")
    SECRET_KEY = "local-development-only-not-secret"  # noqa: S105 - only ever used on localhost

CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
if env_bool("BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=PUBLIC)
# Phones must be recognised at the follow-up meeting weeks later (Dag 2).
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_DAYS", 120) * 24 * 3600
SESSION_COOKIE_SAMESITE = "Lax"

INSTALLED_APPS = [
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "channels",
    "game",
    "sessions.apps.LiveSessionsConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "workshop.urls"
ASGI_APPLICATION = "workshop.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASE_URL = env_str("DATABASE_URL")
# Connections are reused, not opened per call: under ASGI every database_sync_to_async call
# used to open and close one (13 % of a busy process's CPU).
DATABASE_POOL_MAX = env_int("DATABASE_POOL_MAX", 10)
if DATABASE_URL:
    # PostgreSQL: Django's psycopg pool (a call may run on any thread, so a pool and not
    # persistent per-thread connections). Above the command threads plus the consumers' thread.
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=0)}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": 2,
            "max_size": DATABASE_POOL_MAX,
            "timeout": 10,
        }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env_str("SQLITE_PATH", str(VAR_DIR / "verticaal.sqlite3")),
            # SQLite: one connection per thread, kept (the threads are few and long-lived),
            # checked before reuse.
            "CONN_MAX_AGE": None,
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": {
                # WAL + IMMEDIATE + a busy timeout: concurrent writers queue instead of failing
                # with "database is locked".
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
REDIS_SOCKET_TIMEOUT_SECONDS = env_int("REDIS_SOCKET_TIMEOUT_SECONDS", 15)
if REDIS_URL:
    from channels_redis.core import RedisChannelLayer

    if RedisChannelLayer.brpop_timeout >= REDIS_SOCKET_TIMEOUT_SECONDS:
        raise ImproperlyConfigured(
            "REDIS_SOCKET_TIMEOUT_SECONDS must be above channels_redis' blocking wait "
            f"({RedisChannelLayer.brpop_timeout} s), or quiet sockets are closed."
        )
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                # channels_redis blocks up to 5 s on BZPOPMIN for a process's next message;
                # redis-py's socket timeout must be above that wait, or a quiet room raises
                # TimeoutError inside a consumer and every phone is closed with 1011. Health
                # checks notice a connection Redis dropped before a command is lost on it.
                "hosts": [
                    {
                        "address": REDIS_URL,
                        "socket_timeout": REDIS_SOCKET_TIMEOUT_SECONDS,
                        "socket_connect_timeout": 5,
                        "socket_keepalive": True,
                        "health_check_interval": 10,
                    }
                ],
                "prefix": env_str("CHANNELS_PREFIX", "verticaal"),
                "capacity": 1000,
                "expiry": 30,
            },
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

# The cache holds short-lived counters (a browser's failed day-2 claims, sessions.claims): in
# Redis when there is one, so every process counts the same misses; else per process.
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CHANNELS_PREFIX", "verticaal"),
            "OPTIONS": {"socket_timeout": 5, "socket_connect_timeout": 5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# How long after its last renewal a connection still counts as online (a killed process stops
# renewing its rows every PRESENCE_REFRESH_SECONDS). Arrivals and departures reach the database,
# the console and the projector once per PRESENCE_FLUSH_MS.
PRESENCE_TIMEOUT_SECONDS = env_int("PRESENCE_TIMEOUT_SECONDS", 75)
PRESENCE_REFRESH_SECONDS = env_int("PRESENCE_REFRESH_SECONDS", 20)
PRESENCE_FLUSH_MS = env_int("PRESENCE_FLUSH_MS", 1000)
# Connections of one process that may be between handshake and first snapshot at once; more
# are asked to come back after their backoff (a join storm of a congress hall).
MAX_ARRIVING_CONNECTIONS = env_int("MAX_ARRIVING_CONNECTIONS", 200)
# Broadcasts of a session are coalesced into at most one notice per this many milliseconds.
BROADCAST_INTERVAL_MS = env_int("BROADCAST_INTERVAL_MS", 150)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "facilitator:home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # whitenoise warns on every request while it is missing
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Static files are served as collected (`collectstatic`, which `make run` and the browser tests
# run): gzip and brotli next to each file, so a phone on the venue's Wi-Fi downloads a third.
# STATIC_FROM_SOURCE=1 serves static/ as it is, uncompressed, while editing it.
WHITENOISE_USE_FINDERS = env_bool("STATIC_FROM_SOURCE", default=False)
WHITENOISE_AUTOREFRESH = WHITENOISE_USE_FINDERS

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # WeasyPrint narrates every rendering step at INFO; its warnings are what matter.
    "loggers": {name: {"level": "WARNING"} for name in ("weasyprint", "fontTools")},
}
